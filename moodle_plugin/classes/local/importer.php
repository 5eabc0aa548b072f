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
 * Imports and edits schools, circonscriptions and inspectors. Lines are read with Moodle's csv_import_reader,
 * checked by {@see record_validator} and against the database (known circonscription, known user, no
 * duplicate in the file), previewed, then written in one transaction: a line whose key exists updates it.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class importer {
    /** @var array<string, string> import type => table. */
    public const TABLES = [
        'school' => 'local_magistere_school',
        'circ' => 'local_magistere_circ',
        'inspector' => 'local_magistere_inspector',
    ];

    /**
     * Checks the type of an import.
     *
     * @param string $type
     * @return string the type
     */
    public static function check_type(string $type): string {
        if (!isset(self::TABLES[$type])) {
            throw new \moodle_exception('invalidimporttype', 'local_magistere');
        }
        return $type;
    }

    /**
     * Checks every line of a loaded CSV file.
     *
     * @param string $type
     * @param \csv_import_reader $reader after load_csv_content()
     * @return array ['headererrors' => list, 'lines' => list of ['line', 'record', 'errors', 'action'],
     *      'valid' => int, 'invalid' => int]
     */
    public static function preview(string $type, \csv_import_reader $reader): array {
        self::check_type($type);
        $header = record_validator::map_header($type, $reader->get_columns() ?: []);
        $result = ['headererrors' => $header['errors'], 'lines' => [], 'valid' => 0, 'invalid' => 0];
        if ($header['errors']) {
            return $result;
        }
        $seen = [];
        $reader->init();
        $linenumber = 1;
        while ($fields = $reader->next()) {
            $linenumber++;
            $values = [];
            foreach ($header['map'] as $column => $index) {
                $values[$column] = $fields[$index] ?? '';
            }
            $checked = self::check($type, $values);
            $key = self::key($type, $checked['record']);
            if (isset($seen[$key])) {
                $checked['errors'][] = ['error:duplicateline', $seen[$key]];
            } else {
                $seen[$key] = $linenumber;
            }
            $checked['line'] = $linenumber;
            if ($checked['errors']) {
                $checked['action'] = 'skip';
                $result['invalid']++;
            } else {
                $result['valid']++;
            }
            $result['lines'][] = $checked;
        }
        $reader->close();
        return $result;
    }

    /**
     * Writes the valid lines of a preview in one transaction.
     *
     * @param string $type
     * @param array $preview what preview() returned
     * @return array ['created' => int, 'updated' => int, 'skipped' => int]
     */
    public static function import(string $type, array $preview): array {
        global $DB;
        self::check_type($type);
        $counts = ['created' => 0, 'updated' => 0, 'skipped' => 0];
        $transaction = $DB->start_delegated_transaction();
        foreach ($preview['lines'] as $line) {
            if ($line['errors']) {
                $counts['skipped']++;
                continue;
            }
            $action = self::save($type, $line['record']);
            $counts[$action]++;
        }
        $transaction->allow_commit();
        return $counts;
    }

    /**
     * Checks one record (a line or an edit form) against the rules and the database.
     *
     * @param string $type
     * @param array $values column => raw value
     * @param int $editingid the id being edited (0 for a new record or an import line)
     * @return array ['record' => array, 'errors' => list, 'action' => 'create'|'update'|'skip']
     */
    public static function check(string $type, array $values, int $editingid = 0): array {
        global $DB, $CFG;
        $checked = record_validator::validate($type, $values);
        $record = $checked['record'];
        $errors = $checked['errors'];
        if ($type === 'inspector' && $record['username'] !== '') {
            $userid = $DB->get_field('user', 'id', ['username' => \core_text::strtolower($record['username']),
                'mnethostid' => $CFG->mnet_localhost_id, 'deleted' => 0]);
            if (!$userid) {
                $errors[] = ['error:unknownuser', $record['username']];
            } else {
                $record['userid'] = (int) $userid;
            }
        }
        if (
            in_array($type, ['school', 'inspector'], true) && $record['circonscription'] !== ''
                && !$DB->record_exists('local_magistere_circ', ['code' => $record['circonscription']])
        ) {
            $errors[] = ['error:unknowncirc', $record['circonscription']];
        }
        $existing = $errors ? null : self::find($type, $record);
        if ($editingid && $existing && (int) $existing->id !== $editingid) {
            $errors[] = ['error:exists', self::key($type, $record)];
        }
        $action = $errors ? 'skip' : ($existing || $editingid ? 'update' : 'create');
        return ['record' => $record, 'errors' => $errors, 'action' => $action];
    }

    /**
     * Creates or updates one checked record.
     *
     * @param string $type
     * @param array $record a clean record from check()
     * @param int $id the record to update (0: by key)
     * @return string 'created' or 'updated'
     */
    public static function save(string $type, array $record, int $id = 0): string {
        global $DB;
        $table = self::TABLES[$type];
        $data = (object) array_intersect_key($record, array_flip(self::fields($type)));
        $existing = $id ? $DB->get_record($table, ['id' => $id], '*', MUST_EXIST) : self::find($type, $record);
        // Schools, circonscriptions and inspectors are the site's: every resident model may show them.
        if ($existing) {
            $data->id = $existing->id;
            $DB->update_record($table, $data);
            stamps::site();
            return 'updated';
        }
        $DB->insert_record($table, $data);
        stamps::site();
        return 'created';
    }

    /**
     * Deletes one record. A circonscription still used by a school or an inspector is refused.
     *
     * @param string $type
     * @param int $id
     */
    public static function delete(string $type, int $id): void {
        global $DB;
        $table = self::TABLES[self::check_type($type)];
        $record = $DB->get_record($table, ['id' => $id], '*', MUST_EXIST);
        if (
            $type === 'circ' && ($DB->record_exists('local_magistere_school', ['circonscription' => $record->code])
                || $DB->record_exists('local_magistere_inspector', ['circonscription' => $record->code]))
        ) {
            throw new \moodle_exception('error:circinuse', 'local_magistere', '', $record->code);
        }
        $DB->delete_records($table, ['id' => $id]);
        stamps::site();
    }

    /**
     * The table's fields written for a type.
     *
     * @param string $type
     * @return string[]
     */
    public static function fields(string $type): array {
        return match ($type) {
            'school' => ['uai', 'name', 'city', 'circonscription', 'departement', 'academie', 'degre', 'secteur'],
            'circ' => ['code', 'name', 'departement', 'academie'],
            'inspector' => ['userid', 'circonscription'],
        };
    }

    /**
     * The existing record with the same key, if any.
     *
     * @param string $type
     * @param array $record
     * @return \stdClass|null
     */
    private static function find(string $type, array $record): ?\stdClass {
        global $DB;
        $conditions = match ($type) {
            'school' => ['uai' => $record['uai']],
            'circ' => ['code' => $record['code']],
            'inspector' => ['userid' => $record['userid'] ?? 0, 'circonscription' => $record['circonscription']],
        };
        return $DB->get_record(self::TABLES[$type], $conditions) ?: null;
    }

    /**
     * The unique key of a record, as text.
     *
     * @param string $type
     * @param array $record
     * @return string
     */
    private static function key(string $type, array $record): string {
        return match ($type) {
            'school' => $record['uai'],
            'circ' => $record['code'],
            'inspector' => \core_text::strtolower($record['username'] ?? '') . '/' . $record['circonscription'],
        };
    }
}
