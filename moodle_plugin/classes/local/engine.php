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

use context;
use moodle_exception;

/**
 * The one door to the magistere PHP extension: builds the source and the tracker from Moodle's settings, and
 * turns the engine's exceptions into Moodle's.
 *
 * On MariaDB/MySQL sites the engine reads Moodle's database directly with Moodle's own connection settings;
 * on any other database the plugin feeds it the rows a page needs from $DB ({@see rows_loader}).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class engine {
    /** @var string[] Moodle database types the engine reads directly. */
    public const DIRECT_DBTYPES = ['mysqli', 'mariadb', 'auroramysql'];

    /** @var string the name of the PHP extension. */
    public const EXTENSION = 'magistere';

    /**
     * Whether the magistere PHP extension is loaded.
     *
     * @return bool
     */
    public static function available(): bool {
        return extension_loaded(self::EXTENSION);
    }

    /**
     * The version of the loaded extension, or null.
     *
     * @return string|null
     */
    public static function version(): ?string {
        if (!self::available()) {
            return null;
        }
        $version = phpversion(self::EXTENSION);
        return $version === false ? null : $version;
    }

    /**
     * Throws a moodle_exception that says what to install when the extension is missing.
     *
     * @throws moodle_exception
     */
    public static function require_available(): void {
        if (!self::available()) {
            throw new moodle_exception('extensionmissing', 'local_magistere', '', self::install_hint());
        }
    }

    /**
     * What a site administrator must do to get the extension, as shown by the pages and the status check.
     *
     * @return \stdClass with php (the PHP version) and ini (the additional ini folder)
     */
    public static function install_hint(): \stdClass {
        $scanned = php_ini_scanned_files();
        $inidir = '';
        if ($scanned !== false && $scanned !== '') {
            $first = trim(explode(',', $scanned)[0]);
            $inidir = dirname($first);
        }
        return (object) [
            'php' => PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION,
            'ini' => $inidir !== '' ? $inidir : (string) php_ini_loaded_file(),
        ];
    }

    /**
     * The tracker settings from the plugin's configuration.
     *
     * @return array settings as documented for \Magistere\Tracker::__construct()
     */
    public static function settings(): array {
        global $CFG;
        $config = get_config('local_magistere');
        $settings = [
            'trainer_roles' => self::split_list($config->trainerroles ?? 'formateur,tuteur,editingteacher,teacher'),
            'participant_roles' => self::split_list($config->participantroles ?? 'participant,student'),
            'school_field' => (string) ($config->schoolfield ?? 'rne'),
            'duration_field' => (string) ($config->durationfield ?? duration_field::DEFAULT_SHORTNAME),
            'k' => max(3, (int) ($config->k ?? 5)),
            // Progress is Moodle's: off when the site's completion tracking is off (completion_info::is_enabled()),
            // and counting only the activities of modules whose code is on the site (course_modinfo).
            'enablecompletion' => !empty($CFG->enablecompletion),
            'installed_modules' => self::installed_modules(),
        ];
        return $settings;
    }

    /**
     * The activity modules whose code is on the site, as course_modinfo tests it (mod/<name>/lib.php exists):
     * course modules of any other module are not among Moodle's activities.
     *
     * @return string[]
     */
    public static function installed_modules(): array {
        global $CFG, $DB;
        $names = [];
        foreach ($DB->get_fieldset_select('modules', 'name', '1 = 1') as $name) {
            if (preg_match('/^[a-z][a-z0-9_]*$/', $name) && file_exists("$CFG->dirroot/mod/$name/lib.php")) {
                $names[] = $name;
            }
        }
        sort($names);
        return $names;
    }

    /**
     * The code of this site's académie, which names the producer of the statistics exchange file.
     *
     * @return string
     * @throws moodle_exception when it is not set
     */
    public static function academie(): string {
        $code = trim(preg_replace('/\s+/u', ' ', (string) get_config('local_magistere', 'academie')));
        if ($code === '') {
            throw new moodle_exception('noacademie', 'local_magistere');
        }
        return $code;
    }

    /**
     * Splits a comma separated list of role short names.
     *
     * @param string $value
     * @return string[]
     */
    public static function split_list(string $value): array {
        $items = array_map('trim', explode(',', $value));
        return array_values(array_unique(array_filter($items, fn($item) => $item !== '')));
    }

    /**
     * Whether the engine reads Moodle's database directly (MariaDB/MySQL and not forced to rows).
     *
     * @return bool
     */
    public static function uses_direct_source(): bool {
        global $CFG;
        if (get_config('local_magistere', 'source') === 'rows') {
            return false;
        }
        return in_array($CFG->dbtype, self::DIRECT_DBTYPES, true);
    }

    /**
     * A tracker that can answer the views of one parcours (participant, trainer, transparency).
     *
     * @param int $courseid
     * @return \Magistere\Tracker
     */
    public static function tracker_for_course(int $courseid): \Magistere\Tracker {
        self::require_available();
        if (self::uses_direct_source()) {
            return self::direct_tracker();
        }
        $settings = self::settings();
        return self::call(fn() => new \Magistere\Tracker(
            \Magistere\Source::rows(rows_loader::for_course($courseid, $settings)),
            $settings
        ));
    }

    /**
     * A tracker that can answer a user's "my trainings".
     *
     * @param int $userid
     * @return \Magistere\Tracker
     */
    public static function tracker_for_user(int $userid): \Magistere\Tracker {
        self::require_available();
        if (self::uses_direct_source()) {
            return self::direct_tracker();
        }
        $settings = self::settings();
        return self::call(fn() => new \Magistere\Tracker(
            \Magistere\Source::rows(rows_loader::for_user($userid, $settings)),
            $settings
        ));
    }

    /**
     * A tracker over the whole site (inspector view, statistics, exports).
     *
     * @return \Magistere\Tracker
     */
    public static function tracker_for_site(): \Magistere\Tracker {
        self::require_available();
        if (self::uses_direct_source()) {
            return self::direct_tracker();
        }
        $settings = self::settings();
        return self::call(fn() => new \Magistere\Tracker(
            \Magistere\Source::rows(rows_loader::for_site($settings)),
            $settings
        ));
    }

    /**
     * The tracker reading Moodle's database with Moodle's own settings.
     *
     * @return \Magistere\Tracker
     */
    private static function direct_tracker(): \Magistere\Tracker {
        global $CFG;
        return self::call(fn() => new \Magistere\Tracker(\Magistere\Source::fromMoodleConfig($CFG), self::settings()));
    }

    /**
     * Runs an engine call and maps its exceptions to Moodle's: a refusal by a rule becomes Moodle's standard
     * "no permission" error, an unknown id "invalid record", anything else an error naming the engine's message
     * in the debug information only.
     *
     * @param callable $call
     * @return mixed what the call returns
     * @throws moodle_exception
     */
    public static function call(callable $call) {
        try {
            return $call();
        } catch (\Magistere\AccessDenied $e) {
            throw new moodle_exception(
                'nopermissions',
                'error',
                '',
                get_string('viewpage', 'local_magistere'),
                $e->getMessage()
            );
        } catch (\Magistere\NotFound $e) {
            throw new moodle_exception('notfound', 'local_magistere', '', null, $e->getMessage());
        } catch (\Magistere\ConnectionError $e) {
            throw new moodle_exception('engineconnection', 'local_magistere', '', null, $e->getMessage());
        } catch (\Magistere\SettingsError $e) {
            throw new moodle_exception('enginesettings', 'local_magistere', '', null, $e->getMessage());
        } catch (\Magistere\Exception $e) {
            throw new moodle_exception('engineerror', 'local_magistere', '', null, $e->getMessage());
        }
    }
}
