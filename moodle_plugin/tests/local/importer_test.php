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

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->libdir . '/csvlib.class.php');

/**
 * Tests of the CSV imports and edits of schools, circonscriptions and inspectors.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\importer
 */
final class importer_test extends \advanced_testcase {
    /**
     * Loads CSV text into a csv_import_reader.
     *
     * @param string $type
     * @param string $content
     * @return \csv_import_reader
     */
    private function reader(string $type, string $content): \csv_import_reader {
        $iid = \csv_import_reader::get_new_iid('local_magistere_' . $type);
        $reader = new \csv_import_reader($iid, 'local_magistere_' . $type);
        $this->assertNotFalse($reader->load_csv_content($content, 'UTF-8', 'semicolon'));
        return $reader;
    }

    /**
     * Preview reports errors per line; import writes the valid lines and updates existing keys.
     */
    public function test_circ_and_school_import(): void {
        global $DB;
        $this->resetAfterTest();
        $preview = importer::preview('circ', $this->reader(
            'circ',
            "code;name;departement;academie\nC1;Lyon 1;69;Lyon\nC2;Lyon 2;69;Lyon\n;Sans code;69;Lyon\nC1;Again;69;Lyon\n"
        ));
        $this->assertSame([], $preview['headererrors']);
        $this->assertSame(2, $preview['valid']);
        $this->assertSame(2, $preview['invalid']);
        $this->assertSame([['error:required', 'code']], $preview['lines'][2]['errors']);
        $this->assertSame(4, $preview['lines'][2]['line']);
        $this->assertSame([['error:duplicateline', 2]], $preview['lines'][3]['errors']);
        $this->assertSame(['created' => 2, 'updated' => 0, 'skipped' => 2], importer::import('circ', $preview));
        $this->assertSame('Lyon 1', $DB->get_field('local_magistere_circ', 'name', ['code' => 'C1']));

        $preview = importer::preview('school', $this->reader(
            'school',
            "uai;name;city;circonscription;degre;secteur\n0750655E;Lycée;Paris;C1;2D;public\n" .
            "0750655F;Bad check letter;Paris;C1;2D;public\n0690001B;Unknown circ;Lyon;C9;1D;public\n"
        ));
        $this->assertSame(1, $preview['valid']);
        $this->assertSame([['error:uai', '0750655F']], $preview['lines'][1]['errors']);
        $this->assertSame([['error:unknowncirc', 'C9']], $preview['lines'][2]['errors']);
        importer::import('school', $preview);

        $preview = importer::preview('school', $this->reader(
            'school',
            "uai;name;city;circonscription\n0750655E;Lycée Louis-le-Grand;Paris;C2\n"
        ));
        $this->assertSame('update', $preview['lines'][0]['action']);
        $this->assertSame(['created' => 0, 'updated' => 1, 'skipped' => 0], importer::import('school', $preview));
        $school = $DB->get_record('local_magistere_school', ['uai' => '0750655E']);
        $this->assertSame('C2', $school->circonscription);
        $this->assertSame('', $school->degre);
    }

    /**
     * A file without the required columns is refused as a whole.
     */
    public function test_header_errors(): void {
        $this->resetAfterTest();
        $preview = importer::preview('school', $this->reader('school', "name;city\nX;Y\n"));
        $this->assertSame(
            [['error:missingcolumn', 'uai'], ['error:missingcolumn', 'circonscription']],
            $preview['headererrors']
        );
        $this->assertSame([], $preview['lines']);
    }

    /**
     * Inspectors are found by username; a circonscription in use cannot be deleted.
     */
    public function test_inspectors_and_delete(): void {
        global $DB;
        $this->resetAfterTest();
        $this->getDataGenerator()->get_plugin_generator('local_magistere')->create_circ(['code' => 'C1']);
        $user = $this->getDataGenerator()->create_user(['username' => 'ien.lyon']);
        $preview = importer::preview('inspector', $this->reader(
            'inspector',
            "username;circonscription\nIEN.Lyon;C1\nnobody;C1\n"
        ));
        $this->assertSame(1, $preview['valid']);
        $this->assertSame([['error:unknownuser', 'nobody']], $preview['lines'][1]['errors']);
        importer::import('inspector', $preview);
        $this->assertTrue($DB->record_exists('local_magistere_inspector', ['userid' => $user->id, 'circonscription' => 'C1']));

        $circid = $DB->get_field('local_magistere_circ', 'id', ['code' => 'C1']);
        try {
            importer::delete('circ', (int) $circid);
            $this->fail('A circonscription in use must not be deleted');
        } catch (\moodle_exception $e) {
            $this->assertSame('error:circinuse', $e->errorcode);
        }
        importer::delete('inspector', (int) $DB->get_field('local_magistere_inspector', 'id', []));
        importer::delete('circ', (int) $circid);
        $this->assertSame(0, $DB->count_records('local_magistere_circ'));
    }

    /**
     * The edit form's check refuses a key taken by another record.
     */
    public function test_check_for_edit(): void {
        $this->resetAfterTest();
        $gen = $this->getDataGenerator()->get_plugin_generator('local_magistere');
        $c1 = $gen->create_circ(['code' => 'C1']);
        $gen->create_circ(['code' => 'C2']);
        $checked = importer::check('circ', ['code' => 'C2', 'name' => 'Renamed'], (int) $c1->id);
        $this->assertSame([['error:exists', 'C2']], $checked['errors']);
        $checked = importer::check('circ', ['code' => 'C1', 'name' => 'Renamed'], (int) $c1->id);
        $this->assertSame([], $checked['errors']);
        $this->assertSame('updated', importer::save('circ', $checked['record'], (int) $c1->id));
    }
}
