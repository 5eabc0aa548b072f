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

namespace local_magistere\tests;

/**
 * Base of the plugin's tests that need Moodle and the magistere extension. They are skipped, with the reason,
 * when the extension is not loaded (scripts/suites/40-plugin.sh loads the built one and counts skips).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class testcase extends \advanced_testcase {
    /**
     * Resets after each test and skips when the extension is missing.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->resetAfterTest();
        if (!\local_magistere\local\engine::available()) {
            $this->markTestSkipped('The magistere PHP extension is not loaded (php -d extension=.../magistere.so).');
        }
        // The tests change rows directly ($DB) as often as through Moodle's APIs: each view reads them afresh.
        // Resident models have their own tests (stamps_test), which turn them on; none is kept from a test to the
        // next (the database is reset between tests, its stamps with it).
        \local_magistere\local\engine::resident_clear();
        set_config('resident', 0, 'local_magistere');
    }

    /**
     * The plugin's data generator.
     *
     * @return \local_magistere_generator
     */
    protected function generator(): \local_magistere_generator {
        return $this->getDataGenerator()->get_plugin_generator('local_magistere');
    }

    /**
     * Both ways the engine gets its data: reading the database directly, and rows fed from $DB.
     *
     * @return array
     */
    public static function sources(): array {
        return ['direct' => ['auto'], 'rows' => ['rows']];
    }

    /**
     * Chooses the data source; 'auto' is the direct one on this test site's MariaDB/MySQL database.
     *
     * @param string $source 'auto' or 'rows'
     */
    protected function use_source(string $source): void {
        global $CFG;
        if ($source === 'auto' && !in_array($CFG->dbtype, \local_magistere\local\engine::DIRECT_DBTYPES, true)) {
            $this->markTestSkipped("The direct source needs a MariaDB/MySQL test database, not {$CFG->dbtype}.");
        }
        set_config('source', $source, 'local_magistere');
    }
}
