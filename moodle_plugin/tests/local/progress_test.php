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
require_once($CFG->libdir . '/completionlib.php');
require_once($CFG->libdir . '/gradelib.php');
require_once($CFG->dirroot . '/completion/completion_completion.php');

/**
 * The differential test of progress: for every participant of courses built with Moodle's generators, the plugin's
 * percentage (through the engine, with both sources) is the one Moodle shows on "My courses":
 * floor(\core_completion\progress::get_course_progress_percentage()).
 *
 * Covered: hidden activity, activity in a hidden section, activity without completion, an activity of a disabled
 * module, pass and fail on a visible grade item (states 2 and 3, set by Moodle when grading), a fail on a hidden grade
 * item (Moodle 4.5/5.0 store 0 for it: update_state() turns COMPLETION_COMPLETE_FAIL_HIDDEN into incomplete for the
 * pass-grade rule; sites upgraded from older releases still hold rows in state 4, so one is written as such a site
 * holds it), a completion row left on a module whose completion was turned off (Moodle counts it), course completion
 * (completion_completion::mark_complete()), completion off for the course and for the site, suspended and ended
 * enrolments, a suspended user.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\engine
 * @covers     \local_magistere\local\rows_loader
 * @covers     \local_magistere\local\my_trainings
 */
final class progress_test extends \local_magistere\tests\testcase {
    /** @var \stdClass the course with every kind of activity */
    private $course;

    /** @var \stdClass[] its trainer */
    private $trainer;

    /** @var \stdClass[] its participants, by key */
    private $users = [];

    /** @var \stdClass a course with completion off */
    private $off;

    /** @var \stdClass a course with no activity tracked */
    private $empty;

    /**
     * Marks an activity's completion for a user through Moodle's completion API.
     *
     * @param \stdClass $course
     * @param int $cmid
     * @param int $userid
     */
    private function complete(\stdClass $course, int $cmid, int $userid): void {
        $cm = get_fast_modinfo($course)->get_cm($cmid);
        (new \completion_info($course))->update_state($cm, COMPLETION_COMPLETE, $userid);
    }

    /**
     * Grades a user in an assignment through the gradebook (Moodle then updates the completion state).
     *
     * @param \stdClass $course
     * @param \stdClass $assign
     * @param int $userid
     * @param float $grade
     */
    private function grade(\stdClass $course, \stdClass $assign, int $userid, float $grade): void {
        $item = \grade_item::fetch(['itemtype' => 'mod', 'itemmodule' => 'assign', 'iteminstance' => $assign->id,
            'courseid' => $course->id, 'itemnumber' => 0]);
        $item->update_final_grade($userid, $grade, 'test');
    }

    /**
     * Builds the courses.
     */
    private function build(): void {
        global $DB;
        set_config('enablecompletion', 1);
        $gen = $this->getDataGenerator();
        $course = $gen->create_course(['enablecompletion' => 1, 'numsections' => 3]);
        $this->course = $course;
        set_section_visible($course->id, 2, 0);
        $manual = ['completion' => COMPLETION_TRACKING_MANUAL];
        $page1 = $gen->create_module('page', ['course' => $course->id, 'section' => 1], $manual);
        $hidden = $gen->create_module('page', ['course' => $course->id, 'section' => 1, 'visible' => 0], $manual);
        $insection = $gen->create_module('page', ['course' => $course->id, 'section' => 2], $manual);
        $nocompletion = $gen->create_module('page', ['course' => $course->id, 'section' => 1]);
        $forum = $gen->create_module('forum', ['course' => $course->id, 'section' => 3], $manual);
        $graded = ['completion' => COMPLETION_TRACKING_AUTOMATIC, 'completionusegrade' => 1, 'completionpassgrade' => 1,
            'grade' => 100, 'gradepass' => 50];
        $assign = $gen->create_module('assign', ['course' => $course->id, 'section' => 3] + $graded);
        $assignhidden = $gen->create_module('assign', ['course' => $course->id, 'section' => 3] + $graded);
        \grade_item::fetch(['itemtype' => 'mod', 'itemmodule' => 'assign', 'iteminstance' => $assignhidden->id,
            'courseid' => $course->id, 'itemnumber' => 0])->set_hidden(1);
        // The forum module disabled by the administrator: its activities leave Moodle's modinfo.
        $DB->set_field('modules', 'visible', 0, ['name' => 'forum']);
        rebuild_course_cache($course->id, true);

        $this->trainer = $gen->create_user(['lastname' => 'Formatrice']);
        $gen->enrol_user($this->trainer->id, $course->id, 'editingteacher');
        foreach (['a', 'b', 'c', 'd', 'e', 'f'] as $key) {
            $this->users[$key] = $gen->create_user(['lastname' => 'Participant ' . strtoupper($key)]);
            $gen->enrol_user($this->users[$key]->id, $course->id, 'student');
        }
        $a = (int) $this->users['a']->id;
        $b = (int) $this->users['b']->id;
        $c = (int) $this->users['c']->id;
        $d = (int) $this->users['d']->id;
        $e = (int) $this->users['e']->id;
        // A: the visible page, the hidden page, a pass.
        $this->complete($course, (int) $page1->cmid, $a);
        $this->complete($course, (int) $hidden->cmid, $a);
        $this->grade($course, $assign, $a, 80);
        // B: the page in the hidden section, a fail, a fail on the hidden grade item.
        $this->complete($course, (int) $insection->cmid, $b);
        $this->grade($course, $assign, $b, 30);
        $this->grade($course, $assignhidden, $b, 30);
        // C: a row in state 4 (an upgraded site's), a completion left on the page without completion, the forum.
        $DB->insert_record('course_modules_completion', (object) ['coursemoduleid' => $assignhidden->cmid, 'userid' => $c,
            'completionstate' => COMPLETION_COMPLETE_FAIL_HIDDEN, 'timemodified' => time()]);
        $DB->insert_record('course_modules_completion', (object) ['coursemoduleid' => $nocompletion->cmid, 'userid' => $c,
            'completionstate' => COMPLETION_COMPLETE, 'timemodified' => time()]);
        $DB->insert_record('course_modules_completion', (object) ['coursemoduleid' => $forum->cmid, 'userid' => $c,
            'completionstate' => COMPLETION_COMPLETE, 'timemodified' => time()]);
        $this->complete($course, (int) $page1->cmid, $c);
        // D: the course completed.
        $this->complete($course, (int) $page1->cmid, $d);
        (new \completion_completion(['course' => $course->id, 'userid' => $d]))->mark_complete();
        // E: a pass on the hidden grade item.
        $this->grade($course, $assignhidden, $e, 90);
        // Not current participants: a suspended enrolment, an ended one, a suspended user.
        $windows = ['suspended' => [0, 0, ENROL_USER_SUSPENDED], 'ended' => [time() - 86400 * 30, time() - 3600, null]];
        foreach ($windows as $key => $w) {
            $this->users[$key] = $gen->create_user(['lastname' => 'Gone ' . $key]);
            $gen->enrol_user($this->users[$key]->id, $course->id, 'student', 'manual', $w[0], $w[1], $w[2]);
            $this->complete($course, (int) $page1->cmid, (int) $this->users[$key]->id);
        }
        $this->users['usersuspended'] = $gen->create_user(['lastname' => 'Suspended user', 'suspended' => 1]);
        $gen->enrol_user($this->users['usersuspended']->id, $course->id, 'student');

        // A course whose completion was turned off after its activities were set up, and one with nothing tracked
        // (one participant completed it all the same).
        $this->off = $gen->create_course(['enablecompletion' => 1]);
        $offpage = $gen->create_module('page', ['course' => $this->off->id], $manual);
        $this->empty = $gen->create_course(['enablecompletion' => 1]);
        $gen->create_module('page', ['course' => $this->empty->id]);
        foreach ([$this->off, $this->empty] as $other) {
            $gen->enrol_user($this->trainer->id, $other->id, 'editingteacher');
            $gen->enrol_user($a, $other->id, 'student');
            $gen->enrol_user($b, $other->id, 'student');
        }
        (new \completion_completion(['course' => $this->empty->id, 'userid' => $a]))->mark_complete();
        $this->complete($this->off, (int) $offpage->cmid, $a);
        $DB->set_field('course', 'enablecompletion', 0, ['id' => $this->off->id]);
        rebuild_course_cache($this->off->id);
    }

    /**
     * Moodle's figure, as "My courses" shows it.
     *
     * @param \stdClass $course
     * @param int $userid
     * @return int|null
     */
    private static function moodle(\stdClass $course, int $userid): ?int {
        $percent = \core_completion\progress::get_course_progress_percentage($course, $userid);
        return $percent === null ? null : (int) floor($percent);
    }

    /**
     * For every participant of every course, the plugin's percentage (trainer view, participant view, "my
     * trainings") is Moodle's.
     *
     * @param \stdClass $course
     * @param int $expectedparticipants
     */
    private function check_course(\stdClass $course, int $expectedparticipants): void {
        $course = get_course($course->id);
        $tracker = engine::tracker_for_course((int) $course->id);
        $view = engine::call(fn() => $tracker->trainerView((int) $this->trainer->id, (int) $course->id));
        $this->assertCount($expectedparticipants, $view['participants']);
        foreach ($view['participants'] as $row) {
            $expected = self::moodle($course, $row['id']);
            $label = "user {$row['lastname']} in course {$course->id}";
            $this->assertSame($expected, $row['progress']['percent'], "trainer view, $label");
            $own = engine::call(fn() => $tracker->participantView($row['id'], (int) $course->id));
            $this->assertSame($expected, $own['progress']['percent'], "participant view, $label");
            $this->assertSame(
                (new \completion_info($course))->is_enabled() == COMPLETION_ENABLED,
                $own['progress']['completion_enabled'],
                $label
            );
            $mine = my_trainings::for_user($row['id']);
            $item = array_values(array_filter($mine['participations'], fn($p) => $p['course']['id'] === (int) $course->id))[0];
            $this->assertSame($expected, $item['progress']['percent'], "my trainings, $label");
        }
    }

    /**
     * The plugin's percentage is Moodle's for every participant, whatever the source.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_percentage_is_moodles(string $source): void {
        $this->use_source($source);
        $this->build();
        $this->check_course($this->course, 6);
        $this->check_course($this->off, 2);
        $this->check_course($this->empty, 2);

        $course = get_course($this->course->id);
        $tracker = engine::tracker_for_course((int) $course->id);
        $view = $tracker->trainerView((int) $this->trainer->id, (int) $course->id);
        $byname = array_column($view['participants'], null, 'lastname');
        // Five activities tracked: the page, the hidden page, the page of the hidden section, both assignments.
        $this->assertSame(5, count($view['activities']));
        $states = fn(string $name) => $byname[$name]['progress']['states'];
        $this->assertSame(['complete', 'complete', 'incomplete', 'pass', 'incomplete'], $states('Participant A'));
        $this->assertSame(['incomplete', 'incomplete', 'complete', 'fail', 'incomplete'], $states('Participant B'));
        // State 4 shows as a fail.
        $this->assertSame(['complete', 'incomplete', 'incomplete', 'incomplete', 'fail'], $states('Participant C'));
        $this->assertTrue($byname['Participant D']['progress']['course_complete']);
        // What the cases are (so that the comparison above is not between two empty answers).
        $expected = ['a' => 60, 'b' => 20, 'c' => 60, 'd' => 100, 'e' => 20, 'f' => 0];
        foreach ($expected as $key => $percent) {
            $this->assertSame($percent, self::moodle($course, (int) $this->users[$key]->id), "Moodle's figure for $key");
        }
        $this->assertNull(self::moodle(get_course($this->off->id), (int) $this->users['a']->id));
        $this->assertSame(100, self::moodle(get_course($this->empty->id), (int) $this->users['a']->id));
        $this->assertNull(self::moodle(get_course($this->empty->id), (int) $this->users['b']->id));

        // Not current participants: Moodle does not track them (null); the parcours does not list them (R1).
        foreach (['suspended', 'ended'] as $key) {
            $this->assertNull(self::moodle($course, (int) $this->users[$key]->id));
            $this->assertArrayNotHasKey('Gone ' . $key, $byname);
        }
        $this->assertArrayNotHasKey('Suspended user', $byname);
    }

    /**
     * With completion off for the site, Moodle shows no percentage, and neither does the plugin.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_site_completion_off(string $source): void {
        $this->use_source($source);
        $this->build();
        set_config('enablecompletion', 0);
        $course = get_course($this->course->id);
        $tracker = engine::tracker_for_course((int) $course->id);
        $view = $tracker->trainerView((int) $this->trainer->id, (int) $course->id);
        $this->assertCount(6, $view['participants']);
        foreach ($view['participants'] as $row) {
            $this->assertNull(self::moodle($course, $row['id']));
            $this->assertNull($row['progress']['percent']);
            $this->assertFalse($row['progress']['completion_enabled']);
        }
    }
}
