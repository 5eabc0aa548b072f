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

use local_magistere\local\platform_privacy;
use local_magistere\local\util;

/**
 * The transparency page (R9): what each role sees about the participant, built by the engine from the same
 * code as the views themselves.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class transparency_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param \stdClass $course
     * @param array $view the engine's transparency()
     */
    public function __construct(
        /** @var \stdClass the course */
        protected \stdClass $course,
        /** @var array the engine's view */
        protected array $view
    ) {
    }

    /**
     * A school for display.
     *
     * @param array|null $school
     * @return string
     */
    protected static function school(?array $school): string {
        if (!$school) {
            return get_string('noschool', 'local_magistere');
        }
        return $school['name'] . ($school['city'] !== '' ? ' (' . $school['city'] . ')' : '') . ' - ' . $school['uai'];
    }

    /**
     * A mark for display.
     *
     * @param array|null $mark
     * @return string
     */
    protected static function mark(?array $mark): string {
        if (!$mark || empty($mark['finished'])) {
            return get_string('status:enrolled', 'local_magistere');
        }
        $text = get_string('status:finished', 'local_magistere');
        if ($mark['credited_minutes'] !== null) {
            $text .= ' - ' . get_string('creditedtime', 'local_magistere', util::format_minutes($mark['credited_minutes']));
        }
        return $text;
    }

    /**
     * What Moodle's own pages show on this site (the platform privacy check, R6, R8), grouped by who sees it.
     *
     * @param int $courseid
     * @return array ['groups' => [['label', 'items' => [['text']]]], 'stillnever' => string[]]
     */
    public static function platform(int $courseid): array {
        $findings = platform_privacy::findings_for_course($courseid);
        $order = ['trainer', 'participant', 'inspector', 'everyone', 'managers', 'reportaudience', 'moodle'];
        $byaudience = [];
        foreach ($findings as $finding) {
            foreach ($finding['audiences'] as $audience) {
                $byaudience[$audience][] = $finding;
            }
        }
        $rolenames = [];
        foreach (platform_privacy::roles() as $info) {
            foreach ($info['groups'] as $group) {
                $rolenames[$group][] = $info['role']->localname;
            }
        }
        $groups = [];
        foreach ($order as $audience) {
            if (empty($byaudience[$audience])) {
                continue;
            }
            $items = [];
            foreach ($byaudience[$audience] as $finding) {
                $text = get_string('exposure:' . $finding['exposure'], 'local_magistere');
                if ($finding['kind'] !== 'capability' && $finding['who'] !== '') {
                    $text .= ': ' . $finding['who'];
                }
                $items[$text] = ['text' => $text];
            }
            $groups[] = [
                'audience' => $audience,
                'label' => get_string('cansee:' . $audience, 'local_magistere', implode(', ', $rolenames[$audience] ?? [])),
                'items' => array_values($items),
            ];
        }
        return ['groups' => $groups, 'stillnever' => platform_privacy::still_never($findings)];
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $view = $this->view;
        $self = $view['self'];
        $activities = util::activities($this->course, $self['progress']['activities']);
        $selfactivities = [];
        foreach ($self['progress']['activities'] as $activity) {
            $selfactivities[] = ['name' => $activities[(int) $activity['cmid']]['name'],
                'state' => util::state_label($activity['state'])];
        }
        $trainersees = $view['trainers']['sees'] ?? null;
        $trainerstates = [];
        if ($trainersees) {
            foreach (array_values($self['progress']['activities']) as $i => $activity) {
                $state = $trainersees['progress']['states'][$i] ?? 'incomplete';
                $trainerstates[] = ['name' => $activities[(int) $activity['cmid']]['name'],
                    'state' => util::state_label($state)];
            }
        }
        $inspectorsees = $view['inspectors']['sees'] ?? null;
        $inspectorenrolments = [];
        if ($inspectorsees) {
            foreach ($inspectorsees['enrolments'] ?? [] as $enrolment) {
                $inspectorenrolments[] = [
                    'status' => get_string('status:' . $enrolment['status'], 'local_magistere'),
                    'credited' => util::format_minutes($enrolment['credited_minutes']),
                ];
            }
        }
        $countedin = [];
        foreach ($view['ministry']['counted_in'] ?? [] as $dimension => $value) {
            $countedin[] = ['dimension' => get_string('dimension:' . $dimension, 'local_magistere'),
                'value' => statistics_page::value_label($dimension === 'parcours' ? 'parcours' : 'etablissements', $value)];
        }
        $platform = self::platform((int) $this->course->id);
        $never = [];
        foreach (array_intersect($view['never'], $platform['stillnever']) as $item) {
            $never[] = ['label' => get_string('never:' . $item, 'local_magistere')];
        }
        $names = fn(array $people) => implode(', ', array_map([util::class, 'fullname'], $people));
        return [
            'coursename' => format_string(
                $view['course']['fullname'],
                true,
                ['context' => \context_course::instance($this->course->id)]
            ),
            'fullname' => util::fullname($view['user']),
            'self' => [
                'school' => self::school($self['school']),
                'progress' => util::progress_bar(
                    $self['progress']['done'],
                    $self['progress']['tracked'],
                    $self['progress']['percent']
                ),
                'activities' => $selfactivities,
                'mark' => self::mark($self['mark']),
            ],
            'participants' => [
                'fullname' => util::fullname($view['participants']),
                'separategroups' => \local_magistere\local\groups::is_separate($this->course),
            ],
            'trainers' => [
                'who' => $names($view['trainers']['who']),
                'hassees' => (bool) $trainersees,
                'school' => $trainersees ? self::school($trainersees['school'] ?? null) : '',
                'progress' => $trainersees ? util::progress_bar(
                    $trainersees['progress']['done'],
                    $trainersees['progress']['tracked'],
                    $trainersees['progress']['percent']
                ) : null,
                'activities' => $trainerstates,
                'mark' => $trainersees ? self::mark($trainersees['mark'] ?? null) : '',
            ],
            'inspectors' => [
                'who' => $names($view['inspectors']['who']),
                'hasinspectors' => !empty($view['inspectors']['who']),
                'hassees' => (bool) $inspectorsees,
                'fullname' => $inspectorsees ? util::fullname($inspectorsees) : '',
                'school' => $inspectorsees ? self::school($inspectorsees['school'] ?? null) : '',
                'enrolments' => $inspectorenrolments,
            ],
            'ministry' => [
                'countedin' => $countedin,
            ],
            'never' => $never,
            'hasnever' => !empty($never),
            'platform' => $platform['groups'],
            'platformexposed' => !empty($platform['groups']),
        ];
    }
}
