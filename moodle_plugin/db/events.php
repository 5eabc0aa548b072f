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
 * Event observers of local_magistere.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$observers = [
    // A course reset keeps the training records and drops the "not finished" marks ({@see lifecycle}).
    [
        'eventname' => '\core\event\course_reset_ended',
        'callback' => '\local_magistere\local\lifecycle::course_reset_ended',
    ],
];

// The change stamps of the resident models ({@see \local_magistere\local\stamps}, docs/resident.md): every event
// that can change what a view shows bumps a counter. External observers ('internal' => false): run once the change
// is committed, never inside the writer's transaction (no lock held on a counter, no deadlock between two writers).
$stampobservers = [
    'course_changed' => [
        '\core\event\course_module_completion_updated', '\core\event\course_completed',
        '\core\event\course_completion_updated', '\core\event\course_updated', '\core\event\course_created',
        '\core\event\course_deleted', '\core\event\course_restored', '\core\event\course_content_deleted',
        '\core\event\course_module_created', '\core\event\course_module_updated', '\core\event\course_module_deleted',
        '\core\event\course_section_created', '\core\event\course_section_updated', '\core\event\course_section_deleted',
        '\core\event\group_created', '\core\event\group_updated', '\core\event\group_deleted',
        '\core\event\group_member_added', '\core\event\group_member_removed',
    ],
    'membership_changed' => [
        '\core\event\user_enrolment_created', '\core\event\user_enrolment_updated', '\core\event\user_enrolment_deleted',
        '\core\event\enrol_instance_created', '\core\event\enrol_instance_updated', '\core\event\enrol_instance_deleted',
        '\local_magistere\event\training_marked',
    ],
    'role_changed' => ['\core\event\role_assigned', '\core\event\role_unassigned'],
    'user_changed' => ['\core\event\user_updated', '\core\event\user_deleted'],
    'site_changed' => [
        '\core\event\role_updated', '\core\event\role_deleted', '\core\event\user_info_field_created',
        '\core\event\user_info_field_updated', '\core\event\user_info_field_deleted',
        '\core_customfield\event\field_created', '\core_customfield\event\field_updated',
        '\core_customfield\event\field_deleted',
    ],
    'config_changed' => ['\core\event\config_log_created'],
];
foreach ($stampobservers as $callback => $eventnames) {
    foreach ($eventnames as $eventname) {
        $observers[] = [
            'eventname' => $eventname,
            'callback' => '\local_magistere\local\stamps::' . $callback,
            'internal' => false,
        ];
    }
}
