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
 * The transparency page (R9): what each role can see about the participant in one parcours.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\output\missing_extension;

$courseid = required_param('id', PARAM_INT);
$course = get_course($courseid);
$context = context_course::instance($course->id);
$PAGE->set_url(new moodle_url('/local/magistere/transparency.php', ['id' => $course->id]));
$PAGE->set_context($context);
require_login($course);
require_capability('local/magistere:viewtransparency', $context);
$PAGE->set_pagelayout('incourse');
$PAGE->set_title(get_string('transparencypage', 'local_magistere'));
$PAGE->set_heading(format_string($course->fullname));
$PAGE->navbar->add(
    get_string('parcourspage', 'local_magistere'),
    new moodle_url('/local/magistere/course.php', ['id' => $course->id])
);
$PAGE->navbar->add(get_string('transparencypage', 'local_magistere'));

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

$view = \local_magistere\local\views::transparency((int) $USER->id, $course->id);
echo $OUTPUT->header();
echo $PAGE->get_renderer('local_magistere')->render(new \local_magistere\output\transparency_page($course, $view));
echo $OUTPUT->footer();
