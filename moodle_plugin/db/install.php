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
 * Post-install steps of local_magistere: creates the course custom field holding the forecast duration and the
 * user profile field holding the teacher's school.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Creates the duration course custom field (R7) and the school profile field (`rne`), unless fields with those
 * short names exist.
 *
 * @return bool
 */
function xmldb_local_magistere_install() {
    \local_magistere\local\duration_field::ensure_exists();
    \local_magistere\local\setup::ensure_school_field();
    return true;
}
