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
 * Tests of the trainer view's filter, sort and paging (pure PHP).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\participant_list
 */
final class participant_list_test extends \basic_testcase {
    /**
     * People as the engine returns them (by last name, first name, id).
     *
     * @return array
     */
    private function people(): array {
        return [
            ['id' => 7, 'firstname' => 'Zoé', 'lastname' => 'Abélard'],
            ['id' => 3, 'firstname' => 'Anne', 'lastname' => 'Durand'],
            ['id' => 9, 'firstname' => 'Bruno', 'lastname' => 'Durand'],
            ['id' => 4, 'firstname' => 'Émile', 'lastname' => 'Zola'],
            ['id' => 5, 'firstname' => 'Claire', 'lastname' => 'martin'],
        ];
    }

    /**
     * The default order is the engine's: nothing is re-sorted.
     */
    public function test_default_order_is_kept(): void {
        $result = participant_list::page($this->people(), null, 'lastname', false, 0, 50);
        $this->assertSame([7, 3, 9, 4, 5], array_column($result['rows'], 'id'));
        $this->assertSame(5, $result['total']);
        $this->assertSame(1, $result['pages']);
    }

    /**
     * Sorting by first name uses the collation (accents, case), then last name, then id.
     */
    public function test_sort_by_firstname_with_accents(): void {
        $result = participant_list::page($this->people(), null, 'firstname', false, 0, 50);
        $this->assertSame([3, 9, 5, 4, 7], array_column($result['rows'], 'id'));
    }

    /**
     * Descending order reverses, and an unknown sort column falls back to the last name.
     */
    public function test_descending_and_unknown_sort(): void {
        $sorted = participant_list::sort($this->people(), 'lastname', false);
        $this->assertSame([7, 3, 9, 5, 4], array_column($sorted, 'id'));
        $result = participant_list::page($this->people(), null, 'progress', true, 0, 50);
        $this->assertSame([4, 5, 9, 3, 7], array_column($result['rows'], 'id'));
    }

    /**
     * Paging slices and clamps the page number.
     */
    public function test_paging(): void {
        $result = participant_list::page($this->people(), null, 'lastname', false, 1, 2);
        $this->assertSame([9, 4], array_column($result['rows'], 'id'));
        $this->assertSame(3, $result['pages']);
        $result = participant_list::page($this->people(), null, 'lastname', false, 99, 2);
        $this->assertSame(2, $result['page']);
        $this->assertSame([5], array_column($result['rows'], 'id'));
        $result = participant_list::page([], null, 'lastname', false, 3, 25);
        $this->assertSame(0, $result['page']);
        $this->assertSame([], $result['rows']);
    }

    /**
     * The group filter keeps only the given ids; an empty group shows nobody.
     */
    public function test_group_filter(): void {
        $result = participant_list::page($this->people(), [3, 4, 100], 'lastname', false, 0, 50);
        $this->assertSame([3, 4], array_column($result['rows'], 'id'));
        $result = participant_list::page($this->people(), [], 'lastname', false, 0, 50);
        $this->assertSame(0, $result['total']);
    }

    /**
     * Selecting for marking keeps participants and reports the others.
     */
    public function test_select(): void {
        $selection = participant_list::select($this->people(), [4, 3, 42, 3]);
        $this->assertSame([3, 4], array_column($selection['valid'], 'id'));
        $this->assertSame([42], $selection['invalid']);
    }

    /**
     * Thousands of participants: sorting and paging stay one pass over the list.
     */
    public function test_large_list(): void {
        $people = [];
        for ($i = 0; $i < 20000; $i++) {
            $people[] = ['id' => $i + 1, 'firstname' => 'F' . (20000 - $i), 'lastname' => sprintf('L%05d', $i)];
        }
        $result = participant_list::page($people, null, 'firstname', false, 3, 100);
        $this->assertCount(100, $result['rows']);
        $this->assertSame(200, $result['pages']);
        $this->assertSame(20000, $result['total']);
        $names = array_column($result['rows'], 'firstname');
        $sorted = $names;
        usort($sorted, fn($a, $b) => (new \Collator('fr_FR'))->compare($a, $b));
        $this->assertSame($sorted, $names);
    }
}
