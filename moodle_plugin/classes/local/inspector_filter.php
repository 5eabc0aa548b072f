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
 * The school and parcours filters of the inspector's page, applied to the engine's inspector view. Pure PHP:
 * it needs no Moodle and is tested on its own. Filters only narrow what the engine returned (R4).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class inspector_filter {
    /**
     * Narrows the teachers to one school and/or one parcours.
     *
     * @param array $view the engine's inspectorView()
     * @param string $uai '' for every school
     * @param int $courseid 0 for every parcours
     * @return array the teachers kept, each with only the enrolments kept
     */
    public static function teachers(array $view, string $uai, int $courseid): array {
        $result = [];
        foreach ($view['teachers'] as $teacher) {
            if ($uai !== '' && ($teacher['school']['uai'] ?? '') !== $uai) {
                continue;
            }
            if ($courseid > 0) {
                $teacher['enrolments'] = array_values(array_filter(
                    $teacher['enrolments'],
                    fn($e) => (int) $e['courseid'] === $courseid
                ));
                if (!$teacher['enrolments']) {
                    continue;
                }
            }
            $result[] = $teacher;
        }
        return $result;
    }

    /**
     * The schools of the view's teachers, for the school filter, by name.
     *
     * @param array $view
     * @return array uai => name (city)
     */
    public static function schools(array $view): array {
        $schools = [];
        foreach ($view['teachers'] as $teacher) {
            if (!empty($teacher['school']['uai'])) {
                $school = $teacher['school'];
                $schools[$school['uai']] = $school['name'] . ($school['city'] !== '' ? ' (' . $school['city'] . ')' : '');
            }
        }
        asort($schools, SORT_STRING | SORT_FLAG_CASE);
        return $schools;
    }

    /**
     * Totals over the kept teachers, as the engine's summary.
     *
     * @param array $teachers
     * @return array teachers, enrolments, finished, credited_minutes
     */
    public static function summary(array $teachers): array {
        $summary = ['teachers' => count($teachers), 'enrolments' => 0, 'finished' => 0, 'credited_minutes' => 0];
        foreach ($teachers as $teacher) {
            foreach ($teacher['enrolments'] as $enrolment) {
                $summary['enrolments']++;
                if ($enrolment['status'] === 'finished') {
                    $summary['finished']++;
                    $summary['credited_minutes'] += (int) ($enrolment['credited_minutes'] ?? 0);
                }
            }
        }
        return $summary;
    }
}
