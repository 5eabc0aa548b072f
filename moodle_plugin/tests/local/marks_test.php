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
 * Tests of the marks' storage: transaction, audit trail, event, snapshot and undo.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\marks
 * @covers     \local_magistere\event\training_marked
 */
final class marks_test extends \advanced_testcase {
    /**
     * Each change writes the mark, one audit row and one event with the previous state.
     */
    public function test_set_writes_audit_and_event(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $trainer = $this->getDataGenerator()->create_user();
        $user = $this->getDataGenerator()->create_user();
        $this->getDataGenerator()->get_plugin_generator('local_magistere')->set_duration((int) $course->id, 95);

        $sink = $this->redirectEvents();
        $result = marks::set((int) $course->id, [(int) $user->id], true, (int) $trainer->id);
        $events = $sink->get_events();
        $sink->close();

        $this->assertSame([(int) $user->id => ['before' => null,
            'after' => ['finished' => true, 'creditedminutes' => 95, 'revision' => 1]]], $result['changed']);
        $this->assertSame([], $result['unchanged']);
        $this->assertCount(1, $events);
        $event = reset($events);
        $this->assertInstanceOf(\local_magistere\event\training_marked::class, $event);
        $this->assertSame((int) $user->id, (int) $event->relateduserid);
        $this->assertSame((int) $course->id, (int) $event->courseid);
        $this->assertTrue($event->other['finished']);
        $this->assertFalse($event->other['previousfinished']);
        $this->assertSame(95, $event->other['creditedminutes']);
        $this->assertSame(1, $event->other['revision']);
        $this->assertSame(\context_course::instance($course->id)->id, $event->get_context()->id);

        $history = marks::history((int) $course->id, (int) $user->id);
        $this->assertCount(1, $history);
        $this->assertSame((int) $trainer->id, (int) $history[0]->modifiedby);
        $this->assertSame(1, (int) $history[0]->revision);
        $this->assertSame(95, (int) marks::get((int) $course->id, (int) $user->id)->creditedminutes);
    }

    /**
     * Setting the state a mark already has changes nothing; unticking without a mark writes nothing.
     */
    public function test_no_op(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $user = $this->getDataGenerator()->create_user();
        $this->assertSame([], marks::set((int) $course->id, [(int) $user->id], false, 2)['changed']);
        $this->assertSame(0, $DB->count_records('local_magistere_mark'));
        marks::set((int) $course->id, [(int) $user->id], true, 2);
        $sink = $this->redirectEvents();
        $this->assertSame([], marks::set((int) $course->id, [(int) $user->id], true, 2)['changed']);
        $this->assertSame(0, $sink->count());
        $sink->close();
        $this->assertSame(1, $DB->count_records('local_magistere_mark_hist'));
    }

    /**
     * Without a forecast duration nothing is credited; undo puts back exactly the previous states.
     */
    public function test_undo(): void {
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $u1 = $this->getDataGenerator()->create_user();
        $u2 = $this->getDataGenerator()->create_user();
        marks::set((int) $course->id, [(int) $u1->id], true, 2);
        $this->assertNull(marks::get((int) $course->id, (int) $u1->id)->creditedminutes);
        $result = marks::set((int) $course->id, [(int) $u1->id, (int) $u2->id], false, 2);
        $this->assertSame([(int) $u1->id => ['before' => ['finished' => true, 'creditedminutes' => null, 'revision' => 1],
            'after' => ['finished' => false, 'creditedminutes' => null, 'revision' => 2]]], $result['changed']);
        $this->assertSame([(int) $u2->id], $result['unchanged']);
        $undone = marks::undo((int) $course->id, $result['changed'], 3);
        $this->assertSame([(int) $u1->id], array_keys($undone['changed']));
        $this->assertSame([], $undone['skipped']);
        $mark = marks::get((int) $course->id, (int) $u1->id);
        $this->assertSame(1, (int) $mark->finished);
        $this->assertSame(3, (int) $mark->modifiedby);
        $this->assertSame(3, (int) $mark->revision);
        $this->assertNull(marks::get((int) $course->id, (int) $u2->id));
    }

    /**
     * Issue 10.3: "select all, mark as finished" after the forecast changed gives a snapshot to those not finished
     * yet only; the existing snapshots are never rewritten, and the result says how many of each.
     */
    public function test_bulk_finish_keeps_existing_snapshots(): void {
        global $DB;
        $this->resetAfterTest();
        $generator = $this->getDataGenerator();
        $course = $generator->create_course();
        $courseid = (int) $course->id;
        $users = [];
        for ($i = 0; $i < 23; $i++) {
            $users[] = (int) $generator->create_user()->id;
        }
        $plugin = $generator->get_plugin_generator('local_magistere');
        $plugin->set_duration($courseid, 540);
        $early = array_slice($users, 0, 3);
        marks::set($courseid, $early, true, 2);
        $plugin->set_duration($courseid, 600);

        $this->assertSame(['change' => array_slice($users, 3), 'unchanged' => $early], marks::plan($courseid, $users, true));
        $result = marks::set($courseid, $users, true, 2);
        $this->assertCount(20, $result['changed']);
        $this->assertSame($early, $result['unchanged']);
        foreach ($early as $userid) {
            $this->assertSame(540, (int) marks::get($courseid, $userid)->creditedminutes);
            $this->assertSame(1, (int) marks::get($courseid, $userid)->revision);
        }
        foreach (array_slice($users, 3) as $userid) {
            $this->assertSame(600, (int) marks::get($courseid, $userid)->creditedminutes);
        }
        $this->assertSame(23, $DB->count_records(marks::HISTORY, ['courseid' => $courseid]));
        $this->assertSame(3, $DB->count_records(marks::HISTORY, ['courseid' => $courseid, 'creditedminutes' => 540]));
    }

    /**
     * A form submitted twice: the second submission changes nothing, writes no audit row and no event.
     */
    public function test_double_submit(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $ids = [(int) $this->getDataGenerator()->create_user()->id, (int) $this->getDataGenerator()->create_user()->id];
        foreach ([true, false] as $finished) {
            $first = marks::set((int) $course->id, $ids, $finished, 2);
            $this->assertCount(2, $first['changed']);
            $sink = $this->redirectEvents();
            $second = marks::set((int) $course->id, $ids, $finished, 2);
            $this->assertSame(0, $sink->count());
            $sink->close();
            $this->assertSame([], $second['changed']);
            $this->assertSame($ids, $second['unchanged']);
        }
        $this->assertSame(4, $DB->count_records(marks::HISTORY));
        $this->assert_audit_consistent((int) $course->id);
    }

    /**
     * Issue 14: an undo after another trainer changed some of the same marks restores only the marks nobody
     * changed since, and says which it skipped; the other trainer's change stays. A second undo does nothing.
     */
    public function test_undo_after_another_change(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $courseid = (int) $course->id;
        [$u1, $u2, $u3] = [(int) $this->getDataGenerator()->create_user()->id,
            (int) $this->getDataGenerator()->create_user()->id, (int) $this->getDataGenerator()->create_user()->id];
        $a = 10;
        $b = 11;
        $this->getDataGenerator()->get_plugin_generator('local_magistere')->set_duration($courseid, 120);
        marks::set($courseid, [$u3], true, $b);
        $change = marks::set($courseid, [$u1, $u2, $u3], false, $a);
        $this->assertSame([$u3], array_keys($change['changed']));
        $change = marks::set($courseid, [$u1, $u2], true, $a);
        // Trainer B unticks u1 after A's change.
        marks::set($courseid, [$u1], false, $b);

        $undo = marks::undo($courseid, $change['changed'], $a);
        $this->assertSame([$u2], array_keys($undo['changed']));
        $this->assertSame([$u1 => marks::SKIP_CHANGED], $undo['skipped']);
        $this->assertSame(0, (int) marks::get($courseid, $u1)->finished);
        $this->assertSame($b, (int) marks::get($courseid, $u1)->modifiedby);
        $this->assertSame(0, (int) marks::get($courseid, $u2)->finished);

        // Undoing the same change again: both marks moved on since, nothing is written.
        $count = $DB->count_records(marks::HISTORY);
        $again = marks::undo($courseid, $change['changed'], $a);
        $this->assertSame([], $again['changed']);
        $this->assertSame([$u1 => marks::SKIP_CHANGED, $u2 => marks::SKIP_CHANGED], $again['skipped']);
        $this->assertSame($count, $DB->count_records(marks::HISTORY));

        // Undoing the undo puts u2 back to finished with his snapshot.
        marks::undo($courseid, $undo['changed'], $a);
        $this->assertSame(1, (int) marks::get($courseid, $u2)->finished);
        $this->assertSame(120, (int) marks::get($courseid, $u2)->creditedminutes);
        $this->assert_audit_consistent($courseid);
    }

    /**
     * An undo of an untick restores the credited snapshot of the time, not today's forecast (R7).
     */
    public function test_undo_restores_old_snapshot(): void {
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $courseid = (int) $course->id;
        $userid = (int) $this->getDataGenerator()->create_user()->id;
        $plugin = $this->getDataGenerator()->get_plugin_generator('local_magistere');
        $plugin->set_duration($courseid, 540);
        marks::set($courseid, [$userid], true, 2);
        $plugin->set_duration($courseid, 600);
        $untick = marks::set($courseid, [$userid], false, 2);
        marks::undo($courseid, $untick['changed'], 2);
        $this->assertSame(540, (int) marks::get($courseid, $userid)->creditedminutes);
    }

    /**
     * A mark removed while its audit trail stays (a course reset removes "not finished" marks): the next change
     * numbers on after the last audited one, so the audit never refuses it.
     */
    public function test_revision_goes_on_after_removed_mark(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $courseid = (int) $course->id;
        $userid = (int) $this->getDataGenerator()->create_user()->id;
        marks::set($courseid, [$userid], true, 2);
        marks::set($courseid, [$userid], false, 2);
        $DB->delete_records(marks::TABLE, ['courseid' => $courseid]);
        $result = marks::set($courseid, [$userid], true, 2);
        $this->assertSame(3, $result['changed'][$userid]['after']['revision']);
        $this->assert_audit_consistent($courseid);
    }

    /**
     * The audit table refuses a second row for the same change: the database itself keeps "every change in the
     * audit exactly once", whatever a concurrent writer does.
     */
    public function test_audit_refuses_duplicate_change(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $userid = (int) $this->getDataGenerator()->create_user()->id;
        marks::set((int) $course->id, [$userid], true, 2);
        $row = marks::history((int) $course->id, $userid)[0];
        unset($row->id);
        $this->expectException(\dml_write_exception::class);
        $DB->insert_record(marks::HISTORY, $row);
    }

    /**
     * While another request holds the parcours' lock, a change waits, then gives up with a clear error and writes
     * nothing; once the lock is free it goes through.
     */
    public function test_busy_lock(): void {
        global $CFG, $DB;
        $this->resetAfterTest();
        // The database-record factory does not let a second holder in, even from the same process.
        $CFG->lock_factory = '\\core\\lock\\db_record_lock_factory';
        set_config('marklocktimeout', 0, 'local_magistere');
        $course = $this->getDataGenerator()->create_course();
        $userid = (int) $this->getDataGenerator()->create_user()->id;
        $held = \core\lock\lock_config::get_lock_factory('local_magistere_marks')->get_lock('course' . $course->id, 0);
        $this->assertNotFalse($held);
        try {
            marks::set((int) $course->id, [$userid], true, 2);
            $this->fail('A change must not go through while the lock is held');
        } catch (\moodle_exception $e) {
            $this->assertSame('markbusy', $e->errorcode);
            $this->assertSame('local_magistere', $e->module);
        } finally {
            $held->release();
        }
        $this->assertSame(0, $DB->count_records(marks::TABLE));
        $this->assertSame(0, $DB->count_records(marks::HISTORY));
        $this->assertCount(1, marks::set((int) $course->id, [$userid], true, 2)['changed']);
    }

    /**
     * Every mark's audit trail is numbered 1, 2, ... without gap or double, the mark carries the last number,
     * and the last audit row says what the mark says.
     *
     * @param int $courseid
     */
    private function assert_audit_consistent(int $courseid): void {
        global $DB;
        $byuser = [];
        foreach ($DB->get_records(marks::HISTORY, ['courseid' => $courseid], 'userid, revision') as $row) {
            $byuser[(int) $row->userid][] = $row;
        }
        foreach ($byuser as $userid => $rows) {
            $this->assertSame(range(1, count($rows)), array_map(fn($r) => (int) $r->revision, $rows), "user $userid");
            $mark = marks::get($courseid, $userid);
            $last = end($rows);
            $this->assertSame((int) $last->revision, (int) $mark->revision);
            $this->assertSame((int) $last->finished, (int) $mark->finished);
            $this->assertSame($last->creditedminutes, $mark->creditedminutes);
        }
    }

    /**
     * The event's name and description.
     */
    public function test_event_strings(): void {
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $event = \local_magistere\event\training_marked::create(['objectid' => 1,
            'context' => \context_course::instance($course->id), 'courseid' => $course->id, 'relateduserid' => 5,
            'other' => ['finished' => false, 'creditedminutes' => null, 'previousfinished' => true]]);
        $this->assertStringContainsString('not finished', $event->get_description());
        $this->assertNotEmpty(\local_magistere\event\training_marked::get_name());
        $this->assertStringEndsWith('/local/magistere/course.php', $event->get_url()->get_path(false));
    }
}
