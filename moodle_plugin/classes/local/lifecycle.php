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
 * What happens to the plugin's data when Moodle deletes a course or a user, or resets a course.
 *
 * - Course deleted: its marks and their audit trail are deleted, before the course itself (hook
 *   \core_course\hook\before_course_deleted, dispatched by delete_course() in Moodle 4.5 and 5.0, which
 *   replaces the legacy pre_course_delete callback; an observer of \core\event\course_deleted would run only once
 *   the course and its context are gone, and could leave orphans if it failed).
 * - User deleted: his own marks and their audit trail are deleted, and his inspector assignments (hook
 *   \core_user\hook\before_user_deleted, Moodle 4.5 and 5.0). A deleted user counts nowhere (a training record
 *   is that of a user not deleted), so these rows would only be personal data kept for nothing, as Moodle itself
 *   deletes the profile data and enrolments of a deleted user. The marks he made for others keep his id as
 *   "modified by" (the audit of their marks stays whole; the privacy API anonymises it when asked).
 * - Course reset: Moodle 4.5 and 5.0 let only activity modules add options to the reset form
 *   (course/reset_form.php, reset_course_userdata()), so the plugin follows \core\event\course_reset_ended with
 *   one fixed behaviour: the marks "finished" are training records (R7) and stay, whatever the reset removes
 *   (enrolments, completion); the "not finished" marks, which record nothing, are deleted; the audit trail
 *   stays.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class lifecycle {
    /**
     * Deletes a course's marks and audit trail.
     *
     * @param int $courseid
     */
    public static function delete_course_data(int $courseid): void {
        global $DB;
        $transaction = $DB->start_delegated_transaction();
        $DB->delete_records(marks::HISTORY, ['courseid' => $courseid]);
        $DB->delete_records(marks::TABLE, ['courseid' => $courseid]);
        $transaction->allow_commit();
        stamps::membership($courseid);
    }

    /**
     * Deletes a user's own marks and audit trail, and his inspector assignments.
     *
     * @param int $userid
     */
    public static function delete_user_data(int $userid): void {
        global $DB;
        $courses = stamps::courses_of($userid);
        $transaction = $DB->start_delegated_transaction();
        $DB->delete_records(marks::HISTORY, ['userid' => $userid]);
        $DB->delete_records(marks::TABLE, ['userid' => $userid]);
        $DB->delete_records('local_magistere_inspector', ['userid' => $userid]);
        $transaction->allow_commit();
        foreach ($courses as $courseid) {
            stamps::course($courseid);
        }
        stamps::bump(stamps::MEMBERS);
        stamps::site();
    }

    /**
     * Hook callback: a course is about to be deleted.
     *
     * @param \core_course\hook\before_course_deleted $hook
     */
    public static function before_course_deleted(\core_course\hook\before_course_deleted $hook): void {
        self::delete_course_data((int) $hook->course->id);
    }

    /**
     * Hook callback: a user is about to be deleted.
     *
     * @param \core_user\hook\before_user_deleted $hook
     */
    public static function before_user_deleted(\core_user\hook\before_user_deleted $hook): void {
        self::delete_user_data((int) $hook->user->id);
    }

    /**
     * Event observer: a course was reset. The training records stay; the "not finished" marks go.
     *
     * @param \core\event\course_reset_ended $event
     */
    public static function course_reset_ended(\core\event\course_reset_ended $event): void {
        global $DB;
        $DB->delete_records(marks::TABLE, ['courseid' => (int) $event->courseid, 'finished' => 0]);
        // After the marks: the reset removed enrolments and completions too (without an event per row).
        stamps::membership((int) $event->courseid);
    }
}
