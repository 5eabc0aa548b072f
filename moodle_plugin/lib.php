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
 * Callbacks of local_magistere.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Adds the parcours page to the course's navigation (secondary navigation, "More" menu).
 *
 * @param navigation_node $navigation
 * @param stdClass $course
 * @param context $context
 */
function local_magistere_extend_navigation_course(navigation_node $navigation, stdClass $course, context $context) {
    if ($course->id == SITEID) {
        return;
    }
    if (!has_any_capability(['local/magistere:viewown', 'local/magistere:viewtrainer'], $context)) {
        return;
    }
    $navigation->add(
        get_string('parcourspage', 'local_magistere'),
        new moodle_url('/local/magistere/course.php', ['id' => $course->id]),
        navigation_node::TYPE_CUSTOM,
        null,
        'local_magistere',
        new pix_icon('i/completion-auto-y', '')
    );
}

/**
 * Adds "my trainings" and the transparency page to the user's profile.
 *
 * @param \core_user\output\myprofile\tree $tree
 * @param stdClass $user
 * @param bool $iscurrentuser
 * @param stdClass|null $course
 */
function local_magistere_myprofile_navigation(\core_user\output\myprofile\tree $tree, $user, $iscurrentuser, $course) {
    if (!$iscurrentuser || !has_capability('local/magistere:viewmytrainings', context_system::instance())) {
        return;
    }
    $node = new \core_user\output\myprofile\node(
        'miscellaneous',
        'local_magistere_mytrainings',
        get_string('mytrainings', 'local_magistere'),
        null,
        new moodle_url('/local/magistere/index.php')
    );
    $tree->add_node($node);
}

/**
 * The plugin's status checks (Site administration > Reports > System status).
 *
 * @return \core\check\check[]
 */
function local_magistere_status_checks(): array {
    return [
        new \local_magistere\check\extension(),
        new \local_magistere\check\setup(),
        new \local_magistere\check\data_quality(),
    ];
}

/**
 * The plugin's security checks (Site administration > Reports > Security checks).
 *
 * @return \core\check\check[]
 */
function local_magistere_security_checks(): array {
    return [new \local_magistere\check\platform_privacy()];
}
