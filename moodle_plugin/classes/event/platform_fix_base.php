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

namespace local_magistere\event;

/**
 * What the two platform privacy fix events share: the fix's row in local_magistere_platfix, its page, and the
 * number of changes in "other".
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class platform_fix_base extends \core\event\base {
    /**
     * Initialises the event.
     */
    protected function init() {
        $this->data['objecttable'] = 'local_magistere_platfix';
        $this->data['crud'] = 'u';
        $this->data['edulevel'] = self::LEVEL_OTHER;
    }

    /**
     * The platform privacy page.
     *
     * @return \moodle_url
     */
    public function get_url() {
        return new \moodle_url('/local/magistere/admin/platform.php');
    }

    /**
     * Checks the event's data.
     */
    protected function validate_data() {
        parent::validate_data();
        if (!isset($this->other['changes'])) {
            throw new \coding_exception('The \'changes\' value must be set in other.');
        }
    }

    /**
     * How the object id is mapped on restore.
     *
     * @return array
     */
    public static function get_objectid_mapping() {
        return ['db' => 'local_magistere_platfix', 'restore' => \core\event\base::NOT_MAPPED];
    }

    /**
     * How "other" is mapped on restore.
     *
     * @return bool
     */
    public static function get_other_mapping() {
        return false;
    }
}
