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
require_once($CFG->dirroot . '/course/lib.php');

/**
 * A training record outlives the session (docs/rules.md, "Who counts as what, once a session is over"): a participant
 * marked finished stays finished, with his credited time, in the inspector's view, the statistics, the attestation file
 * and his own "my trainings" when his enrolment ends, when he is unenrolled and when the parcours is hidden; while only
 * current members enter the parcours (R1).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\views
 * @covers     \local_magistere\local\my_trainings
 * @covers     \local_magistere\local\rows_loader
 */
final class training_record_test extends \local_magistere\tests\testcase {
    /** @var \stdClass the parcours (course, trainers, participants) */
    private $p;

    /** @var \stdClass the participant marked finished */
    private $teacher;

    /** @var \stdClass the inspector (also allowed the statistics) */
    private $ien;

    /**
     * A parcours of 6 participants in schools of C1, three of them marked finished (the teacher watched, and two
     * others, so that the statistics publish their total at k = 3: 3 people with a record, 3 without); an inspector
     * of C1.
     */
    private function build(): void {
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1']);
        $this->p = $gen->create_parcours(['participants' => 6, 'duration' => 540]);
        foreach ($this->p->participants as $user) {
            $gen->set_school((int) $user->id, '0690001B');
        }
        $this->teacher = $this->p->participants[0];
        marks::set((int) $this->p->course->id, [(int) $this->teacher->id, (int) $this->p->participants[4]->id,
            (int) $this->p->participants[5]->id], true, (int) $this->p->trainers[0]->id);
        $this->ien = $this->getDataGenerator()->create_user();
        $gen->create_inspector(['userid' => $this->ien->id, 'circonscription' => 'C1']);
        $roleid = $this->getDataGenerator()->create_role();
        assign_capability('local/magistere:viewcirconscription', CAP_ALLOW, $roleid, \context_system::instance()->id);
        assign_capability('local/magistere:viewstatistics', CAP_ALLOW, $roleid, \context_system::instance()->id);
        role_assign($roleid, $this->ien->id, \context_system::instance()->id);
        set_config('k', 3, 'local_magistere');
    }

    /**
     * What each view says of the teacher's participation.
     *
     * @return array
     */
    private function seen(): array {
        $courseid = (int) $this->p->course->id;
        $userid = (int) $this->teacher->id;
        $ien = views::circonscription((int) $this->ien->id);
        $inspector = null;
        foreach ($ien['teachers'] as $teacher) {
            if ($teacher['id'] === $userid) {
                $inspector = $teacher['enrolments'];
            }
        }
        // The live figures, as a release would count them (the ministry sees stored releases only).
        $total = engine::statistics()['tables']['etablissements']['cells'][0];
        $file = make_request_directory() . '/attestations.xml';
        $tracker = engine::tracker_for_site();
        engine::call(fn() => $tracker->writeAttestations($file, [$courseid]));
        $doc = new \DOMDocument();
        $doc->load($file);
        $attestation = null;
        foreach ($doc->getElementsByTagName('participant') as $p) {
            if ($p->getAttribute('lastname') === $this->teacher->lastname) {
                $attestation = $p->getAttribute('finished') . ' ' . $p->getAttribute('credited-minutes');
            }
        }
        $mine = views::my_trainings($userid);
        $trainer = engine::call(fn() => engine::tracker_for_course($courseid)->trainerView(
            (int) $this->p->trainers[0]->id,
            $courseid
        ));
        return [
            'inspector' => $inspector,
            'statistics' => [$total['enrolments'], $total['participants']],
            'attestation' => $attestation,
            'mytrainings' => array_map(fn($p) => [$p['course']['id'], $p['course']['visible'], $p['status'],
                $p['mark']['credited_minutes']], $mine['participations']),
            'mytotal' => $mine['summary']['credited_minutes'],
            'listedintheparcours' => in_array($userid, array_column($trainer['participants'], 'id'), true),
        ];
    }

    /**
     * The record stays everywhere through the end of the session; R1 keeps him out of the parcours.
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_record_outlives_the_session(string $source): void {
        global $DB;
        $this->use_source($source);
        $this->build();
        $courseid = (int) $this->p->course->id;
        $userid = (int) $this->teacher->id;
        $during = $this->seen();
        $this->assertSame([['courseid' => $courseid, 'status' => 'finished', 'credited_minutes' => 540]], $during['inspector']);
        $this->assertSame([6, 6], $during['statistics']);
        $this->assertSame('true 540', $during['attestation']);
        $this->assertSame([[$courseid, true, 'finished', 540]], $during['mytrainings']);
        $this->assertSame(540, $during['mytotal']);
        $this->assertTrue($during['listedintheparcours']);

        // The session ends: his enrolment ends.
        $enrolid = $DB->get_field('enrol', 'id', ['courseid' => $courseid, 'enrol' => 'manual']);
        $DB->set_field('user_enrolments', 'timeend', time() - 60, ['enrolid' => $enrolid, 'userid' => $userid]);
        $ended = $this->seen();
        $this->assertFalse($ended['listedintheparcours']);
        $this->assertSame($during['inspector'], $ended['inspector']);
        $this->assertSame($during['statistics'], $ended['statistics']);
        $this->assertSame($during['attestation'], $ended['attestation']);
        $this->assertSame($during['mytrainings'], $ended['mytrainings']);
        try {
            engine::tracker_for_course($courseid)->participantView($userid, $courseid);
            $this->fail('A former participant must not open the parcours (R1)');
        } catch (\Magistere\AccessDenied $e) {
            $this->assertStringContainsString('not a participant', $e->getMessage());
        }

        // Then he is unenrolled, and the parcours hidden.
        $plugin = enrol_get_plugin('manual');
        $plugin->unenrol_user($DB->get_record('enrol', ['id' => $enrolid]), $userid);
        $this->assertFalse(is_enrolled(\context_course::instance($courseid), $userid));
        $unenrolled = $this->seen();
        $this->assertSame($during['inspector'], $unenrolled['inspector']);
        $this->assertSame($during['statistics'], $unenrolled['statistics']);
        $this->assertSame($during['attestation'], $unenrolled['attestation']);
        $this->assertSame($during['mytrainings'], $unenrolled['mytrainings']);
        update_course((object) ['id' => $courseid, 'visible' => 0]);
        $hidden = $this->seen();
        $this->assertSame($during['inspector'], $hidden['inspector']);
        $this->assertSame($during['statistics'], $hidden['statistics']);
        $this->assertSame($during['attestation'], $hidden['attestation']);
        $this->assertSame([[$courseid, false, 'finished', 540]], $hidden['mytrainings']);
        $this->assertSame(540, $hidden['mytotal']);

        // The page shows it, without a link into the parcours he left.
        $page = new \local_magistere\output\my_trainings_page(views::my_trainings($userid));
        $context = $page->export_for_template($this->get_renderer());
        $this->assertSame('', $context['participant'][0]['url']);
        $this->assertTrue($context['participant'][0]['hidden']);
        $this->assertFalse($context['participant'][0]['current']);
        $this->assertSame('9 h 00', $context['totalcredited']);
    }

    /**
     * Without a record, a participant whose enrolment ended drops out (the administration's text: "inscrits ou qui
     * ont terminé").
     *
     * @dataProvider sources
     * @param string $source
     */
    public function test_no_record_drops_out(string $source): void {
        global $DB;
        $this->use_source($source);
        $this->build();
        $courseid = (int) $this->p->course->id;
        $other = (int) $this->p->participants[1]->id;
        $enrolid = $DB->get_field('enrol', 'id', ['courseid' => $courseid, 'enrol' => 'manual']);
        $DB->set_field('user_enrolments', 'timeend', time() - 60, ['enrolid' => $enrolid, 'userid' => $other]);
        $this->assertSame([], views::my_trainings($other)['participations']);
        $ids = array_column(views::circonscription((int) $this->ien->id)['teachers'], 'id');
        $this->assertNotContains($other, $ids);
        $this->assertContains((int) $this->teacher->id, $ids);
    }

    /**
     * The page renderer.
     *
     * @return \renderer_base
     */
    private function get_renderer(): \renderer_base {
        global $PAGE;
        $PAGE->set_url(new \moodle_url('/local/magistere/index.php'));
        $PAGE->set_context(\context_system::instance());
        return $PAGE->get_renderer('local_magistere');
    }
}
