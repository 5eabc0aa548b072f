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
 * The plugin reads a parcours' forecast duration as the engine does: what a mark credits is what the
 * trainer's page shows and what the statistics count.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\duration_field
 */
final class duration_field_test extends \local_magistere\tests\testcase {
    /**
     * Stored durations, clean and messy: the decimal column (the number field's), or only the text.
     *
     * @return array [decvalue, value, expected minutes]
     */
    public static function durations(): array {
        return [
            'whole' => [90.0, '90', 90],
            'zero' => [0.0, '0', 0],
            'rounded' => [90.4, '90.4', 90],
            'negative rounding to zero' => [-0.3, '-0.3', 0],
            'negative' => [-30.0, '-30', null],
            'text out of range' => [null, '30000000000', null],
            'text only' => [null, '45', 45],
            'text negative' => [null, '-45', null],
            'text not a number' => [null, '2h30', null],
            'empty' => [null, '', null],
        ];
    }

    /**
     * duration_field::minutes() equals the engine's duration_minutes for the same stored value.
     *
     * @dataProvider durations
     * @param float|null $decvalue
     * @param string $value
     * @param int|null $expected
     */
    public function test_same_reading_as_the_engine(?float $decvalue, string $value, ?int $expected): void {
        global $DB;
        $this->use_source('rows');
        $p = $this->generator()->create_parcours(['participants' => 1]);
        $fieldid = duration_field::find_field_id(duration_field::shortname());
        $DB->set_field('customfield_data', 'decvalue', $decvalue, ['fieldid' => $fieldid, 'instanceid' => $p->course->id]);
        $DB->set_field('customfield_data', 'value', $value, ['fieldid' => $fieldid, 'instanceid' => $p->course->id]);

        $this->assertSame($expected, duration_field::minutes((int) $p->course->id));
        $view = engine::tracker_for_course((int) $p->course->id)
            ->trainerView((int) $p->trainers[0]->id, (int) $p->course->id);
        $this->assertSame($expected, $view['course']['duration_minutes']);
    }
}
