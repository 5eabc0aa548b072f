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
 * Upgrade steps of local_magistere.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Upgrades the plugin's tables from an older version.
 *
 * @param int $oldversion the version installed before this upgrade
 * @return bool
 */
function xmldb_local_magistere_upgrade($oldversion) {
    global $DB;
    $dbman = $DB->get_manager();

    if ($oldversion < 2026112800) {
        // First public version: make sure the audit table exists on sites that installed a pre-release.
        $table = new xmldb_table('local_magistere_mark_hist');
        if (!$dbman->table_exists($table)) {
            $dbman->install_one_table_from_xmldb_file(__DIR__ . '/install.xml', 'local_magistere_mark_hist');
        }
        upgrade_plugin_savepoint(true, 2026112800, 'local', 'magistere');
    }

    if ($oldversion < 2026120104) {
        // The platform privacy fix (issue 11) stores each change with the value it replaced, for an exact undo.
        $table = new xmldb_table('local_magistere_platfix');
        if (!$dbman->table_exists($table)) {
            $dbman->install_one_table_from_xmldb_file(__DIR__ . '/install.xml', 'local_magistere_platfix');
        }
        upgrade_plugin_savepoint(true, 2026120104, 'local', 'magistere');
    }

    return true;
}
