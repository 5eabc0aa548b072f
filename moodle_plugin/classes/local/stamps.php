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
 * The change stamps of the resident models (docs/resident.md): counters the extension reads to know that a model
 * it keeps between requests is still what the database holds.
 *
 * One counter for the site (roles, profile and course custom fields, modules enabled, schools, circonscriptions,
 * inspectors), one per course (everything a view of that parcours shows: completions, enrolments, roles, groups,
 * settings, activities, marks, the names and schools of its people), one for the memberships of everybody (who is
 * enrolled, holds a role or has a mark where: "my trainings" depends on it). Each is bumped by the observers of the
 * events that can change what a view shows (db/events.php), after the change is committed: a model read with the
 * old stamp is then never served again, and a model read between the commit and the bump holds the new rows under
 * the old stamp, which only costs one more read. Counters only grow and rows are never deleted, so the sum of the
 * counters of a scope grows with every change of any of them (a read replica is fresh enough for a view when its
 * sum is at least the primary's).
 *
 * No counter is kept per user: a count of the changes concerning a person would be a record of his activity.
 *
 * Only MariaDB/MySQL sites bump them: resident models exist only for the engine's direct source, which reads those
 * databases only.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class stamps {
    /** @var string the table. */
    public const TABLE = 'local_magistere_stamp';

    /** @var int the site's counter. */
    public const SITE = 0;

    /** @var int a course's counter (itemid: the course). */
    public const COURSE = 1;

    /** @var int the memberships' counter. */
    public const MEMBERS = 2;

    /** @var string[] the config_log names whose change changes what the engine counts. */
    private const CONFIG_NAMES = ['mod_visibility', 'enablecompletion'];

    /**
     * Bumps one counter (created at 1).
     *
     * @param int $itemtype self::SITE, self::COURSE or self::MEMBERS
     * @param int $itemid the course for self::COURSE, else 0
     */
    public static function bump(int $itemtype, int $itemid = 0): void {
        global $DB;
        if ($DB->get_dbfamily() !== 'mysql') {
            return;
        }
        try {
            $DB->execute(
                'INSERT INTO {' . self::TABLE . '} (itemtype, itemid, stamp) VALUES (:itemtype, :itemid, 1)
                 ON DUPLICATE KEY UPDATE stamp = stamp + 1',
                ['itemtype' => $itemtype, 'itemid' => $itemid]
            );
        } catch (\dml_exception $e) {
            // Before the upgrade that creates the table (observers run during upgrades), nothing to bump.
            if ($DB->get_manager()->table_exists(self::TABLE)) {
                throw $e;
            }
        }
    }

    /**
     * A course changed.
     *
     * @param int $courseid
     */
    public static function course(int $courseid): void {
        if ($courseid > 0 && $courseid != SITEID) {
            self::bump(self::COURSE, $courseid);
        }
    }

    /**
     * Who is a member of a course, or has a record in it, changed.
     *
     * @param int $courseid
     */
    public static function membership(int $courseid): void {
        self::course($courseid);
        self::bump(self::MEMBERS);
    }

    /**
     * Something every view may show changed (a role, a field, a school...).
     */
    public static function site(): void {
        self::bump(self::SITE);
    }

    /**
     * A person changed (name, school, suspension): every course he is in, and the memberships.
     *
     * @param int $userid
     */
    public static function user(int $userid): void {
        foreach (self::courses_of($userid) as $courseid) {
            self::course($courseid);
        }
        self::bump(self::MEMBERS);
    }

    /**
     * The courses where a user is enrolled (in any state), holds a course-level role or has a mark.
     *
     * @param int $userid
     * @return int[]
     */
    public static function courses_of(int $userid): array {
        global $DB;
        $sql = "SELECT e.courseid
                  FROM {user_enrolments} ue
                  JOIN {enrol} e ON e.id = ue.enrolid
                 WHERE ue.userid = :u1
                 UNION
                SELECT ctx.instanceid
                  FROM {role_assignments} ra
                  JOIN {context} ctx ON ctx.id = ra.contextid AND ctx.contextlevel = :level
                 WHERE ra.userid = :u2
                 UNION
                SELECT mk.courseid
                  FROM {local_magistere_mark} mk
                 WHERE mk.userid = :u3";
        $ids = $DB->get_fieldset_sql($sql, ['u1' => $userid, 'u2' => $userid, 'u3' => $userid, 'level' => CONTEXT_COURSE]);
        return array_values(array_unique(array_map('intval', $ids)));
    }

    /**
     * Event observer (db/events.php): a change inside a course (completion, settings, activities, sections, groups,
     * reset, restore, deletion).
     *
     * @param \core\event\base $event
     */
    public static function course_changed(\core\event\base $event): void {
        self::course((int) $event->courseid);
    }

    /**
     * Event observer: who is in a course changed (enrolments, enrolment methods, marks).
     *
     * @param \core\event\base $event
     */
    public static function membership_changed(\core\event\base $event): void {
        self::membership((int) $event->courseid);
    }

    /**
     * Event observer: a role was assigned or unassigned; only course-level roles make trainers and participants.
     *
     * @param \core\event\base $event
     */
    public static function role_changed(\core\event\base $event): void {
        $context = $event->get_context();
        if ($context && $context->contextlevel == CONTEXT_COURSE) {
            self::membership((int) $context->instanceid);
        }
    }

    /**
     * Event observer: a person changed (updated, created, deleted).
     *
     * @param \core\event\base $event
     */
    public static function user_changed(\core\event\base $event): void {
        self::user((int) ($event->relateduserid ?: $event->objectid));
    }

    /**
     * Event observer: something of the whole site (roles, profile fields, course custom fields).
     *
     * @param \core\event\base $event
     */
    public static function site_changed(\core\event\base $event): void {
        self::site();
    }

    /**
     * Event observer: a setting changed; modules enabled or disabled, completion tracking on or off.
     *
     * @param \core\event\config_log_created $event
     */
    public static function config_changed(\core\event\config_log_created $event): void {
        if (in_array($event->other['name'] ?? '', self::CONFIG_NAMES, true)) {
            self::site();
        }
    }
}
