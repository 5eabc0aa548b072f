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
 * Tests of the parcours page's data: which view each person gets (R1, R2, R3), the marks (R3, R7) and the
 * group filter.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\parcours
 */
final class parcours_test extends \local_magistere\tests\testcase {
    /**
     * A participant gets his own progress and the names of the others, never their progress (R2).
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_participant_view(string $source): void {
        $this->use_source($source);
        $p = $this->generator()->create_parcours(['activities' => 3, 'participants' => 2]);
        [$a, $b] = $p->participants;
        $this->generator()->set_completion($p->activities[0], $a->id, COMPLETION_COMPLETE);
        $this->generator()->set_completion($p->activities[1], $a->id, COMPLETION_COMPLETE_FAIL);
        $this->generator()->set_completion($p->activities[0], $b->id, COMPLETION_COMPLETE);
        $this->generator()->set_completion($p->activities[2], $b->id, COMPLETION_COMPLETE_PASS);

        $this->setUser($a);
        $result = parcours::view((int) $p->course->id, (int) $a->id);
        $this->assertSame('participant', $result['mode']);
        $view = $result['view'];
        $this->assertSame(1, $view['progress']['done']);
        $this->assertSame(3, $view['progress']['tracked']);
        $this->assertSame(33, $view['progress']['percent']);
        $this->assertSame(['complete', 'fail', 'incomplete'], array_column($view['progress']['activities'], 'state'));
        $this->assertEqualsCanonicalizing([(int) $a->id, (int) $b->id], array_column($view['participants'], 'id'));
        foreach ($view['participants'] as $person) {
            $this->assertSame(['id', 'firstname', 'lastname'], array_keys($person));
        }
        $this->assertSame([(int) $p->trainers[0]->id], array_column($view['trainers'], 'id'));
        $this->assertFalse($view['mark']['finished']);
    }

    /**
     * A trainer gets every participant's progress, activity by activity, and the marks (R3).
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_trainer_view(string $source): void {
        $this->use_source($source);
        $p = $this->generator()->create_parcours(['activities' => 2, 'participants' => 3]);
        $this->generator()->set_completion($p->activities[1], $p->participants[2]->id, COMPLETION_COMPLETE_PASS);
        $trainer = $p->trainers[0];
        $this->setUser($trainer);
        $result = parcours::view((int) $p->course->id, (int) $trainer->id);
        $this->assertSame('trainer', $result['mode']);
        $view = $result['view'];
        $this->assertSame(array_map(fn($cm) => (int) $cm->id, $p->activities), array_column($view['activities'], 'cmid'));
        $this->assertCount(3, $view['participants']);
        $byid = array_column($view['participants'], null, 'id');
        $this->assertSame(['incomplete', 'pass'], $byid[(int) $p->participants[2]->id]['progress']['states']);
        $this->assertSame(50, $byid[(int) $p->participants[2]->id]['progress']['percent']);
        $this->assertNotContains((int) $trainer->id, array_column($view['participants'], 'id'));
        $this->assertSame(['participants' => 3, 'finished' => 0], $view['summary']);
    }

    /**
     * Someone without the capabilities is refused by Moodle; someone with them who is neither trainer nor
     * participant of the parcours gets nothing of it (R1): the page says so instead of an error.
     */
    public function test_outsiders_refused(): void {
        global $DB;
        $p = $this->generator()->create_parcours();
        $outsider = $this->getDataGenerator()->create_user();
        $this->setUser($outsider);
        try {
            parcours::view((int) $p->course->id, (int) $outsider->id);
            $this->fail('An outsider must be refused');
        } catch (\required_capability_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
            $this->assertStringContainsString(get_string('magistere:viewown', 'local_magistere'), $e->getMessage());
        }
        // An observer role holding both capabilities but unknown to the engine's role settings.
        $roleid = $this->getDataGenerator()->create_role(['shortname' => 'observer']);
        $context = \context_course::instance($p->course->id);
        assign_capability('local/magistere:viewtrainer', CAP_ALLOW, $roleid, $context->id);
        assign_capability('local/magistere:viewown', CAP_ALLOW, $roleid, $context->id);
        $this->getDataGenerator()->enrol_user($outsider->id, $p->course->id, 'observer');
        $this->assertSame(['mode' => 'outsider', 'view' => null], parcours::view((int) $p->course->id, (int) $outsider->id));
        $this->assertSame(0, $DB->count_records('local_magistere_mark'));
    }

    /**
     * Issue 10.5: a site administrator who is not enrolled gets the "outsider" answer (the page shows a notice),
     * never the engine's "no user with id 2", with either source; a trainer of the parcours who is also site
     * administrator still gets his view.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_admin_outsider(string $source): void {
        $this->use_source($source);
        $p = $this->generator()->create_parcours();
        $this->setAdminUser();
        global $USER;
        $this->assertSame(['mode' => 'outsider', 'view' => null], parcours::view((int) $p->course->id, (int) $USER->id));
        try {
            parcours::mark((int) $p->course->id, [(int) $p->participants[0]->id], true, (int) $USER->id);
            $this->fail('An administrator who is no trainer of the parcours must not mark');
        } catch (\moodle_exception $e) {
            $this->assertSame('nopermissions', $e->errorcode);
            $this->assertStringNotContainsString('no user', $e->getMessage());
        }
        $this->getDataGenerator()->enrol_user($USER->id, $p->course->id, 'editingteacher');
        $this->assertSame('trainer', parcours::view((int) $p->course->id, (int) $USER->id)['mode']);
    }

    /**
     * Marking credits the forecast duration as a snapshot (R7), untick clears it, undo restores (R3).
     */
    public function test_mark_snapshot_and_undo(): void {
        global $DB;
        $p = $this->generator()->create_parcours(['duration' => 150]);
        $trainer = $p->trainers[0];
        $courseid = (int) $p->course->id;
        $ids = [(int) $p->participants[0]->id, (int) $p->participants[1]->id];
        $this->setUser($trainer);

        $result = parcours::mark($courseid, $ids, true, (int) $trainer->id);
        $this->assertSame([$ids[0], $ids[1]], array_keys($result['changed']));
        $this->assertNull($result['changed'][$ids[0]]['before']);
        $mark = $DB->get_record('local_magistere_mark', ['courseid' => $courseid, 'userid' => $ids[0]]);
        $this->assertSame(1, (int) $mark->finished);
        $this->assertSame(150, (int) $mark->creditedminutes);
        $this->assertSame((int) $trainer->id, (int) $mark->modifiedby);

        // A later change of the forecast does not rewrite the credited time.
        $this->generator()->set_duration($courseid, 300);
        $view = parcours::trainer_view($courseid, (int) $trainer->id);
        $byid = array_column($view['participants'], null, 'id');
        $this->assertTrue($byid[$ids[0]]['mark']['finished']);
        $this->assertSame(150, $byid[$ids[0]]['mark']['credited_minutes']);
        $this->assertSame((int) $trainer->id, $byid[$ids[0]]['mark']['by']);
        $this->assertSame(['participants' => 3, 'finished' => 2], $view['summary']);

        // Untick one, then undo it.
        $result = parcours::mark($courseid, [$ids[0]], false, (int) $trainer->id);
        $this->assertSame(['finished' => true, 'creditedminutes' => 150, 'revision' => 1], $result['changed'][$ids[0]]['before']);
        $this->assertNull($DB->get_field('local_magistere_mark', 'creditedminutes', ['userid' => $ids[0]]));
        parcours::undo($courseid, $result['changed'], (int) $trainer->id);
        $mark = $DB->get_record('local_magistere_mark', ['courseid' => $courseid, 'userid' => $ids[0]]);
        $this->assertSame(1, (int) $mark->finished);
        $this->assertSame(150, (int) $mark->creditedminutes);
        $this->assertSame(4, $DB->count_records('local_magistere_mark_hist', ['courseid' => $courseid]));

        // The participant sees his own mark and credited time.
        $this->setUser($p->participants[0]);
        $own = parcours::view($courseid, $ids[0]);
        $this->assertSame(150, $own['view']['mark']['credited_minutes']);
        $this->assertTrue($own['view']['mark']['finished']);
    }

    /**
     * A request naming a non-participant (the trainer himself, an outsider) is refused whole.
     */
    public function test_mark_refuses_non_participants(): void {
        global $DB;
        $p = $this->generator()->create_parcours();
        $trainer = $p->trainers[0];
        $outsider = $this->getDataGenerator()->create_user();
        $this->setUser($trainer);
        foreach ([(int) $trainer->id, (int) $outsider->id] as $wrong) {
            try {
                parcours::mark((int) $p->course->id, [(int) $p->participants[0]->id, $wrong], true, (int) $trainer->id);
                $this->fail('Marking a non-participant must be refused');
            } catch (\moodle_exception $e) {
                $this->assertSame('notparticipants', $e->errorcode);
            }
        }
        $this->assertSame(0, $DB->count_records('local_magistere_mark'));
    }

    /**
     * Only holders of local/magistere:mark may mark.
     */
    public function test_mark_capability_refused(): void {
        global $DB;
        $p = $this->generator()->create_parcours();
        $participant = $p->participants[0];
        $this->setUser($participant);
        $this->expectException(\required_capability_exception::class);
        try {
            parcours::mark((int) $p->course->id, [(int) $participant->id], true, (int) $participant->id);
        } finally {
            $this->assertSame(0, $DB->count_records('local_magistere_mark'));
        }
    }

    /**
     * The messages say exactly what happened (issue 10.3).
     */
    public function test_result_message(): void {
        $changed = array_fill_keys(range(1, 20), ['before' => null, 'after' => []]);
        $this->assertSame(
            '20 participant(s) marked as finished. 3 already finished: unchanged, their credited time is kept.',
            parcours::result_message(['changed' => $changed, 'unchanged' => [21, 22, 23], 'skipped' => []], 'finish')
        );
        $this->assertSame(
            '3 already finished: unchanged, their credited time is kept.',
            parcours::result_message(['changed' => [], 'unchanged' => [21, 22, 23], 'skipped' => []], 'finish')
        );
        $this->assertSame(
            '2 participant(s) marked as not finished.',
            parcours::result_message(['changed' => [1 => [], 2 => []], 'unchanged' => [], 'skipped' => []], 'unfinish')
        );
        $this->assertSame('The change was undone for 1 participant(s). 2 not undone: their mark was changed since, by you '
            . 'or another trainer. 1 not undone: not in your groups.', parcours::result_message(['changed' => [5 => []],
            'unchanged' => [], 'skipped' => [6 => marks::SKIP_CHANGED, 7 => parcours::SKIP_NOTINGROUPS,
            8 => marks::SKIP_CHANGED]], 'undo'));
    }
}
