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
 * Checks the lines of the schools, circonscriptions and inspectors imports (and the edit forms). Pure PHP: it
 * needs no Moodle and is tested on its own. Errors are language string keys of local_magistere with their
 * argument, so that the pages show them in the user's language.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class record_validator {
    /** @var array<string, string[]> the columns of each import, required first. */
    public const COLUMNS = [
        'school' => ['uai', 'name', 'circonscription', 'city', 'departement', 'academie', 'degre', 'secteur'],
        'circ' => ['code', 'name', 'departement', 'academie'],
        'inspector' => ['username', 'circonscription'],
    ];

    /** @var array<string, string[]> the required columns of each import. */
    public const REQUIRED = [
        'school' => ['uai', 'name', 'circonscription'],
        'circ' => ['code', 'name'],
        'inspector' => ['username', 'circonscription'],
    ];

    /** @var array<string, int> the longest value of each column (the table's field lengths). */
    private const MAXLEN = [
        'uai' => 10, 'name' => 255, 'city' => 255, 'circonscription' => 20, 'departement' => 10, 'academie' => 100,
        'degre' => 2, 'secteur' => 10, 'code' => 20, 'username' => 100,
    ];

    /**
     * Maps a CSV header to the import's columns.
     *
     * @param string $type 'school', 'circ' or 'inspector'
     * @param string[] $header the file's column names
     * @return array ['map' => column => index, 'errors' => list of [key, arg]]
     */
    public static function map_header(string $type, array $header): array {
        self::check_type($type);
        $map = [];
        $errors = [];
        foreach ($header as $index => $name) {
            $name = self::normalise_header((string) $name);
            if (in_array($name, self::COLUMNS[$type], true)) {
                if (isset($map[$name])) {
                    $errors[] = ['error:duplicatecolumn', $name];
                }
                $map[$name] = $index;
            }
        }
        foreach (self::REQUIRED[$type] as $column) {
            if (!isset($map[$column])) {
                $errors[] = ['error:missingcolumn', $column];
            }
        }
        return ['map' => $map, 'errors' => $errors];
    }

    /**
     * Checks one line (or one edit form's values) and returns the clean record.
     *
     * @param string $type 'school', 'circ' or 'inspector'
     * @param array $values column => raw value
     * @return array ['record' => column => clean value, 'errors' => list of [key, arg]]
     */
    public static function validate(string $type, array $values): array {
        self::check_type($type);
        $record = [];
        $errors = [];
        foreach (self::COLUMNS[$type] as $column) {
            $value = trim(self::to_utf8((string) ($values[$column] ?? '')));
            $value = preg_replace('/\s+/u', ' ', $value);
            if ($value === '' && in_array($column, self::REQUIRED[$type], true)) {
                $errors[] = ['error:required', $column];
            }
            if (mb_strlen($value) > self::MAXLEN[$column]) {
                $errors[] = ['error:toolong', $column];
            }
            $record[$column] = $value;
        }
        if ($type === 'school') {
            $record['uai'] = strtoupper($record['uai']);
            if ($record['uai'] !== '' && !self::is_uai($record['uai'])) {
                $errors[] = ['error:uai', $record['uai']];
            }
            $record['degre'] = strtoupper($record['degre']);
            if (!in_array($record['degre'], ['', '1D', '2D'], true)) {
                $errors[] = ['error:degre', $record['degre']];
            }
            $record['secteur'] = self::normalise_secteur($record['secteur']);
            if (!in_array($record['secteur'], ['', 'public', 'prive'], true)) {
                $errors[] = ['error:secteur', $record['secteur']];
            }
        }
        foreach (['circonscription', 'code'] as $column) {
            if (isset($record[$column]) && $record[$column] !== '' && !preg_match('/^[A-Za-z0-9_.-]+$/', $record[$column])) {
                $errors[] = ['error:code', $record[$column]];
            }
        }
        return ['record' => $record, 'errors' => $errors];
    }

    /**
     * Whether a string is a well-formed UAI: 7 characters (digits, or 2A/2B and 5 digits for Corsica) and a
     * letter. For all-digit codes the letter is checked: it is the (number mod 23)th letter of
     * "ABCDEFGHJKLMNPRSTUVWXYZ".
     *
     * @param string $uai upper case
     * @return bool
     */
    public static function is_uai(string $uai): bool {
        if (!preg_match('/^(\d{7}|2[AB]\d{5})([A-Z])$/', $uai, $m)) {
            return false;
        }
        if (!ctype_digit($m[1])) {
            return true;
        }
        $letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
        return $letters[((int) $m[1]) % 23] === $m[2];
    }

    /**
     * Lower case, no accent, no space, no BOM.
     *
     * @param string $name
     * @return string
     */
    public static function normalise_header(string $name): string {
        $name = preg_replace('/^\xEF\xBB\xBF/', '', $name);
        $name = strtolower(trim($name));
        $name = strtr($name, ['é' => 'e', 'è' => 'e', 'ê' => 'e', 'É' => 'e', 'ô' => 'o', ' ' => '', '-' => '', '_' => '']);
        $aliases = ['rne' => 'uai', 'ville' => 'city', 'nom' => 'name', 'circ' => 'circonscription',
            'departement' => 'departement', 'academie' => 'academie', 'degree' => 'degre', 'sector' => 'secteur',
            'identifiant' => 'username', 'login' => 'username'];
        return $aliases[$name] ?? $name;
    }

    /**
     * 'public', 'prive' or the value as given, from the usual spellings.
     *
     * @param string $value
     * @return string
     */
    private static function normalise_secteur(string $value): string {
        $lower = strtolower(strtr($value, ['é' => 'e', 'É' => 'e']));
        return match ($lower) {
            'pu', 'pub', 'public' => 'public',
            'pr', 'pri', 'prive', 'private' => 'prive',
            default => $lower,
        };
    }

    /**
     * The value as UTF-8 (Latin-1 exports of spreadsheets are converted).
     *
     * @param string $value
     * @return string
     */
    private static function to_utf8(string $value): string {
        if (preg_match('//u', $value)) {
            return $value;
        }
        return mb_convert_encoding($value, 'UTF-8', 'Windows-1252');
    }

    /**
     * Refuses unknown import types.
     *
     * @param string $type
     */
    private static function check_type(string $type): void {
        if (!isset(self::COLUMNS[$type])) {
            throw new \InvalidArgumentException("Unknown import type: $type");
        }
    }
}
