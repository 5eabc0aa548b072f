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
use local_magistere\local\export_files;

/**
 * What the export tasks share: the extension check, the retention of old files and an atomic write with
 * restrictive modes ({@see export_files}).
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
     * Writes the document through the engine ({@see engine}).
     *
     * @param resource $stream a new file, opened for writing
     * @return int what the extension returns (participants or cells written)
     */
    abstract protected function write($stream): int;

    /**
     * The file name prefix, one of export_files::PREFIXES.
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
        return export_files::folder();
    }

    /**
     * Deletes the files past their retention (whatever happens next), then writes the export, whole or not at
     * all. A failure throws, so that Moodle retries the task.
     *
     * @return string|null the path written, null when skipped
     */
    public function execute() {
        $purged = export_files::purge();
        if ($purged) {
            mtrace(get_string('exportpurged', 'local_magistere', $purged));
        }
        if (!engine::available()) {
            mtrace(get_string('extensionmissingtask', 'local_magistere'));
            return null;
        }
        $this->check_settings();
        $written = export_files::write($this->prefix(), fn($stream) => $this->write($stream));
        mtrace(get_string('exportwritten', 'local_magistere', (object) $written));
        return $written['path'];
    }
}
