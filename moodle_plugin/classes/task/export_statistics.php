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

namespace local_magistere\task;

/**
 * Writes the statistics exchange file for the ministry, already under disclosure control (R5), with the
 * dimensions chosen in the settings.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class export_statistics extends export_base {
    /**
     * The language string of the task's name.
     *
     * @return string
     */
    protected function name_key(): string {
        return 'exportstatistics_task';
    }

    /**
     * The file name prefix.
     *
     * @return string
     */
    protected function prefix(): string {
        return 'statistics';
    }

    /**
     * The dimensions of the exported table.
     *
     * @return string[]
     */
    public static function dimensions(): array {
        $configured = (string) get_config('local_magistere', 'exportdimensions');
        $dimensions = array_values(array_intersect(
            \local_magistere\local\engine::split_list($configured),
            \local_magistere\output\statistics_page::DIMENSIONS
        ));
        return $dimensions ?: ['academie', 'departement', 'degre', 'secteur'];
    }

    /**
     * The académie code must be set.
     */
    protected function check_settings(): void {
        \local_magistere\local\engine::academie();
    }

    /**
     * Writes the file.
     *
     * @param resource $stream
     * @return int cells written
     */
    protected function write($stream): int {
        return \local_magistere\local\engine::write_statistics(
            $stream,
            \local_magistere\local\engine::academie(),
            self::dimensions()
        );
    }
}
