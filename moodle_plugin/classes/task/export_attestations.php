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
 * Writes the administrative attestation file: per parcours and participant, finished or not and the credited
 * minutes, nothing else.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class export_attestations extends export_base {
    /**
     * The language string of the task's name.
     *
     * @return string
     */
    protected function name_key(): string {
        return 'exportattestations_task';
    }

    /**
     * The file name prefix.
     *
     * @return string
     */
    protected function prefix(): string {
        return 'attestations';
    }

    /**
     * Writes the file.
     *
     * @param resource $stream
     * @return int participants written
     */
    protected function write($stream): int {
        return \local_magistere\local\engine::write_attestations($stream);
    }
}
