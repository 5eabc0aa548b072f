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
 * Tests of the door to the extension: settings, source choice, exception mapping, and the behaviour when the
 * extension is missing (scripts/suites/40-plugin.sh runs this class once more without the extension).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\engine
 */
final class engine_test extends \advanced_testcase {
    /**
     * The settings come from the plugin's configuration, with the documented defaults.
     */
    public function test_settings(): void {
        $this->resetAfterTest();
        $settings = engine::settings();
        $this->assertContains('page', $settings['installed_modules']);
        $this->assertContains('assign', $settings['installed_modules']);
        unset($settings['installed_modules']);
        $this->assertSame(['trainer_roles' => ['formateur', 'tuteur', 'editingteacher', 'teacher'],
            'participant_roles' => ['participant', 'student'], 'school_field' => 'rne',
            'duration_field' => 'magistere_duration', 'k' => 5, 'enablecompletion' => true], $settings);
        set_config('trainerroles', ' formateur, ,tuteur,formateur ', 'local_magistere');
        set_config('k', '2', 'local_magistere');
        set_config('enablecompletion', 0);
        $settings = engine::settings();
        $this->assertSame(['formateur', 'tuteur'], $settings['trainer_roles']);
        $this->assertSame(3, $settings['k']);
        $this->assertFalse($settings['enablecompletion']);
    }

    /**
     * The direct source is used on MariaDB/MySQL unless forced to rows.
     */
    public function test_source_choice(): void {
        global $CFG;
        $this->resetAfterTest();
        $this->assertSame(in_array($CFG->dbtype, engine::DIRECT_DBTYPES, true), engine::uses_direct_source());
        set_config('source', 'rows', 'local_magistere');
        $this->assertFalse(engine::uses_direct_source());
    }

    /**
     * The académie code is required and normalised.
     */
    public function test_academie(): void {
        $this->resetAfterTest();
        try {
            engine::academie();
            $this->fail('An empty académie code must be refused');
        } catch (\moodle_exception $e) {
            $this->assertSame('noacademie', $e->errorcode);
        }
        set_config('academie', '  AIX   MARSEILLE ', 'local_magistere');
        $this->assertSame('AIX MARSEILLE', engine::academie());
    }

    /**
     * With the extension, its exceptions become Moodle's: a rule's refusal is "no permission", with the
     * engine's message as debug information.
     */
    public function test_exception_mapping(): void {
        if (!engine::available()) {
            $this->assertNull(engine::version());
            $this->assertFalse(class_exists('\Magistere\AccessDenied', false));
            return;
        }
        $this->assertSame(phpversion('magistere'), engine::version());
        $cases = [
            'nopermissions' => new \Magistere\AccessDenied('R4: not his circonscription'),
            'notfound' => new \Magistere\NotFound('no course 5'),
            'engineconnection' => new \Magistere\ConnectionError('refused'),
            'enginesettings' => new \Magistere\SettingsError('k below 3'),
            'engineerror' => new \Magistere\DataError('course row 1'),
        ];
        foreach ($cases as $code => $exception) {
            try {
                engine::call(function () use ($exception) {
                    throw $exception;
                });
                $this->fail("$code expected");
            } catch (\moodle_exception $e) {
                $this->assertSame($code, $e->errorcode);
                // The engine's message goes to the debug information (shown only when debugging is on).
                $this->assertSame($exception->getMessage(), $e->debuginfo);
            }
        }
        $this->assertSame(42, engine::call(fn() => 42));
    }

    /**
     * Without the extension every entry point says what to install; with it, nothing is thrown.
     */
    public function test_missing_extension(): void {
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        if (engine::available()) {
            engine::require_available();
            $this->assertInstanceOf(\Magistere\Tracker::class, engine::tracker_for_course((int) $course->id));
            return;
        }
        foreach (
            [fn() => engine::require_available(), fn() => engine::tracker_for_course((int) $course->id),
                fn() => engine::tracker_for_site()] as $call
        ) {
            try {
                $call();
                $this->fail('The missing extension must be reported');
            } catch (\moodle_exception $e) {
                $this->assertSame('extensionmissing', $e->errorcode);
                $this->assertStringContainsString('PHP ' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION, $e->getMessage());
            }
        }
        // The export tasks log it and write nothing.
        set_config('exportfolder', make_request_directory(), 'local_magistere');
        ob_start();
        $result = (new \local_magistere\task\export_attestations())->execute();
        $output = ob_get_clean();
        $this->assertNull($result);
        $this->assertStringContainsString('not loaded', $output);
    }
}
