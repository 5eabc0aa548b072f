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
 * The parcours page: the participant's view (R2) or the trainer's view (R3).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\local\groups;
use local_magistere\local\parcours;
use local_magistere\local\participant_list;
use local_magistere\output\missing_extension;

$courseid = required_param('id', PARAM_INT);
$sort = optional_param('sort', 'lastname', PARAM_ALPHA);
$dir = optional_param('dir', 'asc', PARAM_ALPHA);
$page = optional_param('page', 0, PARAM_INT);
$perpage = optional_param('perpage', 0, PARAM_INT);
$download = optional_param('download', '', PARAM_ALPHA);

if ($courseid == SITEID) {
    throw new moodle_exception('invalidcourseid');
}
$course = get_course($courseid);
$context = context_course::instance($course->id);
$url = new moodle_url('/local/magistere/course.php', ['id' => $course->id]);
$PAGE->set_url($url);
$PAGE->set_context($context);
require_login($course);
if (!has_any_capability(['local/magistere:viewown', 'local/magistere:viewtrainer'], $context)) {
    require_capability('local/magistere:viewown', $context);
}
$PAGE->set_pagelayout('incourse');
$PAGE->set_title(get_string('parcourspage', 'local_magistere') . ': ' . format_string($course->shortname));
$PAGE->set_heading(format_string($course->fullname));
$PAGE->navbar->add(get_string('parcourspage', 'local_magistere'), $url);

if (!engine::available()) {
    missing_extension::print_page_and_exit();
}

// The group menu, and the group chosen in it (separate groups: only his own).
$groupmenu = groups_print_course_menu($course, $url, true);
$groupid = (int) groups_get_course_group($course, true);
$result = parcours::view($course->id, (int) $USER->id, $groupid);
$renderer = $PAGE->get_renderer('local_magistere');

if ($result['mode'] === 'outsider') {
    // He passed Moodle's capability gate (a site administrator, a manager) but is neither a trainer nor a
    // participant of the parcours: nothing inside it is shown to him (R1).
    echo $OUTPUT->header();
    echo $OUTPUT->notification(get_string('outsider', 'local_magistere'), \core\output\notification::NOTIFY_INFO, false);
    echo $OUTPUT->footer();
    exit;
}

if ($result['mode'] === 'participant') {
    echo $OUTPUT->header();
    echo $renderer->render(new \local_magistere\output\participant_page($course, $result['view']));
    echo $OUTPUT->footer();
    exit;
}

// Trainer view, already limited to the participants he may see and the group he chose: name sort, paging,
// download.
if ($perpage > 0 && in_array($perpage, participant_list::PAGE_SIZES, true)) {
    set_user_preference('local_magistere_perpage', $perpage);
} else {
    $perpage = (int) get_user_preferences('local_magistere_perpage', 50);
}
$options = [
    'sort' => $sort,
    'desc' => $dir === 'desc',
    'page' => $page,
    'perpage' => $perpage,
    'canmark' => has_capability('local/magistere:mark', $context),
    'groupmenu' => $groupmenu,
    'group' => $groupid,
];
$trainerpage = new \local_magistere\output\trainer_page($course, $result['view'], $options);

if ($download !== '') {
    $data = $trainerpage->download_rows();
    \local_magistere\local\util::download(
        $course->shortname . '-' . get_string('parcourspage', 'local_magistere'),
        $download,
        $data['columns'],
        $data['rows']
    );
}

echo $OUTPUT->header();
if (groups::is_limited($course, (int) $USER->id) && !groups_get_all_groups($course->id, $USER->id)) {
    echo $OUTPUT->notification(get_string('notingroup'), \core\output\notification::NOTIFY_INFO, false);
}
echo $renderer->render($trainerpage);
echo $OUTPUT->footer();
