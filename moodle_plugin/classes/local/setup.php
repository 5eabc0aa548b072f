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

/**
 * What the plugin needs from the site besides its own tables, and what is missing: the school profile field
 * (a teacher's school UAI, `rne` by default), the duration course field, the académie code the monthly statistics
 * export needs, and a writable export folder. The install and the upgrade create the default school field and
 * the duration field when absent; the status check ({@see \local_magistere\check\setup}) and the pages that
 * depend on them say what is missing, instead of silently showing nobody.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class setup {
    /** @var string the default short name of the school profile field. */
    public const DEFAULT_SCHOOL_FIELD = 'rne';

    /** @var string a problem: the school profile field does not exist. */
    public const SCHOOL_FIELD_MISSING = 'schoolfieldmissing';

    /** @var string a problem: nobody has a value in the school profile field. */
    public const SCHOOL_FIELD_EMPTY = 'schoolfieldempty';

    /** @var string a problem: the duration course field does not exist. */
    public const DURATION_FIELD_MISSING = 'durationfieldmissing';

    /** @var string a problem: the académie code is not set. */
    public const ACADEMIE_MISSING = 'academiemissing';

    /** @var string a problem: the export folder cannot be written. */
    public const EXPORT_FOLDER = 'exportfolder';

    /**
     * The configured short name of the school profile field.
     *
     * @return string
     */
    public static function school_field(): string {
        $name = trim((string) get_config('local_magistere', 'schoolfield'));
        return $name !== '' ? $name : self::DEFAULT_SCHOOL_FIELD;
    }

    /**
     * The id of the configured school profile field, or null when no user profile field has that short name.
     *
     * @return int|null
     */
    public static function school_field_id(): ?int {
        global $DB;
        $id = $DB->get_field('user_info_field', 'id', ['shortname' => self::school_field()]);
        return $id ? (int) $id : null;
    }

    /**
     * Creates the configured school profile field unless it exists: a text field (the UAI, 8 characters), in a
     * "m@gistère" profile category, locked (filled by the administrator or the single sign-on, not by the teacher)
     * and visible to the user himself.
     *
     * @return int the field id
     */
    public static function ensure_school_field(): int {
        global $CFG, $DB;
        $existing = self::school_field_id();
        if ($existing !== null) {
            return $existing;
        }
        require_once($CFG->dirroot . '/user/profile/lib.php');
        require_once($CFG->dirroot . '/user/profile/definelib.php');
        $categoryname = get_string('durationcategory', 'local_magistere');
        $categoryid = $DB->get_field('user_info_category', 'id', ['name' => $categoryname], IGNORE_MULTIPLE);
        if (!$categoryid) {
            $category = (object) ['id' => 0, 'name' => $categoryname];
            profile_save_category($category);
            $categoryid = $category->id;
        }
        profile_save_field((object) [
            'id' => 0,
            'datatype' => 'text',
            'shortname' => self::school_field(),
            'name' => get_string('schoolfieldname', 'local_magistere'),
            'description' => ['text' => get_string('schoolfielddesc', 'local_magistere'), 'format' => FORMAT_HTML],
            'categoryid' => (int) $categoryid,
            'required' => 0,
            'locked' => 1,
            'visible' => PROFILE_VISIBLE_PRIVATE,
            'forceunique' => 0,
            'signup' => 0,
            'defaultdata' => '',
            'defaultdataformat' => FORMAT_MOODLE,
            'param1' => 10,
            'param2' => 10,
            'param3' => 0,
            'param4' => '',
            'param5' => '',
        ], []);
        return (int) self::school_field_id();
    }

    /**
     * What is missing or wrong, as problem code => the value the message needs.
     *
     * @return array
     */
    public static function problems(): array {
        global $DB;
        $problems = [];
        $fieldid = self::school_field_id();
        if ($fieldid === null) {
            $problems[self::SCHOOL_FIELD_MISSING] = self::school_field();
        } else if (!$DB->record_exists_select('user_info_data', "fieldid = :fieldid AND data <> ''", ['fieldid' => $fieldid])) {
            $problems[self::SCHOOL_FIELD_EMPTY] = self::school_field();
        }
        if (duration_field::find_field_id(duration_field::shortname()) === null) {
            $problems[self::DURATION_FIELD_MISSING] = duration_field::shortname();
        }
        if (trim((string) get_config('local_magistere', 'academie')) === '') {
            $problems[self::ACADEMIE_MISSING] = '';
        }
        $folder = export_files::folder();
        $parent = $folder;
        while (!file_exists($parent) && dirname($parent) !== $parent) {
            $parent = dirname($parent);
        }
        if (!is_dir($parent) || !is_writable($parent)) {
            $problems[self::EXPORT_FOLDER] = $folder;
        }
        return $problems;
    }

    /**
     * Creates what can be created: the default school field and the duration field, when missing.
     *
     * @return string[] what was created (problem codes fixed)
     */
    public static function fix(): array {
        $fixed = [];
        if (self::school_field_id() === null) {
            self::ensure_school_field();
            $fixed[] = self::SCHOOL_FIELD_MISSING;
        }
        if (duration_field::find_field_id(duration_field::shortname()) === null) {
            duration_field::ensure_exists();
            $fixed[] = self::DURATION_FIELD_MISSING;
        }
        return $fixed;
    }

    /**
     * The notice a page that needs the school field shows when the field does not exist: without it no teacher
     * has a school, so the inspector's page lists nobody and the statistics say "not recorded" for everybody.
     *
     * @return string|null HTML, or null when the field exists
     */
    public static function school_field_notice(): ?string {
        global $OUTPUT;
        if (self::school_field_id() !== null) {
            return null;
        }
        $message = get_string('schoolfieldmissingnotice', 'local_magistere', self::school_field());
        if (has_capability('moodle/site:config', \context_system::instance())) {
            $message .= ' ' . \html_writer::link(
                new \moodle_url('/local/magistere/admin/setup.php'),
                get_string('setuppage', 'local_magistere')
            );
        } else {
            $message .= ' ' . get_string('contactadmin', 'local_magistere');
        }
        return $OUTPUT->notification($message, \core\output\notification::NOTIFY_ERROR, false);
    }
}
