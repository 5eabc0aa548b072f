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
 * What the plugin needs from the site, what is missing, and a button that creates what can be created (the
 * school profile field, the duration course field).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/adminlib.php');

use local_magistere\local\setup;

admin_externalpage_setup('local_magistere_setup');
$url = new moodle_url('/local/magistere/admin/setup.php');

if (optional_param('fix', 0, PARAM_BOOL)) {
    require_sesskey();
    $fixed = setup::fix();
    $message = $fixed ? implode(' ', array_map(fn($code) => get_string('setupfixed:' . $code, 'local_magistere'), $fixed))
        : get_string('setupnothingtofix', 'local_magistere');
    redirect($url, $message, null, \core\output\notification::NOTIFY_SUCCESS);
}

$problems = setup::problems();
echo $OUTPUT->header();
echo $OUTPUT->heading(get_string('setuppage', 'local_magistere'));
if (!$problems) {
    echo $OUTPUT->notification(get_string('setupok', 'local_magistere'), \core\output\notification::NOTIFY_SUCCESS, false);
} else {
    $lines = [];
    foreach ($problems as $code => $value) {
        $lines[] = get_string('setup:' . $code, 'local_magistere', s($value));
    }
    echo html_writer::alist($lines);
    $fixable = array_intersect(array_keys($problems), [setup::SCHOOL_FIELD_MISSING, setup::DURATION_FIELD_MISSING]);
    if ($fixable) {
        echo $OUTPUT->single_button(
            new moodle_url($url, ['fix' => 1, 'sesskey' => sesskey()]),
            get_string('setupfix', 'local_magistere'),
            'post',
            ['type' => single_button::BUTTON_PRIMARY]
        );
    }
}
echo $OUTPUT->footer();
