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

defined('MOODLE_INTERNAL') || die();

global $CFG;
require_once($CFG->libdir . '/completionlib.php');
require_once($CFG->dirroot . '/completion/completion_completion.php');
require_once($CFG->dirroot . '/course/lib.php');
require_once($CFG->dirroot . '/course/modlib.php');
require_once($CFG->dirroot . '/group/lib.php');
require_once($CFG->dirroot . '/user/lib.php');
require_once($CFG->dirroot . '/user/profile/lib.php');
require_once($CFG->dirroot . '/user/profile/definelib.php');

/**
 * Resident models never give a stale answer after a change made through Moodle: for each event that can change what
 * a view shows, a view is served from its resident model (a hit), the change is made through Moodle's API (which
 * triggers the event), and the next view is read again (a miss) and equals what a fresh read gives, the change
 * included. Also the changes that trigger no event but move Moodle's course.cacherev (an activity or a section moved),
 * the plugin's own writes (marks, imports, course reset, course and user deletion), and the change stamps' table.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\stamps
 * @covers     \local_magistere\local\engine
 */
final class stamps_test extends \local_magistere\tests\testcase {
    /** @var \stdClass the parcours: course, activities, trainers, participants */
    private $p;

    /** @var \stdClass the inspector of C1 */
    private $ien;

    /**
     * Resident models on, the direct source; a parcours with participants in a school of C1 and an inspector of C1.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->use_source('auto');
        set_config('resident', 1, 'local_magistere');
        set_config('enablecompletion', 1);
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1', 'name' => 'Lyon 1']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1', 'name' => 'École A']);
        $gen->create_school(['uai' => '0690002C', 'circonscription' => 'C1', 'name' => 'École B']);
        $this->p = $gen->create_parcours(['participants' => 3, 'activities' => 3]);
        foreach ($this->p->participants as $user) {
            $gen->set_school((int) $user->id, '0690001B');
        }
        $this->ien = $this->getDataGenerator()->create_user(['lastname' => 'Inspectrice']);
        $gen->create_inspector(['userid' => $this->ien->id, 'circonscription' => 'C1']);
    }

    /**
     * The parcours.
     *
     * @return int
     */
    private function courseid(): int {
        return (int) $this->p->course->id;
    }

    /**
     * Its trainer.
     *
     * @return int
     */
    private function trainerid(): int {
        return (int) $this->p->trainers[0]->id;
    }

    /**
     * One of its participants.
     *
     * @param int $i
     * @return int
     */
    private function participantid(int $i = 0): int {
        return (int) $this->p->participants[$i]->id;
    }

    /**
     * The trainer view, through the plugin.
     *
     * @return array
     */
    private function trainer_view(): array {
        return engine::trainer_view($this->trainerid(), $this->courseid());
    }

    /**
     * The inspector view, through the plugin.
     *
     * @return array
     */
    private function inspector_view(): array {
        return engine::inspector_view((int) $this->ien->id, null);
    }

    /**
     * The heart of every test: $view is served from a resident model, then $change is made through Moodle, then
     * $view is read again and must equal what a fresh read (no resident model) gives, and differ from before.
     *
     * @param callable $view returns the view
     * @param callable $change makes the change
     * @param bool $changes whether the view must differ after the change
     * @return array the view after the change
     */
    private function assert_fresh_after(callable $view, callable $change, bool $changes = true): array {
        $before = $view();
        $hits = \Magistere\Tracker::memoryUsage()['resident_hits'];
        $this->assertSame($before, $view());
        $this->assertSame($hits + 1, \Magistere\Tracker::memoryUsage()['resident_hits'], 'served from the resident model');
        $change();
        $after = $view();
        set_config('resident', 0, 'local_magistere');
        engine::resident_clear();
        $fresh = $view();
        set_config('resident', 1, 'local_magistere');
        $this->assertSame($fresh, $after, 'never a stale answer after a change made through Moodle');
        if ($changes) {
            $this->assertNotSame($before, $after, 'the change shows');
        }
        return $after;
    }

    /**
     * Completion of an activity (\core\event\course_module_completion_updated).
     */
    public function test_completion_updated(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $cm = get_fast_modinfo($this->p->course)->get_cm((int) $this->p->activities[0]->id);
            (new \completion_info($this->p->course))->update_state($cm, COMPLETION_COMPLETE, $this->participantid());
        });
        $row = array_column($view['participants'], null, 'id')[$this->participantid()];
        $this->assertSame(1, $row['progress']['done']);
    }

    /**
     * Course completion (\core\event\course_completed).
     */
    public function test_course_completed(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            (new \completion_completion(['course' => $this->courseid(), 'userid' => $this->participantid()]))->mark_complete();
        });
        $row = array_column($view['participants'], null, 'id')[$this->participantid()];
        $this->assertTrue($row['progress']['course_complete']);
    }

    /**
     * A new enrolment (\core\event\user_enrolment_created): the parcours, the new participant's "my trainings", the
     * statistics.
     */
    public function test_user_enrolment_created(): void {
        $new = $this->getDataGenerator()->create_user(['lastname' => 'Nouvelle']);
        $enrol = fn() => $this->getDataGenerator()->enrol_user($new->id, $this->courseid(), 'student');
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), $enrol);
        $this->assertContains((int) $new->id, array_column($view['participants'], 'id'));
        engine::resident_clear();
        $other = $this->getDataGenerator()->create_user();
        $mine = $this->assert_fresh_after(
            fn() => engine::my_trainings((int) $other->id),
            fn() => $this->getDataGenerator()->enrol_user($other->id, $this->courseid(), 'student')
        );
        $this->assertCount(1, $mine['participations']);
        // The statistics of so few people are protected (R5): the release may read the same before and after. What
        // shows that the change was seen is that the release is computed from a model read again, not the kept one.
        $third = $this->getDataGenerator()->create_user();
        $hits = 0;
        $this->assert_fresh_after(
            fn() => array_diff_key(engine::statistics(), ['generated' => true]),
            function () use ($third, &$hits) {
                $this->getDataGenerator()->enrol_user($third->id, $this->courseid(), 'student');
                $hits = \Magistere\Tracker::memoryUsage()['resident_hits'];
            },
            false
        );
        $this->assertSame($hits, \Magistere\Tracker::memoryUsage()['resident_hits'], 'not served from the kept model');
    }

    /**
     * An enrolment suspended (\core\event\user_enrolment_updated).
     */
    public function test_user_enrolment_updated(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $instance = $this->manual_instance();
            enrol_get_plugin('manual')->update_user_enrol($instance, $this->participantid(), ENROL_USER_SUSPENDED);
        });
        $this->assertNotContains($this->participantid(), array_column($view['participants'], 'id'));
    }

    /**
     * An enrolment deleted (\core\event\user_enrolment_deleted).
     */
    public function test_user_enrolment_deleted(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            enrol_get_plugin('manual')->unenrol_user($this->manual_instance(), $this->participantid());
        });
        $this->assertNotContains($this->participantid(), array_column($view['participants'], 'id'));
    }

    /**
     * An enrolment method disabled (\core\event\enrol_instance_updated): nobody enrolled by it is a member.
     */
    public function test_enrol_instance_updated(): void {
        $view = $this->assert_fresh_after(fn() => engine::my_trainings($this->participantid()), function () {
            enrol_get_plugin('manual')->update_status($this->manual_instance(), ENROL_INSTANCE_DISABLED);
        });
        $this->assertSame([], $view['participations']);
    }

    /**
     * An enrolment method deleted (\core\event\enrol_instance_deleted) and one created with an enrolment
     * (\core\event\enrol_instance_created).
     */
    public function test_enrol_instance_deleted_and_created(): void {
        $this->assert_fresh_after(fn() => $this->inspector_view(), function () {
            enrol_get_plugin('manual')->delete_instance($this->manual_instance());
        });
        $self = enrol_get_plugin('self');
        $this->assert_fresh_after(fn() => $this->inspector_view(), function () use ($self) {
            $instanceid = $self->add_instance($this->p->course, ['status' => ENROL_INSTANCE_ENABLED]);
            $instance = $GLOBALS['DB']->get_record('enrol', ['id' => $instanceid]);
            $self->enrol_user($instance, $this->participantid(), null);
        }, false);
    }

    /**
     * A role assigned in the course (\core\event\role_assigned): a participant becomes a trainer.
     */
    public function test_role_assigned(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            $roleid = (int) $DB->get_field('role', 'id', ['shortname' => 'editingteacher']);
            role_assign($roleid, $this->participantid(), \context_course::instance($this->courseid())->id);
        });
        $this->assertContains($this->participantid(), array_column($view['trainers'], 'id'));
    }

    /**
     * A role unassigned (\core\event\role_unassigned): no longer a participant.
     */
    public function test_role_unassigned(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            $roleid = (int) $DB->get_field('role', 'id', ['shortname' => 'student']);
            role_unassign($roleid, $this->participantid(), \context_course::instance($this->courseid())->id);
        });
        $this->assertNotContains($this->participantid(), array_column($view['participants'], 'id'));
    }

    /**
     * A role renamed (\core\event\role_updated), as the role definition page saves it
     * (core_role_define_role_table_advanced::save_changes(): the record, then the event): "student" is no longer a
     * participant role.
     */
    public function test_role_updated(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            $role = $DB->get_record('role', ['shortname' => 'student']);
            $DB->set_field('role', 'shortname', 'apprenant', ['id' => $role->id]);
            \core\event\role_updated::create(['context' => \context_system::instance(), 'objectid' => $role->id,
                'other' => ['name' => $role->name, 'shortname' => 'apprenant', 'description' => $role->description,
                'archetype' => $role->archetype, 'contextlevels' => [CONTEXT_COURSE]]])->trigger();
        });
        $this->assertSame([], $view['participants']);
    }

    /**
     * A role deleted (\core\event\role_deleted).
     */
    public function test_role_deleted(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            delete_role((int) $DB->get_field('role', 'id', ['shortname' => 'student']));
        });
        $this->assertSame([], $view['participants']);
    }

    /**
     * Groups (\core\event\group_member_added, group_member_removed, group_created): with separate groups, the trainer
     * page of a trainer limited to his group shows its members as they are.
     */
    public function test_groups(): void {
        global $DB;
        $course = $this->p->course;
        $DB->set_field('course', 'groupmode', SEPARATEGROUPS, ['id' => $course->id]);
        $DB->set_field('course', 'groupmodeforce', 1, ['id' => $course->id]);
        $tutor = $this->getDataGenerator()->create_user();
        $this->getDataGenerator()->enrol_user($tutor->id, $course->id, 'teacher');
        $group = $this->getDataGenerator()->create_group(['courseid' => $course->id]);
        groups_add_member($group, $tutor->id);
        groups_add_member($group, $this->participantid(0));
        $page = fn() => parcours::view((int) $course->id, (int) $tutor->id)['view'];
        $view = $this->assert_fresh_after($page, fn() => groups_add_member($group, $this->participantid(1)));
        $this->assertEqualsCanonicalizing(
            [$this->participantid(0), $this->participantid(1)],
            array_column($view['participants'], 'id')
        );
        $view = $this->assert_fresh_after($page, fn() => groups_remove_member($group, $this->participantid(0)));
        $this->assertSame([$this->participantid(1)], array_column($view['participants'], 'id'));
    }

    /**
     * Course settings (\core\event\course_updated).
     */
    public function test_course_updated(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            update_course((object) ['id' => $this->courseid(), 'fullname' => 'Parcours renommé']);
        });
        $this->assertSame('Parcours renommé', $view['course']['fullname']);
    }

    /**
     * An activity added (\core\event\course_module_created).
     */
    public function test_course_module_created(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $this->getDataGenerator()->create_module(
                'page',
                ['course' => $this->courseid()],
                ['completion' => COMPLETION_TRACKING_MANUAL]
            );
        });
        $this->assertCount(4, $view['activities']);
    }

    /**
     * An activity's settings (\core\event\course_module_updated): completion tracking turned off, as the bulk
     * completion page does it (core_completion\manager::apply_completion()).
     */
    public function test_course_module_updated(): void {
        $this->setAdminUser();
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            (new \core_completion\manager($this->courseid()))->apply_completion((object) ['id' => $this->courseid(),
                'cmid' => [(int) $this->p->activities[0]->id], 'completion' => COMPLETION_TRACKING_NONE,
                'completionexpected' => 0], false);
        });
        $this->assertCount(2, $view['activities']);
    }

    /**
     * An activity deleted (\core\event\course_module_deleted).
     */
    public function test_course_module_deleted(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            course_delete_module((int) $this->p->activities[1]->id);
        });
        $this->assertCount(2, $view['activities']);
    }

    /**
     * An activity moved (Moodle triggers no event: moveto_module() increments course.cacherev, which the engine reads
     * with the stamps).
     */
    public function test_activity_moved(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $modinfo = get_fast_modinfo($this->p->course);
            $first = $modinfo->get_cm((int) $this->p->activities[0]->id);
            $section = $modinfo->get_section_info(1);
            moveto_module($first, $section);
        });
        $this->assertSame((int) $this->p->activities[0]->id, end($view['activities'])['cmid']);
    }

    /**
     * A section added (\core\event\course_section_created) with the activities moved into it, and a section deleted
     * (\core\event\course_section_deleted).
     */
    public function test_sections(): void {
        $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $section = course_create_section($this->p->course, 0);
            moveto_module(get_fast_modinfo($this->p->course)->get_cm((int) $this->p->activities[2]->id), $section);
        });
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            course_delete_section($this->p->course, 1, true);
        }, false);
        $this->assertNotEmpty($view['activities']);
    }

    /**
     * A participant's name changed (\core\event\user_updated).
     */
    public function test_user_updated(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            user_update_user((object) ['id' => $this->participantid(), 'firstname' => 'Renommée']);
        });
        $this->assertContains('Renommée', array_column($view['participants'], 'firstname'));
    }

    /**
     * A participant's school changed in his profile, as user/edit.php saves it (profile_save_data(), then
     * \core\event\user_updated): the inspector of the old school no longer sees him.
     */
    public function test_profile_school_changed(): void {
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C2', 'name' => 'Lyon 2']);
        $gen->create_school(['uai' => '0690009Z', 'circonscription' => 'C2', 'name' => 'École Z']);
        $view = $this->assert_fresh_after(fn() => $this->inspector_view(), function () {
            $field = setup::school_field();
            profile_save_data((object) ['id' => $this->participantid(), "profile_field_$field" => '0690009Z']);
            \core\event\user_updated::create_from_userid($this->participantid())->trigger();
        });
        $this->assertNotContains($this->participantid(), array_column($view['teachers'], 'id'));
    }

    /**
     * A participant deleted (\core\event\user_deleted).
     */
    public function test_user_deleted(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            delete_user($DB->get_record('user', ['id' => $this->participantid()]));
        });
        $this->assertNotContains($this->participantid(), array_column($view['participants'], 'id'));
    }

    /**
     * The school profile field renamed (\core\event\user_info_field_updated), as the profile field page saves it:
     * nobody has a school any more.
     */
    public function test_user_info_field_updated(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->inspector_view(), function () use ($DB) {
            $field = $DB->get_record('user_info_field', ['shortname' => setup::school_field()]);
            $field->shortname = 'ancien_rne';
            (new \profile_define_base())->define_save($field);
        });
        $this->assertSame([], $view['teachers']);
    }

    /**
     * The duration course field renamed (\core_customfield\event\field_updated): no forecast duration any more.
     */
    public function test_customfield_field_updated(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            $field = \core_customfield\field_controller::create(duration_field::ensure_exists());
            \core_customfield\api::save_field_configuration($field, (object) ['shortname' => 'ancienne_duree']);
        });
        $this->assertNull($view['course']['duration_minutes']);
    }

    /**
     * A mark (\local_magistere\event\training_marked), through the plugin's marks API.
     */
    public function test_training_marked(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            marks::set($this->courseid(), [$this->participantid()], true, $this->trainerid());
        });
        $row = array_column($view['participants'], null, 'id')[$this->participantid()];
        $this->assertTrue($row['mark']['finished']);
        $mine = $this->assert_fresh_after(fn() => engine::my_trainings($this->participantid(1)), function () {
            marks::set($this->courseid(), [$this->participantid(1)], true, $this->trainerid());
        });
        $this->assertSame(1, $mine['summary']['finished']);
    }

    /**
     * Schools, circonscriptions and inspectors imported or edited (the plugin's importer).
     */
    public function test_import(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () use ($DB) {
            $id = (int) $DB->get_field('local_magistere_school', 'id', ['uai' => '0690001B']);
            importer::save('school', ['uai' => '0690001B', 'name' => 'École renommée', 'city' => 'Lyon',
                'circonscription' => 'C1', 'departement' => '69', 'academie' => 'LYON', 'degre' => '1D',
                'secteur' => 'public'], $id);
        });
        $row = array_column($view['participants'], null, 'id')[$this->participantid()];
        $this->assertSame('École renommée', $row['school']['name']);
        // An inspector removed: his view is refused at once, not served from his resident model.
        $this->inspector_view();
        $this->inspector_view();
        importer::delete('inspector', (int) $DB->get_field('local_magistere_inspector', 'id', ['userid' => $this->ien->id]));
        $this->expectException(\moodle_exception::class);
        $this->inspector_view();
    }

    /**
     * A course deleted (\core\event\course_deleted, and the plugin's hook): its participants leave the inspector's
     * view and the statistics.
     */
    public function test_course_deleted(): void {
        $parcours = function (): array {
            $cells = engine::statistics()['tables']['parcours']['cells'];
            return array_column(array_column($cells, 'values'), 'parcours');
        };
        $shortname = get_course($this->courseid())->shortname;
        $this->assertContains($shortname, $parcours());
        $view = $this->assert_fresh_after(fn() => $this->inspector_view(), fn() => delete_course($this->courseid(), false));
        $this->assertSame([], $view['parcours']);
        $this->assertNotContains($shortname, $parcours());
    }

    /**
     * A course reset (\core\event\course_reset_ended): the participants unenrolled.
     */
    public function test_course_reset(): void {
        global $DB;
        $view = $this->assert_fresh_after(fn() => engine::my_trainings($this->participantid()), function () use ($DB) {
            $studentrole = (int) $DB->get_field('role', 'id', ['shortname' => 'student']);
            $course = get_course($this->courseid());
            reset_course_userdata((object) ['id' => $this->courseid(), 'reset_start_date_old' => $course->startdate,
                'reset_start_date' => $course->startdate, 'reset_end_date_old' => $course->enddate,
                'reset_end_date' => $course->enddate, 'unenrol_users' => [$studentrole], 'reset_completion' => 1]);
        });
        $this->assertSame([], $view['participations']);
    }

    /**
     * A module disabled by the administrator (\core\event\config_log_created, mod_visibility): its activities are not
     * counted.
     */
    public function test_module_disabled(): void {
        $view = $this->assert_fresh_after(fn() => $this->trainer_view(), function () {
            \core\plugininfo\mod::enable_plugin('page', 0);
        });
        $this->assertSame([], $view['activities']);
    }

    /**
     * Every counter only grows; rows are never deleted (a replica's stamps are compared by their sum).
     */
    public function test_counters(): void {
        global $DB;
        $sum = fn() => (int) $DB->get_field_sql('SELECT COALESCE(SUM(stamp), 0) FROM {local_magistere_stamp}');
        $rows = $DB->count_records('local_magistere_stamp');
        $before = $sum();
        stamps::course($this->courseid());
        $this->assertSame($before + 1, $sum());
        stamps::site();
        stamps::bump(stamps::MEMBERS);
        $this->assertSame($before + 3, $sum());
        delete_course($this->courseid(), false);
        $this->assertGreaterThanOrEqual($rows, $DB->count_records('local_magistere_stamp'));
        $this->assertGreaterThan($before + 3, $sum());
    }

    /**
     * The manual enrolment instance of the parcours.
     *
     * @return \stdClass
     */
    private function manual_instance(): \stdClass {
        global $DB;
        return $DB->get_record('enrol', ['courseid' => $this->courseid(), 'enrol' => 'manual'], '*', MUST_EXIST);
    }
}
