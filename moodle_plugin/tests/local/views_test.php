<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

namespace local_magistere\local;

/**
 * Tests of the site-level views and their capabilities: inspector (R4), statistics (R5), transparency (R9),
 * "my trainings".
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\views
 * @covers     \local_magistere\local\my_trainings
 */
final class views_test extends \local_magistere\tests\testcase {
    /** @var \stdClass the parcours */
    private $p;

    /** @var \stdClass the inspector */
    private $ien;

    /**
     * A parcours with participants in schools of two circonscriptions, an inspector of the first.
     */
    private function build(): void {
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1', 'name' => 'Lyon 1']);
        $gen->create_circ(['code' => 'C2', 'name' => 'Lyon 2']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1', 'name' => 'École A']);
        $gen->create_school(['uai' => '0690002C', 'circonscription' => 'C2', 'name' => 'École B']);
        $this->p = $gen->create_parcours(['participants' => 3]);
        $gen->set_school((int) $this->p->participants[0]->id, '0690001B');
        $gen->set_school((int) $this->p->participants[1]->id, '0690002C');
        $this->ien = $this->getDataGenerator()->create_user();
        $gen->create_inspector(['userid' => $this->ien->id, 'circonscription' => 'C1']);
        marks::set(
            (int) $this->p->course->id,
            [(int) $this->p->participants[0]->id],
            true,
            (int) $this->p->trainers[0]->id
        );
    }

    /**
     * Gives a system capability to a user through a new role.
     *
     * @param int $userid
     * @param string $capability
     */
    private function grant(int $userid, string $capability): void {
        $roleid = $this->getDataGenerator()->create_role();
        assign_capability($capability, CAP_ALLOW, $roleid, \context_system::instance()->id);
        role_assign($roleid, $userid, \context_system::instance()->id);
    }

    /**
     * The inspector sees his own circonscription's teachers: names, school, status, credited time; no
     * progress. Asking for another circonscription is "no permission" (R4).
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_circonscription(string $source): void {
        $this->use_source($source);
        $this->build();
        $this->grant((int) $this->ien->id, 'local/magistere:viewcirconscription');
        $view = views::circonscription((int) $this->ien->id);
        $this->assertSame([(int) $this->p->participants[0]->id], array_column($view['teachers'], 'id'));
        $teacher = $view['teachers'][0];
        $this->assertSame('0690001B', $teacher['school']['uai']);
        $this->assertSame(
            [['courseid' => (int) $this->p->course->id, 'status' => 'finished', 'credited_minutes' => 180]],
            $teacher['enrolments']
        );
        $this->assertStringNotContainsString('progress', json_encode($view));
        $this->assertStringNotContainsString('percent', json_encode($view));
        $this->assertSame([(int) $this->p->trainers[0]->id], array_column($view['parcours'][0]['trainers'], 'id'));
        try {
            views::circonscription((int) $this->ien->id, 'C2');
            $this->fail('Another circonscription must be refused');
        } catch (\moodle_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
        }
    }

    /**
     * Without the capability, the inspector's view is refused.
     */
    public function test_circonscription_refused(): void {
        $this->build();
        $this->expectException(\required_capability_exception::class);
        views::circonscription((int) $this->ien->id);
    }

    /**
     * Statistics: counts only, no name or id, small cells suppressed (R5).
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_statistics(string $source): void {
        $this->use_source($source);
        $this->build();
        $statistician = $this->getDataGenerator()->create_user(['firstname' => 'Stat', 'lastname' => 'Istician']);
        $this->grant((int) $statistician->id, 'local/magistere:viewstatistics');
        $table = views::statistics((int) $statistician->id, ['circonscription']);
        $this->assertSame(['circonscription'], $table['dimensions']);
        $this->assertSame(5, $table['k']);
        $json = json_encode($table);
        foreach ($this->p->participants as $user) {
            $this->assertStringNotContainsString($user->lastname, $json);
        }
        $this->assertStringNotContainsString('0690001B', $json);
        // Three participants in all: fewer than k, so every cell is suppressed.
        foreach ($table['cells'] as $cell) {
            $this->assertNotNull($cell['suppressed']);
            $this->assertNull($cell['participants']);
        }
        set_config('k', 3, 'local_magistere');
        $table = views::statistics((int) $statistician->id, ['academie']);
        $total = array_values(array_filter($table['cells'], fn($c) => $c['values']['academie'] === null))[0];
        $this->assertSame(3, $total['participants']);
        $this->assertNull($total['suppressed']);
    }

    /**
     * Without the capability, the statistics are refused.
     */
    public function test_statistics_refused(): void {
        $this->build();
        $this->setUser($this->ien);
        $this->expectException(\required_capability_exception::class);
        views::statistics((int) $this->ien->id, ['academie']);
    }

    /**
     * The participant sees what each role sees about him (R9); a trainer is refused.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_transparency(string $source): void {
        $this->use_source($source);
        $this->build();
        $user = $this->p->participants[0];
        $view = views::transparency((int) $user->id, (int) $this->p->course->id);
        $this->assertSame((int) $user->id, $view['user']['id']);
        $this->assertSame([(int) $this->p->trainers[0]->id], array_column($view['trainers']['who'], 'id'));
        $this->assertSame([(int) $this->ien->id], array_column($view['inspectors']['who'], 'id'));
        $this->assertSame('finished', $view['inspectors']['sees']['enrolments'][0]['status']);
        $this->assertSame(['connection_time', 'last_access', 'clicks', 'pages_viewed', 'resources_viewed'], $view['never']);
        $this->assertSame('statistics', $view['ministry']['sees']);
    }

    /**
     * A site administrator who is not enrolled holds the capability but is no participant: "no permission", not
     * the engine's "no user with id 2" (issue 10.5).
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_transparency_admin(string $source): void {
        $this->use_source($source);
        $this->build();
        $this->setAdminUser();
        try {
            views::transparency(2, (int) $this->p->course->id);
            $this->fail('An administrator who is no participant must be refused');
        } catch (\moodle_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
        }
    }

    /**
     * Transparency is refused to a user without the capability (the trainer).
     */
    public function test_transparency_refused(): void {
        $this->build();
        $this->expectException(\required_capability_exception::class);
        views::transparency((int) $this->p->trainers[0]->id, (int) $this->p->course->id);
    }

    /**
     * "My trainings" lists a participant's parcours with his status, and a trainer's parcours.
     */
    public function test_my_trainings(): void {
        $this->build();
        $mine = views::my_trainings((int) $this->p->participants[0]->id);
        $this->assertCount(1, $mine['participations']);
        $this->assertSame('finished', $mine['participations'][0]['status']);
        $this->assertTrue($mine['participations'][0]['current']);
        $this->assertSame(180, $mine['participations'][0]['mark']['credited_minutes']);
        $this->assertSame(0, $mine['participations'][0]['progress']['percent']);
        $this->assertSame([], $mine['trainer']);
        $trainer = views::my_trainings((int) $this->p->trainers[0]->id);
        $this->assertSame([], $trainer['participations']);
        $this->assertSame(['participants' => 3, 'finished' => 1], $trainer['trainer'][0]['summary']);
    }

    /**
     * "My trainings" is refused when the capability is prohibited.
     */
    public function test_my_trainings_refused(): void {
        global $DB;
        $this->build();
        $userrole = $DB->get_field('role', 'id', ['shortname' => 'user']);
        assign_capability('local/magistere:viewmytrainings', CAP_PROHIBIT, $userrole, \context_system::instance()->id, true);
        $this->expectException(\required_capability_exception::class);
        views::my_trainings((int) $this->p->participants[0]->id);
    }
}
