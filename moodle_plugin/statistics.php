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
 * The ministry's statistics page (R5): the published releases, the tables of one, their downloads and its
 * exchange file. Only published releases: never live figures (docs/statistics.md).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');
require_once($CFG->libdir . '/filelib.php');

use local_magistere\local\engine;
use local_magistere\local\util;
use local_magistere\local\views;
use local_magistere\output\missing_extension;
use local_magistere\output\statistics_page;

$id = optional_param('id', 0, PARAM_INT);
$download = optional_param('download', '', PARAM_ALPHA);
$tablename = optional_param('table', '', PARAM_ALPHA);
$xml = optional_param('xml', 0, PARAM_BOOL);
$publish = optional_param('publish', 0, PARAM_BOOL);

$context = context_system::instance();
$url = new moodle_url('/local/magistere/statistics.php', $id ? ['id' => $id] : []);
$PAGE->set_url($url);
$PAGE->set_context($context);
require_login(null, false);
require_capability('local/magistere:viewstatistics', $context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('statisticspage', 'local_magistere'));
$PAGE->set_heading(get_string('statisticspage', 'local_magistere'));

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

if ($publish) {
    require_sesskey();
    $release = views::publish_statistics((int) $USER->id);
    redirect(
        new moodle_url('/local/magistere/statistics.php', ['id' => $release->id]),
        get_string('releasepublished', 'local_magistere'),
        null,
        \core\output\notification::NOTIFY_SUCCESS
    );
}

$releases = views::statistics_releases((int) $USER->id);
if ($id === 0 && $releases) {
    $id = (int) array_key_last($releases);
}
if ($id !== 0 && !isset($releases[$id])) {
    throw new moodle_exception('invalidrecord', 'error', '', 'local_magistere_release');
}

if ($xml && $id !== 0) {
    // The file as it was published: the same bytes the ministry received.
    $file = views::statistics_release_file((int) $USER->id, $id);
    send_file(
        $file->content,
        clean_filename('statistics-' . $file->academie . '-' . date('Ymd-His', (int) $file->generated) . '.xml'),
        0,
        0,
        true,
        true,
        'application/xml'
    );
}

$release = $id !== 0 ? views::statistics_release((int) $USER->id, $id) : null;
$page = new statistics_page(
    $releases,
    $id !== 0 ? $releases[$id] : null,
    $release,
    has_capability('local/magistere:publishstatistics', $context)
);

if ($download !== '' && $release !== null && in_array($tablename, statistics_page::TABLES, true)) {
    $data = $page->download_rows($tablename);
    util::download(
        'statistics-' . $tablename . '-' . date('Ymd-His', (int) $release['generated']),
        $download,
        $data['columns'],
        $data['rows']
    );
}

echo $OUTPUT->header();
echo \local_magistere\local\setup::school_field_notice() ?? '';
echo $PAGE->get_renderer('local_magistere')->render($page);
echo $OUTPUT->footer();
