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

namespace local_magistere\output;

use local_magistere\local\util;

/**
 * The ministry's statistics (R5): counts and credited hours by the dimensions the user chose, every margin
 * included, under disclosure control. Nothing nominative.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class statistics_page implements \renderable, \templatable {
    /** @var string[] the dimensions the engine knows, in the order offered. */
    public const DIMENSIONS = ['academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours'];

    /**
     * Constructor.
     *
     * @param array $table the engine's statistics()
     */
    public function __construct(
        /** @var array the engine's table */
        protected array $table
    ) {
    }

    /**
     * One value of a dimension for display.
     *
     * @param string|null $value
     * @return string
     */
    public static function value_label(?string $value): string {
        if ($value === null) {
            return get_string('total');
        }
        if ($value === '') {
            return get_string('notrecorded', 'local_magistere');
        }
        return $value;
    }

    /**
     * A count for display: the number, or a mark when it is suppressed.
     *
     * @param int|null $value
     * @return array ['value' => string, 'suppressed' => bool]
     */
    protected static function count(?int $value): array {
        return $value === null ? ['value' => '', 'suppressed' => true] : ['value' => (string) $value, 'suppressed' => false];
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $headers = [];
        foreach ($this->table['dimensions'] as $dimension) {
            $headers[] = ['label' => get_string('dimension:' . $dimension, 'local_magistere')];
        }
        $rows = [];
        foreach ($this->table['cells'] as $cell) {
            $values = [];
            $istotal = false;
            foreach ($this->table['dimensions'] as $dimension) {
                $value = $cell['values'][$dimension] ?? null;
                $istotal = $istotal || $value === null;
                $values[] = ['label' => self::value_label($value)];
            }
            $rows[] = [
                'values' => $values,
                'istotal' => $istotal,
                'participants' => self::count($cell['participants']),
                'enrolments' => self::count($cell['enrolments']),
                'finished' => self::count($cell['finished']),
                'credited' => $cell['credited_minutes'] === null ? ['value' => '', 'suppressed' => true]
                    : ['value' => util::format_minutes($cell['credited_minutes']), 'suppressed' => false],
            ];
        }
        $chosen = array_flip($this->table['dimensions']);
        $options = [];
        foreach (self::DIMENSIONS as $dimension) {
            $options[] = ['name' => $dimension, 'label' => get_string('dimension:' . $dimension, 'local_magistere'),
                'checked' => isset($chosen[$dimension])];
        }
        $params = ['dims' => implode(',', $this->table['dimensions'])];
        return [
            'formurl' => (new \moodle_url('/local/magistere/statistics.php'))->out(false),
            'dimensions' => $options,
            'headers' => $headers,
            'rows' => $rows,
            'hasrows' => !empty($rows),
            'k' => (int) $this->table['k'],
            'explanation' => get_string('statisticsexplanation', 'local_magistere', (int) $this->table['k']),
            'download' => $output->download_dataformat_selector(
                get_string('downloadtable', 'local_magistere'),
                new \moodle_url('/local/magistere/statistics.php'),
                'download',
                $params
            ),
            'xmlurl' => (new \moodle_url('/local/magistere/statistics.php', $params + ['xml' => 1,
                'sesskey' => sesskey()]))->out(false),
        ];
    }

    /**
     * The rows of the download, suppressed values left empty and flagged.
     *
     * @return array ['columns' => string[], 'rows' => array[]]
     */
    public function download_rows(): array {
        $columns = [];
        foreach ($this->table['dimensions'] as $dimension) {
            $columns[] = get_string('dimension:' . $dimension, 'local_magistere');
        }
        array_push(
            $columns,
            get_string('participants'),
            get_string('enrolments', 'local_magistere'),
            get_string('finished', 'local_magistere'),
            get_string('creditedminutes', 'local_magistere'),
            get_string('suppressed', 'local_magistere')
        );
        $rows = [];
        foreach ($this->table['cells'] as $cell) {
            $row = [];
            foreach ($this->table['dimensions'] as $dimension) {
                $row[] = self::value_label($cell['values'][$dimension] ?? null);
            }
            array_push(
                $row,
                $cell['participants'] ?? '',
                $cell['enrolments'] ?? '',
                $cell['finished'] ?? '',
                $cell['credited_minutes'] ?? '',
                (string) ($cell['suppressed'] ?? $cell['finished_suppressed'] ?? '')
            );
            $rows[] = $row;
        }
        return ['columns' => $columns, 'rows' => $rows];
    }
}
