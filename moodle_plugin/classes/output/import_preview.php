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

/**
 * The preview of a CSV import: every line with its clean values or its errors.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class import_preview implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param string $type school, circ or inspector
     * @param array $preview what importer::preview() returns
     * @param int $iid the csv_import_reader id
     */
    public function __construct(
        /** @var string import type */
        protected string $type,
        /** @var array the checked lines */
        protected array $preview,
        /** @var int the import id */
        protected int $iid
    ) {
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $columns = \local_magistere\local\record_validator::COLUMNS[$this->type];
        $lines = [];
        foreach ($this->preview['lines'] as $line) {
            $cells = [];
            foreach ($columns as $column) {
                $cells[] = ['value' => (string) ($line['record'][$column] ?? '')];
            }
            $errors = [];
            foreach ($line['errors'] as [$key, $arg]) {
                $errors[] = ['message' => get_string($key, 'local_magistere', $arg)];
            }
            $lines[] = [
                'line' => $line['line'],
                'cells' => $cells,
                'errors' => $errors,
                'haserrors' => !empty($errors),
                'action' => get_string('importaction:' . $line['action'], 'local_magistere'),
            ];
        }
        $headererrors = [];
        foreach ($this->preview['headererrors'] as [$key, $arg]) {
            $headererrors[] = ['message' => get_string($key, 'local_magistere', $arg)];
        }
        return [
            'columns' => array_map(fn($c) => ['label' => get_string('column:' . $c, 'local_magistere')], $columns),
            'lines' => $lines,
            'headererrors' => $headererrors,
            'hasheadererrors' => !empty($headererrors),
            'summary' => get_string('importsummary', 'local_magistere', (object) [
                'total' => count($this->preview['lines']), 'valid' => $this->preview['valid'],
                'invalid' => $this->preview['invalid']]),
            'canimport' => empty($headererrors) && $this->preview['valid'] > 0,
            'hasinvalid' => $this->preview['invalid'] > 0,
            'confirmurl' => (new \moodle_url('/local/magistere/admin/import.php'))->out(false),
            'cancelurl' => (new \moodle_url('/local/magistere/admin/import.php', ['type' => $this->type, 'iid' => $this->iid,
                'cancel' => 1, 'sesskey' => sesskey()]))->out(false),
            'iid' => $this->iid,
            'type' => $this->type,
            'sesskey' => sesskey(),
        ];
    }
}
