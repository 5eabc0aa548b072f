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
 * Moodle's separate groups, applied to the engine's views of a parcours.
 *
 * The rule is the one Moodle's participants page enforces (user/index.php and
 * \core_user\table\participants_search): when the course's group mode is "separate groups" and the user does
 * not hold moodle/site:accessallgroups in the course, he sees the members of his own groups only (every
 * grouping), and nobody when he is in no group. Visible groups and no groups limit nothing. The plugin's pages
 * are course pages, so the course's group mode applies (groupmodeforce only concerns activities).
 *
 * What it limits:
 * - a trainer's view: the participants listed, counted (summary), downloaded, and those he may tick, untick or
 *   undo (checked again on every POST);
 * - a participant's view: the other participants whose names he sees. The trainers stay listed: R2 promises
 *   every participant the names and message links of his parcours' trainers.
 *
 * Group memberships are read through Moodle's groups API for the logged-in user ($USER), so Moodle's group
 * membership visibility applies as on its own pages: call these functions for the current user.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class groups {
    /**
     * Whether the course uses separate groups.
     *
     * @param \stdClass $course a course record; one without groupmode (as enrol_get_users_courses() may return it)
     *      is read again
     * @return bool
     */
    public static function is_separate(\stdClass $course): bool {
        if (!isset($course->groupmode)) {
            $course = get_course($course->id);
        }
        return (int) groups_get_course_groupmode($course) === SEPARATEGROUPS;
    }

    /**
     * Whether separate groups limit what a user sees in the course.
     *
     * @param \stdClass $course
     * @param int $userid
     * @return bool
     */
    public static function is_limited(\stdClass $course, int $userid): bool {
        return self::is_separate($course)
            && !has_capability('moodle/site:accessallgroups', \context_course::instance($course->id), $userid);
    }

    /**
     * The users a user may see in the course: null for everybody, else the ids of the members of his groups.
     *
     * @param \stdClass $course
     * @param int $userid the current user
     * @return int[]|null
     */
    public static function visible_userids(\stdClass $course, int $userid): ?array {
        if (!self::is_limited($course, $userid)) {
            return null;
        }
        return self::members(array_keys(groups_get_all_groups($course->id, $userid)));
    }

    /**
     * The ids of the members of some groups.
     *
     * @param int[] $groupids
     * @return int[]
     */
    public static function members(array $groupids): array {
        if (!$groupids) {
            return [];
        }
        return array_values(array_map('intval', array_keys(groups_get_groups_members($groupids, null, 'u.id ASC'))));
    }

    /**
     * The users shown to a trainer: those he may see, narrowed to the group chosen in the group menu.
     *
     * @param \stdClass $course
     * @param int $userid the current user
     * @param int $activegroup the group chosen (0: all he may see)
     * @return int[]|null null for everybody
     */
    public static function shown_userids(\stdClass $course, int $userid, int $activegroup = 0): ?array {
        $visible = self::visible_userids($course, $userid);
        if ($activegroup <= 0) {
            return $visible;
        }
        $members = self::members([$activegroup]);
        return $visible === null ? $members : array_values(array_intersect($members, $visible));
    }

    /**
     * A trainer view limited to what the trainer may see (and the group he chose), its summary recounted.
     *
     * @param \stdClass $course
     * @param int $userid the current user
     * @param array $view the engine's trainerView()
     * @param int $activegroup the group chosen in the group menu (0: all he may see)
     * @return array the view, with participants and summary limited
     */
    public static function trainer_view(\stdClass $course, int $userid, array $view, int $activegroup = 0): array {
        return self::filter_trainer_view($view, self::shown_userids($course, $userid, $activegroup));
    }

    /**
     * Keeps the participants of a trainer view whose id is listed, and recounts the summary from them.
     *
     * @param array $view the engine's trainerView()
     * @param int[]|null $userids null keeps everybody
     * @return array
     */
    public static function filter_trainer_view(array $view, ?array $userids): array {
        if ($userids === null) {
            return $view;
        }
        $keep = array_flip(array_map('intval', $userids));
        $view['participants'] = array_values(array_filter(
            $view['participants'],
            fn($person) => isset($keep[(int) $person['id']])
        ));
        // Recounted from the participants kept; any other count of the engine's summary would include the
        // participants he may not see, so it is not kept.
        $view['summary'] = self::summary($view['participants']);
        return $view;
    }

    /**
     * The summary of a trainer view, counted from its participants.
     *
     * @param array $participants the participants of a trainer view
     * @return array ['participants' => int, 'finished' => int]
     */
    public static function summary(array $participants): array {
        $finished = count(array_filter($participants, fn($person) => !empty($person['mark']['finished'])));
        return ['participants' => count($participants), 'finished' => $finished];
    }

    /**
     * A participant view limited to the other participants the participant may see (he always sees himself).
     *
     * @param \stdClass $course
     * @param int $userid the current user, the participant
     * @param array $view the engine's participantView()
     * @return array
     */
    public static function participant_view(\stdClass $course, int $userid, array $view): array {
        $visible = self::visible_userids($course, $userid);
        if ($visible === null) {
            return $view;
        }
        $keep = array_flip($visible);
        $keep[$userid] = true;
        $view['participants'] = array_values(array_filter(
            $view['participants'],
            fn($person) => isset($keep[(int) $person['id']])
        ));
        return $view;
    }

    /**
     * The trainers who see a participant's progress: all of them, except, in separate groups, those limited to
     * their groups who share none with him.
     *
     * @param \stdClass $course
     * @param int $userid the participant
     * @param array $trainers person arrays
     * @return array the trainers who see him, in the same order
     */
    public static function trainers_seeing(\stdClass $course, int $userid, array $trainers): array {
        if (!self::is_separate($course)) {
            return $trainers;
        }
        $mine = groups_get_user_groups($course->id, $userid)[0] ?? [];
        return array_values(array_filter($trainers, function ($trainer) use ($course, $mine) {
            if (!self::is_limited($course, (int) $trainer['id'])) {
                return true;
            }
            $theirs = groups_get_user_groups($course->id, (int) $trainer['id'])[0] ?? [];
            return (bool) array_intersect($mine, $theirs);
        }));
    }
}
