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
 * The ministry's statistics page (R5): dimensions chosen by the user, downloads and the XML exchange file.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\output\missing_extension;
use local_magistere\output\statistics_page;

$dims = optional_param('dims', '', PARAM_TEXT);
$chosen = optional_param_array('dim', [], PARAM_BOOL);
$download = optional_param('download', '', PARAM_ALPHA);
$xml = optional_param('xml', 0, PARAM_BOOL);

$dimensions = $chosen ? array_keys($chosen) : engine::split_list($dims);
$dimensions = array_values(array_intersect($dimensions, statistics_page::DIMENSIONS));
if (!$dimensions) {
    $dimensions = ['academie'];
}

$context = context_system::instance();
$PAGE->set_url(new moodle_url('/local/magistere/statistics.php', ['dims' => implode(',', $dimensions)]));
$PAGE->set_context($context);
require_login(null, false);
require_capability('local/magistere:viewstatistics', $context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('statisticspage', 'local_magistere'));
$PAGE->set_heading(get_string('statisticspage', 'local_magistere'));

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

if ($xml) {
    require_sesskey();
    // Write to a temporary file first, so that an engine error never sends half a file.
    $temp = make_request_directory() . '/statistics.xml';
    \local_magistere\local\views::statistics_xml((int) $USER->id, $dimensions, $temp);
    send_file(
        $temp,
        'statistics-' . implode('-', $dimensions) . '-' . date('Ymd') . '.xml',
        0,
        0,
        false,
        true,
        'application/xml'
    );
    exit;
}

$table = \local_magistere\local\views::statistics((int) $USER->id, $dimensions);
$page = new statistics_page($table);

if ($download !== '') {
    $data = $page->download_rows();
    \core\dataformat::download_data(
        clean_filename('statistics-' . implode('-', $dimensions)),
        $download,
        $data['columns'],
        $data['rows']
    );
    exit;
}

echo $OUTPUT->header();
echo $PAGE->get_renderer('local_magistere')->render($page);
echo $OUTPUT->footer();
