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

use local_magistere\event\training_marked;

/**
 * Writes the trainers' "formation terminee" marks: through $DB, in one transaction, with an audit row and an
 * event per change (R3), and the credited minutes snapshot (R7). The extension only reads them.
 *
 * Concurrency. Two trainers may tick and untick the same participants at once, a form may be submitted twice,
 * an undo may race another change. Every write is serialised per parcours and checked:
 *
 * - a Moodle lock per parcours ({@see \core\lock\lock_config}, the site's lock factory) is held while the current
 *   marks are read and the changes written and committed, so that each write starts from the last committed
 *   state: the final state is that of some serial order of the requests;
 * - each mark carries a revision, incremented by every change; the audit row of a change records the revision
 *   it produced, and (courseid, userid, revision) is unique in the audit table. Two writers that would both
 *   start from the same revision (a lock factory that does not lock across the site's servers) cannot both
 *   commit: the second one's audit row is refused, its transaction rolled back and retried from the new state;
 *   so every change appears in the audit exactly once. A second insert of the same mark is refused the same way
 *   by the unique (courseid, userid) index of the marks;
 * - ticking leaves an already finished participant as he is (his credited snapshot is never rewritten, even if
 *   the forecast changed), unticking leaves an unfinished one: a double submit changes nothing the second time;
 * - an undo restores a mark only if it is still at the revision the undone change left; a mark changed since,
 *   by anybody, is skipped and reported, never silently overwritten;
 * - a lock that cannot be had in time, or a conflict that persists after retries, ends in a clear Moodle error
 *   (markbusy, markconflict) with nothing written; a write the database refuses while nobody changed the marks
 *   (read-only server, rows locked elsewhere past the lock wait timeout) ends at once in markfailed, nothing
 *   written; no database error reaches the user.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class marks {
    /** @var string the marks table. */
    public const TABLE = 'local_magistere_mark';

    /** @var string the audit table. */
    public const HISTORY = 'local_magistere_mark_hist';

    /** @var int seconds to wait for the parcours' lock, unless the marklocktimeout setting says otherwise. */
    public const LOCK_TIMEOUT = 10;

    /** @var int attempts of a write that meets a concurrent one. */
    public const ATTEMPTS = 3;

    /** @var string a skipped undo: the mark changed since the undone change. */
    public const SKIP_CHANGED = 'changed';

    /**
     * The current marks of users: userid => state, or null when the user has no mark.
     *
     * A state is ['finished' => bool, 'creditedminutes' => ?int, 'revision' => int].
     *
     * @param int $courseid
     * @param int[] $userids
     * @return array
     */
    public static function states(int $courseid, array $userids): array {
        global $DB;
        $userids = array_values(array_unique(array_map('intval', $userids)));
        $states = array_fill_keys($userids, null);
        if (!$userids) {
            return $states;
        }
        [$insql, $params] = $DB->get_in_or_equal($userids, SQL_PARAMS_NAMED);
        $params['courseid'] = $courseid;
        $records = $DB->get_records_select(
            self::TABLE,
            "courseid = :courseid AND userid $insql",
            $params,
            '',
            'id, userid, finished, creditedminutes, revision'
        );
        foreach ($records as $record) {
            $states[(int) $record->userid] = self::state($record);
        }
        return $states;
    }

    /**
     * The state of a mark record.
     *
     * @param \stdClass $record
     * @return array
     */
    private static function state(\stdClass $record): array {
        return [
            'finished' => (int) $record->finished === 1,
            'creditedminutes' => $record->creditedminutes !== null ? (int) $record->creditedminutes : null,
            'revision' => (int) $record->revision,
        ];
    }

    /**
     * Whether ticking (or unticking) would change a mark in this state.
     *
     * @param array|null $state
     * @param bool $finished
     * @return bool
     */
    private static function would_change(?array $state, bool $finished): bool {
        $isfinished = $state !== null && $state['finished'];
        return $isfinished !== $finished;
    }

    /**
     * What {@see set()} would do now, without writing: which users would change and which are already in the
     * wanted state. The confirmation page shows it; set() decides again under the lock.
     *
     * @param int $courseid
     * @param int[] $userids
     * @param bool $finished
     * @return array ['change' => int[], 'unchanged' => int[]]
     */
    public static function plan(int $courseid, array $userids, bool $finished): array {
        $plan = ['change' => [], 'unchanged' => []];
        foreach (self::states($courseid, $userids) as $userid => $state) {
            $plan[self::would_change($state, $finished) ? 'change' : 'unchanged'][] = $userid;
        }
        return $plan;
    }

    /**
     * Ticks or unticks the mark of participants of a course. Callers check that the users are participants the
     * trainer may mark ({@see parcours::mark()}).
     *
     * Ticking credits the course's forecast duration as it is now (a snapshot: later edits of the forecast do not
     * rewrite it) to those not finished yet; unticking clears it. A participant whose mark already has the wanted
     * state is left as he is (no audit row, no event).
     *
     * @param int $courseid
     * @param int[] $userids
     * @param bool $finished
     * @param int $byuserid the trainer
     * @return array ['changed' => [userid => ['before' => ?state, 'after' => state]], 'unchanged' => int[],
     *      'skipped' => [], 'seen' => [userid => revision]]: 'changed' is what {@see undo()} takes to undo it; 'seen'
     *      is the revision each mark was at when the change was decided under the lock (0: no mark), by which the
     *      concurrency tests check that the result is that of some serial order
     * @throws \moodle_exception markbusy, markconflict, markfailed
     */
    public static function set(int $courseid, array $userids, bool $finished, int $byuserid): array {
        $minutes = $finished ? duration_field::minutes($courseid) : null;
        return self::write($courseid, $userids, $byuserid, function (?array $state) use ($finished, $minutes) {
            if (!self::would_change($state, $finished)) {
                return null;
            }
            return ['finished' => $finished, 'creditedminutes' => $finished ? $minutes : null];
        });
    }

    /**
     * Undoes a change made by {@see set()} (or by a previous undo): puts back the state each mark had before it,
     * for the marks still at the revision that change left. The others were changed since: they are skipped.
     *
     * @param int $courseid
     * @param array $changed the 'changed' part of what set() returned
     * @param int $byuserid who undoes
     * @return array as set() returns, with 'skipped' => [userid => self::SKIP_CHANGED]
     * @throws \moodle_exception markbusy, markconflict, markfailed
     */
    public static function undo(int $courseid, array $changed, int $byuserid): array {
        $targets = [];
        foreach ($changed as $userid => $change) {
            $before = $change['before'] ?? null;
            $targets[(int) $userid] = [
                'revision' => (int) ($change['after']['revision'] ?? -1),
                'state' => [
                    'finished' => !empty($before['finished']),
                    'creditedminutes' => !empty($before['finished']) && isset($before['creditedminutes'])
                        ? (int) $before['creditedminutes'] : null,
                ],
            ];
        }
        return self::write($courseid, array_keys($targets), $byuserid, function (?array $state, int $userid) use ($targets) {
            if ($state === null || $state['revision'] !== $targets[$userid]['revision']) {
                return self::SKIP_CHANGED;
            }
            return $targets[$userid]['state'];
        });
    }

    /**
     * Seconds to wait for the parcours' lock.
     *
     * @return int
     */
    private static function lock_timeout(): int {
        $configured = get_config('local_magistere', 'marklocktimeout');
        return $configured !== false && is_numeric($configured) ? max(0, (int) $configured) : self::LOCK_TIMEOUT;
    }

    /**
     * Writes the changes $decide asks for, under the parcours' lock, retrying on a concurrent write.
     *
     * @param int $courseid
     * @param int[] $userids
     * @param int $byuserid
     * @param callable $decide fn(?array $state, int $userid): the new ['finished', 'creditedminutes'], null to
     *      leave the mark unchanged, or a skip reason (string)
     * @return array ['changed' => ..., 'unchanged' => int[], 'skipped' => [userid => reason], 'seen' => [userid => revision]]
     * @throws \moodle_exception
     */
    private static function write(int $courseid, array $userids, int $byuserid, callable $decide): array {
        global $DB;
        $userids = array_values(array_unique(array_map('intval', $userids)));
        if (!$userids) {
            return ['changed' => [], 'unchanged' => [], 'skipped' => [], 'seen' => []];
        }
        $factory = \core\lock\lock_config::get_lock_factory('local_magistere_marks');
        $lock = $factory->get_lock('course' . $courseid, self::lock_timeout());
        if (!$lock) {
            throw new \moodle_exception('markbusy', 'local_magistere');
        }
        // Inside a caller's transaction a failed attempt dooms the whole transaction: no retry is possible there.
        $attempts = $DB->is_transaction_started() ? 1 : self::ATTEMPTS;
        try {
            for ($attempt = 1;; $attempt++) {
                $seen = [];
                try {
                    $result = self::write_once($courseid, $userids, $byuserid, $decide, $seen);
                    break;
                } catch (\dml_write_exception $e) {
                    $debuginfo = is_siteadmin() ? ($e->error ?? $e->getMessage()) : get_class($e);
                    if ($attempt >= $attempts) {
                        throw new \moodle_exception('markconflict', 'local_magistere', '', null, $debuginfo);
                    }
                    usleep(random_int(20000, 100000) * $attempt);
                    // Someone else's change of these marks (its audit row took our revision, it inserted the mark
                    // first, or it won a deadlock, and has committed by now) is retried from the new state.
                    // Anything else is the database refusing the write (read-only for maintenance, a lock held
                    // elsewhere beyond innodb_lock_wait_timeout, a full disk): saying that someone else changed
                    // the marks would be false, and retrying would only make the trainer wait again.
                    if (!self::changed_since($courseid, $seen)) {
                        throw new \moodle_exception('markfailed', 'local_magistere', '', null, $debuginfo);
                    }
                }
            }
        } finally {
            $lock->release();
        }
        foreach ($result['events'] as $event) {
            $event->trigger();
        }
        unset($result['events']);
        return $result;
    }

    /**
     * Whether some of these marks changed since an attempt read them: another writer committed in between.
     *
     * @param int $courseid
     * @param int[] $seen userid => the revision the attempt read (0: no mark); empty when it failed before reading
     * @return bool
     */
    private static function changed_since(int $courseid, array $seen): bool {
        if (!$seen) {
            return false;
        }
        foreach (self::states($courseid, array_keys($seen)) as $userid => $state) {
            if (($state['revision'] ?? 0) !== $seen[$userid]) {
                return true;
            }
        }
        return false;
    }

    /**
     * One attempt: reads the current marks and writes the changes in one transaction.
     *
     * @param int $courseid
     * @param int[] $userids
     * @param int $byuserid
     * @param callable $decide
     * @param array $seen filled with userid => the revision read (0: no mark), also when the attempt fails
     * @return array as {@see write()}, plus 'events' to trigger once committed
     */
    private static function write_once(
        int $courseid,
        array $userids,
        int $byuserid,
        callable $decide,
        array &$seen
    ): array {
        global $DB;
        $context = \context_course::instance($courseid);
        $now = time();
        $result = ['changed' => [], 'unchanged' => [], 'skipped' => [], 'seen' => [], 'events' => []];
        $transaction = $DB->start_delegated_transaction();
        try {
            [$insql, $params] = $DB->get_in_or_equal($userids, SQL_PARAMS_NAMED);
            $params['courseid'] = $courseid;
            // A mark may have been removed while its audit trail stays (course reset): numbering goes on after the
            // last audited change, so that (courseid, userid, revision) stays unique.
            // The audit is read BEFORE the marks. Moodle runs its transactions in READ COMMITTED (MySQL, MariaDB and
            // PostgreSQL alike): each statement sees what was committed before it, not a snapshot of the
            // transaction. Read the other way round, a change committed by another process between the two reads
            // would show in the audit but not in the mark: the new revision would jump over it, its audit row would
            // not collide, and this change, decided on the older state, would overwrite it unseen (an undo over a
            // later change). In this order the marks are at least as recent as the audit: a concurrent change is
            // either seen in the mark, or its audit row takes the revision this change wants, and the unique index
            // refuses this one, which is retried from the new state.
            $audited = $DB->get_records_sql_menu(
                "SELECT userid, MAX(revision) FROM {" . self::HISTORY . "}
                  WHERE courseid = :courseid AND userid $insql
               GROUP BY userid",
                $params
            );
            $records = [];
            foreach ($DB->get_records_select(self::TABLE, "courseid = :courseid AND userid $insql", $params) as $record) {
                $records[(int) $record->userid] = $record;
            }
            foreach ($userids as $userid) {
                $mark = $records[$userid] ?? null;
                $before = $mark ? self::state($mark) : null;
                $result['seen'][$userid] = $seen[$userid] = $before['revision'] ?? 0;
                $wanted = $decide($before, $userid);
                if ($wanted === null) {
                    $result['unchanged'][] = $userid;
                    continue;
                }
                if (is_string($wanted)) {
                    $result['skipped'][$userid] = $wanted;
                    continue;
                }
                $record = (object) [
                    'courseid' => $courseid,
                    'userid' => $userid,
                    'finished' => $wanted['finished'] ? 1 : 0,
                    'creditedminutes' => $wanted['creditedminutes'],
                    'timemodified' => $now,
                    'modifiedby' => $byuserid,
                    'revision' => max($before['revision'] ?? 0, (int) ($audited[$userid] ?? 0)) + 1,
                ];
                if ($mark) {
                    $record->id = $mark->id;
                    $DB->update_record(self::TABLE, $record);
                } else {
                    $record->id = $DB->insert_record(self::TABLE, $record);
                }
                $history = clone $record;
                unset($history->id);
                $DB->insert_record(self::HISTORY, $history);
                $after = ['finished' => $wanted['finished'], 'creditedminutes' => $wanted['creditedminutes'],
                    'revision' => $record->revision];
                $result['changed'][$userid] = ['before' => $before, 'after' => $after];
                $result['events'][] = training_marked::create([
                    'objectid' => $record->id,
                    'context' => $context,
                    'courseid' => $courseid,
                    'relateduserid' => $userid,
                    'other' => [
                        'finished' => $wanted['finished'],
                        'creditedminutes' => $wanted['creditedminutes'],
                        'previousfinished' => $before !== null && $before['finished'],
                        'revision' => $record->revision,
                    ],
                ]);
            }
            $transaction->allow_commit();
        } catch (\Throwable $e) {
            $transaction->rollback($e);
        }
        return $result;
    }

    /**
     * The mark of a participant, or null.
     *
     * @param int $courseid
     * @param int $userid
     * @return \stdClass|null
     */
    public static function get(int $courseid, int $userid): ?\stdClass {
        global $DB;
        $mark = $DB->get_record(self::TABLE, ['courseid' => $courseid, 'userid' => $userid]);
        return $mark ?: null;
    }

    /**
     * The audit trail of one participant's mark, oldest first.
     *
     * @param int $courseid
     * @param int $userid
     * @return \stdClass[]
     */
    public static function history(int $courseid, int $userid): array {
        global $DB;
        return array_values($DB->get_records(
            self::HISTORY,
            ['courseid' => $courseid, 'userid' => $userid],
            'revision ASC, id ASC'
        ));
    }
}
