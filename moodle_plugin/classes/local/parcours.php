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

use moodle_exception;

/**
 * What the parcours page does, without the page: which view a user gets, and the trainer's marks.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class parcours {
    /**
     * The view of a parcours for a user: the trainer view (R3) when he may see it, else the participant view
     * (R2). The capabilities gate the engine's own rules; the engine's refusal becomes "no permission".
     *
     * @param int $courseid
     * @param int $userid
     * @return array ['mode' => 'trainer'|'participant', 'view' => the engine's array]
     * @throws moodle_exception nopermissions
     */
    public static function view(int $courseid, int $userid): array {
        $context = \context_course::instance($courseid);
        $tracker = engine::tracker_for_course($courseid);
        if (has_capability('local/magistere:viewtrainer', $context, $userid)) {
            try {
                return ['mode' => 'trainer', 'view' => $tracker->trainerView($userid, $courseid)];
            } catch (\Magistere\AccessDenied $e) {
                // Not a trainer of this parcours by role: he may still be one of its participants.
                if (!has_capability('local/magistere:viewown', $context, $userid)) {
                    throw new moodle_exception('nopermissions', 'error', '', get_string('viewpage', 'local_magistere'));
                }
            }
        } else if (!has_capability('local/magistere:viewown', $context, $userid)) {
            throw new \required_capability_exception($context, 'local/magistere:viewown', 'nopermissions', '');
        }
        return ['mode' => 'participant',
            'view' => engine::call(fn() => $tracker->participantView($userid, $courseid))];
    }

    /**
     * The trainer view, for a user who holds the capability.
     *
     * @param int $courseid
     * @param int $userid
     * @return array the engine's trainer view
     */
    public static function trainer_view(int $courseid, int $userid): array {
        require_capability('local/magistere:viewtrainer', \context_course::instance($courseid), $userid);
        $tracker = engine::tracker_for_course($courseid);
        return engine::call(fn() => $tracker->trainerView($userid, $courseid));
    }

    /**
     * Ticks or unticks "formation terminee" for participants of the parcours (R3, R7).
     *
     * @param int $courseid
     * @param int[] $userids participants; any id that is no participant refuses the whole request
     * @param bool $finished
     * @param int $trainerid
     * @return array what {@see marks::set()} returns, to undo
     * @throws moodle_exception
     */
    public static function mark(int $courseid, array $userids, bool $finished, int $trainerid): array {
        require_capability('local/magistere:mark', \context_course::instance($courseid), $trainerid);
        $view = self::trainer_view($courseid, $trainerid);
        $selection = participant_list::select($view['participants'], $userids);
        if ($selection['invalid']) {
            throw new moodle_exception('notparticipants', 'local_magistere', '', implode(', ', $selection['invalid']));
        }
        if (!$selection['valid']) {
            throw new moodle_exception('noselection', 'local_magistere');
        }
        $ids = array_map(fn($person) => (int) $person['id'], $selection['valid']);
        return marks::set($courseid, $ids, $finished, $trainerid);
    }

    /**
     * Undoes a marking: restores the states {@see mark()} returned, for users who are still participants.
     *
     * @param int $courseid
     * @param array $previous userid => previous state
     * @param int $trainerid
     * @return array the states before the undo
     */
    public static function undo(int $courseid, array $previous, int $trainerid): array {
        require_capability('local/magistere:mark', \context_course::instance($courseid), $trainerid);
        $view = self::trainer_view($courseid, $trainerid);
        $selection = participant_list::select($view['participants'], array_keys($previous));
        $keep = [];
        foreach ($selection['valid'] as $person) {
            $keep[(int) $person['id']] = $previous[(int) $person['id']];
        }
        return marks::restore($courseid, $keep, $trainerid);
    }

    /**
     * The user ids a trainer may see in the group filter (separate groups respected), or null for everybody.
     *
     * @param \stdClass $course
     * @param int $groupid the active group (0: all)
     * @param int $userid the trainer
     * @return int[]|null
     */
    public static function group_filter(\stdClass $course, int $groupid, int $userid): ?array {
        $context = \context_course::instance($course->id);
        $mode = groups_get_course_groupmode($course);
        $all = has_capability('moodle/site:accessallgroups', $context, $userid);
        if ($groupid > 0) {
            if ($mode == SEPARATEGROUPS && !$all && !groups_is_member($groupid, $userid)) {
                return [];
            }
            return array_map('intval', array_keys(groups_get_members($groupid, 'u.id')));
        }
        if ($mode == SEPARATEGROUPS && !$all) {
            // All of his groups, and nobody else.
            $ids = [];
            foreach (groups_get_all_groups($course->id, $userid) as $group) {
                foreach (array_keys(groups_get_members($group->id, 'u.id')) as $id) {
                    $ids[(int) $id] = (int) $id;
                }
            }
            return array_values($ids);
        }
        return null;
    }
}
