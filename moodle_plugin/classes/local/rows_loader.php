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

namespace local_magistere\local;

/**
 * Feeds \Magistere\Source::rows() from $DB on sites whose database the engine does not read directly
 * (PostgreSQL and others).
 *
 * Only the columns documented in docs/api.md are selected: never user.lastaccess or anything about
 * connections (R6). Every query is parameterised; lists of ids are bound in chunks.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class rows_loader {
    /** @var int how many ids one IN (...) binds. */
    private const CHUNK = 1000;

    /** @var array<string, string> the columns read from each table. */
    private const COLUMNS = [
        'course' => 'id, category, fullname, shortname, visible',
        'modules' => 'id, name, visible',
        'course_sections' => 'id, course, section, visible, sequence',
        'course_modules' => 'id, course, module, section, completion, visible, deletioninprogress',
        'course_modules_completion' => 'id, coursemoduleid, userid, completionstate',
        'enrol' => 'id, courseid, status, enrol',
        'user_enrolments' => 'id, enrolid, userid, status, timestart, timeend',
        'role' => 'id, shortname',
        'role_assignments' => 'id, roleid, contextid, userid',
        'context' => 'id, contextlevel, instanceid',
        'user' => 'id, firstname, lastname, idnumber, deleted, suspended',
        'user_info_field' => 'id, shortname',
        'user_info_data' => 'id, userid, fieldid, data',
        'customfield_field' => 'id, shortname',
        'customfield_data' => 'id, fieldid, instanceid, decvalue, value',
        'local_magistere_mark' => 'id, courseid, userid, finished, creditedminutes, timemodified, modifiedby',
        'local_magistere_school' => 'id, uai, name, city, circonscription, departement, academie, degre, secteur',
        'local_magistere_circ' => 'id, code, name, departement, academie',
        'local_magistere_inspector' => 'id, userid, circonscription',
    ];

    /**
     * The rows one parcours' views need: the course, its activities and completions, its enrolments and role
     * assignments, the people they name, their school and its circonscription's inspectors.
     *
     * @param int $courseid
     * @param array $settings tracker settings (school_field, duration_field)
     * @return array table name => rows
     */
    public static function for_course(int $courseid, array $settings): array {
        $tables = array_fill_keys(array_keys(self::COLUMNS), []);
        $tables['course'] = self::select('course', 'id = :id', ['id' => $courseid]);
        $tables['modules'] = self::select('modules', '1 = 1', []);
        $tables['role'] = self::select('role', '1 = 1', []);
        $tables['course_sections'] = self::select('course_sections', 'course = :course', ['course' => $courseid]);
        $tables['course_modules'] = self::select('course_modules', 'course = :course', ['course' => $courseid]);
        $tables['course_modules_completion'] = self::select_sql(
            'course_modules_completion',
            'cmc',
            'JOIN {course_modules} cm ON cm.id = cmc.coursemoduleid',
            'cm.course = :course',
            ['course' => $courseid]
        );
        $tables['enrol'] = self::select('enrol', 'courseid = :courseid', ['courseid' => $courseid]);
        $tables['user_enrolments'] = self::select_sql(
            'user_enrolments',
            'ue',
            'JOIN {enrol} e ON e.id = ue.enrolid',
            'e.courseid = :courseid',
            ['courseid' => $courseid]
        );
        $tables['context'] = self::select(
            'context',
            'contextlevel = :level AND instanceid = :courseid',
            ['level' => CONTEXT_COURSE, 'courseid' => $courseid]
        );
        $contextids = array_map(fn($row) => (int) $row->id, $tables['context']);
        $tables['role_assignments'] = self::select_in('role_assignments', 'contextid', $contextids);
        $tables['local_magistere_mark'] = self::select(
            'local_magistere_mark',
            'courseid = :courseid',
            ['courseid' => $courseid]
        );
        self::add_durations($tables, $settings, [$courseid]);

        $userids = [];
        foreach (['course_modules_completion', 'user_enrolments', 'role_assignments', 'local_magistere_mark'] as $t) {
            foreach ($tables[$t] as $row) {
                $userids[(int) $row->userid] = true;
            }
        }
        foreach ($tables['local_magistere_mark'] as $row) {
            if ((int) $row->modifiedby > 0) {
                $userids[(int) $row->modifiedby] = true;
            }
        }
        self::add_schools($tables, $settings, array_keys($userids));
        foreach ($tables['local_magistere_inspector'] as $row) {
            $userids[(int) $row->userid] = true;
        }
        $tables['user'] = self::select_in('user', 'id', array_keys($userids));
        return $tables;
    }

    /**
     * Every row the site-wide views (inspector, statistics, exports) may need.
     *
     * @param array $settings tracker settings (school_field, duration_field)
     * @return array table name => rows
     */
    public static function for_site(array $settings): array {
        $tables = [];
        foreach (
            ['course', 'modules', 'course_sections', 'course_modules', 'course_modules_completion', 'enrol',
                'user_enrolments', 'role', 'role_assignments', 'local_magistere_mark', 'local_magistere_school',
                'local_magistere_circ', 'local_magistere_inspector'] as $table
        ) {
            $tables[$table] = self::select($table, '1 = 1', []);
        }
        $tables['context'] = self::select('context', 'contextlevel = :level', ['level' => CONTEXT_COURSE]);
        $contextids = array_map(fn($row) => (int) $row->id, $tables['context']);
        $tables['role_assignments'] = self::select_in('role_assignments', 'contextid', $contextids);
        self::add_durations($tables, $settings, null);
        $tables['user_info_field'] = self::select(
            'user_info_field',
            'shortname = :shortname',
            ['shortname' => $settings['school_field']]
        );
        $fieldids = array_map(fn($row) => (int) $row->id, $tables['user_info_field']);
        $tables['user_info_data'] = self::select_in('user_info_data', 'fieldid', $fieldids);
        $tables['user'] = self::select('user', '1 = 1', []);
        return $tables;
    }

    /**
     * Adds the duration custom field of courses and its values.
     *
     * @param array $tables
     * @param array $settings
     * @param int[]|null $courseids the courses, or null for all
     */
    private static function add_durations(array &$tables, array $settings, ?array $courseids): void {
        global $DB;
        $sql = "SELECT f.id, f.shortname
                  FROM {customfield_field} f
                  JOIN {customfield_category} c ON c.id = f.categoryid
                 WHERE f.shortname = :shortname AND c.component = :component AND c.area = :area";
        $tables['customfield_field'] = array_values($DB->get_records_sql(
            $sql,
            ['shortname' => $settings['duration_field'], 'component' => 'core_course', 'area' => 'course']
        ));
        $fieldids = array_map(fn($row) => (int) $row->id, $tables['customfield_field']);
        $rows = self::select_in('customfield_data', 'fieldid', $fieldids);
        if ($courseids !== null) {
            $keep = array_flip($courseids);
            $rows = array_values(array_filter($rows, fn($row) => isset($keep[(int) $row->instanceid])));
        }
        $tables['customfield_data'] = $rows;
    }

    /**
     * Adds the school profile field, the users' values, their schools, circonscriptions and inspectors.
     *
     * @param array $tables
     * @param array $settings
     * @param int[] $userids
     */
    private static function add_schools(array &$tables, array $settings, array $userids): void {
        $tables['user_info_field'] = self::select(
            'user_info_field',
            'shortname = :shortname',
            ['shortname' => $settings['school_field']]
        );
        $data = [];
        foreach ($tables['user_info_field'] as $field) {
            foreach (
                self::select_in(
                    'user_info_data',
                    'userid',
                    $userids,
                    'fieldid = :fieldid',
                    ['fieldid' => $field->id]
                ) as $row
            ) {
                $data[] = $row;
            }
        }
        $tables['user_info_data'] = $data;
        $uais = array_values(array_unique(array_filter(array_map(fn($row) => trim((string) $row->data), $data))));
        $tables['local_magistere_school'] = self::select_in('local_magistere_school', 'uai', $uais);
        $circs = array_values(array_unique(array_map(
            fn($row) => (string) $row->circonscription,
            $tables['local_magistere_school']
        )));
        $tables['local_magistere_circ'] = self::select_in('local_magistere_circ', 'code', $circs);
        $tables['local_magistere_inspector'] = self::select_in('local_magistere_inspector', 'circonscription', $circs);
    }

    /**
     * Selects the documented columns of a table.
     *
     * @param string $table
     * @param string $where
     * @param array $params
     * @return array list of records
     */
    private static function select(string $table, string $where, array $params): array {
        global $DB;
        $rows = [];
        $rs = $DB->get_recordset_select($table, $where, $params, 'id', self::COLUMNS[$table]);
        foreach ($rs as $row) {
            $rows[] = $row;
        }
        $rs->close();
        return $rows;
    }

    /**
     * Selects the documented columns of a table joined to another one.
     *
     * @param string $table
     * @param string $alias
     * @param string $join
     * @param string $where
     * @param array $params
     * @return array list of records
     */
    private static function select_sql(string $table, string $alias, string $join, string $where, array $params): array {
        global $DB;
        $columns = implode(', ', array_map(fn($c) => "$alias." . trim($c), explode(',', self::COLUMNS[$table])));
        $rows = [];
        $rs = $DB->get_recordset_sql(
            "SELECT $columns FROM {" . $table . "} $alias $join WHERE $where ORDER BY $alias.id",
            $params
        );
        foreach ($rs as $row) {
            $rows[] = $row;
        }
        $rs->close();
        return $rows;
    }

    /**
     * Selects the rows whose field is in a list, binding the list in chunks.
     *
     * @param string $table
     * @param string $field
     * @param array $values
     * @param string $extra more conditions
     * @param array $extraparams their parameters
     * @return array list of records
     */
    private static function select_in(
        string $table,
        string $field,
        array $values,
        string $extra = '',
        array $extraparams = []
    ): array {
        global $DB;
        $rows = [];
        foreach (array_chunk(array_values(array_unique($values)), self::CHUNK) as $chunk) {
            [$insql, $params] = $DB->get_in_or_equal($chunk, SQL_PARAMS_NAMED, 'mgin');
            $where = "$field $insql" . ($extra !== '' ? " AND $extra" : '');
            $rs = $DB->get_recordset_select($table, $where, $params + $extraparams, 'id', self::COLUMNS[$table]);
            foreach ($rs as $row) {
                $rows[$row->id] = $row;
            }
            $rs->close();
        }
        ksort($rows);
        return array_values($rows);
    }
}
