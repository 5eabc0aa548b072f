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

namespace local_magistere;

/**
 * Tests of the capabilities' defaults: each one allowed to the role that needs it and refused to the others.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @coversNothing
 */
final class access_test extends \advanced_testcase {
    /**
     * Who holds which capability out of the box.
     *
     * @return array capability => [roles allowed, roles refused]
     */
    public static function capabilities(): array {
        return [
            'viewown' => ['local/magistere:viewown', ['student'], ['guest']],
            'viewtrainer' => ['local/magistere:viewtrainer', ['editingteacher', 'teacher'], ['student']],
            'mark' => ['local/magistere:mark', ['editingteacher', 'teacher'], ['student']],
            'viewtransparency' => ['local/magistere:viewtransparency', ['student'], ['editingteacher']],
            'viewmytrainings' => ['local/magistere:viewmytrainings', ['user'], ['guest']],
            'viewcirconscription' => ['local/magistere:viewcirconscription', [], ['user', 'manager', 'editingteacher']],
            'viewstatistics' => ['local/magistere:viewstatistics', [], ['user', 'manager']],
            'publishstatistics' => ['local/magistere:publishstatistics', [], ['user', 'manager']],
            'manage' => ['local/magistere:manage', ['manager'], ['user', 'editingteacher']],
        ];
    }

    /**
     * A capability is allowed to its roles and refused to the others.
     *
     * @dataProvider capabilities
     * @param string $capability
     * @param string[] $allowed
     * @param string[] $refused
     */
    public function test_defaults(string $capability, array $allowed, array $refused): void {
        global $DB;
        $this->resetAfterTest();
        $course = $this->getDataGenerator()->create_course();
        $info = get_capability_info($capability);
        $context = $info->contextlevel == CONTEXT_COURSE ? \context_course::instance($course->id)
            : \context_system::instance();
        foreach (['allowed' => $allowed, 'refused' => $refused] as $expect => $roles) {
            foreach ($roles as $shortname) {
                $user = $this->getDataGenerator()->create_user();
                if ($shortname === 'guest') {
                    $user = guest_user();
                } else if ($shortname !== 'user') {
                    $roleid = $DB->get_field('role', 'id', ['shortname' => $shortname], MUST_EXIST);
                    if ($context->contextlevel == CONTEXT_COURSE) {
                        $this->getDataGenerator()->enrol_user($user->id, $course->id, $shortname);
                    } else {
                        role_assign($roleid, $user->id, $context->id);
                    }
                }
                $this->assertSame(
                    $expect === 'allowed',
                    has_capability($capability, $context, $user),
                    "$capability for $shortname"
                );
            }
        }
    }

    /**
     * Views of other people's data carry RISK_PERSONAL.
     */
    public function test_risks(): void {
        foreach (['viewown', 'viewtrainer', 'mark', 'viewcirconscription', 'manage'] as $name) {
            $info = get_capability_info("local/magistere:$name");
            $this->assertNotEquals(0, $info->riskbitmask & RISK_PERSONAL, $name);
        }
    }
}
