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
 * Tests of what lingers (issue 10.7): Moodle's own course deletion, user deletion and course reset, run for real,
 * and what they leave of the plugin's data.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\lifecycle
 */
final class lifecycle_test extends \advanced_testcase {
    /**
     * Two courses, each with a participant marked finished then another marked and unmarked.
     *
     * @return array [course1, course2, finished user, unfinished user, trainer]
     */
    private function build(): array {
        $this->resetAfterTest();
        $gen = $this->getDataGenerator();
        $c1 = $gen->create_course();
        $c2 = $gen->create_course();
        $done = $gen->create_user();
        $undone = $gen->create_user();
        $trainer = $gen->create_user();
        foreach ([$c1, $c2] as $course) {
            $gen->enrol_user($done->id, $course->id, 'student');
            $gen->enrol_user($undone->id, $course->id, 'student');
            marks::set((int) $course->id, [(int) $done->id, (int) $undone->id], true, (int) $trainer->id);
            marks::set((int) $course->id, [(int) $undone->id], false, (int) $trainer->id);
        }
        return [$c1, $c2, $done, $undone, $trainer];
    }

    /**
     * Deleting a course with Moodle's delete_course() removes its marks and audit rows, and only its.
     */
    public function test_course_deletion(): void {
        global $DB;
        [$c1, $c2] = $this->build();
        $this->assertSame(2, $DB->count_records(marks::TABLE, ['courseid' => $c1->id]));
        $this->assertSame(3, $DB->count_records(marks::HISTORY, ['courseid' => $c1->id]));
        ob_start();
        delete_course($c1->id, false);
        ob_end_clean();
        $this->assertSame(0, $DB->count_records(marks::TABLE, ['courseid' => $c1->id]));
        $this->assertSame(0, $DB->count_records(marks::HISTORY, ['courseid' => $c1->id]));
        $this->assertSame(2, $DB->count_records(marks::TABLE, ['courseid' => $c2->id]));
        $this->assertSame(3, $DB->count_records(marks::HISTORY, ['courseid' => $c2->id]));
    }

    /**
     * Deleting a user with Moodle's delete_user() removes his own marks, audit rows and inspector assignments; the
     * marks a deleted trainer made keep his id as their author.
     */
    public function test_user_deletion(): void {
        global $DB;
        [$c1, , $done, $undone, $trainer] = $this->build();
        $gen = $this->getDataGenerator()->get_plugin_generator('local_magistere');
        $gen->create_circ(['code' => 'C1']);
        $gen->create_inspector(['userid' => $done->id, 'circonscription' => 'C1']);
        delete_user($done);
        $this->assertFalse($DB->record_exists(marks::TABLE, ['userid' => $done->id]));
        $this->assertFalse($DB->record_exists(marks::HISTORY, ['userid' => $done->id]));
        $this->assertFalse($DB->record_exists('local_magistere_inspector', ['userid' => $done->id]));
        $this->assertSame(2, $DB->count_records(marks::TABLE, ['userid' => $undone->id]));

        delete_user($trainer);
        $this->assertSame(2, $DB->count_records(marks::TABLE, ['userid' => $undone->id, 'modifiedby' => $trainer->id]));
        $this->assertNotNull(marks::get((int) $c1->id, (int) $undone->id));
    }

    /**
     * Resetting a course with Moodle's reset_course_userdata(), enrolments and completion included, keeps the
     * training records (finished marks) and the audit, and removes the "not finished" marks.
     */
    public function test_course_reset(): void {
        global $DB;
        [$c1, $c2, $done, $undone] = $this->build();
        $data = (object) [
            'id' => $c1->id,
            'reset_start_date' => 0,
            'reset_roles_local' => 1,
            'unenrol_users' => [$DB->get_field('role', 'id', ['shortname' => 'student'])],
            'reset_completion' => 1,
        ];
        reset_course_userdata($data);
        $this->assertFalse(is_enrolled(\context_course::instance($c1->id), $done->id));
        $mark = marks::get((int) $c1->id, (int) $done->id);
        $this->assertSame(1, (int) $mark->finished);
        $this->assertNull(marks::get((int) $c1->id, (int) $undone->id));
        $this->assertSame(3, $DB->count_records(marks::HISTORY, ['courseid' => $c1->id]));
        $this->assertSame(2, $DB->count_records(marks::TABLE, ['courseid' => $c2->id]));
        // A new session: the participant who came back is ticked again, his audit numbering going on.
        $result = marks::set((int) $c1->id, [(int) $undone->id], true, 2);
        $this->assertSame(3, $result['changed'][(int) $undone->id]['after']['revision']);
    }
}
