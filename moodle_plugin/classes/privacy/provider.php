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

namespace local_magistere\privacy;

use core_privacy\local\metadata\collection;
use core_privacy\local\request\approved_contextlist;
use core_privacy\local\request\approved_userlist;
use core_privacy\local\request\contextlist;
use core_privacy\local\request\transform;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;
use local_magistere\local\export_files;

/**
 * Privacy provider of local_magistere. The plugin stores the trainers' marks and their audit trail (in the
 * course context), which users inspect which circonscription, and the attestation files the daily task writes
 * for the administration, kept in the export folder for the retention set (both in the system context). Nothing
 * about connections is stored (R6). Deleting a trainer's data anonymises the marks he made (modifiedby becomes 0)
 * rather than deleting the participants' marks. Deleting a user's data in the system context deletes the
 * retained attestation files that name him (a file is a daily snapshot: the next run writes it again from the
 * marks). The statistics files hold counts only, nothing about a person.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class provider implements
    \core_privacy\local\metadata\provider,
    \core_privacy\local\request\core_userlist_provider,
    \core_privacy\local\request\plugin\provider,
    \core_privacy\local\request\user_preference_provider {
    /** @var string[] the tables holding marks. */
    private const MARK_TABLES = ['local_magistere_mark', 'local_magistere_mark_hist'];

    /**
     * Describes the personal data stored.
     *
     * @param collection $collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        foreach (self::MARK_TABLES as $table) {
            $collection->add_database_table($table, [
                'courseid' => "privacy:metadata:$table:courseid",
                'userid' => "privacy:metadata:$table:userid",
                'finished' => "privacy:metadata:$table:finished",
                'creditedminutes' => "privacy:metadata:$table:creditedminutes",
                'timemodified' => "privacy:metadata:$table:timemodified",
                'modifiedby' => "privacy:metadata:$table:modifiedby",
            ], "privacy:metadata:$table");
        }
        $collection->add_database_table('local_magistere_inspector', [
            'userid' => 'privacy:metadata:local_magistere_inspector:userid',
            'circonscription' => 'privacy:metadata:local_magistere_inspector:circonscription',
        ], 'privacy:metadata:local_magistere_inspector');
        $collection->add_external_location_link('local_magistere_attestations', [
            'lastname' => 'privacy:metadata:attestations:lastname',
            'firstname' => 'privacy:metadata:attestations:firstname',
            'idnumber' => 'privacy:metadata:attestations:idnumber',
            'uai' => 'privacy:metadata:attestations:uai',
            'finished' => 'privacy:metadata:attestations:finished',
            'creditedminutes' => 'privacy:metadata:attestations:creditedminutes',
            'markedat' => 'privacy:metadata:attestations:markedat',
            'markedby' => 'privacy:metadata:attestations:markedby',
        ], 'privacy:metadata:attestations');
        $collection->add_database_table('local_magistere_platfix', [
            'userid' => 'privacy:metadata:local_magistere_platfix:userid',
            'timecreated' => 'privacy:metadata:local_magistere_platfix:timecreated',
            'undoneby' => 'privacy:metadata:local_magistere_platfix:undoneby',
            'timeundone' => 'privacy:metadata:local_magistere_platfix:timeundone',
        ], 'privacy:metadata:local_magistere_platfix');
        $collection->add_user_preference('local_magistere_perpage', 'privacy:metadata:preference:perpage');
        return $collection;
    }

    /**
     * Exports the user's preferences of the plugin.
     *
     * @param int $userid
     */
    public static function export_user_preferences(int $userid) {
        $perpage = get_user_preferences('local_magistere_perpage', null, $userid);
        if ($perpage !== null) {
            writer::export_user_preference(
                'local_magistere',
                'local_magistere_perpage',
                $perpage,
                get_string('privacy:metadata:preference:perpage', 'local_magistere')
            );
        }
    }

    /**
     * The contexts holding data about a user.
     *
     * @param int $userid
     * @return contextlist
     */
    public static function get_contexts_for_userid(int $userid): contextlist {
        $contextlist = new contextlist();
        foreach (self::MARK_TABLES as $table) {
            $sql = "SELECT ctx.id
                      FROM {context} ctx
                      JOIN {" . $table . "} m ON m.courseid = ctx.instanceid AND ctx.contextlevel = :level
                     WHERE m.userid = :userid OR m.modifiedby = :modifiedby";
            $contextlist->add_from_sql($sql, ['level' => CONTEXT_COURSE, 'userid' => $userid, 'modifiedby' => $userid]);
        }
        $sql = "SELECT ctx.id
                  FROM {context} ctx
                 WHERE ctx.contextlevel = :level
                   AND EXISTS (SELECT 1 FROM {local_magistere_inspector} i WHERE i.userid = :userid)";
        $contextlist->add_from_sql($sql, ['level' => CONTEXT_SYSTEM, 'userid' => $userid]);
        $user = \core_user::get_user($userid, 'id, firstname, lastname, idnumber');
        if ($user && export_files::attestation_entries($user)) {
            $contextlist->add_system_context();
        }
        $sql = "SELECT ctx.id
                  FROM {context} ctx
                 WHERE ctx.contextlevel = :level
                   AND EXISTS (SELECT 1 FROM {local_magistere_platfix} f WHERE f.userid = :userid OR f.undoneby = :undoneby)";
        $contextlist->add_from_sql($sql, ['level' => CONTEXT_SYSTEM, 'userid' => $userid, 'undoneby' => $userid]);
        return $contextlist;
    }

    /**
     * The users with data in a context.
     *
     * @param userlist $userlist
     */
    public static function get_users_in_context(userlist $userlist) {
        $context = $userlist->get_context();
        if ($context instanceof \context_course) {
            foreach (self::MARK_TABLES as $table) {
                $userlist->add_from_sql(
                    'userid',
                    "SELECT userid FROM {" . $table . "} WHERE courseid = :courseid",
                    ['courseid' => $context->instanceid]
                );
                $userlist->add_from_sql('modifiedby', "SELECT modifiedby FROM {" . $table . "}
                    WHERE courseid = :courseid AND modifiedby > 0", ['courseid' => $context->instanceid]);
            }
        } else if ($context instanceof \context_system) {
            $userlist->add_from_sql('userid', "SELECT userid FROM {local_magistere_inspector}", []);
            $userlist->add_users(export_files::attestation_userids());
            $userlist->add_from_sql('userid', "SELECT userid FROM {local_magistere_platfix} WHERE userid > 0", []);
            $userlist->add_from_sql('undoneby', "SELECT undoneby FROM {local_magistere_platfix} WHERE undoneby > 0", []);
        }
    }

    /**
     * Exports a user's data.
     *
     * @param approved_contextlist $contextlist
     */
    public static function export_user_data(approved_contextlist $contextlist) {
        global $DB;
        $userid = (int) $contextlist->get_user()->id;
        $subcontext = [get_string('pluginname', 'local_magistere')];
        foreach ($contextlist->get_contexts() as $context) {
            if ($context instanceof \context_course) {
                $courseid = (int) $context->instanceid;
                $data = (object) [];
                $mark = $DB->get_record('local_magistere_mark', ['courseid' => $courseid, 'userid' => $userid]);
                if ($mark) {
                    $data->mark = self::export_mark($mark, $userid);
                }
                $history = $DB->get_records_select(
                    'local_magistere_mark_hist',
                    'courseid = :courseid AND (userid = :userid OR modifiedby = :modifiedby)',
                    ['courseid' => $courseid, 'userid' => $userid, 'modifiedby' => $userid],
                    'timemodified, id'
                );
                $data->history = array_values(array_map(fn($row) => self::export_mark($row, $userid), $history));
                $made = $DB->get_records_select(
                    'local_magistere_mark',
                    'courseid = :courseid AND modifiedby = :modifiedby AND userid <> :userid',
                    ['courseid' => $courseid, 'modifiedby' => $userid, 'userid' => $userid],
                    'id'
                );
                $data->marksmade = array_values(array_map(fn($row) => self::export_mark($row, $userid), $made));
                writer::with_context($context)->export_data($subcontext, $data);
            } else if ($context instanceof \context_system) {
                $circs = $DB->get_fieldset_select(
                    'local_magistere_inspector',
                    'circonscription',
                    'userid = :userid',
                    ['userid' => $userid]
                );
                if ($circs) {
                    writer::with_context($context)->export_data($subcontext, (object) ['inspects' => array_values($circs)]);
                }
                self::export_attestations($context, $contextlist->get_user());
                $fixes = $DB->get_records_select(
                    'local_magistere_platfix',
                    'userid = :userid OR undoneby = :undoneby',
                    ['userid' => $userid, 'undoneby' => $userid],
                    'id'
                );
                if ($fixes) {
                    $data = array_values(array_map(fn($fix) => (object) [
                        'appliedbyyou' => transform::yesno((int) $fix->userid === $userid),
                        'timecreated' => transform::datetime($fix->timecreated),
                        'undonebyyou' => transform::yesno((int) $fix->undoneby === $userid),
                        'timeundone' => $fix->timeundone ? transform::datetime($fix->timeundone) : null,
                    ], $fixes));
                    writer::with_context($context)->export_data(
                        array_merge($subcontext, [get_string('platformpage', 'local_magistere')]),
                        (object) ['fixes' => $data]
                    );
                }
            }
        }
    }

    /**
     * Exports the user's entries of the retained attestation files, one subcontext per file.
     *
     * @param \context $context the system context
     * @param \stdClass $user
     */
    private static function export_attestations(\context $context, \stdClass $user): void {
        $user = \core_user::get_user($user->id, 'id, firstname, lastname, idnumber') ?: $user;
        foreach (export_files::attestation_entries($user) as $path => $entries) {
            $rows = array_map(fn($entry) => (object) [
                'as' => $entry['role'],
                'parcours' => $entry['parcours'],
                'finished' => $entry['finished'] ?? '',
                'creditedminutes' => $entry['credited-minutes'] ?? '',
                'markedat' => $entry['marked-at'] ?? '',
                'markedby' => $entry['marked-by'] ?? '',
                'uai' => $entry['uai'] ?? '',
            ], $entries);
            writer::with_context($context)->export_data(
                [get_string('pluginname', 'local_magistere'), get_string('privacy:attestationfiles', 'local_magistere'),
                    basename($path)],
                (object) ['entries' => $rows]
            );
        }
    }

    /**
     * One mark or audit row for export.
     *
     * @param \stdClass $row
     * @param int $userid the user exported
     * @return \stdClass
     */
    private static function export_mark(\stdClass $row, int $userid): \stdClass {
        return (object) [
            'participant' => (int) $row->userid === $userid ? transform::yesno(true) : (int) $row->userid,
            'finished' => transform::yesno((int) $row->finished === 1),
            'creditedminutes' => $row->creditedminutes,
            'timemodified' => transform::datetime($row->timemodified),
            'modifiedbyyou' => transform::yesno((int) $row->modifiedby === $userid),
        ];
    }

    /**
     * Deletes all data in a context.
     *
     * @param \context $context
     */
    public static function delete_data_for_all_users_in_context(\context $context) {
        global $DB;
        if ($context instanceof \context_course) {
            foreach (self::MARK_TABLES as $table) {
                $DB->delete_records($table, ['courseid' => $context->instanceid]);
            }
        } else if ($context instanceof \context_system) {
            $DB->delete_records('local_magistere_inspector');
            export_files::delete_all_attestations();
            $DB->set_field('local_magistere_platfix', 'userid', 0);
            $DB->set_field('local_magistere_platfix', 'undoneby', 0);
        }
        // What the engine showed from these rows is gone too (resident models).
        \local_magistere\local\stamps::site();
    }

    /**
     * Deletes a user's data in the approved contexts.
     *
     * @param approved_contextlist $contextlist
     */
    public static function delete_data_for_user(approved_contextlist $contextlist) {
        $userid = (int) $contextlist->get_user()->id;
        foreach ($contextlist->get_contexts() as $context) {
            self::delete_users_in_context($context, [$userid]);
        }
    }

    /**
     * Deletes the data of several users in one context.
     *
     * @param approved_userlist $userlist
     */
    public static function delete_data_for_users(approved_userlist $userlist) {
        self::delete_users_in_context($userlist->get_context(), array_map('intval', $userlist->get_userids()));
    }

    /**
     * Deletes the users' own marks and anonymises the marks they made.
     *
     * @param \context $context
     * @param int[] $userids
     */
    private static function delete_users_in_context(\context $context, array $userids): void {
        global $DB;
        if (!$userids) {
            return;
        }
        [$insql, $params] = $DB->get_in_or_equal($userids, SQL_PARAMS_NAMED);
        if ($context instanceof \context_course) {
            $params['courseid'] = $context->instanceid;
            foreach (self::MARK_TABLES as $table) {
                $DB->delete_records_select($table, "courseid = :courseid AND userid $insql", $params);
                $DB->set_field_select($table, 'modifiedby', 0, "courseid = :courseid AND modifiedby $insql", $params);
            }
        } else if ($context instanceof \context_system) {
            $DB->delete_records_select('local_magistere_inspector', "userid $insql", $params);
            export_files::delete_for_users($userids);
            // The record of a platform fix stays (its undo needs it); only who made it is forgotten.
            $DB->set_field_select('local_magistere_platfix', 'userid', 0, "userid $insql", $params);
            $DB->set_field_select('local_magistere_platfix', 'undoneby', 0, "undoneby $insql", $params);
        }
        \local_magistere\local\stamps::site();
    }
}
