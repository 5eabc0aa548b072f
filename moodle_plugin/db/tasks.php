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

/**
 * Scheduled tasks of local_magistere: the administrative exchanges, written to the export folder.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$tasks = [
    [
        // The attestation file: per parcours and participant, finished or not and credited minutes.
        'classname' => 'local_magistere\task\export_attestations',
        'blocking' => 0,
        'minute' => 'R',
        'hour' => '2',
        'day' => '*',
        'month' => '*',
        'dayofweek' => '*',
    ],
    [
        // A statistics release, protected with the earlier ones, and its exchange file (R5). Monthly: a release
        // shortly after another must protect every group that moved by fewer than k people since.
        'classname' => 'local_magistere\task\export_statistics',
        'blocking' => 0,
        'minute' => 'R',
        'hour' => '3',
        'day' => '1',
        'month' => '*',
        'dayofweek' => '*',
    ],
];
