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
use local_magistere\local\setup as site_setup;

/**
 * Status check: does the site have what the plugin needs (the school profile field, the duration course field,
 * the académie code, a writable export folder)? Shown in Site administration > Reports > System status, with a
 * link to the page that creates what can be created.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class setup extends \core\check\check {
    /** @var string[] problems that make the plugin's pages wrong (the others make one feature fail). */
    private const ERRORS = [site_setup::SCHOOL_FIELD_MISSING, site_setup::EXPORT_FOLDER];

    /**
     * The check's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('checksetup', 'local_magistere');
    }

    /**
     * The page that fixes what can be fixed.
     *
     * @return \action_link
     */
    public function get_action_link(): ?\action_link {
        return new \action_link(
            new \moodle_url('/local/magistere/admin/setup.php'),
            get_string('setuppage', 'local_magistere')
        );
    }

    /**
     * The result: every problem, one line each.
     *
     * @return result
     */
    public function get_result(): result {
        $problems = site_setup::problems();
        if (!$problems) {
            return new result(result::OK, get_string('setupok', 'local_magistere'), '');
        }
        $lines = [];
        foreach ($problems as $code => $value) {
            $lines[] = get_string('setup:' . $code, 'local_magistere', s($value));
        }
        $status = array_intersect(array_keys($problems), self::ERRORS) ? result::ERROR : result::WARNING;
        return new result(
            $status,
            get_string('setupproblems', 'local_magistere', count($problems)),
            \html_writer::alist($lines)
        );
    }
}
