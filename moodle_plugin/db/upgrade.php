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

    if ($oldversion < 2026120102) {
        // Issue 9: the ministry sees published releases only, each protected together with the earlier ones.
        $table = new xmldb_table('local_magistere_release');
        if (!$dbman->table_exists($table)) {
            $dbman->install_one_table_from_xmldb_file(__DIR__ . '/install.xml', 'local_magistere_release');
        }
        // The export's dimensions were a choice of tables; the publication plan is now fixed.
        unset_config('exportdimensions', 'local_magistere');
        upgrade_plugin_savepoint(true, 2026120102, 'local', 'magistere');
    }

    if ($oldversion < 2026120103) {
        // Marks under concurrency: every change of a mark gets a revision number, recorded in its audit row, and
        // (courseid, userid, revision) is unique in the audit table (classes/local/marks.php says why).
        $table = new xmldb_table('local_magistere_mark');
        $field = new xmldb_field('revision', XMLDB_TYPE_INTEGER, '10', null, XMLDB_NOTNULL, null, '0', 'modifiedby');
        if (!$dbman->field_exists($table, $field)) {
            $dbman->add_field($table, $field);
        }
        $history = new xmldb_table('local_magistere_mark_hist');
        $field = new xmldb_field('revision', XMLDB_TYPE_INTEGER, '10', null, XMLDB_NOTNULL, null, '0', 'modifiedby');
        if (!$dbman->field_exists($history, $field)) {
            $dbman->add_field($history, $field);
        }

        // Marks and audit rows left by courses deleted before the plugin followed course deletion, and the marks of
        // users deleted since: nothing shows them, the privacy API cannot reach the former.
        $DB->delete_records_select('local_magistere_mark_hist', 'courseid NOT IN (SELECT id FROM {course})');
        $DB->delete_records_select('local_magistere_mark', 'courseid NOT IN (SELECT id FROM {course})');
        $deleted = 'userid IN (SELECT id FROM {user} WHERE deleted = 1)';
        $DB->delete_records_select('local_magistere_mark_hist', $deleted);
        $DB->delete_records_select('local_magistere_mark', $deleted);
        $DB->delete_records_select('local_magistere_inspector', $deleted);

        // Number the existing audit rows of each mark 1, 2, ... in the order they were written, and give each mark the
        // number of its last one.
        $rows = $DB->get_recordset('local_magistere_mark_hist', null, 'courseid, userid, timemodified, id', 'id, courseid, userid');
        $key = null;
        $revision = 0;
        $last = [];
        foreach ($rows as $row) {
            $current = $row->courseid . '/' . $row->userid;
            $revision = $current === $key ? $revision + 1 : 1;
            $key = $current;
            $DB->set_field('local_magistere_mark_hist', 'revision', $revision, ['id' => $row->id]);
            $last[$current] = $revision;
        }
        $rows->close();
        $marks = $DB->get_recordset('local_magistere_mark', null, '', 'id, courseid, userid');
        foreach ($marks as $mark) {
            $DB->set_field(
                'local_magistere_mark',
                'revision',
                $last[$mark->courseid . '/' . $mark->userid] ?? 0,
                ['id' => $mark->id]
            );
        }
        $marks->close();

        $index = new xmldb_index('courseid_userid', XMLDB_INDEX_NOTUNIQUE, ['courseid', 'userid']);
        if ($dbman->index_exists($history, $index)) {
            $dbman->drop_index($history, $index);
        }
        $index = new xmldb_index('courseid_userid_revision', XMLDB_INDEX_UNIQUE, ['courseid', 'userid', 'revision']);
        if (!$dbman->index_exists($history, $index)) {
            $dbman->add_index($history, $index);
        }

        // The school profile field, created on install since this version: create it on sites that use the default
        // name and do not have it (a site that named another field keeps its choice; the status check reports it
        // if that field is missing).
        if (\local_magistere\local\setup::school_field() === \local_magistere\local\setup::DEFAULT_SCHOOL_FIELD) {
            \local_magistere\local\setup::ensure_school_field();
        }

        // Export files were written with the web server's default modes: bring the plugin's folder and files down
        // to 0750 and 0640 (they hold personal data).
        $folder = \local_magistere\local\export_files::folder();
        if (is_dir($folder)) {
            if (\local_magistere\local\export_files::is_default_folder()) {
                @chmod($folder, \local_magistere\local\export_files::DIR_MODE);
            }
            foreach (\local_magistere\local\export_files::files() as $path) {
                @chmod($path, \local_magistere\local\export_files::FILE_MODE);
            }
        }

        upgrade_plugin_savepoint(true, 2026120103, 'local', 'magistere');
    }

    if ($oldversion < 2026120104) {
        // The platform privacy fix (issue 11) stores each change with the value it replaced, for an exact undo.
        $table = new xmldb_table('local_magistere_platfix');
        if (!$dbman->table_exists($table)) {
            $dbman->install_one_table_from_xmldb_file(__DIR__ . '/install.xml', 'local_magistere_platfix');
        }
        upgrade_plugin_savepoint(true, 2026120104, 'local', 'magistere');
    }

    if ($oldversion < 2026120105) {
        // Resident models (docs/resident.md): the change stamps the event observers bump.
        $table = new xmldb_table('local_magistere_stamp');
        if (!$dbman->table_exists($table)) {
            $dbman->install_one_table_from_xmldb_file(__DIR__ . '/install.xml', 'local_magistere_stamp');
        }
        upgrade_plugin_savepoint(true, 2026120105, 'local', 'magistere');
    }

    return true;
}
