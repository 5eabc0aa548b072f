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

use local_magistere\event\platform_fix_applied;
use local_magistere\event\platform_fix_undone;

/**
 * The one-click fix of the platform privacy check: hides the connection fields, prohibits the capabilities on the
 * checked roles at system level, disables the analytics models concerned and the "unenrol inactive after" of self
 * enrolment. Every change and the value it replaced are stored in local_magistere_platfix, so that undo() restores
 * exactly the previous values; both are logged as events. The pages call apply() and undo() only after the site
 * administrator confirmed the list of changes (admin/platform.php).
 *
 * A change is an array with a type (config, capability, model, enrol), what it targets, 'before' and 'after'.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class platform_fix {
    /** @var string the table of applied fixes. */
    public const TABLE = 'local_magistere_platfix';

    /**
     * The changes the fix would make now.
     *
     * @return array[]
     */
    public static function plan(): array {
        platform_privacy::reset();
        $changes = [];
        foreach (platform_privacy::findings() as $finding) {
            foreach ($finding['changes'] as $change) {
                $changes[] = $change;
            }
        }
        return $changes;
    }

    /**
     * A short fingerprint of a list of changes: the confirmation form carries it, so that what is applied is what the
     * administrator read.
     *
     * @param array[] $changes
     * @return string
     */
    public static function fingerprint(array $changes): string {
        return sha1(json_encode($changes));
    }

    /**
     * Applies the current plan.
     *
     * @param int $userid the administrator
     * @return \stdClass|null the stored record, null when there was nothing to change
     */
    public static function apply(int $userid): ?\stdClass {
        global $DB;
        require_capability('moodle/site:config', \context_system::instance(), $userid);
        $changes = self::plan();
        if (!$changes) {
            return null;
        }
        $transaction = $DB->start_delegated_transaction();
        foreach ($changes as $change) {
            self::set($change, $change['after']);
        }
        $record = (object) ['userid' => $userid, 'timecreated' => time(), 'changes' => json_encode($changes),
            'timeundone' => 0, 'undoneby' => 0];
        $record->id = $DB->insert_record(self::TABLE, $record);
        $transaction->allow_commit();
        self::changed();
        platform_fix_applied::create([
            'context' => \context_system::instance(),
            'objectid' => $record->id,
            'userid' => $userid,
            'other' => ['changes' => count($changes)],
        ])->trigger();
        return $record;
    }

    /**
     * The latest fix not undone yet, or null.
     *
     * @return \stdClass|null with changes decoded
     */
    public static function last(): ?\stdClass {
        global $DB;
        $records = $DB->get_records(self::TABLE, ['timeundone' => 0], 'timecreated DESC, id DESC', '*', 0, 1);
        $record = reset($records);
        if (!$record) {
            return null;
        }
        $record->changes = json_decode($record->changes, true) ?: [];
        return $record;
    }

    /**
     * What undo() would do for a fix: each change with the value now in place and the one restored.
     *
     * @param \stdClass $record from last()
     * @return array[] the changes, with 'current' added
     */
    public static function undo_plan(\stdClass $record): array {
        $plan = [];
        foreach ($record->changes as $change) {
            $change['current'] = self::get($change);
            $plan[] = $change;
        }
        return $plan;
    }

    /**
     * Undoes the latest fix: every value it changed gets back the value it had before.
     *
     * @param int $userid the administrator
     * @param int $fixid the fix the administrator confirmed undoing (it must still be the latest)
     * @return \stdClass|null the record, null when there was nothing to undo
     */
    public static function undo(int $userid, int $fixid): ?\stdClass {
        global $DB;
        require_capability('moodle/site:config', \context_system::instance(), $userid);
        $record = self::last();
        if (!$record || (int) $record->id !== $fixid) {
            return null;
        }
        $transaction = $DB->start_delegated_transaction();
        foreach (array_reverse($record->changes) as $change) {
            self::set($change, $change['before']);
        }
        $DB->update_record(self::TABLE, (object) ['id' => $record->id, 'timeundone' => time(), 'undoneby' => $userid]);
        $transaction->allow_commit();
        self::changed();
        platform_fix_undone::create([
            'context' => \context_system::instance(),
            'objectid' => $record->id,
            'userid' => $userid,
            'other' => ['changes' => count($record->changes)],
        ])->trigger();
        return $record;
    }

    /**
     * The value a change's target has now.
     *
     * @param array $change
     * @return mixed
     */
    public static function get(array $change) {
        global $DB;
        switch ($change['type']) {
            case 'config':
                $value = get_config($change['plugin'] ?? 'core', $change['name']);
                return $value === false ? null : (string) $value;
            case 'capability':
                $permission = $DB->get_field('role_capabilities', 'permission', ['roleid' => $change['roleid'],
                    'capability' => $change['capability'], 'contextid' => SYSCONTEXTID]);
                return $permission === false ? null : (int) $permission;
            case 'model':
                $enabled = $DB->get_field('analytics_models', 'enabled', ['id' => $change['modelid']]);
                return $enabled === false ? null : (int) $enabled;
            case 'enrol':
                $value = $DB->get_field('enrol', 'customint2', ['id' => $change['enrolid']]);
                return $value === false ? null : (int) $value;
        }
        throw new \coding_exception('Unknown change type ' . $change['type']);
    }

    /**
     * Gives a change's target a value (null: no value, as before the setting or permission existed).
     *
     * @param array $change
     * @param mixed $value
     */
    private static function set(array $change, $value): void {
        global $DB;
        switch ($change['type']) {
            case 'config':
                if ($value === null) {
                    unset_config($change['name'], $change['plugin'] ?? null);
                } else {
                    set_config($change['name'], $value, $change['plugin'] ?? null);
                }
                return;
            case 'capability':
                if ($value === null) {
                    unassign_capability($change['capability'], $change['roleid'], SYSCONTEXTID);
                } else {
                    assign_capability($change['capability'], (int) $value, $change['roleid'], SYSCONTEXTID, true);
                }
                return;
            case 'model':
                if (!$DB->record_exists('analytics_models', ['id' => $change['modelid']])) {
                    return; // Deleted since: nothing to restore.
                }
                $model = new \core_analytics\model($change['modelid']);
                if ($value) {
                    $model->enable();
                } else {
                    $model->update(0, false, false);
                }
                return;
            case 'enrol':
                if ($DB->record_exists('enrol', ['id' => $change['enrolid']])) {
                    $DB->set_field('enrol', 'customint2', (int) $value, ['id' => $change['enrolid']]);
                }
                return;
        }
        throw new \coding_exception('Unknown change type ' . $change['type']);
    }

    /**
     * Clears what depends on the changed values.
     */
    private static function changed(): void {
        accesslib_clear_all_caches(false);
        platform_privacy::reset();
    }
}
