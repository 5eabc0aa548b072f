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
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class marks {
    /** @var string the marks table. */
    public const TABLE = 'local_magistere_mark';

    /** @var string the audit table. */
    public const HISTORY = 'local_magistere_mark_hist';

    /**
     * Sets the mark of participants of a course. Callers check that the users are participants and the
     * trainer may mark them ({@see parcours::mark()}).
     *
     * Ticking credits the course's forecast duration as it is now (a snapshot: later edits of the forecast do
     * not rewrite it); unticking clears it. A participant whose mark already has the wanted state is left as
     * it is (no audit row, no event).
     *
     * @param int $courseid
     * @param int[] $userids
     * @param bool $finished
     * @param int $byuserid the trainer
     * @return array userid => the previous state (['finished' => bool, 'creditedminutes' => ?int] or null when
     *      there was no mark), for every user whose mark changed: what {@see restore()} takes to undo it
     */
    public static function set(int $courseid, array $userids, bool $finished, int $byuserid): array {
        $minutes = $finished ? duration_field::minutes($courseid) : null;
        $states = [];
        foreach ($userids as $userid) {
            $states[(int) $userid] = ['finished' => $finished, 'creditedminutes' => $minutes];
        }
        return self::apply($courseid, $states, $byuserid);
    }

    /**
     * Undoes a change made by {@see set()}: puts back the previous states it returned.
     *
     * @param int $courseid
     * @param array $previous userid => previous state or null (no mark before)
     * @param int $byuserid who undoes
     * @return array userid => the state before this undo, as {@see set()} returns
     */
    public static function restore(int $courseid, array $previous, int $byuserid): array {
        $states = [];
        foreach ($previous as $userid => $state) {
            $states[(int) $userid] = $state === null
                ? ['finished' => false, 'creditedminutes' => null]
                : ['finished' => !empty($state['finished']), 'creditedminutes' =>
                    isset($state['creditedminutes']) ? (int) $state['creditedminutes'] : null];
        }
        return self::apply($courseid, $states, $byuserid);
    }

    /**
     * Writes the wanted states in one transaction.
     *
     * @param int $courseid
     * @param array $states userid => ['finished' => bool, 'creditedminutes' => ?int]
     * @param int $byuserid
     * @return array userid => previous state or null
     */
    private static function apply(int $courseid, array $states, int $byuserid): array {
        global $DB;
        $context = \context_course::instance($courseid);
        $now = time();
        $previous = [];
        $events = [];
        $transaction = $DB->start_delegated_transaction();
        foreach ($states as $userid => $state) {
            $mark = $DB->get_record(self::TABLE, ['courseid' => $courseid, 'userid' => $userid]);
            $wasfinished = $mark && (int) $mark->finished === 1;
            $oldminutes = $mark && $mark->creditedminutes !== null ? (int) $mark->creditedminutes : null;
            if ($mark && $wasfinished === $state['finished'] && $oldminutes === $state['creditedminutes']) {
                continue;
            }
            if (!$mark && !$state['finished']) {
                continue;
            }
            $previous[$userid] = $mark ? ['finished' => $wasfinished, 'creditedminutes' => $oldminutes] : null;
            $record = (object) [
                'courseid' => $courseid,
                'userid' => $userid,
                'finished' => $state['finished'] ? 1 : 0,
                'creditedminutes' => $state['creditedminutes'],
                'timemodified' => $now,
                'modifiedby' => $byuserid,
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
            $events[] = training_marked::create([
                'objectid' => $record->id,
                'context' => $context,
                'courseid' => $courseid,
                'relateduserid' => $userid,
                'other' => [
                    'finished' => $state['finished'],
                    'creditedminutes' => $state['creditedminutes'],
                    'previousfinished' => $wasfinished,
                ],
            ]);
        }
        $transaction->allow_commit();
        foreach ($events as $event) {
            $event->trigger();
        }
        return $previous;
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
            'timemodified ASC, id ASC'
        ));
    }
}
