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
        $previous = marks::set((int) $course->id, [(int) $user->id], true, (int) $trainer->id);
        $events = $sink->get_events();
        $sink->close();

        $this->assertSame([(int) $user->id => null], $previous);
        $this->assertCount(1, $events);
        $event = reset($events);
        $this->assertInstanceOf(\local_magistere\event\training_marked::class, $event);
        $this->assertSame((int) $user->id, (int) $event->relateduserid);
        $this->assertSame((int) $course->id, (int) $event->courseid);
        $this->assertTrue($event->other['finished']);
        $this->assertFalse($event->other['previousfinished']);
        $this->assertSame(95, $event->other['creditedminutes']);
        $this->assertSame(\context_course::instance($course->id)->id, $event->get_context()->id);

        $history = marks::history((int) $course->id, (int) $user->id);
        $this->assertCount(1, $history);
        $this->assertSame((int) $trainer->id, (int) $history[0]->modifiedby);
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
        $this->assertSame([], marks::set((int) $course->id, [(int) $user->id], false, 2));
        $this->assertSame(0, $DB->count_records('local_magistere_mark'));
        marks::set((int) $course->id, [(int) $user->id], true, 2);
        $sink = $this->redirectEvents();
        $this->assertSame([], marks::set((int) $course->id, [(int) $user->id], true, 2));
        $this->assertSame(0, $sink->count());
        $sink->close();
        $this->assertSame(1, $DB->count_records('local_magistere_mark_hist'));
    }

    /**
     * Without a forecast duration nothing is credited; restore puts back exactly the previous states.
     */
    public function test_restore(): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $u1 = $this->getDataGenerator()->create_user();
        $u2 = $this->getDataGenerator()->create_user();
        marks::set((int) $course->id, [(int) $u1->id], true, 2);
        $this->assertNull(marks::get((int) $course->id, (int) $u1->id)->creditedminutes);
        $previous = marks::set((int) $course->id, [(int) $u1->id, (int) $u2->id], false, 2);
        $this->assertSame([(int) $u1->id => ['finished' => true, 'creditedminutes' => null]], $previous);
        marks::restore((int) $course->id, $previous + [(int) $u2->id => null], 3);
        $this->assertSame(1, (int) marks::get((int) $course->id, (int) $u1->id)->finished);
        $this->assertSame(3, (int) marks::get((int) $course->id, (int) $u1->id)->modifiedby);
        $this->assertNull(marks::get((int) $course->id, (int) $u2->id));
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
