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
 * A trainer changed a participant's "formation terminee" mark (R3). The record keeps who and when; the
 * previous state is in "other" so that the log tells the whole story.
 *
 * @property-read array $other {
 *      - bool finished: the new state
 *      - int|null creditedminutes: the credited minutes snapshot (R7)
 *      - bool previousfinished: the state before the change
 * }
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class training_marked extends \core\event\base {
    /**
     * Initialises the event.
     */
    protected function init() {
        $this->data['objecttable'] = 'local_magistere_mark';
        $this->data['crud'] = 'u';
        $this->data['edulevel'] = self::LEVEL_TEACHING;
    }

    /**
     * The event's name.
     *
     * @return string
     */
    public static function get_name() {
        return get_string('eventtrainingmarked', 'local_magistere');
    }

    /**
     * What happened, in English for the logs.
     *
     * @return string
     */
    public function get_description() {
        $state = !empty($this->other['finished']) ? 'finished' : 'not finished';
        return "The user with id '{$this->userid}' marked the training of the user with id '{$this->relateduserid}' "
            . "as $state in the course with id '{$this->courseid}'.";
    }

    /**
     * The parcours page.
     *
     * @return \moodle_url
     */
    public function get_url() {
        return new \moodle_url('/local/magistere/course.php', ['id' => $this->courseid]);
    }

    /**
     * Checks the event's data.
     */
    protected function validate_data() {
        parent::validate_data();
        if (!isset($this->relateduserid)) {
            throw new \coding_exception('The \'relateduserid\' must be set.');
        }
        if (!isset($this->other['finished'])) {
            throw new \coding_exception('The \'finished\' value must be set in other.');
        }
    }

    /**
     * How the object id is mapped on restore.
     *
     * @return array
     */
    public static function get_objectid_mapping() {
        return ['db' => 'local_magistere_mark', 'restore' => \core\event\base::NOT_MAPPED];
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
