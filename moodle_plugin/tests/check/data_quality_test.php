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

namespace local_magistere\check;

use core\check\result;
use local_magistere\local\marks;
use local_magistere\local\views;

/**
 * Tests of the data-quality status check: one bad row never takes a page down; the site administrator gets every
 * anomaly with its table, row id, field and what to do; nobody else sees them.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\check\data_quality
 */
final class data_quality_test extends \local_magistere\tests\testcase {
    /**
     * A clean site: OK, and the check is among Moodle's status checks.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_clean_site(string $source): void {
        $this->use_source($source);
        $this->generator()->create_circ(['code' => 'C1']);
        $this->generator()->create_parcours();
        $result = (new data_quality())->get_result();
        $this->assertSame(result::OK, $result->get_status(), $result->get_summary());
        $names = array_map(fn($check) => get_class($check), \core\check\manager::get_status_checks());
        $this->assertContains(data_quality::class, $names);
    }

    /**
     * The rows of issue 10.6: every page still answers; the check lists each one to the administrator.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_anomalies(string $source): void {
        global $DB;
        $this->use_source($source);
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1']);
        // The school's circonscription code imported in another case.
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'c1']);
        $p = $gen->create_parcours(['participants' => 3]);
        foreach ($p->participants as $user) {
            $gen->set_school((int) $user->id, '0690001B');
        }
        marks::set((int) $p->course->id, [(int) $p->participants[0]->id], true, (int) $p->trainers[0]->id);
        $ien = $this->getDataGenerator()->create_user();
        $gen->create_inspector(['userid' => $ien->id, 'circonscription' => 'C1']);
        $roleid = $this->getDataGenerator()->create_role();
        assign_capability('local/magistere:viewcirconscription', CAP_ALLOW, $roleid, \context_system::instance()->id);
        role_assign($roleid, $ien->id, \context_system::instance()->id);

        // An orphan completion row, a mark left by a deleted course, a duration typed "2h30", a control character in
        // a name, a role assignment to a missing context.
        $orphan = $DB->insert_record('course_modules_completion', (object) ['coursemoduleid' => 987654,
            'userid' => $p->participants[1]->id, 'completionstate' => 1, 'timemodified' => time()]);
        $leftover = $DB->insert_record('local_magistere_mark', (object) ['courseid' => 987654,
            'userid' => $p->participants[1]->id, 'finished' => 1, 'creditedminutes' => 60, 'timemodified' => time(),
            'modifiedby' => $p->trainers[0]->id]);
        $fieldid = \local_magistere\local\duration_field::find_field_id('magistere_duration');
        $DB->set_field('customfield_data', 'decvalue', null, ['fieldid' => $fieldid, 'instanceid' => $p->course->id]);
        $DB->set_field('customfield_data', 'value', '2h30', ['fieldid' => $fieldid, 'instanceid' => $p->course->id]);
        $dataid = $DB->get_field('customfield_data', 'id', ['fieldid' => $fieldid, 'instanceid' => $p->course->id]);
        $DB->set_field('user', 'lastname', "Du\x07rand", ['id' => $p->participants[2]->id]);
        $ra = $DB->insert_record('role_assignments', (object) ['roleid' => $DB->get_field('role', 'id', ['shortname' => 'student']),
            'contextid' => 987654, 'userid' => $p->participants[1]->id, 'timemodified' => time(), 'modifierid' => 0,
            'component' => '', 'itemid' => 0, 'sortorder' => 0]);

        // Every page still answers, exact for the good rows; nobody but the administrator sees an anomaly.
        $view = views::circonscription((int) $ien->id);
        $this->assertCount(3, $view['teachers']);
        $byid = array_column($view['teachers'], null, 'id');
        $this->assertSame('finished', $byid[(int) $p->participants[0]->id]['enrolments'][0]['status']);
        $this->assertSame('Du rand', $byid[(int) $p->participants[2]->id]['lastname']);
        $tracker = \local_magistere\local\engine::tracker_for_course((int) $p->course->id);
        $trainer = $tracker->trainerView((int) $p->trainers[0]->id, (int) $p->course->id);
        $this->assertNull($trainer['course']['duration_minutes']);
        $this->assertCount(3, $trainer['participants']);
        foreach ([$view, $trainer] as $answer) {
            foreach (['anomal', 'missing_reference', 'invalid_text', 'invalid_duration'] as $word) {
                $this->assertStringNotContainsString($word, json_encode($answer));
            }
        }

        $result = (new data_quality())->get_result();
        $this->assertSame(result::WARNING, $result->get_status());
        $this->assertStringContainsString('6', $result->get_summary());
        $details = $result->get_details();
        foreach (
            [
                ['course_modules_completion', $orphan, 'coursemoduleid', 'missing_reference'],
                ['local_magistere_mark', $leftover, 'courseid', 'missing_reference'],
                ['customfield_data', $dataid, 'value', 'invalid_duration'],
                ['user', $p->participants[2]->id, 'lastname', 'invalid_text'],
                ['role_assignments', $ra, 'contextid', 'missing_reference'],
                ['local_magistere_school', $DB->get_field('local_magistere_school', 'id', ['uai' => '0690001B']),
                    'circonscription', 'case_mismatch'],
            ] as [$table, $id, $field, $problem]
        ) {
            $row = '~>' . $table . '</td>\s*<td[^>]*>' . $id . '</td>\s*<td[^>]*>' . $field . '</td>\s*<td[^>]*>'
                . $problem . '</td>~';
            $this->assertMatchesRegularExpression($row, $details, "$table $id $field");
            $this->assertStringContainsString(s(data_quality::advice($problem)), $details);
        }
        $this->assertStringContainsString('fix_course_sequence', get_string('dataquality:fix:section_mismatch', 'local_magistere'));
    }

    /**
     * Every problem the engine reports has its advice, in English and in French.
     */
    public function test_every_problem_has_advice(): void {
        $tracker = new \Magistere\Tracker(\Magistere\Source::rows(['local_magistere_circ' => [
            ['id' => 1, 'code' => ' ', 'name' => 'x'],
        ]]));
        $this->assertSame('empty_value', $tracker->dataQuality()['anomalies'][0]['problem']);
        $string = [];
        include(__DIR__ . '/../../lang/fr/local_magistere.php');
        foreach (data_quality::PROBLEMS as $problem) {
            $this->assertNotSame('', data_quality::advice($problem));
            $this->assertNotEmpty($string['dataquality:fix:' . $problem]);
            $this->assertNotSame(data_quality::advice($problem), $string['dataquality:fix:' . $problem]);
        }
        $this->assertSame('', data_quality::advice('nonsense'));
    }
}
