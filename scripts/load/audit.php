<?php
// This file is part of magistere: the marks' audit check of scripts/loadtest.sh, run in the site's Moodle
// (scripts/site/site.sh php scripts/load/audit.php --since=UNIXTIME).
//
// Prints as JSON: the number of marks and audit rows; the problems found (a mark whose audit is not numbered
// 1, 2, ... n without gap or double, or whose state is not that of its last audit row, or an audit row without its
// mark); and the audit rows the load test's trainers (loadtrainer*) wrote since the start of the load, per action,
// to compare with the changes their pages reported (scripts/load/report.php).
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

define('CLI_SCRIPT', true);
require('config.php');

$options = getopt('', ['since:']);
$since = (int) ($options['since'] ?? 0);

$marks = [];
foreach ($DB->get_recordset('local_magistere_mark', null, '', 'id, courseid, userid, finished, creditedminutes, revision')
        as $mark) {
    $marks[$mark->courseid . '/' . $mark->userid] = $mark;
}
$audit = [];
$rows = 0;
$rs = $DB->get_recordset('local_magistere_mark_hist', null, 'courseid, userid, revision',
    'id, courseid, userid, finished, creditedminutes, revision, modifiedby, timemodified');
foreach ($rs as $row) {
    $audit[$row->courseid . '/' . $row->userid][] = $row;
    $rows++;
}
$rs->close();

$problems = [];
foreach ($audit as $key => $list) {
    $revisions = array_map(fn($r) => (int) $r->revision, $list);
    if ($revisions !== range(1, count($list))) {
        $problems[] = "$key: audit revisions " . implode(',', $revisions);
    }
    $last = end($list);
    $mark = $marks[$key] ?? null;
    if ($mark === null) {
        // A course reset removes unfinished marks and keeps their audit; nothing resets here.
        $problems[] = "$key: audit without a mark";
        continue;
    }
    if ((int) $mark->revision !== (int) $last->revision || (int) $mark->finished !== (int) $last->finished
            || $mark->creditedminutes !== $last->creditedminutes) {
        $problems[] = "$key: mark (revision $mark->revision, finished $mark->finished) is not its last audit row " .
            "(revision $last->revision, finished $last->finished)";
    }
}
foreach ($marks as $key => $mark) {
    if (!isset($audit[$key])) {
        $problems[] = "$key: mark without audit";
    }
}

// What the load trainers wrote during the load.
$trainers = $DB->get_records_select_menu('user', $DB->sql_like('username', ':p'), ['p' => 'loadtrainer%'], '', 'id, username');
$written = 0;
$bytrainer = [];
foreach ($audit as $list) {
    foreach ($list as $row) {
        if ($row->timemodified >= $since && isset($trainers[$row->modifiedby])) {
            $written++;
            $bytrainer[$trainers[$row->modifiedby]] = ($bytrainer[$trainers[$row->modifiedby]] ?? 0) + 1;
        }
    }
}
ksort($bytrainer);
$events = $DB->count_records_select('logstore_standard_log', 'eventname = :e AND timecreated >= :since',
    ['e' => '\\local_magistere\\event\\training_marked', 'since' => $since]);
echo json_encode(['marks' => count($marks), 'auditrows' => $rows, 'problems' => $problems,
    'loadrows' => $written, 'bytrainer' => $bytrainer, 'events' => $events], JSON_PRETTY_PRINT) . "\n";
