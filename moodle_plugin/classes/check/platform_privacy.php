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
use local_magistere\local\platform_privacy as privacy;

/**
 * Security check (Site administration > Reports > Security checks): does Moodle itself show connection data
 * (connection time, last access, IP address, views, clicks) or "inactive" filters to the trainers, participants and
 * inspectors (R6, R8)? A security check rather than a status check: like core's security checks it is about who may
 * see what (roles, capabilities, settings), not about the system working, and it fails on a default site until the
 * administrator applies the fix.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class platform_privacy extends \core\check\check {
    /**
     * The check's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('checkplatform', 'local_magistere');
    }

    /**
     * The page that lists the findings and applies the fix.
     *
     * @return \action_link
     */
    public function get_action_link(): ?\action_link {
        return new \action_link(
            new \moodle_url('/local/magistere/admin/platform.php'),
            get_string('platformpage', 'local_magistere')
        );
    }

    /**
     * The result: OK when nothing is exposed, ERROR with every finding otherwise.
     *
     * @return result
     */
    public function get_result(): result {
        privacy::reset();
        $findings = privacy::findings();
        if (!$findings) {
            return new result(result::OK, get_string('checkplatformok', 'local_magistere'), '');
        }
        $rows = [];
        foreach ($findings as $finding) {
            $text = privacy::describe($finding);
            $rows[] = [$text['what'], $text['whom'], $text['fix']];
        }
        $table = new \html_table();
        $table->head = [get_string('finding:what', 'local_magistere'), get_string('finding:whom', 'local_magistere'),
            get_string('finding:fix', 'local_magistere')];
        $table->data = $rows;
        return new result(
            result::ERROR,
            get_string('checkplatformfail', 'local_magistere', count($findings)),
            \html_writer::table($table)
        );
    }
}
