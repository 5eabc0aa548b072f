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

namespace local_magistere\output;

use local_magistere\local\marks;
use local_magistere\local\parcours;
use local_magistere\local\util;
use local_magistere\local\views;

/**
 * Tests of what each page shows: the template contexts built from the engine's views, the downloads, and the
 * rendered HTML's accessibility (progress bars) and rules (no progress for the inspector).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\output\participant_page
 * @covers     \local_magistere\output\trainer_page
 * @covers     \local_magistere\output\my_trainings_page
 * @covers     \local_magistere\output\circonscription_page
 * @covers     \local_magistere\output\statistics_page
 * @covers     \local_magistere\output\transparency_page
 * @covers     \local_magistere\output\missing_extension
 * @covers     \local_magistere\output\renderer
 */
final class pages_test extends \local_magistere\tests\testcase {
    /**
     * The renderer.
     *
     * @return renderer
     */
    private function renderer(): renderer {
        global $PAGE;
        $PAGE->set_url('/local/magistere/index.php');
        $PAGE->set_context(\context_system::instance());
        return $PAGE->get_renderer('local_magistere');
    }

    /**
     * The participant page names activities from modinfo, shows an accessible bar and his mark.
     */
    public function test_participant_page(): void {
        $p = $this->generator()->create_parcours(['activities' => 2]);
        $user = $p->participants[0];
        $this->generator()->set_completion($p->activities[1], (int) $user->id, COMPLETION_COMPLETE);
        marks::set((int) $p->course->id, [(int) $user->id], true, (int) $p->trainers[0]->id);
        $this->setUser($user);
        $view = parcours::view((int) $p->course->id, (int) $user->id)['view'];
        $page = new participant_page($p->course, $view);
        $renderer = $this->renderer();
        $context = $page->export_for_template($renderer);
        $this->assertSame(['Activity 1', 'Activity 2'], array_column($context['activities'], 'name'));
        $this->assertSame([false, true], array_column($context['activities'], 'done'));
        $this->assertSame(50, $context['progress']['percent']);
        $this->assertTrue($context['finished']);
        $this->assertSame('3 h 00', $context['credited']);
        $this->assertCount(3, $context['participants']);
        $html = $renderer->render($page);
        $this->assertStringContainsString('role="progressbar"', $html);
        $this->assertStringContainsString('aria-valuenow="1"', $html);
        $this->assertStringContainsString('aria-valuemax="2"', $html);
        $this->assertStringContainsString('1 of 2 activities done (50 %)', $html);
        $this->assertStringContainsString('/message/index.php?id=' . $p->trainers[0]->id, $html);
    }

    /**
     * The trainer page sorts by name, pages, filters by group, and downloads every participant.
     */
    public function test_trainer_page(): void {
        $p = $this->generator()->create_parcours(['participants' => 5, 'activities' => 2]);
        $trainer = $p->trainers[0];
        $this->setUser($trainer);
        $view = parcours::trainer_view((int) $p->course->id, (int) $trainer->id);
        $page = new trainer_page($p->course, $view, ['sort' => 'lastname', 'desc' => true, 'page' => 1, 'perpage' => 2,
            'canmark' => true]);
        $renderer = $this->renderer();
        $context = $page->export_for_template($renderer);
        $lastnames = array_map(fn($u) => $u->lastname, $p->participants);
        rsort($lastnames);
        $this->assertSame(
            array_map(fn($n) => "Part" . substr($n, -1) . " $n", array_slice($lastnames, 2, 2)),
            array_column($context['rows'], 'fullname')
        );
        $this->assertSame(5, $context['total']);
        $this->assertCount(2, $context['rows'][0]['states']);
        $this->assertTrue($context['canmark']);

        $filtered = new trainer_page($p->course, $view, ['onlyids' => [(int) $p->participants[3]->id]]);
        $this->assertSame([(int) $p->participants[3]->id], array_column($filtered->slice()['rows'], 'id'));
        $download = $page->download_rows();
        $this->assertCount(5, $download['rows']);
        $this->assertContains('Activity 1', $download['columns']);
        $this->assertSame(6 + 2 + 2, count($download['columns']));
        $html = $renderer->render($page);
        $this->assertStringContainsString('name="userids[]"', $html);
        $this->assertStringContainsString('value="finish"', $html);
    }

    /**
     * "My trainings", the inspector's, statistics and transparency pages render from their views.
     */
    public function test_site_pages(): void {
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1', 'name' => 'École Jaurès']);
        $p = $gen->create_parcours();
        $user = $p->participants[0];
        $gen->set_school((int) $user->id, '0690001B');
        $ien = $this->getDataGenerator()->create_user();
        $gen->create_inspector(['userid' => $ien->id, 'circonscription' => 'C1']);
        $roleid = $this->getDataGenerator()->create_role();
        assign_capability('local/magistere:viewcirconscription', CAP_ALLOW, $roleid, \context_system::instance()->id);
        role_assign($roleid, $ien->id, \context_system::instance()->id);
        marks::set((int) $p->course->id, [(int) $user->id], true, (int) $p->trainers[0]->id);
        $renderer = $this->renderer();

        $mine = (new my_trainings_page(views::my_trainings((int) $user->id)))->export_for_template($renderer);
        $this->assertTrue($mine['participant'][0]['finished']);
        $this->assertSame('3 h 00', $mine['totalcredited']);

        $circpage = new circonscription_page(views::circonscription((int) $ien->id), '', '', 0);
        $context = $circpage->export_for_template($renderer);
        $this->assertSame('École Jaurès', $context['teachers'][0]['school']);
        $this->assertTrue($context['teachers'][0]['enrolments'][0]['finished']);
        $html = $renderer->render($circpage);
        $this->assertStringNotContainsString('progressbar', $html);
        $this->assertSame([[$user->lastname, $user->firstname, '0690001B', 'École Jaurès', 'Lyon', 'C1',
            $p->course->fullname, 'Finished', 180]], $circpage->download_rows()['rows']);

        $stats = new statistics_page([], null, null, false);
        $context = $stats->export_for_template($renderer);
        $this->assertFalse($context['hasreleases']);
        $this->assertFalse($context['canpublish']);
        $this->assertStringContainsString(get_string('noreleases', 'local_magistere'), $renderer->render($stats));

        $transparency = new transparency_page($p->course, views::transparency((int) $user->id, (int) $p->course->id));
        $context = $transparency->export_for_template($renderer);
        $this->assertStringContainsString('0690001B', $context['self']['school']);
        $this->assertSame(fullname($ien), $context['inspectors']['who']);
        // On a default site Moodle's own logs show every kind of connection data: the page says so (R9, R6).
        $this->assertSame([], $context['never']);
        $this->assertTrue($context['platformexposed']);
        $this->assertStringContainsString('Your trainers', $renderer->render($transparency));
    }

    /**
     * The statistics page shows a published release: both tables of the plan, every protected figure the same
     * mark with nothing that says why, downloads of the same rows, escaped when the dataformat writes HTML.
     */
    public function test_statistics_page(): void {
        $gen = $this->generator();
        $gen->create_circ(['code' => 'C1']);
        $gen->create_school(['uai' => '0690001B', 'circonscription' => 'C1']);
        $p = $gen->create_parcours(['participants' => 4]);
        foreach ($p->participants as $user) {
            $gen->set_school((int) $user->id, '0690001B');
        }
        set_config('academie', 'LYON', 'local_magistere');
        $this->setAdminUser();
        $record = views::publish_statistics((int) get_admin()->id);
        $releases = views::statistics_releases((int) get_admin()->id);
        $release = views::statistics_release((int) get_admin()->id, (int) $record->id);
        $page = new statistics_page($releases, $releases[$record->id], $release, true);
        $renderer = $this->renderer();
        $context = $page->export_for_template($renderer);
        $this->assertTrue($context['hasrelease'] && $context['canpublish']);
        $this->assertCount(1, $context['releases']);
        $this->assertSame(['etablissements', 'parcours'], array_column($context['tables'], 'name'));
        $this->assertSame(get_string('total'), $context['tables'][0]['rows'][0]['label']);
        $this->assertSame(0, $context['tables'][0]['rows'][0]['depth']);
        // Four people: fewer than k, every figure is protected but the zeros of "not recorded".
        foreach ($context['tables'] as $table) {
            foreach ($table['rows'] as $row) {
                foreach ($row['figures'] as $figure) {
                    $this->assertContains($figure['value'], ['', '0']);
                    $this->assertSame($figure['value'] === '', $figure['protected'] || $row['label'] === get_string('total'));
                }
            }
        }
        $this->assertTrue($context['tables'][0]['rows'][0]['figures'][0]['protected']);
        $html = $renderer->render($page);
        $this->assertStringContainsString(get_string('protectedfigure', 'local_magistere'), $html);
        foreach (['suppress', 'primary (', 'secondary (', 'fewer than k', (string) $p->participants[0]->lastname] as $word) {
            $this->assertStringNotContainsString($word, $html);
        }
        // One mark, and no attribute of a figure's cell that could say more.
        $this->assertSame(0, preg_match('/<td[^>]*(title|data-)/', $html));
        $rows = $page->download_rows('parcours');
        $this->assertSame([get_string('dimension:parcours', 'local_magistere'), get_string('enrolments', 'local_magistere'),
            get_string('finished', 'local_magistere'), get_string('creditedminutes', 'local_magistere')], $rows['columns']);
        $this->assertSame([get_string('total'), get_string('protectedmark', 'local_magistere'),
            get_string('protectedmark', 'local_magistere'), ''], $rows['rows'][0]);
        $this->assertCount(count($release['tables']['etablissements']['cells']), $page->download_rows('etablissements')['rows']);
    }

    /**
     * Every download of the plugin escapes its values when the dataformat writes HTML (a school or a name is
     * text), and leaves them as they are otherwise.
     */
    public function test_downloads_escape(): void {
        $rows = [['<b>École</b> & "Co"', 3]];
        $html = file_get_contents(\core\dataformat::write_data(
            't',
            'html',
            ['Name', 'N'],
            $rows,
            [util::class, 'download_row']
        ));
        $this->assertStringContainsString('&lt;b&gt;École&lt;/b&gt; &amp; &quot;Co&quot;', $html);
        $this->assertStringNotContainsString('<b>École', $html);
        $csv = file_get_contents(\core\dataformat::write_data(
            't',
            'csv',
            ['Name', 'N'],
            $rows,
            [util::class, 'download_row']
        ));
        $this->assertStringContainsString('<b>École</b> & ""Co""', $csv);
    }

    /**
     * The notice shown when the extension is missing says what to install.
     */
    public function test_missing_extension_notice(): void {
        $this->setAdminUser();
        $context = (new missing_extension())->export_for_template($this->renderer());
        $this->assertStringContainsString('magistere', $context['message']);
        $this->assertStringContainsString('phpize', $context['steps']);
        $this->assertStringContainsString('extension=magistere', $context['steps']);
        $this->assertTrue($context['isadmin']);
    }
}
