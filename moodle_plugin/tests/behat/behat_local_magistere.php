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
 * Behat steps of local_magistere: named pages for "I am on the ... page".
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// NOTE: no MOODLE_INTERNAL test here, this file may be required by behat before including /config.php.

require_once(__DIR__ . '/../../../../lib/behat/behat_base.php');

/**
 * Behat steps of local_magistere.
 */
class behat_local_magistere extends behat_base {
    /**
     * Pages with an instance: "Parcours" and "Transparency" take a course short name.
     *
     * Example: I am on the "C1" "local_magistere > Parcours" page logged in as "teacher1"
     *
     * @param string $type
     * @param string $identifier
     * @return moodle_url
     */
    protected function resolve_page_instance_url(string $type, string $identifier): moodle_url {
        global $DB;
        $courseid = $DB->get_field('course', 'id', ['shortname' => $identifier], MUST_EXIST);
        switch (strtolower($type)) {
            case 'parcours':
                return new moodle_url('/local/magistere/course.php', ['id' => $courseid]);
            case 'transparency':
                return new moodle_url('/local/magistere/transparency.php', ['id' => $courseid]);
        }
        throw new Exception("Unknown local_magistere page type: $type");
    }

    /**
     * Pages without an instance: "My trainings", "Circonscription", "Statistics".
     *
     * @param string $page
     * @return moodle_url
     */
    protected function resolve_page_url(string $page): moodle_url {
        switch (strtolower($page)) {
            case 'my trainings':
                return new moodle_url('/local/magistere/index.php');
            case 'circonscription':
                return new moodle_url('/local/magistere/circonscription.php');
            case 'statistics':
                return new moodle_url('/local/magistere/statistics.php');
        }
        throw new Exception("Unknown local_magistere page: $page");
    }
}
