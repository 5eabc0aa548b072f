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

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->dirroot . '/completion/completion_completion.php');

/**
 * Tests of the rows fed from $DB to the engine on sites it does not read directly.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\rows_loader
 */
final class rows_loader_test extends \local_magistere\tests\testcase {
    /**
     * Only documented columns are read: nothing about connections (R6).
     */
    public function test_no_connection_columns(): void {
        global $DB;
        $p = $this->generator()->create_parcours();
        $DB->set_field('user', 'lastaccess', time(), ['id' => $p->participants[0]->id]);
        $tables = rows_loader::for_course((int) $p->course->id, engine::settings());
        $this->assertSame(
            ['id', 'firstname', 'lastname', 'idnumber', 'deleted', 'suspended'],
            array_keys((array) $tables['user'][0])
        );
        foreach ($tables as $name => $rows) {
            $this->assertStringNotContainsString('log', $name);
            foreach ($rows as $row) {
                foreach (['lastaccess', 'firstaccess', 'lastlogin', 'currentlogin', 'lastip', 'timeaccess'] as $column) {
                    $this->assertObjectNotHasProperty($column, $row);
                }
            }
        }
        $site = rows_loader::for_site(engine::settings());
        $this->assertSame(
            ['id', 'firstname', 'lastname', 'idnumber', 'deleted', 'suspended'],
            array_keys((array) $site['user'][0])
        );
    }

    /**
     * The columns read are exactly the engine's list (\Magistere\Source::columns()), in every scope.
     */
    public function test_columns_are_the_engines(): void {
        $p = $this->generator()->create_parcours(['participants' => 2]);
        $this->generator()->set_completion($p->activities[0], (int) $p->participants[0]->id, COMPLETION_COMPLETE);
        (new \completion_completion(['course' => $p->course->id, 'userid' => $p->participants[0]->id]))->mark_complete();
        marks::set((int) $p->course->id, [(int) $p->participants[1]->id], true, (int) $p->trainers[0]->id);
        $columns = \Magistere\Source::columns();
        $scopes = [
            'course' => rows_loader::for_course((int) $p->course->id, engine::settings()),
            'user' => rows_loader::for_user((int) $p->participants[0]->id, engine::settings()),
            'site' => rows_loader::for_site(engine::settings()),
        ];
        foreach ($scopes as $scope => $tables) {
            $this->assertSame([], array_diff(array_keys($tables), array_keys($columns)), $scope);
            foreach ($tables as $table => $rows) {
                foreach ($rows as $row) {
                    $this->assertSame($columns[$table], array_keys((array) $row), "$scope: $table");
                }
            }
            $this->assertNotEmpty($tables['course_completions'], $scope);
            $this->assertNotEmpty($tables['local_magistere_mark'], $scope);
        }
    }

    /**
     * A course's rows hold its people, their school, its circonscription and inspectors, and no other course.
     */
    public function test_course_scope(): void {
        $circ = $this->generator()->create_circ(['code' => 'C1']);
        $this->generator()->create_school(['uai' => '0690001B', 'circonscription' => 'C1']);
        $p = $this->generator()->create_parcours(['participants' => 2]);
        $other = $this->generator()->create_parcours(['participants' => 1]);
        $this->generator()->set_school((int) $p->participants[0]->id, '0690001B');
        $ien = $this->getDataGenerator()->create_user();
        $this->generator()->create_inspector(['userid' => $ien->id, 'circonscription' => $circ->code]);

        $tables = rows_loader::for_course((int) $p->course->id, engine::settings());
        $this->assertSame([(int) $p->course->id], array_map(fn($r) => (int) $r->id, $tables['course']));
        $userids = array_map(fn($r) => (int) $r->id, $tables['user']);
        $this->assertContains((int) $p->participants[0]->id, $userids);
        $this->assertContains((int) $ien->id, $userids);
        $this->assertNotContains((int) $other->participants[0]->id, $userids);
        $this->assertSame(['0690001B'], array_map(fn($r) => $r->uai, $tables['local_magistere_school']));
        $this->assertCount(1, $tables['customfield_data']);
        // The engine accepts them as they are.
        $tracker = new \Magistere\Tracker(\Magistere\Source::rows($tables), engine::settings());
        $view = $tracker->trainerView((int) $p->trainers[0]->id, (int) $p->course->id);
        $this->assertSame(180, $view['course']['duration_minutes']);
        $byid = array_column($view['participants'], null, 'id');
        $this->assertSame('0690001B', $byid[(int) $p->participants[0]->id]['school']['uai']);
    }

    /**
     * Both sources give the engine the same answer.
     */
    public function test_rows_and_direct_agree(): void {
        global $CFG;
        if (!in_array($CFG->dbtype, engine::DIRECT_DBTYPES, true)) {
            $this->markTestSkipped('The direct source needs a MariaDB/MySQL test database.');
        }
        $this->generator()->create_circ(['code' => 'C1']);
        $this->generator()->create_school(['uai' => '0690001B', 'circonscription' => 'C1']);
        $p = $this->generator()->create_parcours(['participants' => 4]);
        $this->generator()->set_school((int) $p->participants[1]->id, '0690001B');
        $this->generator()->set_completion($p->activities[0], (int) $p->participants[1]->id, COMPLETION_COMPLETE);
        marks::set((int) $p->course->id, [(int) $p->participants[2]->id], true, (int) $p->trainers[0]->id);
        $settings = engine::settings() + ['now' => time()];
        $settings['now'] = time();
        $rows = new \Magistere\Tracker(
            \Magistere\Source::rows(rows_loader::for_course((int) $p->course->id, $settings)),
            $settings
        );
        $direct = new \Magistere\Tracker(\Magistere\Source::fromMoodleConfig($CFG), $settings);
        $this->assertEquals(
            $direct->trainerView((int) $p->trainers[0]->id, (int) $p->course->id),
            $rows->trainerView((int) $p->trainers[0]->id, (int) $p->course->id)
        );
        $this->assertEquals(
            $direct->transparency((int) $p->participants[1]->id, (int) $p->course->id),
            $rows->transparency((int) $p->participants[1]->id, (int) $p->course->id)
        );
    }
}
