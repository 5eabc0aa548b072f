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
 * The participant's view of a parcours (R2): the people of the parcours with a message link, and his own
 * progress, activity by activity, and his own mark. Never another participant's progress or mark.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class participant_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param \stdClass $course
     * @param array $view the engine's participantView()
     */
    public function __construct(
        /** @var \stdClass the course */
        protected \stdClass $course,
        /** @var array the engine's view */
        protected array $view
    ) {
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $progress = $this->view['progress'];
        $activities = util::activities($this->course, $progress['activities']);
        $rows = [];
        foreach ($progress['activities'] as $activity) {
            $info = $activities[(int) $activity['cmid']];
            $rows[] = $info + [
                'state' => $activity['state'],
                'statelabel' => util::state_label($activity['state']),
                'stateicon' => util::state_icon($activity['state']),
                'done' => in_array($activity['state'], ['complete', 'pass'], true),
            ];
        }
        $mark = $this->view['mark'];
        $coursecontext = \context_course::instance($this->course->id);
        return [
            'courseid' => (int) $this->course->id,
            'coursename' => format_string($this->view['course']['fullname'], true, ['context' => $coursecontext]),
            'duration' => util::format_minutes($this->view['course']['duration_minutes']),
            'hasduration' => $this->view['course']['duration_minutes'] !== null,
            'progress' => util::progress_bar($progress['done'], $progress['tracked'], $progress['percent']),
            'activities' => $rows,
            'hasactivities' => !empty($rows),
            'finished' => !empty($mark['finished']),
            'credited' => util::format_minutes($mark['credited_minutes']),
            'hascredited' => !empty($mark['finished']) && $mark['credited_minutes'] !== null,
            'markedtime' => !empty($mark['time']) ? userdate($mark['time'], get_string('strftimedatetime', 'langconfig'))
                : '',
            'trainers' => array_map([util::class, 'person'], $this->view['trainers']),
            'participants' => array_map([util::class, 'person'], $this->view['participants']),
            'participantcount' => count($this->view['participants']),
            'transparencyurl' => (new \moodle_url('/local/magistere/transparency.php', ['id' => $this->course->id]))
                ->out(false),
        ];
    }
}
