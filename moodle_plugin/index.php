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
 * "My trainings": the user's own parcours with bar, status and credited time.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\output\missing_extension;

$context = context_system::instance();
$PAGE->set_url(new moodle_url('/local/magistere/index.php'));
$PAGE->set_context($context);
require_login(null, false);
if (isguestuser()) {
    throw new require_login_exception('Guests are not allowed here.');
}
require_capability('local/magistere:viewmytrainings', $context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('mytrainings', 'local_magistere'));
$PAGE->set_heading(get_string('mytrainings', 'local_magistere'));

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

$data = \local_magistere\local\views::my_trainings((int) $USER->id);
echo $OUTPUT->header();
echo $PAGE->get_renderer('local_magistere')->render(new \local_magistere\output\my_trainings_page($data));
echo $OUTPUT->footer();
