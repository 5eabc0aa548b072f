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

namespace local_magistere\local;

use core\check\result;

/**
 * Tests of the setup traps (issue 10.8): the school profile field created on install and on demand, the status
 * check that lists what is missing, and the notice of the pages that need the field.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\setup
 * @covers     \local_magistere\check\setup
 */
final class setup_test extends \advanced_testcase {
    /**
     * Makes everything right: fields exist, someone has a school, académie set, folder writable.
     */
    private function make_complete(): void {
        global $DB;
        set_config('academie', 'LYON', 'local_magistere');
        set_config('exportfolder', make_request_directory(), 'local_magistere');
        $user = $this->getDataGenerator()->create_user();
        $DB->insert_record('user_info_data', (object) ['userid' => $user->id, 'fieldid' => setup::ensure_school_field(),
            'data' => '0690001B', 'dataformat' => 0]);
        duration_field::ensure_exists();
    }

    /**
     * The install created the text field rne, locked, in the m@gistère category; creating it again does nothing.
     */
    public function test_install_created_school_field(): void {
        global $DB;
        $this->resetAfterTest();
        $field = $DB->get_record('user_info_field', ['shortname' => 'rne'], '*', MUST_EXIST);
        $this->assertSame('text', $field->datatype);
        $this->assertSame(1, (int) $field->locked);
        $this->assertSame('m@gistère', $DB->get_field('user_info_category', 'name', ['id' => $field->categoryid]));
        $this->assertSame((int) $field->id, setup::ensure_school_field());
        $this->assertSame(1, $DB->count_records('user_info_field', ['shortname' => 'rne']));
    }

    /**
     * A complete setup is OK; each missing piece is reported, the missing school field as an error, with the link
     * to the page that fixes it; fix() creates the fields, not what only the administrator can give.
     */
    public function test_check(): void {
        global $DB;
        $this->resetAfterTest();
        $this->make_complete();
        $check = new \local_magistere\check\setup();
        $this->assertSame(result::OK, $check->get_result()->get_status());
        $this->assertStringEndsWith('/local/magistere/admin/setup.php', $check->get_action_link()->url->get_path());

        // A misnamed field in the settings: missing.
        set_config('schoolfield', 'uai_ecole', 'local_magistere');
        $result = $check->get_result();
        $this->assertSame(result::ERROR, $result->get_status());
        $this->assertStringContainsString('uai_ecole', $result->get_details());
        $this->assertSame([setup::SCHOOL_FIELD_MISSING => 'uai_ecole'], setup::problems());

        // The default field, present but empty for everybody; no académie; no duration field.
        set_config('schoolfield', 'rne', 'local_magistere');
        $DB->delete_records('user_info_data');
        unset_config('academie', 'local_magistere');
        $DB->delete_records('customfield_field', ['shortname' => duration_field::shortname()]);
        $this->assertSame(
            [setup::SCHOOL_FIELD_EMPTY, setup::DURATION_FIELD_MISSING, setup::ACADEMIE_MISSING],
            array_keys(setup::problems())
        );
        $result = $check->get_result();
        $this->assertSame(result::WARNING, $result->get_status());
        $this->assertStringContainsString('monthly statistics export', $result->get_details());

        $this->assertSame([setup::DURATION_FIELD_MISSING], setup::fix());
        $this->assertSame([setup::SCHOOL_FIELD_EMPTY, setup::ACADEMIE_MISSING], array_keys(setup::problems()));

        // An export folder that cannot be created.
        $file = make_request_directory() . '/file';
        file_put_contents($file, 'x');
        set_config('exportfolder', $file . '/exports', 'local_magistere');
        $this->assertArrayHasKey(setup::EXPORT_FOLDER, setup::problems());
        $this->assertSame(result::ERROR, $check->get_result()->get_status());
    }

    /**
     * The school field deleted by an administrator: fix() creates it again.
     */
    public function test_fix_school_field(): void {
        global $DB;
        $this->resetAfterTest();
        $DB->delete_records('user_info_field', ['shortname' => 'rne']);
        $this->assertArrayHasKey(setup::SCHOOL_FIELD_MISSING, setup::problems());
        $this->assertSame([setup::SCHOOL_FIELD_MISSING], setup::fix());
        $this->assertNotNull(setup::school_field_id());
        $this->assertSame([], setup::fix());
    }

    /**
     * The pages that need the school field say when it is missing, with the fix link for an administrator and
     * "contact your administrator" for anybody else; nothing when it exists.
     */
    public function test_notice(): void {
        global $DB, $PAGE;
        $this->resetAfterTest();
        $PAGE->set_url('/local/magistere/circonscription.php');
        $this->setUser($this->getDataGenerator()->create_user());
        $this->assertNull(setup::school_field_notice());
        $DB->delete_records('user_info_field', ['shortname' => 'rne']);
        $notice = setup::school_field_notice();
        $this->assertStringContainsString('"rne" does not exist', $notice);
        $this->assertStringContainsString('contact your site administrator', $notice);
        $this->assertStringNotContainsString('admin/setup.php', $notice);
        $this->setAdminUser();
        $this->assertStringContainsString('/local/magistere/admin/setup.php', setup::school_field_notice());
    }
}
