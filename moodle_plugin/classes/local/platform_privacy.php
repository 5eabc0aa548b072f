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
 * Where Moodle itself shows connection data (R6) or "inactive" filters (R8) on this site, to the roles the
 * plugin treats as trainer, participant and inspector, and to every user (the authenticated user role, which
 * they all hold). One computation, read by the security check, the one-click fix, the name links of the
 * pages and the transparency page, so that they always tell the same story.
 *
 * A finding is an array:
 * - key: unique id of the finding;
 * - kind: setting, capability, analytics, enrol or report;
 * - exposure: what is shown (lang string exposure:<exposure>);
 * - audiences: who sees it, among trainer, participant, inspector, everyone, managers, reportaudience, moodle;
 * - who: the names of the roles, models, courses or reports concerned (display);
 * - reveals: which of the engine's "never" items it contradicts (connection_time, last_access, clicks,
 *   pages_viewed, resources_viewed);
 * - courseids: the courses it is limited to (empty: the whole site);
 * - changes: what the one-click fix changes (empty when the administrator must act by hand).
 *
 * What core code was read to build this list, and what was ruled out, is in docs/moodle.md.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class platform_privacy {
    /** @var string[] every kind of connection data the engine never shows (its transparency "never" list). */
    public const ALL = ['connection_time', 'last_access', 'clicks', 'pages_viewed', 'resources_viewed'];

    /**
     * @var array the user fields that $CFG->hiddenuserfields must hide: field => [audience, reveals]. Hidden, they
     * leave the profile pages (user/profile.php, user/view.php: lib/myprofilelib.php), the participants page's
     * column and its "Inactive for more than" filter (user/classes/table/participants.php,
     * user/classes/output/participants_filter.php), user_get_user_details() and so the web services and the
     * messaging "online" status (message/classes/helper.php::show_online_status()).
     */
    public const HIDDEN_FIELDS = [
        'lastaccess' => ['everyone', ['last_access', 'connection_time']],
        'firstaccess' => ['everyone', ['connection_time']],
        'lastip' => ['managers', ['last_access']],
        // Not connection data, but the list of a teacher's other courses on his profile breaks R1.
        'mycourses' => ['everyone', []],
    ];

    /**
     * @var array capability => [exposure, reveals, module or null]. A role among the checked ones that is allowed a
     * capability anywhere (its definition or an override) and not prohibited at system level is a finding; the fix
     * prohibits it at system level, which no override can undo.
     */
    public const CAPABILITIES = [
        'report/log:view' => ['logs', self::ALL, null],
        'report/log:viewtoday' => ['logs', self::ALL, null],
        'report/loglive:view' => ['livelogs', self::ALL, null],
        'report/outline:view' => ['outline', ['pages_viewed', 'resources_viewed', 'last_access'], null],
        'report/outline:viewuserreport' => ['outlineuser', ['pages_viewed', 'resources_viewed', 'last_access'], null],
        'report/participation:view' => ['participation', ['clicks', 'pages_viewed', 'resources_viewed'], null],
        'report/stats:view' => ['stats', ['clicks', 'pages_viewed'], null],
        'moodle/course:viewhiddenuserfields' => ['viewhiddenuserfields', ['last_access', 'connection_time'], null],
        'moodle/user:viewhiddendetails' => ['viewhiddendetails', ['last_access', 'connection_time'], null],
        'moodle/user:viewlastip' => ['viewlastip', ['last_access'], null],
        'moodle/user:viewuseractivitiesreport' => ['useractivities', self::ALL, null],
        'moodle/analytics:listinsights' => ['insights', ['last_access'], null],
        'block/online_users:viewlist' => ['onlineusers', ['connection_time', 'last_access'], null],
        'tool/monitor:managerules' => ['monitor', ['clicks', 'pages_viewed', 'resources_viewed'], null],
        'tool/monitor:subscribe' => ['monitor', ['clicks', 'pages_viewed', 'resources_viewed'], null],
        'moodle/reportbuilder:edit' => ['reportbuilder', self::ALL, null],
        'moodle/reportbuilder:editall' => ['reportbuilder', self::ALL, null],
        'mod/scorm:viewreport' => ['scorm', ['connection_time', 'last_access', 'resources_viewed'], 'scorm'],
        'mod/chat:readlog' => ['chat', ['connection_time'], 'chat'],
    ];

    /**
     * @var string[] analytics indicators computed from the logs (accesses, views, actions). A model using one of
     * them, or whose target lists students of a course (at risk of dropping out, no recent accesses...), is a
     * finding while it is enabled.
     */
    public const LOG_INDICATORS = [
        '\core\analytics\indicator\any_access_after_end',
        '\core\analytics\indicator\any_access_before_start',
        '\core\analytics\indicator\any_course_access',
        '\core\analytics\indicator\any_write_action',
        '\core\analytics\indicator\any_write_action_in_course',
        '\core\analytics\indicator\read_actions',
    ];

    /** @var string[] report builder column and filter names (after the entity's "name:") holding connection data. */
    public const REPORT_FIELDS = ['lastaccess', 'firstaccess', 'lastip', 'timeaccess', 'currentlogin', 'lastlogin'];

    /** @var array|null the findings of this request. */
    private static ?array $cache = null;

    /**
     * The roles checked, with the groups each belongs to: the trainer and participant roles of the settings, the
     * inspector roles (allowed local/magistere:viewcirconscription at system level) and the authenticated user
     * role, which every trainer, participant and inspector holds.
     *
     * @return array roleid => ['role' => stdClass, 'groups' => string[]]
     */
    public static function roles(): array {
        global $CFG, $DB;
        $settings = engine::settings();
        $groups = [];
        $shortnames = ['trainer' => $settings['trainer_roles'], 'participant' => $settings['participant_roles']];
        foreach ($shortnames as $group => $names) {
            if (!$names) {
                continue;
            }
            [$insql, $params] = $DB->get_in_or_equal($names, SQL_PARAMS_NAMED);
            foreach ($DB->get_fieldset_select('role', 'id', "shortname $insql", $params) as $roleid) {
                $groups[(int) $roleid][] = $group;
            }
        }
        $inspectors = $DB->get_fieldset_select(
            'role_capabilities',
            'roleid',
            'capability = :capability AND contextid = :contextid AND permission = :permission',
            ['capability' => 'local/magistere:viewcirconscription', 'contextid' => SYSCONTEXTID, 'permission' => CAP_ALLOW]
        );
        foreach ($inspectors as $roleid) {
            $groups[(int) $roleid][] = 'inspector';
        }
        if (!empty($CFG->defaultuserroleid)) {
            $groups[(int) $CFG->defaultuserroleid][] = 'everyone';
        }
        if (!$groups) {
            return [];
        }
        $roles = role_fix_names($DB->get_records_list('role', 'id', array_keys($groups), 'sortorder'));
        $result = [];
        foreach ($roles as $role) {
            $result[(int) $role->id] = ['role' => $role, 'groups' => array_values(array_unique($groups[(int) $role->id]))];
        }
        return $result;
    }

    /**
     * Every finding on this site (computed once per request; reset() after a change).
     *
     * @return array[] findings as described in the class comment
     */
    public static function findings(): array {
        if (self::$cache === null) {
            self::$cache = array_merge(
                self::hidden_field_findings(),
                self::capability_findings(),
                self::analytics_findings(),
                self::enrol_findings(),
                self::report_findings()
            );
        }
        return self::$cache;
    }

    /**
     * Forgets the findings computed in this request.
     */
    public static function reset(): void {
        self::$cache = null;
    }

    /**
     * True when Moodle shows no connection data to the checked roles on this site.
     *
     * @return bool
     */
    public static function passes(): bool {
        return !self::findings();
    }

    /**
     * The findings that concern a participant of one course: the site-wide ones and those of that course.
     *
     * @param int $courseid
     * @return array[]
     */
    public static function findings_for_course(int $courseid): array {
        return array_values(array_filter(
            self::findings(),
            fn(array $f) => !$f['courseids'] || in_array($courseid, $f['courseids'], true)
        ));
    }

    /**
     * The user fields missing from $CFG->hiddenuserfields.
     *
     * @return array[]
     */
    private static function hidden_field_findings(): array {
        global $CFG;
        $hidden = array_filter(array_map('trim', explode(',', (string) ($CFG->hiddenuserfields ?? ''))));
        $findings = [];
        $missing = [];
        foreach (self::HIDDEN_FIELDS as $field => [$audience, $reveals]) {
            if (in_array($field, $hidden, true)) {
                continue;
            }
            $missing[] = $field;
            $findings[] = [
                'key' => 'hiddenuserfields:' . $field,
                'kind' => 'setting',
                'exposure' => 'field:' . $field,
                'audiences' => [$audience],
                'who' => '',
                'reveals' => $reveals,
                'courseids' => [],
                'changes' => [],
            ];
        }
        if ($missing) {
            // One change for all the fields: the setting is one value.
            $after = implode(',', array_values(array_unique(array_merge($hidden, $missing))));
            $findings[0]['changes'][] = ['type' => 'config', 'plugin' => null, 'name' => 'hiddenuserfields',
                'before' => isset($CFG->hiddenuserfields) ? (string) $CFG->hiddenuserfields : null, 'after' => $after];
        }
        return $findings;
    }

    /**
     * The capabilities of CAPABILITIES that a checked role holds somewhere without a system-level prohibition.
     *
     * @return array[]
     */
    private static function capability_findings(): array {
        global $DB;
        $roles = self::roles();
        $capabilities = [];
        foreach (self::CAPABILITIES as $capability => [, , $module]) {
            if (!get_capability_info($capability)) {
                continue; // Not on this Moodle version, or the plugin is not installed.
            }
            if ($module !== null && !$DB->record_exists('modules', ['name' => $module, 'visible' => 1])) {
                continue; // The activity module is disabled: no activity of it can be used.
            }
            $capabilities[] = $capability;
        }
        if (!$roles || !$capabilities) {
            return [];
        }
        [$rolesql, $params] = $DB->get_in_or_equal(array_keys($roles), SQL_PARAMS_NAMED, 'r');
        [$capsql, $capparams] = $DB->get_in_or_equal($capabilities, SQL_PARAMS_NAMED, 'c');
        $rows = $DB->get_recordset_sql(
            "SELECT id, roleid, capability, contextid, permission
               FROM {role_capabilities}
              WHERE roleid $rolesql AND capability $capsql",
            $params + $capparams
        );
        $allowed = [];
        $prohibited = [];
        $system = [];
        foreach ($rows as $row) {
            $key = $row->roleid . '|' . $row->capability;
            if ((int) $row->contextid === SYSCONTEXTID) {
                $system[$key] = (int) $row->permission;
                if ((int) $row->permission === CAP_PROHIBIT) {
                    $prohibited[$key] = true;
                }
            }
            if ((int) $row->permission === CAP_ALLOW) {
                $allowed[$key][] = (int) $row->contextid;
            }
        }
        $rows->close();
        $findings = [];
        foreach ($capabilities as $capability) {
            [$exposure, $reveals] = self::CAPABILITIES[$capability];
            foreach ($roles as $roleid => $info) {
                $key = $roleid . '|' . $capability;
                if (empty($allowed[$key]) || isset($prohibited[$key])) {
                    continue;
                }
                $findings[] = [
                    'key' => 'capability:' . $capability . ':' . $info['role']->shortname,
                    'kind' => 'capability',
                    'exposure' => $exposure,
                    'capability' => $capability,
                    'audiences' => $info['groups'],
                    'who' => $info['role']->localname,
                    'overrides' => count(array_diff($allowed[$key], [SYSCONTEXTID])),
                    'reveals' => $reveals,
                    'courseids' => [],
                    'changes' => [['type' => 'capability', 'capability' => $capability, 'roleid' => $roleid,
                        'role' => $info['role']->localname, 'before' => $system[$key] ?? null, 'after' => CAP_PROHIBIT]],
                ];
            }
        }
        return $findings;
    }

    /**
     * Whether an analytics model lists students of a course or reads the logs.
     *
     * @param \stdClass $model a record of analytics_models
     * @return bool
     */
    public static function model_concerned(\stdClass $model): bool {
        $target = ltrim((string) $model->target, '\\');
        if (class_exists($target) && is_subclass_of($target, 'core_course\analytics\target\course_enrolments')) {
            return true;
        }
        foreach (json_decode((string) $model->indicators, true) ?: [] as $indicator) {
            $indicator = '\\' . ltrim((string) $indicator, '\\');
            if (in_array($indicator, self::LOG_INDICATORS, true)) {
                return true;
            }
            $class = ltrim($indicator, '\\');
            if (class_exists($class) && is_subclass_of($class, 'core_analytics\local\indicator\community_of_inquiry_activity')) {
                return true; // Cognitive depth and social breadth count the views of each activity in the logs.
            }
        }
        return false;
    }

    /**
     * The enabled analytics models concerned, while analytics is enabled on the site.
     *
     * @return array[]
     */
    private static function analytics_findings(): array {
        global $DB;
        if (!\core_analytics\manager::is_analytics_enabled()) {
            return [];
        }
        $findings = [];
        foreach ($DB->get_records('analytics_models', ['enabled' => 1], 'id') as $record) {
            if (!self::model_concerned($record)) {
                continue;
            }
            $findings[] = [
                'key' => 'analytics:' . $record->id,
                'kind' => 'analytics',
                'exposure' => 'model',
                'audiences' => ['trainer'],
                'who' => self::model_name($record),
                'reveals' => ['last_access', 'pages_viewed', 'resources_viewed'],
                'courseids' => [],
                'changes' => [['type' => 'model', 'modelid' => (int) $record->id, 'name' => self::model_name($record),
                    'before' => 1, 'after' => 0]],
            ];
        }
        return $findings;
    }

    /**
     * A model's name for display.
     *
     * @param \stdClass $record
     * @return string
     */
    private static function model_name(\stdClass $record): string {
        if (!empty($record->name)) {
            return format_string($record->name);
        }
        $target = (string) $record->target;
        if (class_exists($target) && method_exists($target, 'get_name')) {
            return (string) $target::get_name();
        }
        return $target;
    }

    /**
     * Self enrolment methods that unenrol a participant after some time without access (R8), and the site default
     * that gives new methods that setting.
     *
     * @return array[]
     */
    private static function enrol_findings(): array {
        global $DB;
        $findings = [];
        $default = (int) get_config('enrol_self', 'longtimenosee');
        if ($default > 0) {
            $findings[] = [
                'key' => 'enrol:self:default',
                'kind' => 'enrol',
                'exposure' => 'enroldefault',
                'audiences' => ['moodle'],
                'who' => format_time($default),
                'reveals' => [],
                'courseids' => [],
                'changes' => [['type' => 'config', 'plugin' => 'enrol_self', 'name' => 'longtimenosee',
                    'before' => (string) get_config('enrol_self', 'longtimenosee'), 'after' => '0']],
            ];
        }
        $instances = $DB->get_records_sql(
            "SELECT e.id, e.courseid, e.customint2, c.fullname
               FROM {enrol} e
               JOIN {course} c ON c.id = e.courseid
              WHERE e.enrol = :enrol AND e.customint2 > 0
           ORDER BY c.fullname, e.id",
            ['enrol' => 'self']
        );
        foreach ($instances as $instance) {
            $findings[] = [
                'key' => 'enrol:self:' . $instance->id,
                'kind' => 'enrol',
                'exposure' => 'enrolinactive',
                'audiences' => ['moodle'],
                'who' => format_string($instance->fullname) . ' (' . format_time((int) $instance->customint2) . ')',
                'reveals' => [],
                'courseids' => [(int) $instance->courseid],
                'changes' => [['type' => 'enrol', 'enrolid' => (int) $instance->id, 'courseid' => (int) $instance->courseid,
                    'name' => format_string($instance->fullname), 'before' => (int) $instance->customint2, 'after' => 0]],
            ];
        }
        return $findings;
    }

    /**
     * Custom reports shared with an audience whose columns, conditions or filters read connection data. The
     * administrator changes them by hand (the fix does not edit reports).
     *
     * @return array[]
     */
    private static function report_findings(): array {
        global $DB;
        $likes = [];
        $params = ['type' => 0];
        foreach (self::REPORT_FIELDS as $i => $field) {
            $likes['c'][] = $DB->sql_like('c.uniqueidentifier', ':c' . $i);
            $likes['f'][] = $DB->sql_like('f.uniqueidentifier', ':f' . $i);
            $params['c' . $i] = '%:' . $field;
            $params['f' . $i] = '%:' . $field;
        }
        $reports = $DB->get_records_sql(
            "SELECT r.id, r.name
               FROM {reportbuilder_report} r
              WHERE r.type = :type
                AND EXISTS (SELECT 1 FROM {reportbuilder_audience} a WHERE a.reportid = r.id)
                AND (EXISTS (SELECT 1 FROM {reportbuilder_column} c WHERE c.reportid = r.id AND (" .
                    implode(' OR ', $likes['c']) . "))
                     OR EXISTS (SELECT 1 FROM {reportbuilder_filter} f WHERE f.reportid = r.id AND (" .
                    implode(' OR ', $likes['f']) . ")))
           ORDER BY r.name, r.id",
            $params
        );
        $findings = [];
        foreach ($reports as $report) {
            $findings[] = [
                'key' => 'report:' . $report->id,
                'kind' => 'report',
                'exposure' => 'customreport',
                'audiences' => ['reportaudience'],
                'who' => format_string($report->name),
                'reportid' => (int) $report->id,
                'reveals' => ['last_access', 'connection_time'],
                'courseids' => [],
                'changes' => [],
            ];
        }
        return $findings;
    }

    /**
     * The "never" items no finding contradicts.
     *
     * @param array[] $findings
     * @return string[]
     */
    public static function still_never(array $findings): array {
        $revealed = [];
        foreach ($findings as $finding) {
            $revealed = array_merge($revealed, $finding['reveals']);
        }
        return array_values(array_diff(self::ALL, $revealed));
    }

    /**
     * A finding as text: what it exposes, to whom, and how to fix it.
     *
     * @param array $finding
     * @return array ['what' => string, 'whom' => string, 'fix' => string]
     */
    public static function describe(array $finding): array {
        $whom = [];
        foreach ($finding['audiences'] as $audience) {
            $whom[] = get_string('audience:' . $audience, 'local_magistere');
        }
        $fix = match ($finding['kind']) {
            'setting' => get_string('fix:hiddenfield', 'local_magistere'),
            'capability' => get_string('fix:capability', 'local_magistere', (object) [
                'capability' => $finding['capability'], 'role' => $finding['who']]),
            'analytics' => get_string('fix:model', 'local_magistere'),
            'enrol' => get_string('fix:' . $finding['exposure'], 'local_magistere'),
            'report' => get_string('fix:customreport', 'local_magistere', (new \moodle_url(
                '/reportbuilder/edit.php',
                ['id' => $finding['reportid']]
            ))->out(false)),
        };
        $what = get_string('exposure:' . $finding['exposure'], 'local_magistere');
        if ($finding['kind'] === 'capability') {
            $what .= ' [' . $finding['capability'] . ']';
        }
        if ($finding['who'] !== '') {
            $whom[] = $finding['who'];
        }
        return ['what' => $what, 'whom' => implode(' - ', $whom), 'fix' => $fix];
    }
}
