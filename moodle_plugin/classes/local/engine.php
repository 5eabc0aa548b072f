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
     * @var array The engine's default settings, for when the extension is not loaded (the settings page must still
     * show them). The extension is their source: {@see self::defaults()} asks it when it is loaded, and the phpt test
     * php_tests/module/module_single_sources_plugin-001.phpt fails when this copy differs from
     * \Magistere\Tracker::defaults().
     */
    public const FALLBACK_DEFAULTS = [
        'trainer_roles' => ['formateur', 'tuteur', 'editingteacher', 'teacher'],
        'participant_roles' => ['participant', 'student'],
        'school_field' => 'rne',
        'duration_field' => 'magistere_duration',
        'k' => 5,
    ];

    /** @var int The smallest k the engine accepts, for when the extension is not loaded (\Magistere\Tracker::K_MIN). */
    public const FALLBACK_K_MIN = 3;

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
     * The engine's default settings: the extension's own when it is loaded, else {@see self::FALLBACK_DEFAULTS}.
     *
     * @return array trainer_roles, participant_roles, school_field, duration_field and k
     */
    public static function defaults(): array {
        return self::available() ? \Magistere\Tracker::defaults() : self::FALLBACK_DEFAULTS;
    }

    /**
     * The smallest statistics threshold k the engine accepts: the extension's when it is loaded, else
     * {@see self::FALLBACK_K_MIN}.
     *
     * @return int
     */
    public static function k_min(): int {
        return self::available() ? \Magistere\Tracker::K_MIN : self::FALLBACK_K_MIN;
    }

    /**
     * The tracker settings from the plugin's configuration, the engine's defaults for what is not configured.
     *
     * @return array settings as documented for \Magistere\Tracker::__construct()
     */
    public static function settings(): array {
        global $CFG;
        $config = get_config('local_magistere');
        $defaults = self::defaults();
        $settings = [
            'trainer_roles' => isset($config->trainerroles) ? self::split_list($config->trainerroles)
                : $defaults['trainer_roles'],
            'participant_roles' => isset($config->participantroles) ? self::split_list($config->participantroles)
                : $defaults['participant_roles'],
            'school_field' => (string) ($config->schoolfield ?? $defaults['school_field']),
            'duration_field' => (string) ($config->durationfield ?? $defaults['duration_field']),
            'k' => max(self::k_min(), (int) ($config->k ?? $defaults['k'])),
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
     * Prefer the view methods below, which map the engine's errors; this stays public for callers that need
     * several views of one tracker.
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
        $options = ['resident' => self::resident()];
        return self::call(fn() => new \Magistere\Tracker(\Magistere\Source::fromMoodleConfig($CFG, $options), self::settings()));
    }

    /**
     * Drops the models this PHP process keeps between requests (tests, after a database reset).
     *
     * @return int how many there were (0 without the extension)
     */
    public static function resident_clear(): int {
        return self::available() ? \Magistere\Tracker::residentClear() : 0;
    }

    /**
     * Whether the engine keeps its models between requests, checked against the change stamps the plugin's observers
     * keep ({@see stamps}, docs/resident.md): the "resident" setting, on by default.
     *
     * @return bool
     */
    public static function resident(): bool {
        $setting = get_config('local_magistere', 'resident');
        return $setting === false || (bool) $setting;
    }

    /**
     * Which view of a parcours a user gets, as the engine decides it: the trainer view when he is one of its
     * trainers (and $astrainer), else the participant view when he is one of its participants (and
     * $asparticipant), else nothing: he is outside the parcours (R1). The engine's refusal of a non-member
     * (AccessDenied, or NotFound for a user it does not know, such as a site administrator who is not enrolled)
     * is an answer here, not an error; any other engine error is mapped as {@see call()} does.
     *
     * @param int $userid
     * @param int $courseid
     * @param bool $astrainer whether the user may get the trainer view (Moodle's capability)
     * @param bool $asparticipant whether the user may get the participant view (Moodle's capability)
     * @return array ['mode' => 'trainer'|'participant'|'outsider', 'view' => the engine's array or null]
     * @throws moodle_exception
     */
    public static function parcours_view(int $userid, int $courseid, bool $astrainer, bool $asparticipant): array {
        $tracker = self::tracker_for_course($courseid);
        $attempts = [];
        if ($astrainer) {
            $attempts['trainer'] = fn() => $tracker->trainerView($userid, $courseid);
        }
        if ($asparticipant) {
            $attempts['participant'] = fn() => $tracker->participantView($userid, $courseid);
        }
        foreach ($attempts as $mode => $attempt) {
            try {
                return ['mode' => $mode, 'view' => $attempt()];
            } catch (\Magistere\AccessDenied | \Magistere\NotFound $e) {
                // Not in this role: try the next one.
                unset($e);
            } catch (\Magistere\Exception | \ValueError $e) {
                throw self::map($e);
            }
        }
        return ['mode' => 'outsider', 'view' => null];
    }

    /**
     * The trainer view of a parcours (R3).
     *
     * @param int $userid
     * @param int $courseid
     * @return array the engine's trainerView()
     */
    public static function trainer_view(int $userid, int $courseid): array {
        $tracker = self::tracker_for_course($courseid);
        return self::call(fn() => $tracker->trainerView($userid, $courseid));
    }

    /**
     * The participant view of a parcours (R2).
     *
     * @param int $userid
     * @param int $courseid
     * @return array the engine's participantView()
     */
    public static function participant_view(int $userid, int $courseid): array {
        $tracker = self::tracker_for_course($courseid);
        return self::call(fn() => $tracker->participantView($userid, $courseid));
    }

    /**
     * The inspector view (R4).
     *
     * @param int $userid
     * @param string|null $circonscription one of his circonscriptions, or null for all of them
     * @return array the engine's inspectorView()
     */
    public static function inspector_view(int $userid, ?string $circonscription): array {
        $tracker = self::tracker_for_site();
        return self::call(fn() => $tracker->inspectorView($userid, $circonscription));
    }

    /**
     * A statistics release of the site's figures under disclosure control (R5), with the configured k, protected
     * together with the earlier releases given. The ministry only ever sees stored releases ({@see releases}).
     *
     * @param array[] $earlierreleases releases as statistics() or read_statistics() return them
     * @return array the engine's statistics()
     */
    public static function statistics(array $earlierreleases = []): array {
        $tracker = self::tracker_for_site();
        return self::call(fn() => $tracker->statistics(['etablissements', 'parcours'], $earlierreleases));
    }

    /**
     * Reads a statistics exchange file (a release) back, validated.
     *
     * @param string $path
     * @return array what Statistics::read() returns
     */
    public static function read_statistics(string $path): array {
        self::require_available();
        return self::call(fn() => \Magistere\Statistics::read($path));
    }

    /**
     * What each role sees about a participant (R9). For anybody who is not a participant of the parcours (the
     * engine refuses him, or does not know him: a site administrator who is not enrolled) it is "no permission".
     *
     * @param int $userid
     * @param int $courseid
     * @return array the engine's transparency()
     */
    public static function transparency(int $userid, int $courseid): array {
        $tracker = self::tracker_for_course($courseid);
        try {
            return self::call(fn() => $tracker->transparency($userid, $courseid));
        } catch (moodle_exception $e) {
            if ($e->errorcode === 'notfound') {
                throw new moodle_exception('nopermissions', 'error', '', get_string('viewpage', 'local_magistere'), $e->debuginfo);
            }
            throw $e;
        }
    }

    /**
     * The columns the engine reads, by table: its one list (R6), which the rows source must be fed from.
     *
     * @return array table name without prefix => column names
     */
    public static function columns(): array {
        self::require_available();
        return \Magistere\Source::columns();
    }

    /**
     * A user's "my trainings": his participations and the parcours he trains.
     *
     * @param int $userid
     * @return array the engine's myTrainings()
     */
    public static function my_trainings(int $userid): array {
        $tracker = self::tracker_for_user($userid);
        return self::call(fn() => $tracker->myTrainings($userid));
    }

    /**
     * The anomalies the engine found in the site's data (for the site administrator's status check).
     *
     * @param int $limit the most anomalies listed one by one
     * @return array the engine's dataQuality()
     */
    public static function data_quality(int $limit): array {
        $tracker = self::tracker_for_site();
        return self::call(fn() => $tracker->dataQuality($limit));
    }

    /**
     * Writes a statistics release as its exchange file, protected together with the earlier releases given.
     *
     * @param string|resource $target a path or a writable stream
     * @param string $academie the producer's académie code
     * @param array[] $earlierreleases releases as statistics() or read_statistics() return them
     * @return int groups written
     */
    public static function write_statistics($target, string $academie, array $earlierreleases = []): int {
        $tracker = self::tracker_for_site();
        return self::call(fn() => $tracker->writeStatistics($target, $academie, $earlierreleases));
    }

    /**
     * Writes the administrative attestation file.
     *
     * @param string|resource $target a path or a writable stream
     * @param int[]|null $courseids the parcours to write, null for all of them
     * @return int participants written
     */
    public static function write_attestations($target, ?array $courseids = null): int {
        $tracker = self::tracker_for_site();
        return self::call(fn() => $tracker->writeAttestations($target, $courseids));
    }

    /**
     * Runs an engine call and maps its exceptions to Moodle's ({@see map()}).
     *
     * @param callable $call
     * @return mixed what the call returns
     * @throws moodle_exception
     */
    public static function call(callable $call) {
        try {
            return $call();
        } catch (\Magistere\Exception | \ValueError $e) {
            throw self::map($e);
        }
    }

    /**
     * The Moodle exception for an engine error: a refusal by a rule becomes Moodle's standard "no permission", an
     * unknown id "not found", a connection or settings problem a message saying so, anything else a generic
     * "could not answer". The engine's own message can name the database host, the database or the table prefix:
     * it goes to the debug information only for a site administrator (shown when developer debugging is on);
     * anybody else gets the exception's class alone there.
     *
     * @param \Throwable $e an exception of the Magistere family, or a ValueError the extension raised
     * @return moodle_exception
     */
    public static function map(\Throwable $e): moodle_exception {
        $debuginfo = get_class($e) . (is_siteadmin() ? ': ' . $e->getMessage() : '');
        if ($e instanceof \Magistere\AccessDenied) {
            return new moodle_exception('nopermissions', 'error', '', get_string('viewpage', 'local_magistere'), $debuginfo);
        }
        $codes = [
            \Magistere\NotFound::class => 'notfound',
            \Magistere\ConnectionError::class => 'engineconnection',
            \Magistere\SettingsError::class => 'enginesettings',
        ];
        return new moodle_exception($codes[get_class($e)] ?? 'engineerror', 'local_magistere', '', null, $debuginfo);
    }
}
