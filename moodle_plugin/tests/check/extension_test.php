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

namespace local_magistere\check;

/**
 * Tests of the status check of the extension.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\check\extension
 */
final class extension_test extends \advanced_testcase {
    /**
     * The check reports the extension's state, and is listed among Moodle's status checks.
     */
    public function test_result(): void {
        $this->resetAfterTest();
        $result = (new extension())->get_result();
        if (extension_loaded('magistere')) {
            $this->assertSame(\core\check\result::OK, $result->get_status());
            $this->assertStringContainsString(phpversion('magistere'), $result->get_summary());
        } else {
            $this->assertSame(\core\check\result::ERROR, $result->get_status());
            $this->assertStringContainsString('extension=magistere', $result->get_details());
        }
        $names = array_map(fn($check) => get_class($check), \core\check\manager::get_status_checks());
        $this->assertContains(extension::class, $names);
    }
}
