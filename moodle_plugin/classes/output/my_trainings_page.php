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
 * "My trainings": the user's own parcours with bar, status and credited time.
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
        /** @var array the user's parcours */
        protected array $data
    ) {
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $participant = [];
        $total = 0;
        foreach ($this->data['participant'] as $item) {
            $view = $item['view'];
            $context = \context_course::instance($item['course']->id);
            $finished = !empty($view['mark']['finished']);
            if ($finished && $view['mark']['credited_minutes'] !== null) {
                $total += (int) $view['mark']['credited_minutes'];
            }
            $participant[] = [
                'coursename' => format_string($view['course']['fullname'], true, ['context' => $context]),
                'url' => (new \moodle_url('/local/magistere/course.php', ['id' => $item['course']->id]))->out(false),
                'progress' => util::progress_bar(
                    $view['progress']['done'],
                    $view['progress']['tracked'],
                    $view['progress']['percent']
                ),
                'finished' => $finished,
                'credited' => util::format_minutes($view['mark']['credited_minutes']),
                'duration' => util::format_minutes($view['course']['duration_minutes']),
            ];
        }
        $trainer = [];
        foreach ($this->data['trainer'] as $item) {
            $context = \context_course::instance($item['course']->id);
            $trainer[] = [
                'coursename' => format_string($item['course']->fullname, true, ['context' => $context]),
                'url' => (new \moodle_url('/local/magistere/course.php', ['id' => $item['course']->id]))->out(false),
                'summary' => get_string('trainersummary', 'local_magistere', (object) $item['summary']),
            ];
        }
        return [
            'participant' => $participant,
            'hasparticipant' => !empty($participant),
            'trainer' => $trainer,
            'hastrainer' => !empty($trainer),
            'totalcredited' => util::format_minutes($total),
            'hasnothing' => empty($participant) && empty($trainer),
        ];
    }
}
