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
 * Adds or edits one school, circonscription or inspector.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/adminlib.php');

use local_magistere\local\importer;

$type = importer::check_type(required_param('type', PARAM_ALPHA));
$id = optional_param('id', 0, PARAM_INT);

admin_externalpage_setup("local_magistere_manage_$type");
$url = new moodle_url('/local/magistere/admin/edit.php', ['type' => $type, 'id' => $id]);
$PAGE->set_url($url);
$returnurl = new moodle_url('/local/magistere/admin/manage.php', ['type' => $type]);

$form = new \local_magistere\form\edit_form($url, ['type' => $type]);
if ($id) {
    $record = $DB->get_record(importer::TABLES[$type], ['id' => $id], '*', MUST_EXIST);
    if ($type === 'inspector') {
        $record->username = $DB->get_field('user', 'username', ['id' => $record->userid]);
    }
    $record->type = $type;
    $form->set_data($record);
}
if ($form->is_cancelled()) {
    redirect($returnurl);
}
if ($data = $form->get_data()) {
    $checked = importer::check($type, (array) $data, $id);
    importer::save($type, $checked['record'], $id);
    redirect($returnurl, get_string('changessaved'), null, \core\output\notification::NOTIFY_SUCCESS);
}
echo $OUTPUT->header();
echo $OUTPUT->heading(get_string("manage:$type", 'local_magistere'));
$form->display();
echo $OUTPUT->footer();
