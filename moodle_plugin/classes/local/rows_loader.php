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
 * Only the columns the engine reads are selected, as \Magistere\Source::columns() lists them (the engine's one
 * list, src/core/tables.c): never user.lastaccess or anything about connections (R6). Every query is
 * parameterised; lists of ids are bound in chunks. A training record outlives the enrolment, so every scope
 * reads the marks of its courses and the people they name.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class rows_loader {
    /** @var int how many ids one IN (...) binds. */
    private const CHUNK = 1000;

    /**
     * The columns read from a table: those the engine reads, from the engine itself.
     *
     * @param string $table
     * @return string comma separated
     */
    public static function columns(string $table): string {
        $columns = engine::columns();
        if (!isset($columns[$table])) {
            throw new \coding_exception("The magistere engine reads no table '$table'");
        }
        return implode(', ', $columns[$table]);
    }

    /**
     * The rows one parcours' views need: the course, its activities and completions, its enrolments and role
     * assignments, the people they name, their school and its circonscription's inspectors.
     *
     * @param int $courseid
     * @param array $settings tracker settings (school_field, duration_field)
     * @return array table name => rows
     */
    public static function for_course(int $courseid, array $settings): array {
        return self::for_courses([$courseid], $settings, null);
    }

    /**
     * The rows of a user's "my trainings": the parcours where he is enrolled (in any state), holds a role or
     * has a mark, their people (for his trainer summaries), and his own completions only.
     *
     * @param int $userid
     * @param array $settings tracker settings (school_field, duration_field)
     * @return array table name => rows
     */
    public static function for_user(int $userid, array $settings): array {
        global $DB;
        $sql = "SELECT e.courseid FROM {enrol} e JOIN {user_enrolments} ue ON ue.enrolid = e.id WHERE ue.userid = :u1
                 UNION
                SELECT x.instanceid FROM {role_assignments} ra
                  JOIN {context} x ON x.id = ra.contextid AND x.contextlevel = :level
                 WHERE ra.userid = :u2
                 UNION
                SELECT mk.courseid FROM {local_magistere_mark} mk WHERE mk.userid = :u3";
        $courseids = array_map('intval', $DB->get_fieldset_sql(
            $sql,
            ['u1' => $userid, 'u2' => $userid, 'u3' => $userid, 'level' => CONTEXT_COURSE]
        ));
        $tables = self::for_courses($courseids, $settings, $userid);
        if (!in_array($userid, array_map(fn($row) => (int) $row->id, $tables['user']), true)) {
            foreach (self::select_in('user', 'id', [$userid]) as $row) {
                $tables['user'][] = $row;
            }
        }
        return $tables;
    }

    /**
     * The rows of some parcours.
     *
     * @param int[] $courseids
     * @param array $settings tracker settings (school_field, duration_field)
     * @param int|null $onlyuser read the completions of this user only (null: of everybody)
     * @return array table name => rows
     */
    private static function for_courses(array $courseids, array $settings, ?int $onlyuser): array {
        $tables = array_fill_keys(array_keys(engine::columns()), []);
        $tables['modules'] = self::select('modules', '1 = 1', []);
        $tables['role'] = self::select('role', '1 = 1', []);
        if (!$courseids) {
            $tables['user_info_field'] = self::select(
                'user_info_field',
                'shortname = :shortname',
                ['shortname' => $settings['school_field']]
            );
            return $tables;
        }
        $tables['course'] = self::select_in('course', 'id', $courseids);
        $tables['course_sections'] = self::select_in('course_sections', 'course', $courseids);
        $tables['course_modules'] = self::select_in('course_modules', 'course', $courseids);
        $cmids = array_map(fn($row) => (int) $row->id, $tables['course_modules']);
        if ($onlyuser === null) {
            $tables['course_modules_completion'] = self::select_in('course_modules_completion', 'coursemoduleid', $cmids);
            $tables['course_completions'] = self::select_in('course_completions', 'course', $courseids);
        } else {
            $tables['course_modules_completion'] = self::select_in(
                'course_modules_completion',
                'coursemoduleid',
                $cmids,
                'userid = :onlyuser',
                ['onlyuser' => $onlyuser]
            );
            $tables['course_completions'] = self::select_in(
                'course_completions',
                'course',
                $courseids,
                'userid = :onlyuser',
                ['onlyuser' => $onlyuser]
            );
        }
        $tables['enrol'] = self::select_in('enrol', 'courseid', $courseids);
        $enrolids = array_map(fn($row) => (int) $row->id, $tables['enrol']);
        $tables['user_enrolments'] = self::select_in('user_enrolments', 'enrolid', $enrolids);
        $tables['context'] = self::select_in(
            'context',
            'instanceid',
            $courseids,
            'contextlevel = :level',
            ['level' => CONTEXT_COURSE]
        );
        $contextids = array_map(fn($row) => (int) $row->id, $tables['context']);
        $tables['role_assignments'] = self::select_in('role_assignments', 'contextid', $contextids);
        $tables['local_magistere_mark'] = self::select_in('local_magistere_mark', 'courseid', $courseids);
        self::add_durations($tables, $settings, $courseids);

        $userids = [];
        foreach (
            ['course_modules_completion', 'course_completions', 'user_enrolments', 'role_assignments',
                'local_magistere_mark'] as $t
        ) {
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
            ['course', 'modules', 'course_sections', 'course_modules', 'course_modules_completion', 'course_completions',
                'enrol', 'user_enrolments', 'role', 'role_assignments', 'local_magistere_mark', 'local_magistere_school',
                'local_magistere_circ', 'local_magistere_inspector'] as $table
        ) {
            $tables[$table] = self::select($table, '1 = 1', []);
        }
        $tables['context'] = self::select('context', 'contextlevel = :level', ['level' => CONTEXT_COURSE]);
        $contextids = array_map(fn($row) => (int) $row->id, $tables['context']);
        $tables['role_assignments'] = self::select_in('role_assignments', 'contextid', $contextids);
        // And the role assignments to contexts that no longer exist: anomalies for the data-quality check.
        foreach (
            self::select(
                'role_assignments',
                'NOT EXISTS (SELECT 1 FROM {context} x WHERE x.id = contextid)',
                []
            ) as $row
        ) {
            $tables['role_assignments'][] = $row;
        }
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
     * Selects the engine's columns of a table.
     *
     * @param string $table
     * @param string $where
     * @param array $params
     * @return array list of records
     */
    private static function select(string $table, string $where, array $params): array {
        global $DB;
        $rows = [];
        $rs = $DB->get_recordset_select($table, $where, $params, 'id', self::columns($table));
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
            $rs = $DB->get_recordset_select($table, $where, $params + $extraparams, 'id', self::columns($table));
            foreach ($rs as $row) {
                $rows[$row->id] = $row;
            }
            $rs->close();
        }
        ksort($rows);
        return array_values($rows);
    }
}
