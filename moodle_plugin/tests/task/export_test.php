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

namespace local_magistere\task;

/**
 * Tests of the scheduled exports: the files land in the export folder, whole or not at all.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\task\export_base
 * @covers     \local_magistere\task\export_attestations
 * @covers     \local_magistere\task\export_statistics
 */
final class export_test extends \local_magistere\tests\testcase {
    /**
     * The attestation file lists the participants with finished and credited minutes only.
     */
    public function test_attestations(): void {
        $p = $this->generator()->create_parcours(['participants' => 2]);
        \local_magistere\local\marks::set(
            (int) $p->course->id,
            [(int) $p->participants[0]->id],
            true,
            (int) $p->trainers[0]->id
        );
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        $task = new export_attestations();
        $this->assertNotEmpty($task->get_name());
        ob_start();
        $path = $task->execute();
        $output = ob_get_clean();
        $this->assertFileExists($path);
        $this->assertStringStartsWith($folder . '/attestations-', $path);
        $this->assertStringContainsString('(2 entries)', $output);
        $xml = file_get_contents($path);
        $this->assertStringContainsString('180', $xml);
        $this->assertStringNotContainsString('lastaccess', $xml);
        $this->assertSame([basename($path)], array_values(array_diff(scandir($folder), ['.', '..'])));
    }

    /**
     * The statistics task publishes a release, protected with the earlier ones, stores it and writes the same
     * bytes to the export folder.
     */
    public function test_statistics(): void {
        global $DB;
        $this->generator()->create_parcours(['participants' => 6]);
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        set_config('academie', 'LYON', 'local_magistere');
        $paths = [];
        foreach ([1, 2] as $n) {
            ob_start();
            $paths[] = (new export_statistics())->execute();
            ob_end_clean();
            $this->assertSame($n, $DB->count_records('local_magistere_release'));
        }
        $records = array_values($DB->get_records('local_magistere_release', null, 'id ASC'));
        foreach ($paths as $i => $path) {
            $this->assertFileExists($path);
            $this->assertSame($records[$i]->content, file_get_contents($path));
            $doc = new \DOMDocument();
            $this->assertTrue($doc->load($path));
            $this->assertSame('urn:magistere:statistics:2', $doc->documentElement->namespaceURI);
            $this->assertSame('LYON', $records[$i]->academie);
        }
        $this->assertGreaterThanOrEqual($records[0]->generated, $records[1]->generated);
    }

    /**
     * An unwritable folder fails the task (so that Moodle retries it) and leaves no partial file.
     */
    public function test_bad_folder(): void {
        global $DB;
        $file = make_request_directory() . '/not-a-folder';
        file_put_contents($file, 'x');
        set_config('exportfolder', $file, 'local_magistere');
        set_config('academie', 'LYON', 'local_magistere');
        try {
            (new export_statistics())->execute();
            $this->fail('An unwritable folder must fail the task');
        } catch (\moodle_exception $e) {
            $this->assertSame('exportfoldererror', $e->errorcode);
        }
        // Nothing was published either.
        $this->assertSame(0, $DB->count_records('local_magistere_release'));
    }

    /**
     * Without the académie code the statistics export fails before writing anything.
     */
    public function test_statistics_needs_academie(): void {
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        try {
            (new export_statistics())->execute();
            $this->fail('The académie code is required');
        } catch (\moodle_exception $e) {
            $this->assertSame('noacademie', $e->errorcode);
        }
        $this->assertSame([], array_values(array_diff(scandir($folder), ['.', '..'])));
    }
}
