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
 * Lists the schools, circonscriptions or inspectors, with search, edit and delete.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/adminlib.php');

use local_magistere\local\importer;

$type = importer::check_type(required_param('type', PARAM_ALPHA));
$search = trim(optional_param('search', '', PARAM_TEXT));
$page = optional_param('page', 0, PARAM_INT);
$delete = optional_param('delete', 0, PARAM_INT);
$perpage = 50;

admin_externalpage_setup("local_magistere_manage_$type");
$url = new moodle_url('/local/magistere/admin/manage.php', ['type' => $type, 'search' => $search]);
$PAGE->set_url($url);

if ($delete) {
    require_sesskey();
    importer::delete($type, $delete);
    redirect($url, get_string('deleted'), null, \core\output\notification::NOTIFY_SUCCESS);
}

$table = importer::TABLES[$type];
$where = '1 = 1';
$params = [];
if ($search !== '') {
    $fields = match ($type) {
        'school' => ['s.uai', 's.name', 's.city', 's.circonscription'],
        'circ' => ['s.code', 's.name', 's.departement'],
        'inspector' => ['u.username', 'u.lastname', 's.circonscription'],
    };
    $likes = [];
    foreach ($fields as $i => $field) {
        $likes[] = $DB->sql_like($field, ":search$i", false);
        $params["search$i"] = '%' . $DB->sql_like_escape($search) . '%';
    }
    $where = '(' . implode(' OR ', $likes) . ')';
}
$join = $type === 'inspector' ? 'JOIN {user} u ON u.id = s.userid' : '';
$select = $type === 'inspector' ? 's.*, u.username, ' . implode(', ', array_map(
    fn($f) => "u.$f",
    \core_user\fields::get_name_fields()
)) : 's.*';
$order = match ($type) {
    'school' => 's.uai',
    'circ' => 's.code',
    'inspector' => 's.circonscription, u.lastname, u.firstname',
};
$total = $DB->count_records_sql("SELECT COUNT(1) FROM {" . $table . "} s $join WHERE $where", $params);
$records = $DB->get_records_sql(
    "SELECT $select FROM {" . $table . "} s $join WHERE $where ORDER BY $order",
    $params,
    $page * $perpage,
    $perpage
);

echo $OUTPUT->header();
echo $OUTPUT->heading(get_string("manage:$type", 'local_magistere'));
echo html_writer::start_div('d-flex flex-wrap mb-3');
echo $OUTPUT->single_button(
    new moodle_url('/local/magistere/admin/edit.php', ['type' => $type]),
    get_string('add'),
    'get'
);
echo $OUTPUT->single_button(
    new moodle_url('/local/magistere/admin/import.php', ['type' => $type]),
    get_string("import:$type", 'local_magistere'),
    'get'
);
echo html_writer::end_div();
echo html_writer::start_tag('form', ['method' => 'get', 'action' => $url->out_omit_querystring(), 'class' => 'mb-3']);
echo html_writer::empty_tag('input', ['type' => 'hidden', 'name' => 'type', 'value' => $type]);
echo html_writer::label(get_string('search'), 'local_magistere_search', false, ['class' => 'sr-only visually-hidden']);
echo html_writer::empty_tag('input', ['type' => 'search', 'name' => 'search', 'value' => $search,
    'id' => 'local_magistere_search', 'class' => 'form-control d-inline-block w-auto']);
echo html_writer::empty_tag('input', ['type' => 'submit', 'value' => get_string('search'), 'class' => 'btn btn-secondary ms-1']);
echo html_writer::end_tag('form');

$htmltable = new html_table();
$columns = \local_magistere\local\record_validator::COLUMNS[$type];
$htmltable->head = array_map(fn($c) => get_string('column:' . $c, 'local_magistere'), $columns);
$htmltable->head[] = get_string('actions');
foreach ($records as $record) {
    $row = [];
    foreach ($columns as $column) {
        $row[] = s($column === 'username' ? $record->username . ' (' . fullname($record) . ')' : $record->$column);
    }
    $actions = $OUTPUT->action_icon(new moodle_url('/local/magistere/admin/edit.php', ['type' => $type,
        'id' => $record->id]), new pix_icon('t/edit', get_string('edit')));
    $actions .= $OUTPUT->action_icon(
        new moodle_url($url, ['delete' => $record->id, 'sesskey' => sesskey()]),
        new pix_icon('t/delete', get_string('delete')),
        new confirm_action(get_string('confirmdelete', 'local_magistere'))
    );
    $row[] = $actions;
    $htmltable->data[] = $row;
}
if ($records) {
    echo html_writer::table($htmltable);
} else {
    echo $OUTPUT->notification(get_string('nothingtodisplay'), 'info', false);
}
echo $OUTPUT->paging_bar($total, $page, $perpage, $url);
echo $OUTPUT->footer();
