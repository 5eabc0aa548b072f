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

namespace local_magistere\output;

use local_magistere\local\util;

/**
 * "My trainings": the user's participations (current, or kept by a training record) with his bar where he still
 * takes part, status and credited time, and the parcours he trains.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class my_trainings_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param array $data what my_trainings::for_user() returns
     */
    public function __construct(
        /** @var array the user's trainings */
        protected array $data
    ) {
    }

    /**
     * The display name of a course of the engine's answer.
     *
     * @param array $course
     * @return string
     */
    private static function course_name(array $course): string {
        $context = \context_course::instance($course['id'], IGNORE_MISSING);
        return format_string($course['fullname'], true, ['context' => $context ?: \context_system::instance()]);
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $participant = [];
        foreach ($this->data['participations'] as $item) {
            $finished = $item['status'] === 'finished';
            $progress = $item['progress'];
            $participant[] = [
                'coursename' => self::course_name($item['course']),
                // The parcours page is for its current members only (R1): no link to a parcours one has left.
                'url' => $item['current']
                    ? (new \moodle_url('/local/magistere/course.php', ['id' => $item['course']['id']]))->out(false) : '',
                'hidden' => !$item['course']['visible'],
                'current' => $item['current'],
                'hasprogress' => $progress !== null && $progress['completion_enabled'],
                'progress' => $progress === null ? null : util::progress_bar(
                    $progress['done'],
                    $progress['tracked'],
                    $progress['percent']
                ),
                'coursecomplete' => $progress !== null && $progress['course_complete'],
                'finished' => $finished,
                'credited' => util::format_minutes($item['mark']['credited_minutes']),
                'duration' => util::format_minutes($item['course']['duration_minutes']),
            ];
        }
        $trainer = [];
        foreach ($this->data['trainer'] as $item) {
            $trainer[] = [
                'coursename' => self::course_name($item['course']),
                'url' => (new \moodle_url('/local/magistere/course.php', ['id' => $item['course']['id']]))->out(false),
                'hidden' => !$item['course']['visible'],
                'summary' => get_string('trainersummary', 'local_magistere', (object) $item['summary']),
            ];
        }
        return [
            'participant' => $participant,
            'hasparticipant' => !empty($participant),
            'trainer' => $trainer,
            'hastrainer' => !empty($trainer),
            'totalcredited' => util::format_minutes($this->data['summary']['credited_minutes']),
            'hasnothing' => empty($participant) && empty($trainer),
        ];
    }
}
