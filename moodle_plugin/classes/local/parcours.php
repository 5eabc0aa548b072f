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

use moodle_exception;

/**
 * What the parcours page does, without the page: which view a user gets, limited by Moodle's separate groups,
 * and the trainer's marks.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class parcours {
    /** @var string a skipped undo: the user is no longer a participant of the parcours. */
    public const SKIP_NOTPARTICIPANT = 'notparticipant';

    /** @var string a skipped undo: the user is not in the trainer's groups (separate groups). */
    public const SKIP_NOTINGROUPS = 'notingroups';

    /**
     * The view of a parcours for a user: the trainer view (R3) when he may see it and is one of its trainers, else
     * the participant view (R2) when he is one of its participants, else 'outsider': he passed Moodle's capability
     * gate but is neither (a site administrator or a manager who is not enrolled, a role the engine's settings do
     * not count): only the parcours' trainers and participants see inside it (R1). Separate groups limit what
     * either view lists ({@see groups}).
     *
     * @param int $courseid
     * @param int $userid the current user
     * @param int $activegroup the group chosen in the trainer's group menu (0: all he may see)
     * @return array ['mode' => 'trainer'|'participant'|'outsider', 'view' => the engine's array (limited) or null]
     * @throws \required_capability_exception without either capability
     */
    public static function view(int $courseid, int $userid, int $activegroup = 0): array {
        $context = \context_course::instance($courseid);
        $astrainer = has_capability('local/magistere:viewtrainer', $context, $userid);
        $asparticipant = has_capability('local/magistere:viewown', $context, $userid);
        if (!$astrainer && !$asparticipant) {
            throw new \required_capability_exception($context, 'local/magistere:viewown', 'nopermissions', '');
        }
        $result = engine::parcours_view($userid, $courseid, $astrainer, $asparticipant);
        $course = get_course($courseid);
        if ($result['mode'] === 'trainer') {
            $result['view'] = groups::trainer_view($course, $userid, $result['view'], $activegroup);
        } else if ($result['mode'] === 'participant') {
            $result['view'] = groups::participant_view($course, $userid, $result['view']);
        }
        return $result;
    }

    /**
     * The trainer view, for a user who holds the capability, limited to the participants he may see.
     *
     * @param int $courseid
     * @param int $userid the current user
     * @return array the engine's trainer view, limited by separate groups
     */
    public static function trainer_view(int $courseid, int $userid): array {
        require_capability('local/magistere:viewtrainer', \context_course::instance($courseid), $userid);
        return groups::trainer_view(get_course($courseid), $userid, engine::trainer_view($userid, $courseid));
    }

    /**
     * The whole trainer view of a parcours for one of its trainers (not limited by groups: the callers check the
     * groups themselves); anybody else, a site administrator included, is refused as Moodle's "no permission".
     *
     * @param int $courseid
     * @param int $trainerid
     * @return array the engine's trainerView()
     * @throws moodle_exception nopermissions
     */
    private static function own_trainer_view(int $courseid, int $trainerid): array {
        $result = engine::parcours_view($trainerid, $courseid, true, false);
        if ($result['mode'] !== 'trainer') {
            throw new moodle_exception('nopermissions', 'error', '', get_string('viewpage', 'local_magistere'));
        }
        return $result['view'];
    }

    /**
     * Checks a trainer's request about some users: every one must be a participant of the parcours, and one the
     * trainer may see (separate groups). Checked on every POST, whatever the page showed.
     *
     * @param int $courseid
     * @param int[] $userids
     * @param int $trainerid the current user
     * @return int[] the users, as ints, in the participants' order
     * @throws moodle_exception notparticipants, notinyourgroups, noselection
     */
    public static function check_selection(int $courseid, array $userids, int $trainerid): array {
        $view = self::own_trainer_view($courseid, $trainerid);
        $selection = participant_list::select($view['participants'], $userids);
        if ($selection['invalid']) {
            throw new moodle_exception('notparticipants', 'local_magistere', '', implode(', ', $selection['invalid']));
        }
        if (!$selection['valid']) {
            throw new moodle_exception('noselection', 'local_magistere');
        }
        $ids = array_map(fn($person) => (int) $person['id'], $selection['valid']);
        $visible = groups::visible_userids(get_course($courseid), $trainerid);
        if ($visible !== null) {
            $outside = array_diff($ids, $visible);
            if ($outside) {
                // A count, never names: he may not see who they are.
                throw new moodle_exception('notinyourgroups', 'local_magistere', '', count($outside));
            }
        }
        return $ids;
    }

    /**
     * Ticks or unticks "formation terminee" for participants of the parcours (R3, R7).
     *
     * @param int $courseid
     * @param int[] $userids participants he may see; any other id refuses the whole request
     * @param bool $finished
     * @param int $trainerid the current user
     * @return array what {@see marks::set()} returns: what changed (to undo) and what was already so
     * @throws moodle_exception
     */
    public static function mark(int $courseid, array $userids, bool $finished, int $trainerid): array {
        require_capability('local/magistere:mark', \context_course::instance($courseid), $trainerid);
        $ids = self::check_selection($courseid, $userids, $trainerid);
        return marks::set($courseid, $ids, $finished, $trainerid);
    }

    /**
     * Undoes a marking: restores the states {@see mark()} changed, for the marks nobody changed since, of users
     * who are still participants the trainer may see. The others are skipped, with the reason.
     *
     * @param int $courseid
     * @param array $changed the 'changed' part of what mark() returned
     * @param int $trainerid the current user
     * @return array as {@see marks::undo()}: 'skipped' => [userid => marks::SKIP_CHANGED | self::SKIP_*]
     */
    public static function undo(int $courseid, array $changed, int $trainerid): array {
        require_capability('local/magistere:mark', \context_course::instance($courseid), $trainerid);
        $view = self::own_trainer_view($courseid, $trainerid);
        $participants = array_flip(array_map(fn($person) => (int) $person['id'], $view['participants']));
        $visible = groups::visible_userids(get_course($courseid), $trainerid);
        $visible = $visible === null ? null : array_flip($visible);
        $keep = [];
        $skipped = [];
        foreach ($changed as $userid => $change) {
            $userid = (int) $userid;
            if (!isset($participants[$userid])) {
                $skipped[$userid] = self::SKIP_NOTPARTICIPANT;
            } else if ($visible !== null && !isset($visible[$userid])) {
                $skipped[$userid] = self::SKIP_NOTINGROUPS;
            } else {
                $keep[$userid] = $change;
            }
        }
        $result = marks::undo($courseid, $keep, $trainerid);
        $result['skipped'] += $skipped;
        return $result;
    }

    /**
     * What a change did, in words: how many changed, how many were already so, how many an undo skipped and why.
     *
     * @param array $result what {@see mark()} or {@see undo()} returned
     * @param string $action 'finish', 'unfinish' or 'undo'
     * @return string
     */
    public static function result_message(array $result, string $action): string {
        $parts = [];
        if ($action === 'undo') {
            $parts[] = get_string('undone', 'local_magistere', count($result['changed']));
            foreach (array_count_values($result['skipped']) as $reason => $count) {
                $parts[] = get_string('undoskipped:' . $reason, 'local_magistere', $count);
            }
            return implode(' ', $parts);
        }
        $finished = $action === 'finish';
        if ($result['changed'] || !$result['unchanged']) {
            $parts[] = get_string($finished ? 'markedfinished' : 'markedunfinished', 'local_magistere', count($result['changed']));
        }
        if ($result['unchanged']) {
            $parts[] = get_string(
                $finished ? 'alreadyfinished' : 'alreadyunfinished',
                'local_magistere',
                count($result['unchanged'])
            );
        }
        return implode(' ', $parts);
    }
}
