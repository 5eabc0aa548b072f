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

namespace local_magistere;

/**
 * Tests of the upgrade to 2026120103: the schema of a 2026112800 site with data, upgraded, equals a fresh install
 * (db/install.xml), the existing audit rows are numbered, and what lingered is gone.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @coversNothing
 */
final class upgrade_test extends \advanced_testcase {
    /**
     * Upgrades a site with the 2026112800 schema and its data.
     */
    public function test_upgrade_from_2026112800(): void {
        global $CFG, $DB;
        require_once($CFG->dirroot . '/local/magistere/db/upgrade.php');
        require_once($CFG->libdir . '/upgradelib.php');
        $this->resetAfterTest();
        $dbman = $DB->get_manager();

        // Back to the 2026112800 schema.
        $history = new \xmldb_table('local_magistere_mark_hist');
        $dbman->drop_index($history, new \xmldb_index(
            'courseid_userid_revision',
            XMLDB_INDEX_UNIQUE,
            ['courseid', 'userid', 'revision']
        ));
        $dbman->drop_field($history, new \xmldb_field('revision'));
        $dbman->add_index($history, new \xmldb_index('courseid_userid', XMLDB_INDEX_NOTUNIQUE, ['courseid', 'userid']));
        $dbman->drop_field(new \xmldb_table('local_magistere_mark'), new \xmldb_field('revision'));
        // Tables that later versions added.
        foreach (['local_magistere_platfix', 'local_magistere_stamp'] as $name) {
            $dbman->drop_table(new \xmldb_table($name));
        }
        set_config('version', 2026112800, 'local_magistere');

        $gen = $this->getDataGenerator();
        $course = $gen->create_course();
        $gone = $gen->create_course();
        $user = $gen->create_user();
        $deleted = $gen->create_user();
        $rows = [
            [$course->id, $user->id, 1, 100], [$course->id, $user->id, 0, 200], [$course->id, $user->id, 1, 300],
            [$course->id, $deleted->id, 1, 100], [$gone->id, $user->id, 1, 100],
        ];
        foreach ($rows as [$courseid, $userid, $finished, $time]) {
            $DB->insert_record('local_magistere_mark_hist', (object) ['courseid' => $courseid, 'userid' => $userid,
                'finished' => $finished, 'creditedminutes' => $finished ? 60 : null, 'timemodified' => $time,
                'modifiedby' => 2]);
        }
        foreach ([[$course->id, $user->id], [$course->id, $deleted->id], [$gone->id, $user->id]] as [$courseid, $userid]) {
            $DB->insert_record('local_magistere_mark', (object) ['courseid' => $courseid, 'userid' => $userid,
                'finished' => 1, 'creditedminutes' => 60, 'timemodified' => 300, 'modifiedby' => 2]);
        }
        // Rows left by an earlier course deletion and user deletion, as the old version left them.
        $DB->delete_records('course', ['id' => $gone->id]);
        $DB->set_field('user', 'deleted', 1, ['id' => $deleted->id]);
        $DB->delete_records('user_info_field', ['shortname' => 'rne']);

        $this->assertTrue(xmldb_local_magistere_upgrade(2026112800));
        $plugin = new \stdClass();
        require($CFG->dirroot . '/local/magistere/version.php');
        $this->assertSame((string) $plugin->version, get_config('local_magistere', 'version'));

        $file = new \xmldb_file($CFG->dirroot . '/local/magistere/db/install.xml');
        $file->loadXMLStructure();
        $errors = $dbman->check_database_schema($file->getStructure(), ['extratables' => false]);
        $this->assertSame([], $errors);

        $this->assertSame([1, 2, 3], array_map('intval', $DB->get_fieldset_select(
            'local_magistere_mark_hist',
            'revision',
            'courseid = ? AND userid = ? ORDER BY timemodified',
            [$course->id, $user->id]
        )));
        $this->assertSame(3, (int) $DB->get_field('local_magistere_mark', 'revision', ['courseid' => $course->id,
            'userid' => $user->id]));
        $this->assertSame(1, $DB->count_records('local_magistere_mark'));
        $this->assertSame(3, $DB->count_records('local_magistere_mark_hist'));
        $this->assertNotNull(\local_magistere\local\setup::school_field_id());
        // The change stamps (2026120105) are there, and counted from now on.
        $this->assertTrue($dbman->table_exists('local_magistere_stamp'));
        $before = (int) $DB->get_field('local_magistere_stamp', 'stamp', ['itemtype' => 1, 'itemid' => $course->id]);
        // The next change follows on.
        $result = \local_magistere\local\marks::set((int) $course->id, [(int) $user->id], false, 2);
        $this->assertSame(4, $result['changed'][(int) $user->id]['after']['revision']);
        $after = (int) $DB->get_field('local_magistere_stamp', 'stamp', ['itemtype' => 1, 'itemid' => $course->id]);
        $this->assertGreaterThan($before, $after);
    }
}
