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
        $this->assertSame(
            ['lastname', 'firstname', 'idnumber', 'uai', 'finished', 'creditedminutes', 'markedat', 'markedby'],
            $tables['local_magistere_attestations']
        );
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

    /**
     * The retained attestation files (issue 10.7): a participant and the trainer who marked him are found in them,
     * their entries exported, and deleting either's data in the system context deletes the files that name them;
     * a user the files do not name is not affected.
     */
    public function test_attestation_files(): void {
        global $DB;
        if (!\local_magistere\local\engine::available()) {
            $this->markTestSkipped('The magistere PHP extension is not loaded: no attestation file can be written.');
        }
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        $gen = $this->getDataGenerator()->get_plugin_generator('local_magistere');
        $p = $gen->create_parcours(['participants' => 2, 'duration' => 90]);
        [$done, $other] = $p->participants;
        $DB->set_field('user', 'idnumber', 'ID-42', ['id' => $done->id]);
        $trainer = $p->trainers[0];
        marks::set((int) $p->course->id, [(int) $done->id], true, (int) $trainer->id);
        ob_start();
        $path = (new \local_magistere\task\export_attestations())->execute();
        ob_end_clean();
        $system = \context_system::instance();

        foreach ([$done, $trainer, $other] as $user) {
            $this->assertContains(
                (int) $system->id,
                array_map('intval', provider::get_contexts_for_userid((int) $user->id)->get_contextids())
            );
        }
        $outsider = $this->getDataGenerator()->create_user();
        $this->assertNotContains(
            (int) $system->id,
            array_map('intval', provider::get_contexts_for_userid((int) $outsider->id)->get_contextids())
        );
        $userlist = new userlist($system, 'local_magistere');
        provider::get_users_in_context($userlist);
        $this->assertEqualsCanonicalizing(
            // The file also holds the training records of setUp()'s two participants (marked finished, R7) and
            // names the trainer who marked them.
            [(int) $this->ien->id, (int) $done->id, (int) $other->id, (int) $trainer->id, (int) $this->u1->id,
                (int) $this->u2->id, (int) $this->trainer->id],
            array_map('intval', $userlist->get_userids())
        );

        $this->export_context_data_for_user((int) $done->id, $system, 'local_magistere');
        $data = writer::with_context($system)->get_data([get_string('pluginname', 'local_magistere'),
            get_string('privacy:attestationfiles', 'local_magistere'), basename($path)]);
        $this->assertCount(1, $data->entries);
        $this->assertSame('participant', $data->entries[0]->as);
        $this->assertSame('true', $data->entries[0]->finished);
        $this->assertSame('90', $data->entries[0]->creditedminutes);
        $this->assertSame($trainer->firstname . ' ' . $trainer->lastname, $data->entries[0]->markedby);

        writer::reset();
        $this->export_context_data_for_user((int) $trainer->id, $system, 'local_magistere');
        $data = writer::with_context($system)->get_data([get_string('pluginname', 'local_magistere'),
            get_string('privacy:attestationfiles', 'local_magistere'), basename($path)]);
        $this->assertSame(['trainer'], array_column(array_map(fn($e) => (array) $e, $data->entries), 'as'));

        // A participant whose idnumber differs from the entry's is not that entry (a namesake).
        $namesake = $this->getDataGenerator()->create_user(['firstname' => $done->firstname, 'lastname' => $done->lastname,
            'idnumber' => 'ID-43']);
        $this->assertSame([], \local_magistere\local\export_files::attestation_entries($namesake));

        provider::delete_data_for_user(new approved_contextlist($outsider, 'local_magistere', [$system->id]));
        $this->assertFileExists($path);
        provider::delete_data_for_user(new approved_contextlist($done, 'local_magistere', [$system->id]));
        $this->assertFileDoesNotExist($path);

        ob_start();
        $path = (new \local_magistere\task\export_attestations())->execute();
        ob_end_clean();
        provider::delete_data_for_all_users_in_context($system);
        $this->assertFileDoesNotExist($path);
    }
}
