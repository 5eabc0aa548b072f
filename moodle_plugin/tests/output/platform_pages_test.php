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

use local_magistere\local\parcours;
use local_magistere\local\platform_fix;
use local_magistere\local\platform_privacy;
use local_magistere\local\views;

/**
 * What the pages say and link to, as the platform's configuration changes: the transparency page tells what this
 * site's Moodle shows and to whom (R9), the trainer page links names to Moodle's profile only while the platform
 * check passes, and the administrator's page lists the findings and each change before applying it.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\output\transparency_page
 * @covers     \local_magistere\output\trainer_page
 * @covers     \local_magistere\output\platform_page
 */
final class platform_pages_test extends \local_magistere\tests\testcase {
    /**
     * Forgets the findings of the previous test (they are kept for the request).
     */
    protected function setUp(): void {
        parent::setUp();
        platform_privacy::reset();
    }

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
     * The transparency page tells the truth about this site before the fix, after it, and after one more change.
     */
    public function test_transparency_follows_the_site(): void {
        global $DB;
        $p = $this->generator()->create_parcours();
        $user = $p->participants[0];
        $renderer = $this->renderer();
        $render = function () use ($p, $user, $renderer): array {
            platform_privacy::reset();
            $this->setUser($user);
            $page = new transparency_page($p->course, views::transparency((int) $user->id, (int) $p->course->id));
            return [$page->export_for_template($renderer), $renderer->render($page)];
        };

        // A default site: the trainers see the logs and the last accesses, everybody sees the last access.
        [$context, $html] = $render();
        $this->assertTrue($context['platformexposed']);
        $groups = array_combine(array_column($context['platform'], 'audience'), $context['platform']);
        $this->assertStringContainsString('Your trainers (', $groups['trainer']['label']);
        $this->assertStringContainsString('Teacher', $groups['trainer']['label']);
        $texts = array_column($groups['trainer']['items'], 'text');
        $this->assertContains(get_string('exposure:logs', 'local_magistere'), $texts);
        $this->assertContains(get_string('exposure:viewhiddenuserfields', 'local_magistere'), $texts);
        $this->assertContains(
            get_string('exposure:field:lastaccess', 'local_magistere'),
            array_column($groups['everyone']['items'], 'text')
        );
        $this->assertSame([], $context['never'], 'the logs reveal every kind of connection data');
        $this->assertStringContainsString('Your trainers', $html);
        $this->assertStringNotContainsString(get_string('never', 'local_magistere'), $html);

        // After the fix: nothing is exposed, and the page says nobody sees any of it.
        $this->setAdminUser();
        platform_fix::apply((int) get_admin()->id);
        [$context, $html] = $render();
        $this->assertFalse($context['platformexposed']);
        $this->assertCount(5, $context['never']);
        $this->assertStringContainsString(get_string('never', 'local_magistere'), $html);
        $this->assertStringContainsString(get_string('never:connection_time', 'local_magistere'), $html);
        $this->assertStringNotContainsString('Your trainers (', $html);

        // A course override giving the trainers the participation report: the page says exactly that.
        $roleid = $DB->get_field('role', 'id', ['shortname' => 'editingteacher']);
        unassign_capability('report/participation:view', $roleid, SYSCONTEXTID);
        role_change_permission($roleid, \context_course::instance($p->course->id), 'report/participation:view', CAP_ALLOW);
        [$context, $html] = $render();
        $this->assertTrue($context['platformexposed']);
        $this->assertSame(['trainer'], array_column($context['platform'], 'audience'));
        $this->assertSame(
            [get_string('exposure:participation', 'local_magistere')],
            array_column($context['platform'][0]['items'], 'text')
        );
        $this->assertEqualsCanonicalizing(
            ['connection_time', 'last_access'],
            platform_privacy::still_never(platform_privacy::findings_for_course((int) $p->course->id))
        );
        $this->assertStringContainsString(get_string('neverpartial', 'local_magistere'), $html);
        $this->assertStringContainsString(get_string('never:last_access', 'local_magistere'), $html);
        $this->assertStringNotContainsString(get_string('never:clicks', 'local_magistere'), $html);
    }

    /**
     * The trainer page links names to Moodle's profile only while the platform check passes.
     */
    public function test_trainer_page_links(): void {
        $p = $this->generator()->create_parcours(['participants' => 2]);
        $trainer = $p->trainers[0];
        $links = function () use ($p, $trainer): array {
            platform_privacy::reset();
            $this->setUser($trainer);
            $view = parcours::trainer_view((int) $p->course->id, (int) $trainer->id);
            $page = new trainer_page($p->course, $view);
            $html = $this->renderer()->render($page);
            return [array_column($page->export_for_template($this->renderer())['rows'], 'profileurl'), $html];
        };
        [$urls, $html] = $links();
        $this->assertSame(['', ''], $urls);
        $this->assertStringNotContainsString('/user/view.php', $html);
        $this->assertStringContainsString($p->participants[0]->lastname, $html);

        $this->setAdminUser();
        platform_fix::apply((int) get_admin()->id);
        [$urls, $html] = $links();
        $this->assertCount(2, array_filter($urls));
        $this->assertStringContainsString('/user/view.php?id=' . $p->participants[0]->id, $html);
    }

    /**
     * The administrator's page lists the findings, then each change, then each value its undo restores.
     */
    public function test_platform_page(): void {
        $this->generator()->create_parcours();
        $this->setAdminUser();
        $renderer = $this->renderer();
        $overview = (new platform_page('overview'))->export_for_template($renderer);
        $this->assertFalse($overview['passes']);
        $this->assertSame(count(platform_privacy::findings()), $overview['count']);
        $this->assertTrue($overview['haschanges']);
        $this->assertFalse($overview['hasundo']);

        $confirm = (new platform_page('confirm'))->export_for_template($renderer);
        $texts = array_column($confirm['changes'], 'text');
        $this->assertContains('Capability report/log:view of the role Teacher at system level: Allow becomes Prohibit', $texts);
        $hidden = array_values(array_filter($texts, fn($t) => str_starts_with($t, 'Setting hiddenuserfields')));
        $this->assertCount(1, $hidden);
        $this->assertStringContainsString('lastaccess,firstaccess,lastip,mycourses', $hidden[0]);
        $this->assertSame(platform_fix::fingerprint(platform_fix::plan()), $confirm['fingerprint']);
        $html = $renderer->render_from_template('local_magistere/platform', $confirm);
        $this->assertStringContainsString('name="fingerprint"', $html);
        $this->assertStringContainsString('name="sesskey"', $html);

        platform_fix::apply((int) get_admin()->id);
        platform_privacy::reset();
        $overview = (new platform_page('overview'))->export_for_template($renderer);
        $this->assertTrue($overview['passes']);
        $this->assertFalse($overview['haschanges']);
        $this->assertTrue($overview['hasundo']);
        $undo = (new platform_page('confirmundo'))->export_for_template($renderer);
        $this->assertContains(
            'Capability report/log:view of the role Teacher at system level: Prohibit becomes Allow',
            array_column($undo['undo'], 'text')
        );
    }
}
