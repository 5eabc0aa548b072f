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
 * Tests of the checks of imported and edited schools, circonscriptions and inspectors (pure PHP).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\record_validator
 */
final class record_validator_test extends \basic_testcase {
    /**
     * UAI codes: 7 characters and the check letter.
     */
    public function test_is_uai(): void {
        $this->assertTrue(record_validator::is_uai('0750655E'));
        $this->assertFalse(record_validator::is_uai('0750655F'));
        $this->assertFalse(record_validator::is_uai('075065E'));
        $this->assertFalse(record_validator::is_uai('0750655e'));
        $this->assertTrue(record_validator::is_uai('2A00001X'));
        $this->assertFalse(record_validator::is_uai(''));
    }

    /**
     * A good school line is cleaned: upper case UAI and degré, sector spelling, spaces.
     */
    public function test_school_clean(): void {
        $result = record_validator::validate('school', ['uai' => ' 0750655e ', 'name' => "Lycée  Louis-le-Grand",
            'circonscription' => 'PARIS-5', 'city' => 'Paris', 'degre' => '2d', 'secteur' => 'Public']);
        $this->assertSame([], $result['errors']);
        $this->assertSame('0750655E', $result['record']['uai']);
        $this->assertSame('Lycée Louis-le-Grand', $result['record']['name']);
        $this->assertSame('2D', $result['record']['degre']);
        $this->assertSame('public', $result['record']['secteur']);
        $this->assertSame('', $result['record']['academie']);
        $result = record_validator::validate('school', ['uai' => '0750655E', 'name' => 'X', 'circonscription' => 'C',
            'secteur' => 'Privé']);
        $this->assertSame('prive', $result['record']['secteur']);
    }

    /**
     * Each bad value gets its own error.
     */
    public function test_school_errors(): void {
        $result = record_validator::validate('school', ['uai' => '0750655F', 'name' => '', 'circonscription' => 'a b',
            'degre' => '3D', 'secteur' => 'autre', 'city' => str_repeat('x', 256)]);
        $keys = array_column($result['errors'], 0);
        sort($keys);
        $this->assertSame(
            ['error:code', 'error:degre', 'error:required', 'error:secteur', 'error:toolong', 'error:uai'],
            $keys
        );
    }

    /**
     * Circonscription and inspector lines.
     */
    public function test_circ_and_inspector(): void {
        $this->assertSame([], record_validator::validate('circ', ['code' => '0691234X', 'name' => 'Lyon 3'])['errors']);
        $this->assertSame(
            [['error:required', 'code']],
            record_validator::validate('circ', ['code' => ' ', 'name' => 'Lyon 3'])['errors']
        );
        $this->assertSame(
            [['error:required', 'username']],
            record_validator::validate('inspector', ['circonscription' => 'X1'])['errors']
        );
    }

    /**
     * Headers: aliases, accents, BOM, missing and duplicated columns.
     */
    public function test_map_header(): void {
        $result = record_validator::map_header('school', ["\xEF\xBB\xBFRNE", 'Nom', 'Ville', 'Circonscription', 'Académie']);
        $this->assertSame([], $result['errors']);
        $this->assertSame(['uai' => 0, 'name' => 1, 'city' => 2, 'circonscription' => 3, 'academie' => 4], $result['map']);
        $result = record_validator::map_header('circ', ['code', 'code', 'departement']);
        $this->assertSame([['error:duplicatecolumn', 'code'], ['error:missingcolumn', 'name']], $result['errors']);
    }

    /**
     * Windows-1252 text from a spreadsheet export is read as UTF-8.
     */
    public function test_latin1_values(): void {
        $result = record_validator::validate('circ', ['code' => 'C1', 'name' => "Vall\xE9e"]);
        $this->assertSame('Vallée', $result['record']['name']);
    }

    /**
     * An unknown type is a programming error.
     */
    public function test_unknown_type(): void {
        $this->expectException(\InvalidArgumentException::class);
        record_validator::validate('course', []);
    }
}
