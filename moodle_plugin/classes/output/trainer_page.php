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

use local_magistere\local\participant_list;
use local_magistere\local\util;

/**
 * The trainer's view of a parcours (R3): every participant's progress, activity by activity, and the
 * "formation terminee" box, with a group filter, sorting by name, paging and download.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class trainer_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param \stdClass $course
     * @param array $view the engine's trainerView()
     * @param array $options onlyids (?int[]), sort, desc (bool), page, perpage, canmark (bool), groupmenu (HTML)
     */
    public function __construct(
        /** @var \stdClass the course */
        protected \stdClass $course,
        /** @var array the engine's view */
        protected array $view,
        /** @var array display options */
        protected array $options = []
    ) {
        $this->options += ['onlyids' => null, 'sort' => 'lastname', 'desc' => false, 'page' => 0, 'perpage' => 50,
            'canmark' => false, 'groupmenu' => ''];
    }

    /**
     * The page of participants shown, after the group filter, sorting and paging.
     *
     * @return array as participant_list::page() returns
     */
    public function slice(): array {
        return participant_list::page(
            $this->view['participants'],
            $this->options['onlyids'],
            $this->options['sort'],
            (bool) $this->options['desc'],
            (int) $this->options['page'],
            (int) $this->options['perpage'],
            current_language() === 'fr' ? 'fr_FR' : 'en_US'
        );
    }

    /**
     * The base URL of the page with the current options.
     *
     * @param array $override
     * @return \moodle_url
     */
    public function url(array $override = []): \moodle_url {
        return new \moodle_url('/local/magistere/course.php', $override + [
            'id' => $this->course->id,
            'sort' => $this->options['sort'],
            'dir' => $this->options['desc'] ? 'desc' : 'asc',
            'perpage' => $this->options['perpage'],
        ]);
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $activities = util::activities($this->course, $this->view['activities']);
        $slice = $this->slice();
        $names = [];
        foreach (array_merge($this->view['trainers'], $this->view['participants']) as $person) {
            $names[(int) $person['id']] = util::fullname($person);
        }
        $profiles = \local_magistere\local\platform_privacy::passes();
        $rows = [];
        foreach ($slice['rows'] as $participant) {
            $states = [];
            foreach (array_values($this->view['activities']) as $i => $activity) {
                $state = $participant['progress']['states'][$i] ?? 'incomplete';
                $info = $activities[(int) $activity['cmid']];
                $states[] = [
                    'state' => $state,
                    'icon' => util::state_icon($state, $info['name']),
                    'label' => get_string(
                        'stateof',
                        'local_magistere',
                        (object) ['activity' => $info['name'], 'state' => util::state_label($state)]
                    ),
                ];
            }
            $mark = $participant['mark'];
            $fullname = util::fullname($participant);
            $rows[] = [
                'id' => (int) $participant['id'],
                'fullname' => $fullname,
                // Moodle's profile page shows connection data until the platform privacy check passes (R6).
                'profileurl' => $profiles ? (new \moodle_url('/user/view.php', ['id' => $participant['id'],
                    'course' => $this->course->id]))->out(false) : '',
                'messageurl' => util::message_url((int) $participant['id']),
                'school' => $participant['school'] ? $participant['school']['name'] .
                    ($participant['school']['city'] !== '' ? ' (' . $participant['school']['city'] . ')' : '') : '',
                'progress' => util::progress_bar(
                    $participant['progress']['done'],
                    $participant['progress']['tracked'],
                    $participant['progress']['percent']
                ),
                'states' => $states,
                'finished' => !empty($mark['finished']),
                'credited' => util::format_minutes($mark['credited_minutes']),
                'markedby' => isset($mark['by']) && $mark['by'] ? ($names[(int) $mark['by']] ?? '') : '',
                'markedtime' => !empty($mark['time']) ? userdate($mark['time'], get_string(
                    'strftimedatetimeshort',
                    'langconfig'
                )) : '',
                'selectlabel' => get_string('selectparticipant', 'local_magistere', $fullname),
            ];
        }
        $sortlinks = [];
        foreach (participant_list::SORTS as $sort) {
            $active = $this->options['sort'] === $sort;
            $desc = $active && !$this->options['desc'];
            $sortlinks[$sort] = [
                'url' => $this->url(['sort' => $sort, 'dir' => $desc ? 'desc' : 'asc', 'page' => 0])->out(false),
                'active' => $active,
                'desc' => $active && $this->options['desc'],
                'label' => get_string($sort),
            ];
        }
        $coursecontext = \context_course::instance($this->course->id);
        return [
            'courseid' => (int) $this->course->id,
            'coursename' => format_string($this->view['course']['fullname'], true, ['context' => $coursecontext]),
            'duration' => util::format_minutes($this->view['course']['duration_minutes']),
            'hasduration' => $this->view['course']['duration_minutes'] !== null,
            'summary' => get_string('trainersummary', 'local_magistere', (object) $this->view['summary']),
            'trainers' => array_map([util::class, 'person'], $this->view['trainers']),
            'activities' => array_values($activities),
            'hasactivities' => !empty($activities),
            'rows' => $rows,
            'hasrows' => !empty($rows),
            'total' => $slice['total'],
            'showing' => get_string('showing', 'local_magistere', (object) ['count' => count($rows),
                'total' => $slice['total']]),
            'sortlastname' => $sortlinks['lastname'],
            'sortfirstname' => $sortlinks['firstname'],
            'pagingbar' => $output->paging_bar(
                $slice['total'],
                $slice['page'],
                (int) $this->options['perpage'],
                $this->url()
            ),
            'groupmenu' => $this->options['groupmenu'],
            'canmark' => (bool) $this->options['canmark'],
            'sesskey' => sesskey(),
            'actionurl' => (new \moodle_url('/local/magistere/mark.php'))->out(false),
            'download' => $output->download_dataformat_selector(
                get_string('downloadtable', 'local_magistere'),
                new \moodle_url('/local/magistere/course.php'),
                'download',
                ['id' => $this->course->id,
                'group' => $this->options['group'] ?? 0]
            ),
            'perpageoptions' => array_map(fn($n) => ['value' => $n, 'selected' => $n == $this->options['perpage'],
                'url' => $this->url(['perpage' => $n, 'page' => 0])->out(false)], participant_list::PAGE_SIZES),
        ];
    }

    /**
     * The rows of the download: one line per participant (group filter applied, whole list, by last name).
     *
     * @return array ['columns' => string[], 'rows' => array[]]
     */
    public function download_rows(): array {
        $activities = util::activities($this->course, $this->view['activities']);
        $columns = [get_string('lastname'), get_string('firstname'), get_string('school', 'local_magistere'),
            get_string('done', 'local_magistere'), get_string('tracked', 'local_magistere'),
            get_string('percent', 'local_magistere')];
        foreach ($activities as $activity) {
            $columns[] = $activity['name'];
        }
        $columns[] = get_string('finished', 'local_magistere');
        $columns[] = get_string('creditedminutes', 'local_magistere');
        $all = participant_list::page(
            $this->view['participants'],
            $this->options['onlyids'],
            'lastname',
            false,
            0,
            PHP_INT_MAX
        );
        $rows = [];
        foreach ($all['rows'] as $p) {
            $row = [$p['lastname'], $p['firstname'], $p['school'] ? $p['school']['name'] : '', $p['progress']['done'],
                $p['progress']['tracked'], $p['progress']['percent'] ?? ''];
            foreach ($p['progress']['states'] as $state) {
                $row[] = util::state_label($state);
            }
            $row[] = !empty($p['mark']['finished']) ? get_string('yes') : get_string('no');
            $row[] = $p['mark']['credited_minutes'] ?? '';
            $rows[] = $row;
        }
        return ['columns' => $columns, 'rows' => $rows];
    }
}
