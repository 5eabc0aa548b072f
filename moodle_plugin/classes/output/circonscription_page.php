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

use local_magistere\local\inspector_filter;
use local_magistere\local\util;

/**
 * The inspector's view (R4): the teachers of his circonscription(s), their school, the parcours they take part
 * in with its trainers, their status and credited time. Never activity details or progress.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class circonscription_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param array $view the engine's inspectorView()
     * @param string $circ the circonscription asked ('' for all of his)
     * @param string $uai the school filter
     * @param int $courseid the parcours filter
     */
    public function __construct(
        /** @var array the engine's view */
        protected array $view,
        /** @var string circonscription filter */
        protected string $circ = '',
        /** @var string school filter */
        protected string $uai = '',
        /** @var int parcours filter */
        protected int $courseid = 0
    ) {
    }

    /**
     * The parcours of the view, by id.
     *
     * @return array
     */
    protected function parcours(): array {
        $parcours = [];
        foreach ($this->view['parcours'] as $course) {
            $parcours[(int) $course['id']] = $course;
        }
        return $parcours;
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $parcours = $this->parcours();
        $teachers = inspector_filter::teachers($this->view, $this->uai, $this->courseid);
        $rows = [];
        foreach ($teachers as $teacher) {
            $enrolments = [];
            foreach ($teacher['enrolments'] as $enrolment) {
                $course = $parcours[(int) $enrolment['courseid']] ?? null;
                $enrolments[] = [
                    'coursename' => $course ? format_string($course['fullname']) : '',
                    'finished' => $enrolment['status'] === 'finished',
                    'status' => get_string('status:' . $enrolment['status'], 'local_magistere'),
                    'credited' => util::format_minutes($enrolment['credited_minutes']),
                ];
            }
            $rows[] = [
                'fullname' => util::fullname($teacher),
                'school' => $teacher['school']['name'] ?? '',
                'city' => $teacher['school']['city'] ?? '',
                'uai' => $teacher['school']['uai'] ?? '',
                'enrolments' => $enrolments,
            ];
        }
        $courses = [];
        foreach ($parcours as $id => $course) {
            if ($this->courseid && $id !== $this->courseid) {
                continue;
            }
            $courses[] = [
                'fullname' => format_string($course['fullname']),
                'shortname' => format_string($course['shortname']),
                'duration' => util::format_minutes($course['duration_minutes']),
                'trainers' => implode(', ', array_map([util::class, 'fullname'], $course['trainers'])),
            ];
        }
        $summary = inspector_filter::summary($teachers);
        $circs = [];
        foreach ($this->view['circonscriptions'] as $circ) {
            $circs[] = ['code' => $circ['code'], 'name' => $circ['name'] . ' (' . $circ['code'] . ')',
                'selected' => $circ['code'] === $this->circ];
        }
        $schools = [];
        foreach (inspector_filter::schools($this->view) as $uai => $name) {
            $schools[] = ['uai' => $uai, 'name' => $name, 'selected' => $uai === $this->uai];
        }
        $courseoptions = [];
        foreach ($parcours as $id => $course) {
            $courseoptions[] = ['id' => $id, 'name' => format_string($course['fullname']),
                'selected' => $id === $this->courseid];
        }
        return [
            'formurl' => (new \moodle_url('/local/magistere/circonscription.php'))->out(false),
            'circonscriptions' => $circs,
            'multiplecircs' => count($circs) > 1,
            'schools' => $schools,
            'courses' => $courseoptions,
            'parcours' => $courses,
            'hasparcours' => !empty($courses),
            'teachers' => $rows,
            'hasteachers' => !empty($rows),
            'summary' => get_string('inspectorsummary', 'local_magistere', (object) [
                'teachers' => $summary['teachers'], 'enrolments' => $summary['enrolments'],
                'finished' => $summary['finished'], 'credited' => util::format_minutes($summary['credited_minutes'])]),
            'download' => $output->download_dataformat_selector(
                get_string('downloadtable', 'local_magistere'),
                new \moodle_url('/local/magistere/circonscription.php'),
                'download',
                ['circ' => $this->circ, 'uai' => $this->uai, 'course' => $this->courseid]
            ),
        ];
    }

    /**
     * The rows of the download: one line per teacher and parcours.
     *
     * @return array ['columns' => string[], 'rows' => array[]]
     */
    public function download_rows(): array {
        $parcours = $this->parcours();
        $columns = [get_string('lastname'), get_string('firstname'), get_string('uai', 'local_magistere'),
            get_string('school', 'local_magistere'), get_string('city'), get_string('circonscription', 'local_magistere'),
            get_string('parcours', 'local_magistere'), get_string('status'), get_string('creditedminutes', 'local_magistere')];
        $rows = [];
        foreach (inspector_filter::teachers($this->view, $this->uai, $this->courseid) as $teacher) {
            foreach ($teacher['enrolments'] as $enrolment) {
                $course = $parcours[(int) $enrolment['courseid']] ?? ['fullname' => ''];
                $rows[] = [$teacher['lastname'], $teacher['firstname'], $teacher['school']['uai'] ?? '',
                    $teacher['school']['name'] ?? '', $teacher['school']['city'] ?? '',
                    $teacher['school']['circonscription'] ?? '', $course['fullname'],
                    get_string('status:' . $enrolment['status'], 'local_magistere'), $enrolment['credited_minutes'] ?? ''];
            }
        }
        return ['columns' => $columns, 'rows' => $rows];
    }
}
