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
 * Platform privacy (R6, R8): where Moodle shows connection data to the trainers, participants and inspectors, the
 * one-click fix (after a confirmation listing each change) and its undo. Site administrators only.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/adminlib.php');

use local_magistere\local\platform_fix;
use local_magistere\output\platform_page;

$action = optional_param('action', '', PARAM_ALPHA);

admin_externalpage_setup('local_magistere_platform');
require_capability('moodle/site:config', context_system::instance());
$url = new moodle_url('/local/magistere/admin/platform.php');
$PAGE->set_url($url);

if ($action === 'apply') {
    require_sesskey();
    if (!data_submitted()) {
        throw new moodle_exception('invalidaction', 'local_magistere');
    }
    $fingerprint = required_param('fingerprint', PARAM_ALPHANUM);
    if ($fingerprint !== platform_fix::fingerprint(platform_fix::plan())) {
        // The site changed since the confirmation was shown: show the new list.
        redirect(
            new moodle_url($url, ['action' => 'confirm']),
            get_string('fixchanged', 'local_magistere'),
            null,
            \core\output\notification::NOTIFY_WARNING
        );
    }
    $record = platform_fix::apply((int) $USER->id);
    redirect(
        $url,
        $record ? get_string('fixapplied', 'local_magistere', count(json_decode($record->changes)))
            : get_string('fixnothing', 'local_magistere'),
        null,
        \core\output\notification::NOTIFY_SUCCESS
    );
}
if ($action === 'undo') {
    require_sesskey();
    if (!data_submitted()) {
        throw new moodle_exception('invalidaction', 'local_magistere');
    }
    $record = platform_fix::undo((int) $USER->id, required_param('fixid', PARAM_INT));
    redirect(
        $url,
        $record ? get_string('fixundone', 'local_magistere') : get_string('nothingtoundo', 'local_magistere'),
        null,
        $record ? \core\output\notification::NOTIFY_SUCCESS : \core\output\notification::NOTIFY_WARNING
    );
}

$mode = in_array($action, ['confirm', 'confirmundo'], true) ? $action : 'overview';
if ($mode === 'confirmundo' && !platform_fix::last()) {
    redirect($url, get_string('nothingtoundo', 'local_magistere'), null, \core\output\notification::NOTIFY_WARNING);
}
if ($mode === 'confirm' && !platform_fix::plan()) {
    redirect($url, get_string('fixnothing', 'local_magistere'), null, \core\output\notification::NOTIFY_INFO);
}
$page = new platform_page($mode);
echo $OUTPUT->header();
echo $OUTPUT->heading(get_string('platformpage', 'local_magistere'));
echo $OUTPUT->render_from_template('local_magistere/platform', $page->export_for_template($OUTPUT));
echo $OUTPUT->footer();
