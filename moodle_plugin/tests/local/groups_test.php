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
 * Tests of Moodle's separate groups on the parcours page (issue 10.4): what a trainer limited to his groups sees,
 * counts, downloads and may mark, and which other participants a participant sees, each allowed case paired with
 * the refused one.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\groups
 * @covers     \local_magistere\local\parcours
 */
final class groups_test extends \local_magistere\tests\testcase {
    /** @var \stdClass the parcours: four participants, an editing trainer */
    private $p;

    /** @var \stdClass the course, in separate groups */
    private $course;

    /** @var \stdClass a non-editing trainer (no accessallgroups) in group 1 */
    private $tutor;

    /** @var \stdClass group 1: participants 0 and 1, the tutor */
    private $g1;

    /** @var \stdClass group 2: participant 2 */
    private $g2;

    /**
     * Separate groups; participant 3 is in no group; participant 2 is marked finished.
     *
     * @param int $mode SEPARATEGROUPS, VISIBLEGROUPS or NOGROUPS
     */
    private function build(int $mode = SEPARATEGROUPS): void {
        global $DB;
        $gen = $this->getDataGenerator();
        $this->p = $this->generator()->create_parcours(['participants' => 4]);
        $DB->update_record('course', (object) ['id' => $this->p->course->id, 'groupmode' => $mode, 'groupmodeforce' => 0]);
        $this->course = get_course($this->p->course->id);
        $this->g1 = $gen->create_group(['courseid' => $this->course->id, 'name' => 'G1']);
        $this->g2 = $gen->create_group(['courseid' => $this->course->id, 'name' => 'G2']);
        $this->tutor = $gen->create_user(['firstname' => 'Tina', 'lastname' => 'Tutrice']);
        $gen->enrol_user($this->tutor->id, $this->course->id, 'teacher');
        foreach (
            [[$this->g1, $this->tutor], [$this->g1, $this->p->participants[0]], [$this->g1, $this->p->participants[1]],
                [$this->g2, $this->p->participants[2]]] as [$group, $user]
        ) {
            $gen->create_group_member(['groupid' => $group->id, 'userid' => $user->id]);
        }
        marks::set((int) $this->course->id, [$this->id(2)], true, (int) $this->p->trainers[0]->id);
    }

    /**
     * A participant's id.
     *
     * @param int $i
     * @return int
     */
    private function id(int $i): int {
        return (int) $this->p->participants[$i]->id;
    }

    /**
     * A trainer limited to his group sees and counts its members only, in the page and in the download (with
     * both sources); the editing trainer, who holds accessallgroups, sees everybody, or the group he chooses.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_trainer_sees_his_groups(string $source): void {
        $this->use_source($source);
        $this->build();
        $this->setUser($this->tutor);
        $this->assertTrue(groups::is_limited($this->course, (int) $this->tutor->id));
        $result = parcours::view((int) $this->course->id, (int) $this->tutor->id);
        $this->assertSame('trainer', $result['mode']);
        $this->assertEqualsCanonicalizing([$this->id(0), $this->id(1)], array_column($result['view']['participants'], 'id'));
        $this->assertSame(['participants' => 2, 'finished' => 0], $result['view']['summary']);
        $page = new \local_magistere\output\trainer_page($this->course, $result['view']);
        $this->assertCount(2, $page->download_rows()['rows']);
        $this->assertSame(2, $page->slice()['total']);

        $editing = $this->p->trainers[0];
        $this->setUser($editing);
        $this->assertFalse(groups::is_limited($this->course, (int) $editing->id));
        $all = parcours::view((int) $this->course->id, (int) $editing->id);
        $this->assertCount(4, $all['view']['participants']);
        $this->assertSame(['participants' => 4, 'finished' => 1], $all['view']['summary']);
        $chosen = parcours::view((int) $this->course->id, (int) $editing->id, (int) $this->g2->id);
        $this->assertSame([$this->id(2)], array_column($chosen['view']['participants'], 'id'));
        $this->assertSame(['participants' => 1, 'finished' => 1], $chosen['view']['summary']);

        // The limited trainer cannot widen his view by naming another group.
        $this->setUser($this->tutor);
        $other = parcours::view((int) $this->course->id, (int) $this->tutor->id, (int) $this->g2->id);
        $this->assertSame([], $other['view']['participants']);
    }

    /**
     * A trainer limited to his group may tick his group's participants, and is refused (whole request, a count
     * and no name) for anybody outside it, even posted by hand; the undo skips them.
     */
    public function test_trainer_marks_his_groups_only(): void {
        global $DB;
        $this->build();
        $courseid = (int) $this->course->id;
        $this->setUser($this->tutor);
        $audit = $DB->count_records(marks::HISTORY);
        foreach ([[$this->id(3)], [$this->id(0), $this->id(2)]] as $request) {
            try {
                parcours::mark($courseid, $request, true, (int) $this->tutor->id);
                $this->fail('A participant outside his groups must be refused');
            } catch (\moodle_exception $e) {
                $this->assertSame('notinyourgroups', $e->errorcode);
                $this->assertSame(1, $e->a);
                $this->assertStringNotContainsString($this->p->participants[2]->lastname, $e->getMessage());
            }
        }
        try {
            parcours::mark($courseid, [$this->id(2)], false, (int) $this->tutor->id);
            $this->fail('Unticking outside his groups must be refused');
        } catch (\moodle_exception $e) {
            $this->assertSame('notinyourgroups', $e->errorcode);
        }
        $this->assertSame($audit, $DB->count_records(marks::HISTORY));
        $this->assertNull(marks::get($courseid, $this->id(0)));

        $result = parcours::mark($courseid, [$this->id(0)], true, (int) $this->tutor->id);
        $this->assertSame([$this->id(0)], array_keys($result['changed']));

        // An undo naming a participant of another group (the editing trainer's change, say) skips him.
        $this->setUser($this->p->trainers[0]);
        $other = parcours::mark($courseid, [$this->id(3)], true, (int) $this->p->trainers[0]->id);
        $this->setUser($this->tutor);
        $undo = parcours::undo($courseid, $result['changed'] + $other['changed'], (int) $this->tutor->id);
        $this->assertSame([$this->id(0)], array_keys($undo['changed']));
        $this->assertSame([$this->id(3) => parcours::SKIP_NOTINGROUPS], $undo['skipped']);
        $this->assertSame(1, (int) marks::get($courseid, $this->id(3))->finished);
    }

    /**
     * A participant sees the members of his groups where Moodle's participants page would (separate groups),
     * himself when he is in no group, and everybody in visible groups or without groups; always every trainer.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_participant_sees_his_groups(string $source): void {
        $this->use_source($source);
        $this->build();
        $courseid = (int) $this->course->id;
        $this->setUser($this->p->participants[0]);
        $view = parcours::view($courseid, $this->id(0))['view'];
        $this->assertEqualsCanonicalizing([$this->id(0), $this->id(1)], array_column($view['participants'], 'id'));
        $this->assertSame(
            [(int) $this->p->trainers[0]->id, (int) $this->tutor->id],
            array_column($view['trainers'], 'id')
        );
        $page = (new \local_magistere\output\participant_page($this->course, $view))->export_for_template(
            $GLOBALS['PAGE']->get_renderer('local_magistere')
        );
        $this->assertSame(2, $page['participantcount']);

        $this->setUser($this->p->participants[3]);
        $view = parcours::view($courseid, $this->id(3))['view'];
        $this->assertSame([$this->id(3)], array_column($view['participants'], 'id'));

        foreach ([VISIBLEGROUPS, NOGROUPS] as $mode) {
            global $DB;
            $DB->set_field('course', 'groupmode', $mode, ['id' => $courseid]);
            $this->setUser($this->p->participants[0]);
            $this->assertCount(4, parcours::view($courseid, $this->id(0))['view']['participants'], "mode $mode");
        }
    }

    /**
     * The transparency page names as trainers who see a participant those who do: in separate groups, not a
     * trainer limited to other groups.
     */
    public function test_transparency_trainers(): void {
        $this->build();
        $editing = (int) $this->p->trainers[0]->id;
        $tutor = (int) $this->tutor->id;
        $this->setUser($this->p->participants[2]);
        $view = views::transparency($this->id(2), (int) $this->course->id);
        $this->assertSame([$editing], array_column($view['trainers']['who'], 'id'));
        $this->setUser($this->p->participants[0]);
        $view = views::transparency($this->id(0), (int) $this->course->id);
        $this->assertEqualsCanonicalizing([$editing, $tutor], array_column($view['trainers']['who'], 'id'));
        $context = (new \local_magistere\output\transparency_page($this->course, $view))->export_for_template(
            $GLOBALS['PAGE']->get_renderer('local_magistere')
        );
        $this->assertTrue($context['participants']['separategroups']);
    }

    /**
     * Filtering a view recounts its summary from the participants kept, and keeps no other count.
     */
    public function test_filter_recounts(): void {
        $view = ['participants' => [
            ['id' => 1, 'mark' => ['finished' => true]],
            ['id' => 2, 'mark' => ['finished' => false]],
            ['id' => 3, 'mark' => ['finished' => true]],
        ], 'summary' => ['participants' => 3, 'finished' => 2, 'other' => 3]];
        $this->assertSame($view, groups::filter_trainer_view($view, null));
        $filtered = groups::filter_trainer_view($view, [3, 2, 9]);
        $this->assertSame([2, 3], array_column($filtered['participants'], 'id'));
        $this->assertSame(['participants' => 2, 'finished' => 1], $filtered['summary']);
        $this->assertSame(['participants' => 0, 'finished' => 0], groups::filter_trainer_view($view, [])['summary']);
    }

    /**
     * A course record without its group mode (as "my trainings" gets it from enrol_get_users_courses()) is read
     * again, so that the rule still applies.
     */
    public function test_course_without_groupmode(): void {
        $this->build();
        $this->setUser($this->tutor);
        $partial = (object) ['id' => $this->course->id, 'fullname' => $this->course->fullname];
        $view = groups::trainer_view($partial, (int) $this->tutor->id, engine::trainer_view(
            (int) $this->tutor->id,
            (int) $this->course->id
        ));
        $this->assertSame(['participants' => 2, 'finished' => 0], $view['summary']);
    }
}
