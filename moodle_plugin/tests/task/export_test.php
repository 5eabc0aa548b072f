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
 * Tests of the scheduled exports: the files land in the export folder, whole or not at all, with restrictive modes,
 * and are deleted after the retention (issue 10.7).
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\task\export_base
 * @covers     \local_magistere\task\export_attestations
 * @covers     \local_magistere\task\export_statistics
 * @covers     \local_magistere\local\export_files
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

    /**
     * The files are 0640 and the default folder 0750, whatever the umask; no temporary file stays.
     */
    public function test_modes(): void {
        global $CFG;
        $this->generator()->create_parcours(['participants' => 1]);
        set_config('exportfolder', '', 'local_magistere');
        $folder = $CFG->dataroot . '/local_magistere';
        $this->assertSame($folder, \local_magistere\local\export_files::folder());
        remove_dir($folder);
        $umask = umask(0);
        try {
            ob_start();
            $path = (new export_attestations())->execute();
            ob_end_clean();
        } finally {
            umask($umask);
        }
        $this->assertSame(0640, fileperms($path) & 0777);
        $this->assertSame(0750, fileperms($folder) & 0777);
        $this->assertSame([basename($path)], array_values(array_diff(scandir($folder), ['.', '..'])));
        // A folder left wide open by an older version is brought back to 0750.
        chmod($folder, 0777);
        chmod($path, 0666);
        ob_start();
        (new export_attestations())->execute();
        ob_end_clean();
        $this->assertSame(0750, fileperms($folder) & 0777);
        $this->assertSame(0640, fileperms($path) & 0777);
    }

    /**
     * A write that fails (the engine's error, or anything else) leaves no file, complete or partial.
     */
    public function test_failed_write_leaves_nothing(): void {
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        try {
            \local_magistere\local\export_files::write('attestations', function ($stream) {
                fwrite($stream, '<?xml version="1.0"?><attestations');
                throw new \Magistere\XmlError('invalid document');
            });
            $this->fail('The error must reach the task');
        } catch (\Magistere\XmlError $e) {
            $this->assertSame('invalid document', $e->getMessage());
        }
        $this->assertSame([], array_values(array_diff(scandir($folder), ['.', '..'])));
    }

    /**
     * Two exports in the same second get two files.
     */
    public function test_same_second(): void {
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        $now = time();
        $write = fn() => \local_magistere\local\export_files::write('statistics', function ($stream) {
            fwrite($stream, 'x');
            return 1;
        }, $now);
        $first = $write()['path'];
        $second = $write()['path'];
        $this->assertNotSame($first, $second);
        $this->assertFileExists($first);
        $this->assertMatchesRegularExpression(\local_magistere\local\export_files::NAME_PATTERN, basename($second));
    }

    /**
     * Files older than the retention are deleted by the next run, with the leftovers of interrupted writes; the
     * others stay, files that are not exports are never touched, and a retention of 0 keeps everything.
     */
    public function test_retention(): void {
        $folder = make_request_directory();
        set_config('exportfolder', $folder, 'local_magistere');
        $now = time();
        $files = [
            'attestations-20260101-020000.xml' => 31 * DAYSECS,
            'statistics-20260102-030000.xml' => 40 * DAYSECS,
            'attestations-20260110-020000.xml' => 29 * DAYSECS,
            'attestations-20260110-020000-0a1b2c.xml.part' => 2 * DAYSECS,
            'statistics-20260111-030000-0a1b2d.xml.part' => 3600,
            'notes.txt' => 400 * DAYSECS,
        ];
        foreach ($files as $name => $age) {
            file_put_contents("$folder/$name", 'x');
            touch("$folder/$name", $now - $age);
        }
        set_config('exportretention', 0, 'local_magistere');
        $this->assertSame(1, \local_magistere\local\export_files::purge($now));
        set_config('exportretention', 30 * DAYSECS, 'local_magistere');
        $this->assertSame(2, \local_magistere\local\export_files::purge($now));
        $this->assertSame(
            ['attestations-20260110-020000.xml', 'notes.txt', 'statistics-20260111-030000-0a1b2d.xml.part'],
            array_values(array_diff(scandir($folder), ['.', '..']))
        );
        unset_config('exportretention', 'local_magistere');
        $this->assertSame(30 * DAYSECS, \local_magistere\local\export_files::retention());

        // The task purges even when it then cannot export (no académie code).
        touch("$folder/attestations-20260110-020000.xml", $now - 60 * DAYSECS);
        try {
            ob_start();
            (new export_statistics())->execute();
            $this->fail('The académie code is required');
        } catch (\moodle_exception $e) {
            $this->assertSame('noacademie', $e->errorcode);
            $this->assertStringContainsString('Académie code', $e->getMessage());
        } finally {
            $output = ob_get_clean();
        }
        $this->assertStringContainsString('1 export file(s)', $output);
        $this->assertFileDoesNotExist("$folder/attestations-20260110-020000.xml");
    }
}
