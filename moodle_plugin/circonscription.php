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
 * The inspector's page (R4): the teachers of his circonscription(s), with school and parcours filters and
 * downloads.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\output\missing_extension;

$circ = optional_param('circ', '', PARAM_ALPHANUMEXT);
$uai = optional_param('uai', '', PARAM_ALPHANUMEXT);
$courseid = optional_param('course', 0, PARAM_INT);
$download = optional_param('download', '', PARAM_ALPHA);

$context = context_system::instance();
$PAGE->set_url(new moodle_url('/local/magistere/circonscription.php', ['circ' => $circ, 'uai' => $uai,
    'course' => $courseid]));
$PAGE->set_context($context);
require_login(null, false);
require_capability('local/magistere:viewcirconscription', $context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('circonscriptionpage', 'local_magistere'));
$PAGE->set_heading(get_string('circonscriptionpage', 'local_magistere'));

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

$view = \local_magistere\local\views::circonscription((int) $USER->id, $circ);
$page = new \local_magistere\output\circonscription_page($view, $circ, $uai, $courseid);

if ($download !== '') {
    $data = $page->download_rows();
    \local_magistere\local\util::download(get_string('circonscriptionpage', 'local_magistere') .
        ($circ !== '' ? '-' . $circ : ''), $download, $data['columns'], $data['rows']);
}

echo $OUTPUT->header();
// Without the school profile field no teacher has a school: say so rather than show an empty list.
echo \local_magistere\local\setup::school_field_notice() ?? '';
echo $PAGE->get_renderer('local_magistere')->render($page);
echo $OUTPUT->footer();
