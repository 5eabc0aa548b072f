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

namespace local_magistere\privacy;

use core_privacy\local\metadata\collection;
use core_privacy\local\request\approved_contextlist;
use core_privacy\local\request\approved_userlist;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;
use local_magistere\local\marks;

/**
 * Tests of the privacy provider: metadata, contexts, export, deletion for a user, a context and a user list.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\privacy\provider
 */
final class provider_test extends \core_privacy\tests\provider_testcase {
    /** @var \stdClass */
    private $course;

    /** @var \stdClass the trainer */
    private $trainer;

    /** @var \stdClass a participant marked finished */
    private $u1;

    /** @var \stdClass another participant marked finished */
    private $u2;

    /** @var \stdClass an inspector */
    private $ien;

    /**
     * Two marks by a trainer, one inspector.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->resetAfterTest();
        $gen = $this->getDataGenerator();
        $this->course = $gen->create_course();
        $this->trainer = $gen->create_user();
        $this->u1 = $gen->create_user();
        $this->u2 = $gen->create_user();
        $this->ien = $gen->create_user();
        marks::set((int) $this->course->id, [(int) $this->u1->id, (int) $this->u2->id], true, (int) $this->trainer->id);
        $plugin = $gen->get_plugin_generator('local_magistere');
        $plugin->create_circ(['code' => 'C1']);
        $plugin->create_inspector(['userid' => $this->ien->id, 'circonscription' => 'C1']);
    }

    /**
     * Every table and column with personal data is described, and nothing about connections.
     */
    public function test_metadata(): void {
        $collection = provider::get_metadata(new collection('local_magistere'));
        $tables = [];
        foreach ($collection->get_collection() as $item) {
            $tables[$item->get_name()] = array_keys($item->get_privacy_fields() ?? []);
        }
        $this->assertSame(
            ['courseid', 'userid', 'finished', 'creditedminutes', 'timemodified', 'modifiedby'],
            $tables['local_magistere_mark']
        );
        $this->assertArrayHasKey('local_magistere_mark_hist', $tables);
        $this->assertSame(['userid', 'circonscription'], $tables['local_magistere_inspector']);
        $this->assertStringNotContainsString('access', json_encode($tables));
    }

    /**
     * Contexts: the course for participants and the trainer, the system for the inspector.
     */
    public function test_contexts_and_users(): void {
        $coursecontext = \context_course::instance($this->course->id);
        $ids = fn(int $userid) => array_map('intval', provider::get_contexts_for_userid($userid)->get_contextids());
        $this->assertSame([(int) $coursecontext->id], $ids((int) $this->u1->id));
        $this->assertSame([(int) $coursecontext->id], $ids((int) $this->trainer->id));
        $this->assertSame([(int) \context_system::instance()->id], $ids((int) $this->ien->id));
        $userlist = new userlist($coursecontext, 'local_magistere');
        provider::get_users_in_context($userlist);
        $this->assertEqualsCanonicalizing(
            [(int) $this->u1->id, (int) $this->u2->id, (int) $this->trainer->id],
            array_map('intval', $userlist->get_userids())
        );
    }

    /**
     * A participant's export holds his mark and its history; the trainer's the marks he made.
     */
    public function test_export(): void {
        $coursecontext = \context_course::instance($this->course->id);
        $this->export_context_data_for_user((int) $this->u1->id, $coursecontext, 'local_magistere');
        $data = writer::with_context($coursecontext)->get_data([get_string('pluginname', 'local_magistere')]);
        $this->assertSame(get_string('yes'), $data->mark->finished);
        $this->assertCount(1, $data->history);
        $this->assertSame([], $data->marksmade);

        writer::reset();
        $this->export_context_data_for_user((int) $this->trainer->id, $coursecontext, 'local_magistere');
        $data = writer::with_context($coursecontext)->get_data([get_string('pluginname', 'local_magistere')]);
        $this->assertCount(2, $data->marksmade);
        $this->assertSame(get_string('yes'), $data->marksmade[0]->modifiedbyyou);

        writer::reset();
        $system = \context_system::instance();
        $this->export_context_data_for_user((int) $this->ien->id, $system, 'local_magistere');
        $data = writer::with_context($system)->get_data([get_string('pluginname', 'local_magistere')]);
        $this->assertSame(['C1'], $data->inspects);
    }

    /**
     * Deleting a participant removes his marks only; deleting the trainer anonymises the marks he made.
     */
    public function test_delete_for_user(): void {
        global $DB;
        $coursecontext = \context_course::instance($this->course->id);
        provider::delete_data_for_user(new approved_contextlist($this->u1, 'local_magistere', [$coursecontext->id]));
        $this->assertFalse($DB->record_exists('local_magistere_mark', ['userid' => $this->u1->id]));
        $this->assertFalse($DB->record_exists('local_magistere_mark_hist', ['userid' => $this->u1->id]));
        $this->assertTrue($DB->record_exists('local_magistere_mark', ['userid' => $this->u2->id]));

        provider::delete_data_for_user(new approved_contextlist($this->trainer, 'local_magistere', [$coursecontext->id]));
        $this->assertSame(0, (int) $DB->get_field('local_magistere_mark', 'modifiedby', ['userid' => $this->u2->id]));
        $this->assertTrue($DB->record_exists('local_magistere_mark', ['userid' => $this->u2->id, 'finished' => 1]));

        provider::delete_data_for_user(new approved_contextlist(
            $this->ien,
            'local_magistere',
            [\context_system::instance()->id]
        ));
        $this->assertSame(0, $DB->count_records('local_magistere_inspector'));
    }

    /**
     * Deleting a context or a user list.
     */
    public function test_delete_context_and_userlist(): void {
        global $DB;
        $coursecontext = \context_course::instance($this->course->id);
        provider::delete_data_for_users(new approved_userlist($coursecontext, 'local_magistere', [(int) $this->u2->id]));
        $this->assertSame(
            [(int) $this->u1->id],
            array_map('intval', $DB->get_fieldset_select('local_magistere_mark', 'userid', '1 = 1'))
        );
        provider::delete_data_for_all_users_in_context($coursecontext);
        $this->assertSame(0, $DB->count_records('local_magistere_mark'));
        $this->assertSame(0, $DB->count_records('local_magistere_mark_hist'));
        $this->assertSame(1, $DB->count_records('local_magistere_inspector'));
        provider::delete_data_for_all_users_in_context(\context_system::instance());
        $this->assertSame(0, $DB->count_records('local_magistere_inspector'));
    }
}
