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
 * Settings of local_magistere.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

if ($hassiteconfig || has_capability('local/magistere:manage', context_system::instance())) {
    $ADMIN->add('localplugins', new admin_category('local_magistere', new lang_string('pluginname', 'local_magistere')));

    $settings = new admin_settingpage('local_magistere_settings', new lang_string('settings', 'local_magistere'));
    if ($ADMIN->fulltree) {
        // The defaults are the engine's (the extension's when it is loaded, the plugin's checked copy otherwise).
        $defaults = \local_magistere\local\engine::defaults();
        if (!\local_magistere\local\engine::available()) {
            $hint = \local_magistere\local\engine::install_hint();
            $settings->add(new admin_setting_heading(
                'local_magistere/extension',
                '',
                $OUTPUT->notification(
                    get_string('extensionmissing', 'local_magistere', $hint) . '<br>' .
                    get_string('extensioninstall', 'local_magistere', $hint),
                    'error',
                    false
                )
            ));
        }
        $settings->add(new admin_setting_configtext(
            'local_magistere/trainerroles',
            new lang_string('settings:trainerroles', 'local_magistere'),
            new lang_string('settings:trainerroles_desc', 'local_magistere'),
            implode(',', $defaults['trainer_roles']),
            PARAM_TEXT
        ));
        $settings->add(new admin_setting_configtext(
            'local_magistere/participantroles',
            new lang_string('settings:participantroles', 'local_magistere'),
            new lang_string('settings:participantroles_desc', 'local_magistere'),
            implode(',', $defaults['participant_roles']),
            PARAM_TEXT
        ));
        $settings->add(new admin_setting_configtext(
            'local_magistere/schoolfield',
            new lang_string('settings:schoolfield', 'local_magistere'),
            new lang_string('settings:schoolfield_desc', 'local_magistere'),
            $defaults['school_field'],
            PARAM_ALPHANUMEXT
        ));
        $settings->add(new admin_setting_configtext(
            'local_magistere/durationfield',
            new lang_string('settings:durationfield', 'local_magistere'),
            new lang_string('settings:durationfield_desc', 'local_magistere'),
            $defaults['duration_field'],
            PARAM_ALPHANUMEXT
        ));
        $settings->add(new \local_magistere\admin\setting_k(
            'local_magistere/k',
            new lang_string('settings:k', 'local_magistere'),
            new lang_string('settings:k_desc', 'local_magistere', \local_magistere\local\engine::k_min()),
            $defaults['k']
        ));
        $settings->add(new admin_setting_configtext(
            'local_magistere/exportfolder',
            new lang_string('settings:exportfolder', 'local_magistere'),
            new lang_string('settings:exportfolder_desc', 'local_magistere'),
            '',
            PARAM_PATH,
            60
        ));
        $settings->add(new admin_setting_configduration(
            'local_magistere/exportretention',
            new lang_string('settings:exportretention', 'local_magistere'),
            new lang_string('settings:exportretention_desc', 'local_magistere'),
            \local_magistere\local\export_files::DEFAULT_RETENTION,
            DAYSECS
        ));
        $settings->add(new admin_setting_configtext(
            'local_magistere/academie',
            new lang_string('settings:academie', 'local_magistere'),
            new lang_string('settings:academie_desc', 'local_magistere'),
            '',
            PARAM_TEXT,
            30
        ));
        $settings->add(new admin_setting_configselect(
            'local_magistere/source',
            new lang_string('settings:source', 'local_magistere'),
            new lang_string('settings:source_desc', 'local_magistere'),
            'auto',
            [
                'auto' => new lang_string('settings:source:auto', 'local_magistere'),
                'rows' => new lang_string('settings:source:rows', 'local_magistere'),
            ]
        ));
        $settings->add(new admin_setting_configcheckbox(
            'local_magistere/resident',
            new lang_string('settings:resident', 'local_magistere'),
            new lang_string('settings:resident_desc', 'local_magistere'),
            1
        ));
    }
    $ADMIN->add('local_magistere', $settings);
    $ADMIN->add('local_magistere', new admin_externalpage(
        'local_magistere_setup',
        new lang_string('setuppage', 'local_magistere'),
        new moodle_url('/local/magistere/admin/setup.php'),
        'moodle/site:config'
    ));

    $ADMIN->add('local_magistere', new admin_externalpage(
        'local_magistere_platform',
        new lang_string('platformpage', 'local_magistere'),
        new moodle_url('/local/magistere/admin/platform.php'),
        'moodle/site:config'
    ));
    foreach (['school', 'circ', 'inspector'] as $type) {
        $ADMIN->add('local_magistere', new admin_externalpage(
            "local_magistere_manage_$type",
            new lang_string("manage:$type", 'local_magistere'),
            new moodle_url('/local/magistere/admin/manage.php', ['type' => $type]),
            'local/magistere:manage'
        ));
        $ADMIN->add('local_magistere', new admin_externalpage(
            "local_magistere_import_$type",
            new lang_string("import:$type", 'local_magistere'),
            new moodle_url('/local/magistere/admin/import.php', ['type' => $type]),
            'local/magistere:manage'
        ));
    }
}
