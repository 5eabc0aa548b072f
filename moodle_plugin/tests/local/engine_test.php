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
     * The defaults and the minimum k are the extension's when it is loaded, and the plugin's fallback copy (used
     * without the extension: this class also runs without it) equals them.
     */
    public function test_defaults_from_the_extension(): void {
        if (engine::available()) {
            $this->assertSame(\Magistere\Tracker::defaults(), engine::defaults());
            $this->assertSame(\Magistere\Tracker::K_MIN, engine::k_min());
            $this->assertSame(engine::FALLBACK_DEFAULTS, \Magistere\Tracker::defaults());
            $this->assertSame(engine::FALLBACK_K_MIN, \Magistere\Tracker::K_MIN);
        } else {
            $this->assertSame(engine::FALLBACK_DEFAULTS, engine::defaults());
            $this->assertSame(engine::FALLBACK_K_MIN, engine::k_min());
        }
        $this->assertSame(engine::FALLBACK_DEFAULTS['duration_field'], duration_field::DEFAULT_SHORTNAME);
    }

    /**
     * The k setting accepts whole numbers from the engine's minimum up, and nothing else.
     *
     * @covers \local_magistere\admin\setting_k
     */
    public function test_setting_k(): void {
        global $CFG;
        require_once($CFG->libdir . '/adminlib.php');
        $setting = new \local_magistere\admin\setting_k('local_magistere/k', 'k', '', 5);
        $min = engine::k_min();
        $this->assertTrue($setting->validate((string) $min));
        $this->assertTrue($setting->validate((string) ($min + 10)));
        $this->assertSame(get_string('settings:k_min', 'local_magistere', $min), $setting->validate((string) ($min - 1)));
        $this->assertIsString($setting->validate('-5'));
        $this->assertIsString($setting->validate('five'));
        $this->assertIsString($setting->validate(''));
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
     * With the extension, its exceptions become Moodle's: a rule's refusal is "no permission". The engine's
     * message, which may name the database host, goes to the debug information of a site administrator only;
     * anybody else gets the exception's class alone.
     */
    public function test_exception_mapping(): void {
        $this->resetAfterTest();
        if (!engine::available()) {
            $this->assertNull(engine::version());
            $this->assertFalse(class_exists('\Magistere\AccessDenied', false));
            return;
        }
        $this->assertSame(phpversion('magistere'), engine::version());
        $cases = [
            'nopermissions' => new \Magistere\AccessDenied('R4: not his circonscription'),
            'notfound' => new \Magistere\NotFound('no user with id 2'),
            'engineconnection' => new \Magistere\ConnectionError('cannot connect to db.internal:3306 (moodle_prod)'),
            'enginesettings' => new \Magistere\SettingsError('k below 3'),
            'engineerror' => new \Magistere\DataError('mdl_course row 1'),
        ];
        foreach (['user' => $this->getDataGenerator()->create_user(), 'admin' => get_admin()] as $who => $user) {
            $this->setUser($user);
            foreach ($cases as $code => $exception) {
                try {
                    engine::call(function () use ($exception) {
                        throw $exception;
                    });
                    $this->fail("$code expected");
                } catch (\moodle_exception $e) {
                    $this->assertSame($code, $e->errorcode);
                    // Under PHPUnit, Moodle appends the debug information to the message (on a page it does not).
                    if ($who === 'user') {
                        $this->assertStringNotContainsString($exception->getMessage(), $e->getMessage());
                    }
                    $expected = get_class($exception) . ($who === 'admin' ? ': ' . $exception->getMessage() : '');
                    $this->assertSame($expected, $e->debuginfo);
                }
            }
        }
        $this->setUser($this->getDataGenerator()->create_user());
        try {
            engine::call(fn() => throw new \ValueError('unknown dimension "x"'));
            $this->fail('A ValueError of the extension is mapped too');
        } catch (\moodle_exception $e) {
            $this->assertSame('engineerror', $e->errorcode);
        }
        $this->assertSame(42, engine::call(fn() => 42));
    }

    /**
     * Issue 10.5 / 13: every call into the extension goes through this class, so that each engine error becomes a
     * clean Moodle error. No other file of the plugin (comments aside, tests apart) names the extension's classes
     * or calls a tracker's methods.
     */
    public function test_every_call_goes_through_engine(): void {
        global $CFG;
        $root = $CFG->dirroot . '/local/magistere';
        $pattern = '/\bMagistere\\\\|->(trainerView|participantView|inspectorView|transparency|statistics|'
            . 'writeAttestations|writeStatistics|dataQuality|myTrainings)\s*\(/';
        $offenders = [];
        $files = new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($root, \FilesystemIterator::SKIP_DOTS));
        foreach ($files as $file) {
            $relative = substr($file->getPathname(), strlen($root) + 1);
            if (
                $file->getExtension() !== 'php' || str_starts_with($relative, 'tests/')
                || $relative === 'classes/local/engine.php'
            ) {
                continue;
            }
            $code = '';
            foreach (token_get_all(file_get_contents($file->getPathname())) as $token) {
                if (is_array($token) && in_array($token[0], [T_COMMENT, T_DOC_COMMENT], true)) {
                    continue;
                }
                $code .= is_array($token) ? $token[1] : $token;
            }
            foreach (explode("\n", $code) as $n => $line) {
                if (preg_match($pattern, $line) && !preg_match('/\bengine::/', $line)) {
                    $offenders[] = "$relative:" . ($n + 1) . ': ' . trim($line);
                }
            }
        }
        $this->assertSame([], $offenders);
        // The check does find a direct call.
        $this->assertMatchesRegularExpression($pattern, '$view = $tracker->trainerView($userid, $courseid);');
        $this->assertMatchesRegularExpression($pattern, 'catch (\Magistere\AccessDenied $e) {');
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
