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
     * A participant of the parcours, in school $uai, marked finished when $finished.
     *
     * @param \stdClass $p the parcours
     * @param string $uai
     * @param bool $finished
     * @return \stdClass the user
     */
    private function add_participant(\stdClass $p, string $uai, bool $finished): \stdClass {
        $user = $this->getDataGenerator()->create_user();
        $this->getDataGenerator()->enrol_user($user->id, $p->course->id, 'student');
        $this->generator()->set_school((int) $user->id, $uai);
        if ($finished) {
            marks::set((int) $p->course->id, [(int) $user->id], true, (int) $p->trainers[0]->id);
        }
        return $user;
    }

    /**
     * The total of a release's schools table.
     *
     * @param array $release
     * @return array
     */
    private static function total(array $release): array {
        return $release['tables']['etablissements']['cells'][0];
    }

    /**
     * Statistics (R5): the ministry sees published releases only, each protected together with the earlier
     * ones; counts only, no name or id; every figure of a small group protected.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_statistics(string $source): void {
        $this->use_source($source);
        set_config('academie', 'LYON', 'local_magistere');
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1', 'name' => 'Lyon 1']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1', 'name' => 'École A']);
        $p = $gen->create_parcours(['participants' => 0]);
        $people = [];
        for ($i = 0; $i < 6; $i++) {
            $people[] = $this->add_participant($p, '0690001B', $i < 3);
        }
        $statistician = $this->getDataGenerator()->create_user(['firstname' => 'Stat', 'lastname' => 'Istician']);
        $this->grant((int) $statistician->id, 'local/magistere:viewstatistics');
        $publisher = $this->getDataGenerator()->create_user();
        $this->grant((int) $publisher->id, 'local/magistere:publishstatistics');
        $this->assertSame([], views::statistics_releases((int) $statistician->id));
        try {
            views::publish_statistics((int) $statistician->id);
            $this->fail('Publishing needs its own capability');
        } catch (\required_capability_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
        }

        // With k = 5, three people with a record, three without: every figure of the group is protected, and so is
        // every group that would give it away.
        $first = views::publish_statistics((int) $publisher->id);
        $release = views::statistics_release((int) $statistician->id, (int) $first->id);
        $this->assertSame(2, $release['version']);
        $this->assertSame(5, $release['k']);
        $this->assertSame('LYON', $release['academie']);
        $this->assertSame(['etablissements', 'parcours'], array_keys($release['tables']));
        $json = json_encode($release) . views::statistics_release_file((int) $statistician->id, (int) $first->id)->content;
        foreach ($people as $user) {
            $this->assertStringNotContainsString($user->lastname, $json);
            $this->assertStringNotContainsString('"' . $user->id . '"', $json);
        }
        $this->assertStringNotContainsString('0690001B', $json);
        $this->assertStringNotContainsString('suppress', $json);
        // Only the zeros of the "not recorded" groups (nobody in particular) are published.
        foreach ($release['tables'] as $table) {
            foreach ($table['cells'] as $cell) {
                $this->assertContains($cell['enrolments'], [null, 0]);
                $this->assertContains($cell['finished'], [null, 0]);
            }
        }
        $this->assertNull(self::total($release)['participants']);

        // With k = 3, the total is published.
        set_config('k', 3, 'local_magistere');
        $second = views::publish_statistics((int) $publisher->id);
        $total = self::total(views::statistics_release((int) $statistician->id, (int) $second->id));
        $this->assertSame(
            ['participants' => 6, 'enrolments' => 6, 'finished' => 3],
            array_intersect_key($total, array_flip(['participants', 'enrolments', 'finished']))
        );

        // One more person finishes: alone, the next release would publish 7 (the difference singles him out);
        // protected together with the earlier releases, it does not.
        $this->add_participant($p, '0690001B', true);
        $live = engine::statistics();
        $this->assertSame(7, self::total($live)['participants']);
        $third = views::publish_statistics((int) $publisher->id);
        $this->assertNull(self::total(views::statistics_release((int) $statistician->id, (int) $third->id))['participants']);
        $this->assertSame(
            [(int) $first->id, (int) $second->id, (int) $third->id],
            array_map('intval', array_keys(views::statistics_releases((int) $statistician->id)))
        );
    }

    /**
     * Without the capability, the statistics are refused.
     */
    public function test_statistics_refused(): void {
        $this->build();
        $this->setUser($this->ien);
        $this->expectException(\required_capability_exception::class);
        views::statistics_releases((int) $this->ien->id);
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
