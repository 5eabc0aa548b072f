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

namespace local_magistere\output;

use local_magistere\local\engine;

/**
 * What a site administrator must install when the magistere PHP extension is not loaded.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class missing_extension implements \renderable, \templatable {
    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $hint = engine::install_hint();
        return [
            'message' => get_string('extensionmissing', 'local_magistere', $hint),
            'steps' => get_string('extensioninstall', 'local_magistere', $hint),
            'isadmin' => is_siteadmin(),
        ];
    }

    /**
     * Prints a whole page that says what to install, and stops. Pages call it after require_login().
     */
    public static function print_page_and_exit(): void {
        global $OUTPUT, $PAGE;
        echo $OUTPUT->header();
        echo $PAGE->get_renderer('local_magistere')->render(new self());
        echo $OUTPUT->footer();
        exit;
    }
}
