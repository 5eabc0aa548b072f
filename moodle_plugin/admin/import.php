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
 * Imports schools, circonscriptions or inspectors from a CSV file: upload, preview with per-line errors,
 * then import of the valid lines.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/adminlib.php');
require_once($CFG->libdir . '/csvlib.class.php');

use local_magistere\local\importer;

$type = importer::check_type(required_param('type', PARAM_ALPHA));
$iid = optional_param('iid', 0, PARAM_INT);
$confirm = optional_param('confirm', 0, PARAM_BOOL);
$cancel = optional_param('cancel', 0, PARAM_BOOL);

admin_externalpage_setup("local_magistere_import_$type");
$url = new moodle_url('/local/magistere/admin/import.php', ['type' => $type]);
$manageurl = new moodle_url('/local/magistere/admin/manage.php', ['type' => $type]);

if ($iid && ($confirm || $cancel)) {
    require_sesskey();
    $reader = new csv_import_reader($iid, 'local_magistere_' . $type);
    if ($cancel) {
        $reader->cleanup(true);
        redirect($url);
    }
    $preview = importer::preview($type, $reader);
    $counts = importer::import($type, $preview);
    $reader->cleanup(true);
    redirect(
        $manageurl,
        get_string('importdone', 'local_magistere', (object) $counts),
        null,
        \core\output\notification::NOTIFY_SUCCESS
    );
}

$form = new \local_magistere\form\import_form($url, ['type' => $type]);
if ($form->is_cancelled()) {
    redirect($manageurl);
}
echo $OUTPUT->header();
echo $OUTPUT->heading(get_string("import:$type", 'local_magistere'));
if ($data = $form->get_data()) {
    $iid = csv_import_reader::get_new_iid('local_magistere_' . $type);
    $reader = new csv_import_reader($iid, 'local_magistere_' . $type);
    $content = $form->get_file_content('csvfile');
    $count = $reader->load_csv_content($content, $data->encoding, $data->delimiter);
    if ($count === false) {
        echo $OUTPUT->notification(get_string('importunreadable', 'local_magistere', $reader->get_error()), 'error');
        $form->display();
    } else {
        $preview = importer::preview($type, $reader);
        echo $PAGE->get_renderer('local_magistere')->render(new \local_magistere\output\import_preview($type, $preview, $iid));
    }
} else {
    echo html_writer::tag('p', get_string("import:{$type}_help", 'local_magistere'));
    $form->display();
}
echo $OUTPUT->footer();
