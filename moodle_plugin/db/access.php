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
 * Capabilities of local_magistere.
 *
 * The engine applies the visibility rules (R1-R9) itself from the role short names configured in the plugin's
 * settings; these capabilities are the Moodle gate in front of it. Views of other people's data carry
 * RISK_PERSONAL, and the powerful ones ship with no archetype: the site administrator gives them on purpose.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$capabilities = [
    // A participant opens the parcours page: the participants and trainers of the parcours (names, message
    // links) and his own progress (R2). Usually the participant (student) role, in the course.
    'local/magistere:viewown' => [
        'riskbitmask' => RISK_PERSONAL,
        'captype' => 'read',
        'contextlevel' => CONTEXT_COURSE,
        'archetypes' => [
            'student' => CAP_ALLOW,
        ],
    ],

    // A trainer (formateur, tuteur) sees every participant's progress and mark in his parcours (R3).
    // Usually the formateur and tuteur roles, in the course.
    'local/magistere:viewtrainer' => [
        'riskbitmask' => RISK_PERSONAL,
        'captype' => 'read',
        'contextlevel' => CONTEXT_COURSE,
        'archetypes' => [
            'editingteacher' => CAP_ALLOW,
            'teacher' => CAP_ALLOW,
        ],
    ],

    // A trainer ticks or unticks "formation terminee" for participants of his parcours (R3, R7).
    'local/magistere:mark' => [
        'riskbitmask' => RISK_PERSONAL | RISK_DATALOSS,
        'captype' => 'write',
        'contextlevel' => CONTEXT_COURSE,
        'archetypes' => [
            'editingteacher' => CAP_ALLOW,
            'teacher' => CAP_ALLOW,
        ],
    ],

    // Any authenticated user opens "my trainings", the list of his own parcours with his bar and status.
    'local/magistere:viewmytrainings' => [
        'captype' => 'read',
        'contextlevel' => CONTEXT_SYSTEM,
        'archetypes' => [
            'user' => CAP_ALLOW,
        ],
    ],

    // A participant opens the transparency page: what each role sees about him (R9). Only about himself.
    'local/magistere:viewtransparency' => [
        'captype' => 'read',
        'contextlevel' => CONTEXT_COURSE,
        'archetypes' => [
            'student' => CAP_ALLOW,
        ],
    ],

    // An inspector (IEN) sees the teachers of his own circonscription(s), their schools and status (R4). Give it
    // through a system role to the IEN accounts; the circonscriptions come from the inspectors table.
    'local/magistere:viewcirconscription' => [
        'riskbitmask' => RISK_PERSONAL,
        'captype' => 'read',
        'contextlevel' => CONTEXT_SYSTEM,
        'archetypes' => [],
    ],

    // A ministry statistician sees and downloads the published statistics releases (R5): nothing else.
    'local/magistere:viewstatistics' => [
        'captype' => 'read',
        'contextlevel' => CONTEXT_SYSTEM,
        'archetypes' => [],
    ],

    // Publishes a statistics release now, besides the monthly task (R5). A release is final: it is protected
    // with every earlier one, and every later one with it.
    'local/magistere:publishstatistics' => [
        'riskbitmask' => RISK_CONFIG,
        'captype' => 'write',
        'contextlevel' => CONTEXT_SYSTEM,
        'archetypes' => [],
    ],

    // An administrator imports and edits schools, circonscriptions and inspectors.
    'local/magistere:manage' => [
        'riskbitmask' => RISK_PERSONAL | RISK_CONFIG | RISK_DATALOSS,
        'captype' => 'write',
        'contextlevel' => CONTEXT_SYSTEM,
        'archetypes' => [
            'manager' => CAP_ALLOW,
        ],
    ],
];
