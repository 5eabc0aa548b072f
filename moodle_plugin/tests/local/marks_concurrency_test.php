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
 * The marks under real concurrency (issue 14): trainers' changes made at the same instant by separate PHP processes.
 *
 * Each test starts PHP CLI children (tests/fixtures/marks_race_child.php) that bootstrap this same PHPUnit site,
 * wait together at a barrier (a file the test holds locked), then call parcours::mark() and parcours::undo() as
 * mark.php does, with the extension and the database of the test. The test then checks, from what every call
 * returned and from the audit table:
 *
 * - no call failed, or only with the plugin's own "try again" errors where a test allows them: no database error
 *   reaches a trainer;
 * - every change a call reported is in the audit exactly once, by its trainer, with its state, and the audit holds
 *   no change nobody reported; each mark's audit is numbered 1, 2, ... and ends with the mark's state;
 * - each change started from the state the previous audited change left (no lost update), and each participant a
 *   call left unchanged was already in the wanted state at the revision the call saw;
 * - the calls can be put in one serial order that explains all of this (the graph of "saw or overwrote the
 *   result of" has no cycle): the final state equals that of some serial order;
 * - an undo changed only marks still at the revision the undone change left, and skipped the others.
 *
 * @package    local_magistere
 * @category   test
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_magistere\local\marks
 * @covers     \local_magistere\local\parcours
 */
final class marks_concurrency_test extends \local_magistere\tests\testcase {
    /** @var int seconds a race may take before the test gives up on its children. */
    private const TIMEOUT = 300;

    /**
     * Two trainers tick, untick and undo random groups of the same participants at the same time.
     */
    public function test_two_trainers_racing(): void {
        $p = $this->generator()->create_parcours(['trainers' => 2, 'participants' => 10, 'duration' => 90]);
        $courseid = (int) $p->course->id;
        $users = array_map(fn($u) => (int) $u->id, $p->participants);
        $baseline = $this->revisions($courseid, $users);
        $plans = [];
        foreach ($p->trainers as $n => $trainer) {
            $plans[] = ['courseid' => $courseid, 'trainerid' => (int) $trainer->id,
                'ops' => $this->random_ops($users, 24, 1000 + $n)];
        }
        $ops = $this->race($plans);
        $this->assertCount(48, $ops);
        $this->assert_serial($courseid, $ops, $baseline, []);
        $this->assertGreaterThan(0, $this->count_changes($ops));
    }

    /**
     * A form submitted three times at once (a double click, a reload): each participant changes once, whoever's
     * request gets there first; the others find nothing to do. Then the same with the untick.
     */
    public function test_double_submit(): void {
        global $DB;
        $p = $this->generator()->create_parcours(['trainers' => 1, 'participants' => 8, 'duration' => 45]);
        $courseid = (int) $p->course->id;
        $trainerid = (int) $p->trainers[0]->id;
        $users = array_map(fn($u) => (int) $u->id, $p->participants);
        foreach (['finish', 'unfinish'] as $round => $action) {
            $baseline = $this->revisions($courseid, $users);
            $plan = ['courseid' => $courseid, 'trainerid' => $trainerid, 'ops' => [['op' => $action, 'users' => $users]]];
            $ops = $this->race([$plan, $plan, $plan]);
            $this->assert_serial($courseid, $ops, $baseline, []);
            $this->assertSame(8, $this->count_changes($ops), "round $round: each participant changes once");
            $this->assertSame(8 * ($round + 1), $DB->count_records(marks::HISTORY, ['courseid' => $courseid]));
            foreach ($users as $userid) {
                $this->assertSame($action === 'finish' ? 1 : 0, (int) marks::get($courseid, $userid)->finished);
            }
        }
    }

    /**
     * A trainer's undo races another trainer's change of some of the same marks: each mark is either undone (the
     * other change came after, from the undone state) or skipped (it came first): never overwritten.
     */
    public function test_undo_racing_another_change(): void {
        $p = $this->generator()->create_parcours(['trainers' => 2, 'participants' => 8, 'duration' => 60]);
        $courseid = (int) $p->course->id;
        [$a, $b] = array_map(fn($u) => (int) $u->id, $p->trainers);
        $users = array_map(fn($u) => (int) $u->id, $p->participants);
        $outcomes = ['undone' => 0, 'skipped' => 0];
        for ($round = 0; $round < 4; $round++) {
            // Trainer A ticks everybody (from a known state); then his undo races B's untick and tick of four.
            $this->setUser($p->trainers[0]);
            parcours::mark($courseid, $users, false, $a);
            $change = parcours::mark($courseid, $users, true, $a);
            $this->assertCount(8, $change['changed']);
            $baseline = $this->revisions($courseid, $users);
            $others = array_slice($users, 2 * $round, 4);
            $ops = $this->race([
                ['courseid' => $courseid, 'trainerid' => $a, 'ops' => [['op' => 'undo', 'changed' => $change['changed']]]],
                ['courseid' => $courseid, 'trainerid' => $b, 'ops' => [
                    ['op' => 'unfinish', 'users' => $others],
                    ['op' => 'finish', 'users' => $others],
                ]],
            ]);
            $this->assert_serial($courseid, $ops, $baseline, []);
            $undo = $ops[0]['result'];
            $this->assertSame(8, count($undo['changed']) + count($undo['skipped']));
            // Marks the other trainer never touched are always undone.
            foreach (array_diff($users, $others) as $userid) {
                $this->assertArrayHasKey($userid, $undo['changed']);
            }
            $outcomes['undone'] += count($undo['changed']);
            $outcomes['skipped'] += count($undo['skipped']);
        }
        $this->assertGreaterThan(0, $outcomes['undone']);
    }

    /**
     * Without a lock that works across processes (a site whose lock factory does not lock across its servers),
     * the unique revision of each audit row still refuses the second of two writes of one mark: every change is in
     * the audit exactly once and starts from the state the previous one left; a request that keeps meeting others
     * fails with one of the plugin's "try again" messages and writes nothing. Whole requests are no longer serialised
     * then (two bulk changes may each see the other's participants as they were): that is what the lock is for.
     */
    public function test_race_without_lock(): void {
        $p = $this->generator()->create_parcours(['trainers' => 3, 'participants' => 4, 'duration' => 30]);
        $courseid = (int) $p->course->id;
        $users = array_map(fn($u) => (int) $u->id, $p->participants);
        $baseline = $this->revisions($courseid, $users);
        $plans = [];
        foreach ($p->trainers as $n => $trainer) {
            $plans[] = ['courseid' => $courseid, 'trainerid' => (int) $trainer->id,
                'lockfactory' => '\\local_magistere\\tests\\fixtures\\unlocked_lock_factory',
                'ops' => $this->random_ops($users, 40, 2000 + $n)];
        }
        $ops = $this->race($plans);
        $this->assert_serial($courseid, $ops, $baseline, ['markconflict', 'markfailed'], false);
        $this->assertGreaterThan(0, $this->count_changes($ops));
    }

    /**
     * Another transaction (not a change of the marks: a maintenance script, a backup tool) holds the rows of the marks
     * beyond the lock wait timeout: the change fails at once with the plugin's "the database refused" error, not
     * "someone else changed the marks", and writes nothing. Once the rows are free the same change goes through.
     */
    public function test_rows_locked_elsewhere(): void {
        global $CFG, $DB;
        if ($DB->get_dbfamily() !== 'mysql') {
            $this->markTestSkipped('The lock wait timeout is set with MySQL/MariaDB syntax.');
        }
        $p = $this->generator()->create_parcours(['trainers' => 1, 'participants' => 2, 'duration' => 20]);
        $courseid = (int) $p->course->id;
        $trainerid = (int) $p->trainers[0]->id;
        $users = array_map(fn($u) => (int) $u->id, $p->participants);
        marks::set($courseid, $users, true, $trainerid);
        $audit = $DB->count_records(marks::HISTORY, ['courseid' => $courseid]);

        // A second connection, as another program would hold it.
        $other = mysqli_init();
        $port = (int) ($CFG->dboptions['dbport'] ?? 0) ?: 3306;
        $this->assertTrue($other->real_connect($CFG->dbhost, $CFG->dbuser, $CFG->dbpass, $CFG->dbname, $port));
        $other->begin_transaction();
        $lock = $other->prepare('SELECT id FROM ' . $DB->get_prefix() . marks::TABLE . ' WHERE courseid = ? FOR UPDATE');
        $lock->bind_param('i', $courseid);
        $this->assertTrue($lock->execute());
        $lock->get_result()->free();
        $lock->close();
        $DB->execute('SET SESSION innodb_lock_wait_timeout = 1');
        try {
            marks::set($courseid, $users, false, $trainerid);
            $this->fail('The change must not go through while its rows are locked elsewhere');
        } catch (\moodle_exception $e) {
            $this->assertSame('markfailed', $e->errorcode);
            $this->assertSame('local_magistere', $e->module);
        } finally {
            $other->rollback();
            $other->close();
            $DB->execute('SET SESSION innodb_lock_wait_timeout = 50');
        }
        $this->assertSame($audit, $DB->count_records(marks::HISTORY, ['courseid' => $courseid]));
        foreach ($users as $userid) {
            $this->assertSame(1, (int) marks::get($courseid, $userid)->finished);
        }
        $this->assertCount(2, marks::set($courseid, $users, false, $trainerid)['changed']);
    }

    /**
     * A sequence of changes: ticks and unticks of random groups of the participants, and now and then an undo of
     * the call before.
     *
     * @param int[] $users
     * @param int $count
     * @param int $seed
     * @return array ops of a plan
     */
    private function random_ops(array $users, int $count, int $seed): array {
        mt_srand($seed);
        $ops = [];
        for ($i = 0; $i < $count; $i++) {
            if ($i % 6 === 5) {
                $ops[] = ['op' => 'undo', 'of' => $i - 1];
                continue;
            }
            $group = $users;
            shuffle($group);
            $ops[] = ['op' => mt_rand(0, 1) ? 'finish' : 'unfinish',
                'users' => array_slice($group, 0, mt_rand(2, count($users)))];
        }
        return $ops;
    }

    /**
     * The revision of each user's mark now (0: none).
     *
     * @param int $courseid
     * @param int[] $users
     * @return int[] userid => revision
     */
    private function revisions(int $courseid, array $users): array {
        return array_map(fn($state) => $state['revision'] ?? 0, marks::states($courseid, $users));
    }

    /**
     * How many mark changes the calls reported.
     *
     * @param array $ops
     * @return int
     */
    private function count_changes(array $ops): int {
        return array_sum(array_map(fn($op) => count($op['result']['changed'] ?? []), $ops));
    }

    /**
     * The PHP command of a child: this PHP, with the extension the test runs with.
     *
     * @return string[]
     */
    private static function php_command(): array {
        $command = [PHP_BINARY];
        $so = getenv('MAGISTERE_SO') ?: null;
        if ($so === null && is_readable('/proc/self/maps')) {
            foreach (file('/proc/self/maps') as $line) {
                if (preg_match('~\s(/\S*/magistere\.so)$~', trim($line), $m)) {
                    $so = $m[1];
                    break;
                }
            }
        }
        if ($so !== null) {
            // Loaded by the command line, not by php.ini, unless php.ini loads it already.
            $probe = shell_exec(escapeshellarg(PHP_BINARY) . ' -r ' . escapeshellarg('echo (int) extension_loaded("magistere");'));
            if (trim((string) $probe) !== '1') {
                $command[] = '-d';
                $command[] = 'extension=' . $so;
            }
        }
        return $command;
    }

    /**
     * Runs the plans in separate processes released together, and returns every call's outcome, with its plan's
     * trainer, in plan order.
     *
     * @param array[] $plans
     * @return array[] ['op', 'trainerid', 'plan', 'result' or 'error', 'targets' for an undo, ...]
     */
    private function race(array $plans): array {
        $dir = make_request_directory();
        $barrierpath = $dir . '/barrier';
        touch($barrierpath);
        $barrier = fopen($barrierpath, 'r+');
        $this->assertTrue(flock($barrier, LOCK_EX));
        $child = __DIR__ . '/../fixtures/marks_race_child.php';
        $procs = [];
        $outputs = [];
        $finished = false;
        try {
            foreach ($plans as $n => $plan) {
                $planpath = "$dir/plan-$n.json";
                file_put_contents($planpath, json_encode($plan + ['barrier' => $barrierpath]));
                $pipes = [];
                $descriptors = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', "$dir/stderr-$n.txt", 'w']];
                $proc = proc_open(array_merge(self::php_command(), [$child, $planpath]), $descriptors, $pipes);
                $this->assertIsResource($proc);
                $procs[$n] = [$proc, $pipes[1]];
                $outputs[$n] = '';
            }
            // Every child bootstraps Moodle, then says "ready" and waits at the barrier.
            $deadline = time() + self::TIMEOUT;
            $ready = [];
            $open = array_map(fn($p) => $p[1], $procs);
            $read = function (bool $untilready) use (&$open, &$outputs, &$ready, $deadline, $dir) {
                while ($open && ($untilready ? count($ready) < count($outputs) : true)) {
                    $r = array_values($open);
                    $w = $e = null;
                    if (time() > $deadline) {
                        $this->fail('The children did not finish in time; their output: ' . json_encode($outputs));
                    }
                    if (!stream_select($r, $w, $e, 1)) {
                        continue;
                    }
                    foreach ($open as $n => $pipe) {
                        if (!in_array($pipe, $r, true)) {
                            continue;
                        }
                        $chunk = fread($pipe, 65536);
                        if ($chunk === '' || $chunk === false) {
                            if (feof($pipe)) {
                                unset($open[$n]);
                                if (!isset($ready[$n])) {
                                    $this->fail("Child $n ended before the barrier: " . $outputs[$n] .
                                        @file_get_contents("$dir/stderr-$n.txt"));
                                }
                            }
                            continue;
                        }
                        $outputs[$n] .= $chunk;
                        if (!isset($ready[$n]) && preg_match('/^ready$/m', $outputs[$n])) {
                            $ready[$n] = true;
                        }
                    }
                }
            };
            $read(true);
            // Go.
            flock($barrier, LOCK_UN);
            $read(false);
            $finished = true;
        } finally {
            fclose($barrier);
            foreach ($procs as $n => [$proc, $pipe]) {
                if (is_resource($pipe)) {
                    fclose($pipe);
                }
                if (!$finished) {
                    proc_terminate($proc, 9);
                }
                $status = proc_close($proc);
                if (!$finished) {
                    continue;
                }
                $this->assertSame(0, $status, "child $n exited with $status: " . ($outputs[$n] ?? '') .
                    @file_get_contents("$dir/stderr-$n.txt"));
            }
        }
        $ops = [];
        foreach ($plans as $n => $plan) {
            $lines = array_values(array_filter(explode("\n", $outputs[$n]), fn($l) => trim($l) !== ''));
            $report = json_decode((string) end($lines), true);
            $this->assertIsArray($report, "child $n printed no report: " . $outputs[$n]);
            foreach ($report['tables'] as $table) {
                // The children's writes, so that this test's reset restores these tables.
                \phpunit_util::set_table_modified_by_sql('UPDATE ' . $this->db_prefix() . $table . ' SET');
            }
            foreach ($report['results'] as $i => $outcome) {
                $ops[] = $outcome + ['trainerid' => (int) $plan['trainerid'], 'plan' => $n, 'index' => $i,
                    'users' => $plan['ops'][$i]['users'] ?? []];
            }
        }
        return $ops;
    }

    /**
     * The database's table prefix (this test site's phpunit prefix).
     *
     * @return string
     */
    private function db_prefix(): string {
        global $DB;
        return $DB->get_prefix();
    }

    /**
     * The state of a mark at a revision of its audit (null at 0: no mark).
     *
     * @param array $rows [userid][revision] => audit row
     * @param int $userid
     * @param int $revision
     * @return array|null ['finished' => bool, 'creditedminutes' => ?int]
     */
    private static function state_at(array $rows, int $userid, int $revision): ?array {
        if ($revision === 0) {
            return null;
        }
        $row = $rows[$userid][$revision];
        return ['finished' => (int) $row->finished === 1,
            'creditedminutes' => $row->creditedminutes === null ? null : (int) $row->creditedminutes];
    }

    /**
     * Checks the outcome of a race (see the class comment).
     *
     * @param int $courseid
     * @param array[] $ops what race() returned
     * @param int[] $baseline userid => revision before the race
     * @param string[] $allowed error codes a call may end with (the plugin's "try again" errors)
     * @param bool $serial whether whole calls must be serialisable (true with a working lock)
     */
    private function assert_serial(int $courseid, array $ops, array $baseline, array $allowed, bool $serial = true): void {
        global $DB;
        $rows = [];
        foreach ($DB->get_records(marks::HISTORY, ['courseid' => $courseid], 'userid, revision') as $row) {
            $rows[(int) $row->userid][(int) $row->revision] = $row;
        }
        // Each mark's audit is numbered 1, 2, ... and ends with the mark's state.
        foreach ($rows as $userid => $byrevision) {
            $this->assertSame(range(1, count($byrevision)), array_keys($byrevision), "audit of user $userid");
            $mark = marks::get($courseid, $userid);
            $last = end($byrevision);
            $this->assertSame((int) $last->revision, (int) $mark->revision);
            $this->assertSame((int) $last->finished, (int) $mark->finished);
            $this->assertSame($last->creditedminutes, $mark->creditedminutes);
        }
        // Every reported change is in the audit once, as reported, from the state the previous change left.
        $writer = [];
        foreach ($ops as $k => $op) {
            if (isset($op['error'])) {
                $this->assertContains($op['error']['code'], $allowed, "call $k failed: " . json_encode($op['error']));
                continue;
            }
            $result = $op['result'];
            foreach ($result['changed'] as $userid => $change) {
                $revision = $change['after']['revision'];
                $this->assertArrayNotHasKey($revision, $writer[$userid] ?? [], "user $userid revision $revision twice");
                $writer[$userid][$revision] = $k;
                $this->assertArrayHasKey($revision, $rows[$userid] ?? [], "call $k's change of $userid is not audited");
                $row = $rows[$userid][$revision];
                $this->assertSame($op['trainerid'], (int) $row->modifiedby);
                $this->assertSame(['finished' => $change['after']['finished'],
                    'creditedminutes' => $change['after']['creditedminutes']], self::state_at($rows, $userid, $revision));
                $this->assertSame($revision - 1, $result['seen'][$userid], "call $k, user $userid: " . json_encode($op));
                $before = $change['before'] === null ? null : ['finished' => $change['before']['finished'],
                    'creditedminutes' => $change['before']['creditedminutes']];
                $this->assertSame(self::state_at($rows, $userid, $revision - 1), $before, "call $k, user $userid: lost update");
                if ($op['op'] === 'undo') {
                    // An undo changes a mark only at the revision the undone change left.
                    $this->assertSame($op['targets'][$userid], $revision - 1, "call $k undid user $userid over a later change");
                }
            }
            foreach ($result['unchanged'] as $userid) {
                $state = self::state_at($rows, $userid, $result['seen'][$userid]);
                $this->assertSame($op['op'] === 'finish', $state !== null && $state['finished'], "call $k, user $userid");
            }
            foreach ($result['skipped'] as $userid => $reason) {
                $this->assertSame(marks::SKIP_CHANGED, $reason);
                $this->assertNotSame($op['targets'][$userid], $result['seen'][$userid], "call $k skipped $userid wrongly");
            }
        }
        // Nothing in the audit that no call reported.
        foreach ($rows as $userid => $byrevision) {
            foreach (array_keys($byrevision) as $revision) {
                if ($revision > ($baseline[$userid] ?? 0)) {
                    $this->assertArrayHasKey($revision, $writer[$userid] ?? [], "audit row $userid/$revision nobody reported");
                }
            }
        }
        if (!$serial) {
            return;
        }
        // One serial order explains every call: the graph "k saw or overwrote what j wrote" has no cycle.
        $edges = [];
        foreach ($ops as $k => $op) {
            if (isset($op['error'])) {
                continue;
            }
            foreach ($op['result']['seen'] as $userid => $revision) {
                $before = $writer[$userid][$revision] ?? null;
                $after = $writer[$userid][$revision + 1] ?? null;
                if ($before !== null && $before !== $k) {
                    $edges[$before][$k] = true;
                }
                if ($after !== null && $after !== $k) {
                    $edges[$k][$after] = true;
                }
            }
        }
        $indegree = array_fill_keys(array_keys($ops), 0);
        foreach ($edges as $targets) {
            foreach (array_keys($targets) as $to) {
                $indegree[$to]++;
            }
        }
        $queue = array_keys(array_filter($indegree, fn($d) => $d === 0));
        $ordered = 0;
        while ($queue) {
            $k = array_shift($queue);
            $ordered++;
            foreach (array_keys($edges[$k] ?? []) as $to) {
                if (--$indegree[$to] === 0) {
                    $queue[] = $to;
                }
            }
        }
        $this->assertSame(count($ops), $ordered, 'the calls cannot be put in a serial order');
    }
}
