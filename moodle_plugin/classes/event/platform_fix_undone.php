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
 * The site administrator undid a platform privacy fix: every value it changed got back its previous value.
 *
 * @property-read array $other {
 *      - int changes: how many changes
 * }
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class platform_fix_undone extends platform_fix_base {
    /**
     * The event's name.
     *
     * @return string
     */
    public static function get_name() {
        return get_string('eventplatformfixundone', 'local_magistere');
    }

    /**
     * What happened, in English for the logs.
     *
     * @return string
     */
    public function get_description() {
        return "The user with id '{$this->userid}' undid the platform privacy fix with id '{$this->objectid}' "
            . "({$this->other['changes']} changes).";
    }
}
