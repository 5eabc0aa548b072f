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
 * "My trainings" ("mes formations"): every participation of a user, as the engine defines it (docs/rules.md):
 * the parcours he takes part in now, with his own bar, and those where he has a training record (marked finished),
 * whatever became of his enrolment or of the parcours' visibility; and the parcours he trains.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class my_trainings {
    /**
     * The user's trainings.
     *
     * @param int $userid
     * @return array the engine's myTrainings(): ['user' => person, 'participations' => [['course' => course with
     *      visible, 'status' => 'enrolled'|'finished', 'current' => bool, 'mark' => mark, 'progress' => ?array], ...],
     *      'trainer' => [['course' => course with visible, 'summary' => ['participants', 'finished']], ...],
     *      'summary' => ['participations', 'finished', 'credited_minutes']]
     */
    public static function for_user(int $userid): array {
        try {
            $data = engine::my_trainings($userid);
        } catch (\moodle_exception $e) {
            if ($e->errorcode !== 'notfound') {
                throw $e;
            }
            // The engine reading the database directly knows only the people of the parcours: a user with no
            // enrolment, role or mark anywhere (a site administrator, a statistician) is unknown to it. He has
            // nothing to list, which is an answer, not an error.
            $user = \core_user::get_user($userid, 'id, firstname, lastname', MUST_EXIST);
            return [
                'user' => ['id' => (int) $user->id, 'firstname' => $user->firstname, 'lastname' => $user->lastname],
                'participations' => [],
                'trainer' => [],
                'summary' => ['participations' => 0, 'finished' => 0, 'credited_minutes' => 0],
            ];
        }
        // The engine counts every current participant of a parcours he trains; where Moodle's separate groups limit
        // him to his groups, his counts are limited the same way, as on the parcours page.
        foreach ($data['trainer'] as $i => $entry) {
            $course = get_course((int) $entry['course']['id']);
            if (groups::is_limited($course, $userid)) {
                $view = groups::trainer_view($course, $userid, engine::trainer_view($userid, (int) $course->id));
                $data['trainer'][$i]['summary'] = $view['summary'];
            }
        }
        return $data;
    }
}
