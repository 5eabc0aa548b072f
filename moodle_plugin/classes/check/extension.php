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

namespace local_magistere\check;

use core\check\result;
use local_magistere\local\engine;

/**
 * Status check: is the magistere PHP extension loaded? Shown in Site administration > Reports > System status.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class extension extends \core\check\check {
    /**
     * The check's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('checkextension', 'local_magistere');
    }

    /**
     * The result.
     *
     * @return result
     */
    public function get_result(): result {
        if (!engine::available()) {
            $hint = engine::install_hint();
            return new result(
                result::ERROR,
                get_string('extensionmissing', 'local_magistere', $hint),
                get_string('extensioninstall', 'local_magistere', $hint)
            );
        }
        return new result(result::OK, get_string('extensionloaded', 'local_magistere', engine::version()), '');
    }
}
