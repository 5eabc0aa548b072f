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

use local_magistere\local\engine;

/**
 * What the export tasks share: the export folder, the extension check and an atomic write.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class export_base extends \core\task\scheduled_task {
    /**
     * The language string of the task's name.
     *
     * @return string
     */
    abstract protected function name_key(): string;

    /**
     * Writes the file through the tracker.
     *
     * @param \Magistere\Tracker $tracker
     * @param string $path a temporary path in the export folder
     * @return int what the extension returns (participants or cells written)
     */
    abstract protected function write(\Magistere\Tracker $tracker, string $path): int;

    /**
     * The file name prefix.
     *
     * @return string
     */
    abstract protected function prefix(): string;

    /**
     * Checks the settings the export needs before anything is written.
     */
    protected function check_settings(): void {
    }

    /**
     * The task's name.
     *
     * @return string
     */
    public function get_name() {
        return get_string($this->name_key(), 'local_magistere');
    }

    /**
     * The export folder: the setting, or dataroot/local_magistere.
     *
     * @return string
     */
    public static function folder(): string {
        global $CFG;
        $folder = trim((string) get_config('local_magistere', 'exportfolder'));
        return $folder !== '' ? rtrim($folder, '/') : $CFG->dataroot . '/local_magistere';
    }

    /**
     * Writes the export to a temporary file, then renames it, so that a reader never sees half a file.
     *
     * @return string|null the path written, null when skipped
     */
    public function execute() {
        if (!engine::available()) {
            mtrace(get_string('extensionmissingtask', 'local_magistere'));
            return null;
        }
        $this->check_settings();
        $folder = self::folder();
        if (!is_dir($folder) && !make_writable_directory($folder, false)) {
            throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
        }
        $final = $folder . '/' . $this->prefix() . '-' . date('Ymd-His') . '.xml';
        $temp = $final . '.part';
        $tracker = engine::tracker_for_site();
        try {
            $count = engine::call(fn() => $this->write($tracker, $temp));
        } catch (\Throwable $e) {
            @unlink($temp);
            throw $e;
        }
        if (!rename($temp, $final)) {
            @unlink($temp);
            throw new \moodle_exception('exportfoldererror', 'local_magistere', '', $folder);
        }
        mtrace(get_string('exportwritten', 'local_magistere', (object) ['path' => $final, 'count' => $count]));
        return $final;
    }
}
