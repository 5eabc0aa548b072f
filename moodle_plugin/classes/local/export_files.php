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
 * The files the export tasks write: where, with which modes, how (whole or not at all), for how long, and which
 * of them hold a given person (for the privacy API).
 *
 * The attestation file is nominative. Moodle's own $CFG->filepermissions (default 0666 minus the umask) suits
 * course files served through Moodle, not personal data read by a transfer job: these files are created 0640
 * (owner read-write, group read, others nothing) and the folder the plugin creates 0750, whatever the umask.
 * A file is written under a temporary name in the same folder, flushed to disk, and renamed into place, so that
 * a reader never sees part of a file; a failed write removes it. Files older than the retention setting
 * (default 30 days) are deleted by every run of the tasks, as are leftovers of an interrupted write.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class export_files {
    /** @var int the mode of an export file. */
    public const FILE_MODE = 0640;

    /** @var int the mode of the export folder the plugin creates. */
    public const DIR_MODE = 0750;

    /** @var int default retention, in seconds. */
    public const DEFAULT_RETENTION = 30 * DAYSECS;

    /** @var int after this many seconds a temporary file is a leftover of an interrupted write. */
    public const PART_MAX_AGE = DAYSECS;

    /** @var string[] the prefixes of the files the tasks write. */
    public const PREFIXES = ['attestations', 'statistics'];

    /** @var string the names of complete export files. */
    public const NAME_PATTERN = '/^(attestations|statistics)-\d{8}-\d{6}(-\d+)?\.xml$/';

    /** @var string the names of temporary files. */
    public const PART_PATTERN = '/^(attestations|statistics)-\d{8}-\d{6}-[0-9a-f]+\.xml\.part$/';

    /**
     * The export folder: the setting, or local_magistere in the data folder.
     *
     * @return string
     */
    public static function folder(): string {
        global $CFG;
        $folder = trim((string) get_config('local_magistere', 'exportfolder'));
        return $folder !== '' ? rtrim($folder, '/') : $CFG->dataroot . '/local_magistere';
    }

    /**
     * Whether the export folder is the default one, which the plugin owns.
     *
     * @return bool
     */
    public static function is_default_folder(): bool {
        return trim((string) get_config('local_magistere', 'exportfolder')) === '';
    }

    /**
     * Seconds an export file is kept: the setting, default 30 days; 0 keeps files forever.
     *
     * @return int
     */
    public static function retention(): int {
        $value = get_config('local_magistere', 'exportretention');
        return $value === false || $value === '' ? self::DEFAULT_RETENTION : max(0, (int) $value);
    }

    /**
     * Makes sure the folder exists and can be written: created 0750 when missing (the default folder is kept at
     * 0750; a folder chosen in the settings keeps the modes its administrator gave it).
     *
     * @return string the folder
     * @throws \moodle_exception exportfoldererror
     */
    public static function prepare_folder(): string {
        $folder = self::folder();
        if (!is_dir($folder)) {
            if (file_exists($folder) || (!@mkdir($folder, self::DIR_MODE, true) && !is_dir($folder))) {
                throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
            }
            @chmod($folder, self::DIR_MODE);
        } else if (self::is_default_folder() && (fileperms($folder) & 0777) !== self::DIR_MODE) {
            @chmod($folder, self::DIR_MODE);
        }
        if (!is_writable($folder)) {
            throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
        }
        return $folder;
    }

    /**
     * Writes one export file, whole or not at all.
     *
     * @param string $prefix one of PREFIXES
     * @param callable $writer fn(resource $stream): int, writes the document to the stream, returns its count
     * @param int|null $now the time in the file's name (default: now)
     * @return array ['path' => string, 'count' => int]
     * @throws \moodle_exception exportfoldererror, or what the writer throws (nothing is left behind)
     */
    public static function write(string $prefix, callable $writer, ?int $now = null): array {
        if (!in_array($prefix, self::PREFIXES, true)) {
            throw new \coding_exception('Unknown export prefix ' . $prefix);
        }
        $folder = self::prepare_folder();
        $stamp = date('Ymd-His', $now ?? time());
        $temp = $folder . '/' . $prefix . '-' . $stamp . '-' . bin2hex(random_bytes(6)) . '.xml.part';
        $stream = @fopen($temp, 'xb');
        if ($stream === false) {
            throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
        }
        try {
            // Restrictive from the start, whatever the umask: the file is personal data.
            if (!chmod($temp, self::FILE_MODE)) {
                throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
            }
            $count = $writer($stream);
            if (!fflush($stream) || !fsync($stream)) {
                throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
            }
            fclose($stream);
            $stream = null;
            $final = $folder . '/' . $prefix . '-' . $stamp . '.xml';
            for ($n = 2; file_exists($final); $n++) {
                $final = $folder . '/' . $prefix . '-' . $stamp . '-' . $n . '.xml';
            }
            if (!rename($temp, $final)) {
                throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
            }
        } catch (\Throwable $e) {
            if ($stream) {
                fclose($stream);
            }
            @unlink($temp);
            throw $e;
        }
        return ['path' => $final, 'count' => (int) $count];
    }

    /**
     * The complete export files in the folder, oldest first.
     *
     * @param string|null $prefix only these (attestations, statistics), or null for both
     * @return string[] paths
     */
    public static function files(?string $prefix = null): array {
        $folder = self::folder();
        if (!is_dir($folder)) {
            return [];
        }
        $files = [];
        foreach (scandir($folder) ?: [] as $name) {
            if (preg_match(self::NAME_PATTERN, $name, $m) && ($prefix === null || $m[1] === $prefix)) {
                $files[] = $folder . '/' . $name;
            }
        }
        return $files;
    }

    /**
     * Deletes the export files older than the retention and the leftovers of interrupted writes, and brings the
     * mode of the files kept down to 0640.
     *
     * @param int|null $now
     * @return int files deleted
     */
    public static function purge(?int $now = null): int {
        $now = $now ?? time();
        $folder = self::folder();
        if (!is_dir($folder)) {
            return 0;
        }
        $retention = self::retention();
        $deleted = 0;
        foreach (scandir($folder) ?: [] as $name) {
            $path = $folder . '/' . $name;
            $complete = preg_match(self::NAME_PATTERN, $name) === 1;
            $part = preg_match(self::PART_PATTERN, $name) === 1;
            if (!$complete && !$part) {
                continue;
            }
            $mtime = @filemtime($path);
            if ($mtime === false) {
                continue;
            }
            $expired = $complete ? $retention > 0 && $mtime < $now - $retention : $mtime < $now - self::PART_MAX_AGE;
            if ($expired) {
                if (@unlink($path)) {
                    $deleted++;
                }
            } else if ($complete && (fileperms($path) & 0777 & ~self::FILE_MODE)) {
                @chmod($path, self::FILE_MODE);
            }
        }
        return $deleted;
    }

    /**
     * The entries of the retained attestation files about a user: as the participant (his names, and his
     * idnumber when the entry has one) or as the trainer who marked it (the file names him "firstname lastname").
     * The file holds no Moodle user id, so a namesake without an idnumber matches too; the privacy API's
     * deletion removes whole files, which the next daily run writes again from the marks.
     *
     * @param \stdClass $user with firstname, lastname, idnumber
     * @return array path => list of entries (parcours, as participant or as trainer, and the entry's attributes)
     */
    public static function attestation_entries(\stdClass $user): array {
        $result = [];
        foreach (self::files('attestations') as $path) {
            $entries = [];
            self::read_attestations($path, function (array $parcours, array $entry) use ($user, &$entries) {
                $role = self::match($user, $entry);
                if ($role !== null) {
                    $entries[] = ['role' => $role, 'parcours' => $parcours['fullname'] ?? '',
                        'shortname' => $parcours['shortname'] ?? ''] + $entry;
                }
            });
            if ($entries) {
                $result[$path] = $entries;
            }
        }
        return $result;
    }

    /**
     * Whether an attestation entry is about a user, and how.
     *
     * @param \stdClass $user
     * @param array $entry the participant element's attributes
     * @return string|null 'participant', 'trainer' or null
     */
    public static function match(\stdClass $user, array $entry): ?string {
        $idnumber = (string) ($user->idnumber ?? '');
        if (
            ($entry['lastname'] ?? null) === (string) $user->lastname
            && ($entry['firstname'] ?? null) === (string) $user->firstname
            && (!isset($entry['idnumber']) || $entry['idnumber'] === $idnumber)
        ) {
            return 'participant';
        }
        if (($entry['marked-by'] ?? null) === $user->firstname . ' ' . $user->lastname) {
            return 'trainer';
        }
        return null;
    }

    /**
     * Reads an attestation file without network or entity expansion, calling $each for every participant.
     * A file that cannot be read is skipped (it is reported by the task that wrote it, not here).
     *
     * @param string $path
     * @param callable $each fn(array $parcoursattributes, array $participantattributes)
     */
    public static function read_attestations(string $path, callable $each): void {
        $reader = new \XMLReader();
        if (!@$reader->open($path, null, LIBXML_NONET)) {
            return;
        }
        $parcours = [];
        while (@$reader->read()) {
            if ($reader->nodeType !== \XMLReader::ELEMENT) {
                continue;
            }
            if ($reader->localName === 'parcours' || $reader->localName === 'participant') {
                $attributes = [];
                if ($reader->moveToFirstAttribute()) {
                    do {
                        $attributes[$reader->localName] = $reader->value;
                    } while ($reader->moveToNextAttribute());
                    $reader->moveToElement();
                }
                if ($reader->localName === 'parcours') {
                    $parcours = $attributes;
                } else {
                    $each($parcours, $attributes);
                }
            }
        }
        $reader->close();
    }

    /**
     * The users named in the retained attestation files, as participants or as the trainers who marked them.
     *
     * @return int[] user ids
     */
    public static function attestation_userids(): array {
        global $DB;
        $participants = [];
        $trainers = [];
        foreach (self::files('attestations') as $path) {
            self::read_attestations($path, function (array $parcours, array $entry) use (&$participants, &$trainers) {
                if (isset($entry['lastname'], $entry['firstname'])) {
                    $participants[$entry['lastname'] . "\n" . $entry['firstname']][] = $entry['idnumber'] ?? null;
                }
                if (isset($entry['marked-by'])) {
                    $trainers[$entry['marked-by']] = true;
                }
            });
        }
        if (!$participants && !$trainers) {
            return [];
        }
        $ids = [];
        $users = $DB->get_recordset('user', null, 'id', 'id, firstname, lastname, idnumber');
        foreach ($users as $user) {
            $key = $user->lastname . "\n" . $user->firstname;
            if (isset($participants[$key])) {
                foreach ($participants[$key] as $idnumber) {
                    if ($idnumber === null || $idnumber === (string) $user->idnumber) {
                        $ids[(int) $user->id] = (int) $user->id;
                        break;
                    }
                }
            }
            if (isset($trainers[$user->firstname . ' ' . $user->lastname])) {
                $ids[(int) $user->id] = (int) $user->id;
            }
        }
        $users->close();
        return array_values($ids);
    }

    /**
     * Deletes the retained attestation files that name any of these users.
     *
     * @param int[] $userids
     * @return int files deleted
     */
    public static function delete_for_users(array $userids): int {
        global $DB;
        if (!$userids) {
            return 0;
        }
        $users = $DB->get_records_list('user', 'id', $userids, '', 'id, firstname, lastname, idnumber');
        $deleted = 0;
        foreach (self::files('attestations') as $path) {
            $found = false;
            self::read_attestations($path, function (array $parcours, array $entry) use ($users, &$found) {
                foreach ($users as $user) {
                    if (!$found && self::match($user, $entry) !== null) {
                        $found = true;
                    }
                }
            });
            if ($found && @unlink($path)) {
                $deleted++;
            }
        }
        return $deleted;
    }

    /**
     * Deletes every retained attestation file.
     *
     * @return int files deleted
     */
    public static function delete_all_attestations(): int {
        $deleted = 0;
        foreach (self::files('attestations') as $path) {
            if (@unlink($path)) {
                $deleted++;
            }
        }
        return $deleted;
    }
}
