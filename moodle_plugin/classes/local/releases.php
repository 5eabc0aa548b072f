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
 * The statistics releases published to the ministry (R5, docs/statistics.md).
 *
 * The ministry never sees live figures: two live tables a day apart would show every mark ticked in between.
 * It sees releases, each one stored here as it was published (the exchange file, which holds only what the
 * method allows), and each new release is protected together with every earlier one. Nothing here holds
 * personal data.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class releases {
    /** @var string the table of the releases. */
    public const TABLE = 'local_magistere_release';

    /**
     * Every release, oldest first, without its file.
     *
     * @return \stdClass[] id => record (id, generated, k, academie, cells, timecreated)
     */
    public static function all(): array {
        global $DB;
        return $DB->get_records(self::TABLE, null, 'generated ASC, id ASC', 'id, generated, k, academie, cells, timecreated');
    }

    /**
     * One release with its file.
     *
     * @param int $id
     * @return \stdClass
     * @throws \dml_missing_record_exception when there is no such release
     */
    public static function get(int $id): \stdClass {
        global $DB;
        return $DB->get_record(self::TABLE, ['id' => $id], '*', MUST_EXIST);
    }

    /**
     * The latest release, or null before the first one.
     *
     * @return \stdClass|null without its file
     */
    public static function latest(): ?\stdClass {
        $all = self::all();
        return $all ? end($all) : null;
    }

    /**
     * A stored release read back by the engine (Statistics::read(): it validates the file again).
     *
     * @param \stdClass $record with content
     * @return array what Statistics::read() returns
     */
    public static function read(\stdClass $record): array {
        $path = make_request_directory() . '/release-' . (int) $record->id . '.xml';
        file_put_contents($path, $record->content);
        try {
            return engine::read_statistics($path);
        } finally {
            @unlink($path);
        }
    }

    /**
     * Publishes a new release of the site's figures, protected together with every earlier release, and stores
     * it. One at a time: two releases computed side by side would not be protected with each other.
     *
     * @return \stdClass the new record, with its file
     */
    public static function publish(): \stdClass {
        global $DB;
        $academie = engine::academie();
        $factory = \core\lock\lock_config::get_lock_factory('local_magistere');
        $lock = $factory->get_lock('statistics_release', 120);
        if (!$lock) {
            throw new \moodle_exception('releasebusy', 'local_magistere');
        }
        try {
            $earlier = [];
            foreach (array_keys(self::all()) as $id) {
                $earlier[] = self::read(self::get((int) $id));
            }
            $path = make_request_directory() . '/release.xml';
            $cells = engine::write_statistics($path, $academie, $earlier);
            $content = file_get_contents($path);
            $release = engine::read_statistics($path);
            @unlink($path);
            $record = (object) [
                'generated' => (int) $release['generated'],
                'k' => (int) $release['k'],
                'academie' => $academie,
                'cells' => (int) $cells,
                'content' => $content,
                'timecreated' => time(),
            ];
            $record->id = $DB->insert_record(self::TABLE, $record);
            return $record;
        } finally {
            $lock->release();
        }
    }
}
