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
 * Ticks, unticks or undoes "formation terminee" for participants of a parcours, after a confirmation that
 * lists their names (R3).
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require_once(__DIR__ . '/../../config.php');

use local_magistere\local\engine;
use local_magistere\local\parcours;
use local_magistere\local\util;

$courseid = required_param('id', PARAM_INT);
$action = required_param('action', PARAM_ALPHA);
$userids = optional_param_array('userids', [], PARAM_INT);
$confirm = optional_param('confirm', 0, PARAM_BOOL);

$course = get_course($courseid);
$context = context_course::instance($course->id);
$returnurl = new moodle_url('/local/magistere/course.php', ['id' => $course->id]);
$PAGE->set_url(new moodle_url('/local/magistere/mark.php', ['id' => $course->id, 'action' => $action]));
$PAGE->set_context($context);
require_login($course);
require_capability('local/magistere:mark', $context);
require_sesskey();
engine::require_available();

if (!in_array($action, ['finish', 'unfinish', 'undo'], true)) {
    throw new moodle_exception('invalidaction', 'local_magistere');
}

$undokey = 'local_magistere_undo_' . $course->id;
$notify = fn(array $parts, bool $success) => redirect(
    $returnurl,
    implode(' ', $parts),
    null,
    $success ? \core\output\notification::NOTIFY_SUCCESS : \core\output\notification::NOTIFY_INFO
);

if ($action === 'undo') {
    $previous = $SESSION->{$undokey} ?? null;
    unset($SESSION->{$undokey});
    if (!$previous) {
        redirect($returnurl, get_string('nothingtoundo', 'local_magistere'), null, \core\output\notification::NOTIFY_INFO);
    }
    $result = parcours::undo($course->id, $previous, (int) $USER->id);
    $notify([parcours::result_message($result, 'undo')], $result['changed'] && !$result['skipped']);
}

if (!$userids) {
    redirect($returnurl, get_string('noselection', 'local_magistere'), null, \core\output\notification::NOTIFY_WARNING);
}
$finished = $action === 'finish';
$already = $finished ? 'alreadyfinished' : 'alreadyunfinished';

if (!$confirm) {
    // Confirmation: who will change and who is already so, by name, among the participants he may see.
    $ids = parcours::check_selection($course->id, $userids, (int) $USER->id);
    $plan = \local_magistere\local\marks::plan($course->id, $ids, $finished);
    if (!$plan['change']) {
        $notify([get_string($already, 'local_magistere', count($plan['unchanged']))], false);
    }
    $people = array_column(parcours::trainer_view($course->id, (int) $USER->id)['participants'], null, 'id');
    $names = fn(array $list) => html_writer::alist(array_map(fn($id) => s(util::fullname($people[$id])), $list));
    $PAGE->set_title(get_string('confirmmark', 'local_magistere'));
    $PAGE->set_heading(format_string($course->fullname));
    $message = get_string($finished ? 'confirmfinish' : 'confirmunfinish', 'local_magistere', count($plan['change']))
        . $names($plan['change']);
    if ($finished) {
        $minutes = \local_magistere\local\duration_field::minutes($course->id);
        $message .= html_writer::tag('p', $minutes === null ? get_string('confirmnoduration', 'local_magistere')
            : get_string('confirmduration', 'local_magistere', util::format_minutes($minutes)));
    }
    if ($plan['unchanged']) {
        $message .= html_writer::tag('p', get_string('confirm' . $already, 'local_magistere', count($plan['unchanged'])))
            . $names($plan['unchanged']);
    }
    $params = ['id' => $course->id, 'action' => $action, 'confirm' => 1, 'sesskey' => sesskey()];
    foreach (array_values($ids) as $i => $userid) {
        $params["userids[$i]"] = $userid;
    }
    $continue = new single_button(
        new moodle_url('/local/magistere/mark.php', $params),
        get_string($finished ? 'markfinished' : 'markunfinished', 'local_magistere'),
        'post',
        single_button::BUTTON_PRIMARY
    );
    echo $OUTPUT->header();
    echo $OUTPUT->confirm($message, $continue, $returnurl);
    echo $OUTPUT->footer();
    exit;
}

$result = parcours::mark($course->id, $userids, $finished, (int) $USER->id);
$parts = [parcours::result_message($result, $action)];
if ($result['changed']) {
    // A second submit of the same form changes nothing: the undo of the first one stays available.
    $SESSION->{$undokey} = $result['changed'];
    $undourl = new moodle_url('/local/magistere/mark.php', ['id' => $course->id, 'action' => 'undo',
        'sesskey' => sesskey()]);
    $parts[] = html_writer::link($undourl, get_string('undo', 'local_magistere'), ['class' => 'btn btn-link p-0']);
}
$notify($parts, (bool) $result['changed']);
