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
 * Publishes the month's statistics release (R5): protected together with every earlier release, stored in the
 * releases table (the statistics page shows it), and written to the export folder as its exchange file.
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
     * The académie code must be set.
     */
    protected function check_settings(): void {
        \local_magistere\local\engine::academie();
    }

    /**
     * Publishes the release and writes its file, the same bytes as the stored release.
     *
     * @param resource $stream
     * @return int groups written
     */
    protected function write($stream): int {
        $release = \local_magistere\local\releases::publish();
        if (fwrite($stream, $release->content) !== strlen($release->content)) {
            throw new \moodle_exception('exportfoldererror', 'local_magistere', '', \local_magistere\local\export_files::folder());
        }
        return (int) $release->cells;
    }
}
