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
use local_magistere\local\platform_fix;

/**
 * The privacy provider and the platform privacy fixes: who applied or undid a fix is declared, exported, and
 * forgotten on deletion, while the record of the fix (which its undo needs) stays.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\privacy\provider
 */
final class platfix_provider_test extends \core_privacy\tests\provider_testcase {
    /**
     * An administrator applies the fix, another undoes it; both are found, exported and forgotten.
     */
    public function test_platform_fixes(): void {
        global $DB;
        $this->resetAfterTest();
        $names = array_map(
            fn($item) => $item->get_name(),
            provider::get_metadata(new collection('local_magistere'))->get_collection()
        );
        $this->assertContains('local_magistere_platfix', $names);

        $admin = get_admin();
        $other = $this->getDataGenerator()->create_user();
        $this->setAdminUser();
        $fix = platform_fix::apply((int) $admin->id);
        $this->assertNotNull($fix);
        $DB->set_field('local_magistere_platfix', 'undoneby', $other->id, ['id' => $fix->id]);
        $DB->set_field('local_magistere_platfix', 'timeundone', time(), ['id' => $fix->id]);
        $system = \context_system::instance();

        foreach ([$admin, $other] as $user) {
            $contextids = array_map('intval', provider::get_contexts_for_userid((int) $user->id)->get_contextids());
            $this->assertContains((int) $system->id, $contextids);
        }
        $userlist = new userlist($system, 'local_magistere');
        provider::get_users_in_context($userlist);
        $this->assertEqualsCanonicalizing([(int) $admin->id, (int) $other->id], array_map('intval', $userlist->get_userids()));

        writer::reset();
        provider::export_user_data(new approved_contextlist($admin, 'local_magistere', [$system->id]));
        $data = writer::with_context($system)->get_data([get_string('pluginname', 'local_magistere'),
            get_string('platformpage', 'local_magistere')]);
        $this->assertCount(1, $data->fixes);
        $this->assertSame(get_string('yes'), $data->fixes[0]->appliedbyyou);
        $this->assertSame(get_string('no'), $data->fixes[0]->undonebyyou);

        provider::delete_data_for_user(new approved_contextlist($admin, 'local_magistere', [$system->id]));
        $row = $DB->get_record('local_magistere_platfix', ['id' => $fix->id]);
        $this->assertSame(0, (int) $row->userid);
        $this->assertSame((int) $other->id, (int) $row->undoneby);
        $this->assertNotEmpty(json_decode($row->changes, true), 'the changes stay, for the undo');

        provider::delete_data_for_users(new approved_userlist($system, 'local_magistere', [(int) $other->id]));
        $this->assertSame(0, (int) $DB->get_field('local_magistere_platfix', 'undoneby', ['id' => $fix->id]));
        $contextids = array_map('intval', provider::get_contexts_for_userid((int) $other->id)->get_contextids());
        $this->assertNotContains((int) $system->id, $contextids);
    }
}
