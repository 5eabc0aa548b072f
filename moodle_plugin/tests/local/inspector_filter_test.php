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
 * Tests of the inspector page's filters (pure PHP).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\inspector_filter
 */
final class inspector_filter_test extends \basic_testcase {
    /**
     * An inspector view as the engine returns it.
     *
     * @return array
     */
    private function view(): array {
        $school = fn($uai, $name) => ['uai' => $uai, 'name' => $name, 'city' => 'Lyon', 'circonscription' => 'C1'];
        return [
            'teachers' => [
                ['id' => 1, 'firstname' => 'A', 'lastname' => 'A', 'school' => $school('0690001B', 'Zola'),
                    'enrolments' => [['courseid' => 10, 'status' => 'finished', 'credited_minutes' => 90],
                        ['courseid' => 11, 'status' => 'enrolled', 'credited_minutes' => null]]],
                ['id' => 2, 'firstname' => 'B', 'lastname' => 'B', 'school' => $school('0690002C', 'Ampère'),
                    'enrolments' => [['courseid' => 11, 'status' => 'finished', 'credited_minutes' => 30]]],
            ],
        ];
    }

    /**
     * No filter keeps everything; the summary counts enrolments, finished and minutes.
     */
    public function test_no_filter(): void {
        $teachers = inspector_filter::teachers($this->view(), '', 0);
        $this->assertCount(2, $teachers);
        $this->assertSame(
            ['teachers' => 2, 'enrolments' => 3, 'finished' => 2, 'credited_minutes' => 120],
            inspector_filter::summary($teachers)
        );
    }

    /**
     * School and parcours filters narrow the teachers and their enrolments.
     */
    public function test_filters(): void {
        $teachers = inspector_filter::teachers($this->view(), '0690001B', 0);
        $this->assertSame([1], array_column($teachers, 'id'));
        $teachers = inspector_filter::teachers($this->view(), '', 10);
        $this->assertSame([1], array_column($teachers, 'id'));
        $this->assertCount(1, $teachers[0]['enrolments']);
        $teachers = inspector_filter::teachers($this->view(), '0690002C', 10);
        $this->assertSame([], $teachers);
    }

    /**
     * The school list is sorted by name.
     */
    public function test_schools(): void {
        $this->assertSame(
            ['0690002C' => 'Ampère (Lyon)', '0690001B' => 'Zola (Lyon)'],
            inspector_filter::schools($this->view())
        );
    }
}
