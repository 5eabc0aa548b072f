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

namespace local_magistere\admin;

use local_magistere\local\engine;

/**
 * The statistics threshold k: a whole number, at least the engine's minimum (R5), which comes from the extension.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class setting_k extends \admin_setting_configtext {
    /**
     * Constructor.
     *
     * @param string $name unique name of the setting
     * @param \lang_string|string $visiblename
     * @param \lang_string|string $description
     * @param int $defaultsetting
     */
    public function __construct($name, $visiblename, $description, $defaultsetting) {
        parent::__construct($name, $visiblename, $description, $defaultsetting, PARAM_INT, 4);
    }

    /**
     * A whole number (PARAM_INT) of at least engine::k_min().
     *
     * @param string $data
     * @return true|string true, or the error to show
     */
    public function validate($data) {
        $valid = parent::validate($data);
        if ($valid !== true) {
            return $valid;
        }
        $min = engine::k_min();
        return (int) $data >= $min ? true : get_string('settings:k_min', 'local_magistere', $min);
    }
}
