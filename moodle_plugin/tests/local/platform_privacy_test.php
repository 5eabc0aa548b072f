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

use core\check\result;
use core_table\local\filter\filter;
use core_table\local\filter\integer_filter;

/**
 * The platform privacy check and its fix (R6, R8), on a real Moodle site: a default site fails and lists what it
 * exposes; after the fix it passes and a trainer, checked through Moodle's own APIs (capabilities, the participants
 * table and filter, the profile tree, user details, messaging, the report plugins, analytics), sees no connection
 * data; the undo restores exactly what was there. None of this needs the magistere extension.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\platform_privacy
 * @covers     \local_magistere\local\platform_fix
 * @covers     \local_magistere\check\platform_privacy
 * @covers     \local_magistere\event\platform_fix_applied
 * @covers     \local_magistere\event\platform_fix_undone
 */
final class platform_privacy_test extends \advanced_testcase {
    /**
     * Resets after each test.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->resetAfterTest();
        platform_privacy::reset();
    }

    /**
     * A course with completion, a trainer (editingteacher), a non-editing teacher and two participants who have
     * visited the course (so that Moodle has last accesses to show).
     *
     * @return \stdClass course, trainer, teacher, students
     */
    private function site(): \stdClass {
        global $CFG, $DB;
        require_once($CFG->dirroot . '/user/lib.php');
        $gen = $this->getDataGenerator();
        $course = $gen->create_course(['enablecompletion' => 1, 'showreports' => 1]);
        $trainer = $gen->create_and_enrol($course, 'editingteacher');
        $teacher = $gen->create_and_enrol($course, 'teacher');
        $students = [$gen->create_and_enrol($course, 'student'), $gen->create_and_enrol($course, 'student')];
        foreach ($students as $student) {
            $this->setUser($student);
            user_accesstime_log($course->id);
        }
        $this->setUser(null);
        // One of them came ten days ago: Moodle's "Inactive for more than" filter needs accesses older than a day.
        $DB->set_field('user_lastaccess', 'timeaccess', time() - 10 * DAYSECS, ['userid' => $students[1]->id,
            'courseid' => $course->id]);
        return (object) ['course' => $course, 'trainer' => $trainer, 'teacher' => $teacher, 'students' => $students];
    }

    /**
     * The keys of the findings.
     *
     * @return string[]
     */
    private function keys(): array {
        platform_privacy::reset();
        return array_column(platform_privacy::findings(), 'key');
    }

    /**
     * What a user sees of a participant through Moodle's own pages and APIs, as that user.
     *
     * @param \stdClass $viewer
     * @param \stdClass $student
     * @param \stdClass $course
     * @return array name => bool (true: connection data or an "inactive" filter is shown)
     */
    private function seen_by(\stdClass $viewer, \stdClass $student, \stdClass $course): array {
        global $CFG, $DB, $PAGE;
        require_once($CFG->dirroot . '/report/log/lib.php');
        require_once($CFG->dirroot . '/report/outline/lib.php');
        $this->setUser($viewer);
        $context = \context_course::instance($course->id);
        accesslib_clear_all_caches_for_unit_testing();
        $seen = [];

        // The participants page: its "Last access to course" column and its "Inactive for more than" filter.
        $PAGE = new \moodle_page();
        $PAGE->set_url('/user/index.php', ['id' => $course->id]);
        $PAGE->set_context($context);
        $PAGE->set_course($course);
        $table = new \core_user\table\participants('user-index-participants-' . $course->id);
        $filterset = new \core_user\table\participants_filterset();
        $filterset->add_filter(new integer_filter('courseid', filter::JOINTYPE_DEFAULT, [(int) $course->id]));
        $table->set_filterset($filterset);
        ob_start();
        $table->out(20, true);
        $html = ob_get_clean();
        $seen['participants column'] = str_contains($html, get_string('lastcourseaccess'));
        $filter = new \core_user\output\participants_filter($context, $table->uniqueid);
        $data = $filter->export_for_template($PAGE->get_renderer('core'));
        $seen['inactive filter'] = in_array('accesssince', array_column($data->filtertypes, 'name'), true);

        // The profile page in the course (user/view.php) and on the site (user/profile.php).
        $tree = \core_user\output\myprofile\manager::build_tree($student, false, $course);
        $nodes = array_keys($tree->nodes);
        $seen['course profile last access'] = in_array('lastaccess', $nodes, true);
        $seen['course profile other courses'] = in_array('courseprofiles', $nodes, true);
        $tree = \core_user\output\myprofile\manager::build_tree($student, false, null);
        $nodes = array_keys($tree->nodes);
        $seen['profile first access'] = in_array('firstaccess', $nodes, true);
        $seen['profile last access'] = in_array('lastaccess', $nodes, true);
        $seen['profile last ip'] = in_array('lastip', $nodes, true);

        // The user details of the web services and the mobile app, and the messaging "online" status.
        $details = user_get_user_details($student, $course, ['firstaccess', 'lastaccess', 'lastcourseaccess']) ?? [];
        $seen['user details'] = (bool) array_intersect(['firstaccess', 'lastaccess', 'lastcourseaccess'], array_keys($details));

        // The reports.
        [$all, $today] = report_log_can_access_user_report($student, $course);
        $seen['user logs'] = $all || $today;
        $seen['user outline'] = report_outline_can_access_user_report($student, $course);
        foreach (platform_privacy::CAPABILITIES as $capability => [, , $module]) {
            if ($module !== null && !$DB->record_exists('modules', ['name' => $module, 'visible' => 1])) {
                continue; // A disabled activity module: no activity to report on (the check skips it too).
            }
            if (get_capability_info($capability)) {
                $seen[$capability] = has_capability($capability, $context);
            }
        }
        return $seen;
    }

    /**
     * A default site fails the check, which lists each exposure with what, to whom and how to fix.
     */
    public function test_default_site_fails(): void {
        global $DB;
        $this->site();
        $this->setAdminUser();
        $keys = $this->keys();
        foreach (['lastaccess', 'firstaccess', 'lastip', 'mycourses'] as $field) {
            $this->assertContains('hiddenuserfields:' . $field, $keys);
        }
        foreach (['editingteacher', 'teacher'] as $role) {
            foreach (
                ['report/log:view', 'report/loglive:view', 'report/outline:view', 'report/outline:viewuserreport',
                    'report/participation:view', 'moodle/course:viewhiddenuserfields', 'moodle/user:viewhiddendetails',
                    'moodle/analytics:listinsights', 'block/online_users:viewlist'] as $capability
            ) {
                $this->assertContains("capability:$capability:$role", $keys);
            }
        }
        $this->assertContains('capability:block/online_users:viewlist:student', $keys);
        $this->assertContains('capability:block/online_users:viewlist:user', $keys);
        // The built-in "no recent accesses" and "no access since course start" models are enabled on a new site;
        // they run while analytics is enabled (the default on Moodle 4.5; Moodle 5.0 ships it disabled).
        $models = [];
        foreach (['no_recent_accesses', 'no_access_since_course_start'] as $target) {
            $id = $DB->get_field('analytics_models', 'id', ['target' => "\\core_course\\analytics\\target\\$target",
                'enabled' => 1]);
            $this->assertNotFalse($id, $target);
            $models[] = 'analytics:' . $id;
        }
        if (\core_analytics\manager::is_analytics_enabled()) {
            $this->assertEmpty(array_diff($models, $keys));
        } else {
            $this->assertEmpty(array_intersect($models, $keys));
        }
        set_config('enableanalytics', 1);
        $withanalytics = $this->keys();
        $this->assertEmpty(array_diff($models, $withanalytics), 'with analytics enabled the models are findings');
        set_config('enableanalytics', 0);
        $this->assertEmpty(array_intersect($models, $this->keys()), 'without analytics no model runs');
        set_config('enableanalytics', 1);
        $keys = $this->keys();
        // The model of courses without teaching lists courses, not people: not a finding.
        $noteaching = $DB->get_field('analytics_models', 'id', ['target' => '\core_course\analytics\target\no_teaching']);
        $this->assertNotContains('analytics:' . $noteaching, $keys);
        $this->assertSame($withanalytics, $keys);

        $check = new \local_magistere\check\platform_privacy();
        $result = $check->get_result();
        $this->assertSame(result::ERROR, $result->get_status());
        $this->assertStringContainsString((string) count($keys), $result->get_summary());
        $details = $result->get_details();
        $this->assertStringContainsString('report/log:view', $details);
        $this->assertStringContainsString('Teacher', $details);
        $this->assertStringContainsString('Inactive for more than', $details);
        $this->assertNotNull($check->get_action_link());
        $this->assertFalse(platform_privacy::passes());
    }

    /**
     * The check is one of Moodle's security checks.
     */
    public function test_registered_as_security_check(): void {
        $found = array_filter(
            \core\check\manager::get_security_checks(),
            fn($c) => $c instanceof \local_magistere\check\platform_privacy
        );
        $this->assertCount(1, $found);
    }

    /**
     * Before the fix a trainer and a participant see connection data on Moodle's pages; after it they see none,
     * and the check passes.
     */
    public function test_fix_removes_every_exposure(): void {
        $site = $this->site();
        $student = $site->students[0];
        $other = $site->students[1];
        set_config('enableanalytics', 1); // Moodle 5.0 ships analytics disabled: enable it, the fix must cover it.

        $before = $this->seen_by($site->trainer, $student, $site->course);
        foreach (
            ['participants column', 'inactive filter', 'course profile last access', 'course profile other courses',
                'profile first access', 'profile last access', 'user details', 'user logs',
                'user outline', 'report/log:view', 'report/participation:view'] as $what
        ) {
            $this->assertTrue($before[$what], "before the fix, a trainer sees: $what");
        }
        $participant = $this->seen_by($other, $student, $site->course);
        $this->assertTrue($participant['participants column'], 'before the fix, a participant sees the last accesses');
        $this->assertTrue($participant['inactive filter']);
        // Messaging shows a participant whether his trainer (a course contact) is online now.
        $this->setUser($other);
        $this->assertTrue(\core_message\helper::show_online_status($site->trainer));

        $this->setAdminUser();
        $record = platform_fix::apply((int) get_admin()->id);
        $this->assertNotNull($record);
        $this->assertTrue(platform_privacy::passes(), implode(', ', $this->keys()));
        $this->assertSame(result::OK, (new \local_magistere\check\platform_privacy())->get_result()->get_status());

        foreach ([$site->trainer, $site->teacher, $other] as $viewer) {
            $after = $this->seen_by($viewer, $student, $site->course);
            $this->assertSame([], array_keys(array_filter($after)), 'after the fix, ' . fullname($viewer) . ' sees nothing');
        }
        $this->setUser($other);
        $this->assertFalse(\core_message\helper::show_online_status($site->trainer));
        // What remains allowed: the participants page itself and the profile.
        $this->setUser($site->trainer);
        $this->assertTrue(has_capability('moodle/course:viewparticipants', \context_course::instance($site->course->id)));
        // No analytics model that names students from their accesses is left enabled.
        foreach (\core_analytics\manager::get_all_models(true) as $model) {
            $this->assertFalse(platform_privacy::model_concerned($model->get_model_obj()));
        }
    }

    /**
     * The fix changes nothing without moodle/site:config, and twice in a row it has nothing more to do.
     */
    public function test_fix_needs_site_config(): void {
        $site = $this->site();
        $this->setUser($site->trainer);
        try {
            platform_fix::apply((int) $site->trainer->id);
            $this->fail('A trainer applied the fix');
        } catch (\required_capability_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
        }
        $this->assertNotEmpty($this->keys());
        $this->setAdminUser();
        $this->assertNotNull(platform_fix::apply((int) get_admin()->id));
        $this->assertNull(platform_fix::apply((int) get_admin()->id));
    }

    /**
     * The undo restores exactly the previous values, is logged, and only undoes the latest fix once.
     */
    public function test_undo_restores_exactly(): void {
        global $CFG, $DB;
        $site = $this->site();
        // Some values that are not the defaults, to see them come back.
        set_config('hiddenuserfields', 'city,lastip');
        assign_capability(
            'report/log:view',
            CAP_PREVENT,
            $DB->get_field('role', 'id', ['shortname' => 'teacher']),
            SYSCONTEXTID,
            true
        );
        $selfid = (int) $this->getDataGenerator()->create_course()->id;
        $enrolid = enrol_get_plugin('self')->add_instance(get_course($selfid), ['customint2' => 10 * DAYSECS,
            'status' => ENROL_INSTANCE_ENABLED]);
        $enrol = $DB->get_record('enrol', ['id' => $enrolid], '*', MUST_EXIST);
        set_config('longtimenosee', 5 * DAYSECS, 'enrol_self');
        platform_privacy::reset();
        $snapshot = function () use ($DB): array {
            return [
                'hidden' => get_config('core', 'hiddenuserfields'),
                'caps' => $DB->get_records_sql('SELECT id, roleid, capability, contextid, permission
                    FROM {role_capabilities} ORDER BY id'),
                'models' => $DB->get_records_menu('analytics_models', null, 'id', 'id, enabled'),
                'enrol' => $DB->get_records_menu('enrol', null, 'id', 'id, customint2'),
                'longtimenosee' => get_config('enrol_self', 'longtimenosee'),
            ];
        };
        $original = $snapshot();
        $this->assertContains('enrol:self:' . $enrol->id, $this->keys());
        $this->assertSame([$selfid], platform_privacy::findings_for_course($selfid)[array_search(
            'enrol:self:' . $enrol->id,
            array_column(platform_privacy::findings_for_course($selfid), 'key')
        )]['courseids']);

        $this->setAdminUser();
        $sink = $this->redirectEvents();
        $fix = platform_fix::apply((int) get_admin()->id);
        $this->assertSame('city,lastip,lastaccess,firstaccess,mycourses', $CFG->hiddenuserfields);
        $this->assertSame(0, (int) $DB->get_field('enrol', 'customint2', ['id' => $enrol->id]));
        $this->assertNotEquals($original, $snapshot());
        $this->assertTrue(platform_privacy::passes());

        $last = platform_fix::last();
        $this->assertSame((int) $fix->id, (int) $last->id);
        foreach (platform_fix::undo_plan($last) as $change) {
            $this->assertEquals($change['after'], $change['current']);
        }
        $this->assertNull(platform_fix::undo((int) get_admin()->id, (int) $fix->id + 1), 'only the latest fix is undone');
        $undone = platform_fix::undo((int) get_admin()->id, (int) $fix->id);
        $this->assertNotNull($undone);
        $after = $snapshot();
        $this->assertSame($original['hidden'], $after['hidden']);
        $this->assertEquals($original['models'], $after['models']);
        $this->assertEquals($original['enrol'], $after['enrol']);
        $this->assertSame($original['longtimenosee'], $after['longtimenosee']);
        // The same permissions, in the same contexts (the row ids of removed prohibitions may differ).
        $strip = fn(array $rows) => array_map(
            fn($r) => [$r->roleid, $r->capability, $r->contextid, $r->permission],
            array_values($rows)
        );
        $expected = $strip($original['caps']);
        $actual = $strip($after['caps']);
        sort($expected);
        sort($actual);
        $this->assertSame($expected, $actual);
        $this->assertNull(platform_fix::last());
        $this->assertNull(platform_fix::undo((int) get_admin()->id, (int) $fix->id));
        $this->assertFalse(platform_privacy::passes());

        $events = $sink->get_events();
        $classes = array_map(fn($e) => get_class($e), $events);
        $this->assertContains(\local_magistere\event\platform_fix_applied::class, $classes);
        $this->assertContains(\local_magistere\event\platform_fix_undone::class, $classes);
        foreach ($events as $event) {
            if ($event instanceof \local_magistere\event\platform_fix_applied) {
                $this->assertSame((int) $fix->id, (int) $event->objectid);
                $this->assertSame(count(json_decode($fix->changes)), $event->other['changes']);
                $this->assertStringContainsString('applied the platform privacy fix', $event->get_description());
            }
        }
        $row = $DB->get_record('local_magistere_platfix', ['id' => $fix->id]);
        $this->assertGreaterThan(0, (int) $row->timeundone);
        $this->assertSame((int) get_admin()->id, (int) $row->undoneby);
    }

    /**
     * An inspector role (a system role allowed viewcirconscription) and a course override count too, and the fix's
     * system-level prohibition beats the override.
     */
    public function test_inspector_role_and_overrides(): void {
        global $DB;
        $site = $this->site();
        $gen = $this->getDataGenerator();
        $ienrole = $gen->create_role(['shortname' => 'ien', 'name' => 'IEN']);
        assign_capability('local/magistere:viewcirconscription', CAP_ALLOW, $ienrole, SYSCONTEXTID, true);
        assign_capability('moodle/user:viewlastip', CAP_ALLOW, $ienrole, SYSCONTEXTID, true);
        $ien = $gen->create_user();
        role_assign($ienrole, $ien->id, SYSCONTEXTID);
        $studentrole = $DB->get_field('role', 'id', ['shortname' => 'student']);
        $context = \context_course::instance($site->course->id);
        role_change_permission($studentrole, $context, 'report/participation:view', CAP_ALLOW);

        $findings = platform_privacy::findings();
        $byid = array_combine(array_column($findings, 'key'), $findings);
        $this->assertSame(['inspector'], $byid['capability:moodle/user:viewlastip:ien']['audiences']);
        $this->assertSame(['participant'], $byid['capability:report/participation:view:student']['audiences']);
        $this->assertSame(1, $byid['capability:report/participation:view:student']['overrides']);
        $this->setUser($site->students[1]);
        $this->assertTrue(has_capability('report/participation:view', $context));

        $this->setAdminUser();
        platform_fix::apply((int) get_admin()->id);
        $this->assertTrue(platform_privacy::passes());
        accesslib_clear_all_caches_for_unit_testing();
        $this->setUser($site->students[1]);
        $this->assertFalse(has_capability('report/participation:view', $context));
        $this->setUser($ien);
        $this->assertFalse(has_capability('moodle/user:viewlastip', \context_user::instance($site->students[0]->id)));
        // The override itself is left in place: the undo would have nothing to restore there.
        $this->assertSame(CAP_ALLOW, (int) $DB->get_field('role_capabilities', 'permission', ['roleid' => $studentrole,
            'contextid' => $context->id, 'capability' => 'report/participation:view']));
    }

    /**
     * The roles checked follow the plugin's settings.
     */
    public function test_roles_follow_settings(): void {
        global $CFG, $DB;
        $roles = platform_privacy::roles();
        $groups = [];
        foreach ($roles as $info) {
            $groups[$info['role']->shortname] = $info['groups'];
        }
        $this->assertSame(['trainer'], $groups['editingteacher']);
        $this->assertSame(['participant'], $groups['student']);
        $this->assertSame(['everyone'], $groups[$DB->get_field('role', 'shortname', ['id' => $CFG->defaultuserroleid])]);
        set_config('trainerroles', 'editingteacher', 'local_magistere');
        $shortnames = array_map(fn($i) => $i['role']->shortname, platform_privacy::roles());
        $this->assertNotContains('teacher', $shortnames);
        $this->assertNotContains('capability:report/log:view:teacher', $this->keys());
    }

    /**
     * A custom report shared with an audience and showing last accesses is listed, to be fixed by hand.
     */
    public function test_custom_report_is_listed(): void {
        $generator = $this->getDataGenerator()->get_plugin_generator('core_reportbuilder');
        $report = $generator->create_report(['name' => 'Who is asleep', 'default' => false,
            'source' => \core_user\reportbuilder\datasource\users::class]);
        $generator->create_column(['reportid' => $report->get('id'), 'uniqueidentifier' => 'user:fullname']);
        $this->assertNotContains('report:' . $report->get('id'), $this->keys(), 'not shared, not listed');
        $generator->create_column(['reportid' => $report->get('id'), 'uniqueidentifier' => 'user:lastaccess']);
        $generator->create_audience(['reportid' => $report->get('id'), 'configdata' => []]);
        $keys = $this->keys();
        $this->assertContains('report:' . $report->get('id'), $keys);
        $finding = platform_privacy::findings()[array_search('report:' . $report->get('id'), $keys)];
        $this->assertSame([], $finding['changes']);
        $this->assertStringContainsString('Who is asleep', platform_privacy::describe($finding)['whom']);
    }
}
