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
 * "My trainings": the parcours a user takes part in, with his own bar, status and credited time, and the
 * parcours he trains in.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class my_trainings {
    /**
     * The user's parcours.
     *
     * @param int $userid
     * @return array ['participant' => [['course' => stdClass, 'view' => participantView], ...],
     *      'trainer' => [['course' => stdClass, 'summary' => array], ...]]
     */
    public static function for_user(int $userid): array {
        $result = ['participant' => [], 'trainer' => []];
        $courses = enrol_get_users_courses($userid, true, 'id, fullname, shortname, visible');
        $shared = engine::uses_direct_source() ? engine::tracker_for_site() : null;
        foreach ($courses as $course) {
            $context = \context_course::instance($course->id);
            $tracker = $shared ?? engine::tracker_for_course((int) $course->id);
            if (has_capability('local/magistere:viewtrainer', $context, $userid)) {
                try {
                    $view = $tracker->trainerView($userid, (int) $course->id);
                    $result['trainer'][] = ['course' => $course, 'summary' => $view['summary']];
                    continue;
                } catch (\Magistere\AccessDenied $e) {
                    // Not one of its trainers: maybe one of its participants.
                    unset($e);
                }
            }
            if (!has_capability('local/magistere:viewown', $context, $userid)) {
                continue;
            }
            try {
                $result['participant'][] = ['course' => $course,
                    'view' => $tracker->participantView($userid, (int) $course->id)];
            } catch (\Magistere\AccessDenied $e) {
                // Enrolled without a participant role: nothing to show (R1).
                unset($e);
            }
        }
        return $result;
    }
}
