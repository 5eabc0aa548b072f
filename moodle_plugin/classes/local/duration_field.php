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
 * The course custom field that holds a parcours' forecast duration in minutes (R7).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class duration_field {
    /** @var string the short name of the field created on install: the engine's default duration_field. */
    public const DEFAULT_SHORTNAME = engine::FALLBACK_DEFAULTS['duration_field'];

    /**
     * The configured short name.
     *
     * @return string
     */
    public static function shortname(): string {
        $name = (string) get_config('local_magistere', 'durationfield');
        return $name !== '' ? $name : self::DEFAULT_SHORTNAME;
    }

    /**
     * Creates the field (a number, in minutes) in a "m@gistere" category unless a course field with the
     * configured short name exists.
     *
     * @return int the field id
     */
    public static function ensure_exists(): int {
        global $DB;
        $shortname = self::shortname();
        $existing = self::find_field_id($shortname);
        if ($existing !== null) {
            return $existing;
        }
        $handler = \core_course\customfield\course_handler::create();
        $categoryname = get_string('durationcategory', 'local_magistere');
        $categoryid = $DB->get_field(
            'customfield_category',
            'id',
            ['component' => 'core_course', 'area' => 'course', 'itemid' => 0, 'name' => $categoryname]
        );
        if (!$categoryid) {
            $categoryid = $handler->create_category($categoryname);
        }
        $category = \core_customfield\category_controller::create($categoryid);
        $type = \core_component::get_component_directory('customfield_number') ? 'number' : 'text';
        $field = \core_customfield\field_controller::create(0, (object) ['type' => $type], $category);
        $configdata = [
            'required' => 0,
            'uniquevalues' => 0,
            'locked' => 0,
            'visibility' => 2,
            'defaultvalue' => '',
            'minimumvalue' => 0,
            'decimalplaces' => 0,
            'display' => '{value}',
            'displaywhenzero' => '0',
            'displaysize' => 10,
            'maxlength' => 10,
            'ispassword' => 0,
            'link' => '',
            'linktarget' => '',
        ];
        $handler->save_field_configuration($field, (object) [
            'name' => get_string('durationfieldname', 'local_magistere'),
            'shortname' => $shortname,
            'description' => get_string('durationfielddesc', 'local_magistere'),
            'descriptionformat' => FORMAT_HTML,
            'configdata' => $configdata,
        ]);
        return (int) $field->get('id');
    }

    /**
     * The id of the course custom field with this short name, if any.
     *
     * @param string $shortname
     * @return int|null
     */
    public static function find_field_id(string $shortname): ?int {
        global $DB;
        $sql = "SELECT f.id
                  FROM {customfield_field} f
                  JOIN {customfield_category} c ON c.id = f.categoryid
                 WHERE f.shortname = :shortname AND c.component = :component AND c.area = :area";
        $ids = $DB->get_fieldset_sql($sql, ['shortname' => $shortname, 'component' => 'core_course', 'area' => 'course']);
        return $ids ? (int) reset($ids) : null;
    }

    /**
     * The forecast duration of a course in minutes, null when not set.
     *
     * @param int $courseid
     * @return int|null
     */
    public static function minutes(int $courseid): ?int {
        global $DB;
        $fieldid = self::find_field_id(self::shortname());
        if ($fieldid === null) {
            return null;
        }
        $data = $DB->get_record(
            'customfield_data',
            ['fieldid' => $fieldid, 'instanceid' => $courseid],
            'id, decvalue, value'
        );
        if (!$data) {
            return null;
        }
        $raw = $data->decvalue !== null ? $data->decvalue : $data->value;
        if ($raw === null || $raw === '' || !is_numeric($raw)) {
            return null;
        }
        // Read as the engine reads it (docs/rules.md): a negative or out-of-range duration is no
        // forecast duration at all, not zero minutes, so a mark never credits what the statistics
        // would not count.
        $minutes = round((float) $raw);
        if (!is_finite($minutes) || $minutes < 0 || $minutes > 2147483647) {
            return null;
        }
        return (int) $minutes;
    }
}
