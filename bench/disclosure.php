<?php
/**
 * How much the ministry still learns (issue 9): on the benchmark's académie, the share of the
 * figures a release publishes and of the people and participations counted in a published
 * finest group, against the method used before (scripts/attack/oldmethod.php, on the table the
 * benchmark timed before: département x degré x secteur x parcours with every margin), and what a
 * release a month, a quarter and a year later (that share of the year's marks ticked in between)
 * still publishes when it is protected with the first.
 *
 *   php -d extension=magistere.so bench/disclosure.php --meta=FILE
 *
 * Prints one JSON line (scripts/bench.sh records it).
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';
require_once __DIR__ . '/reference.php';
require_once __DIR__ . '/../scripts/attack/oldmethod.php';

$opts = getopt('', ['meta:']);
$meta = [];
foreach (file($opts['meta'] ?? '', FILE_IGNORE_NEW_LINES) ?: [] as $l) {
    [$key, $v] = explode("\t", $l, 2);
    $meta[$key] = $v;
}
$settings = new Settings((int) $meta['now']);
$db = connect();

// The new method: the extension's release.
$t0 = microtime(true);
$tracker = new \Magistere\Tracker(\Magistere\Source::mysql(mysqlOptions()), $settings->forTracker());
$release = $tracker->statistics();
$seconds = microtime(true) - $t0;
[$schools, $parts, $dated] = (new Reference($db, $settings))->statisticsInput();
$dated = array_fill_keys(array_map('strval', $dated), true);

$cells = 0;
$published = 0;
$leafPublished = [];
foreach ($release['tables'] as $name => $tab) {
    foreach ($tab['cells'] as $c) {
        $cells++;
        $published += $c['enrolments'] !== null ? 1 : 0;
        $path = array_values(array_filter($c['values'], static fn ($v) => $v !== null));
        $leafPublished[$name][serialize($path)] = $c['enrolments'] !== null;
    }
}
$none = serialize(['', '', '', '', '']);
$people = [];
$inEtab = 0;
$inParcours = 0;
foreach ($parts as $p) {
    $leaf = $p['path'] === null ? $none : serialize($p['path']);
    $pub = $leafPublished['etablissements'][$leaf] ?? false;
    $people[$p['user']] = $pub;
    $inEtab += $pub ? 1 : 0;
    // a course without a forecast duration is counted in the pooled group ''
    $row = isset($dated[(string) $p['parcours']]) ? (string) $p['parcours'] : '';
    $inParcours += ($leafPublished['parcours'][serialize([$row])] ?? false) ? 1 : 0;
}
$n = count($parts);

// Later releases: a month, a quarter and a year later (MAGISTERE_BENCH_LATER, in months), with
// that share of the year's marks ticked on open participations, each protected with the first (the
// plugin publishes monthly). The marks table is restored after each.
$p = prefix();
$courseId = [];
foreach (fetchAll($db, "SELECT id, shortname FROM {$p}course") as $r) {
    $courseId[(string) $r['shortname']] = (int) $r['id'];
}
$minutes = [];
foreach (fetchAll($db, "SELECT d.instanceid, d.decvalue, d.value FROM {$p}customfield_data d"
    . " JOIN {$p}customfield_field f ON f.id = d.fieldid AND f.shortname = ?", [$settings->durationField]) as $r) {
    $minutes[(int) $r['instanceid']] = duration($r['decvalue'], $r['value']) ?? 0;
}
$open = [];
$finishedCount = 0;
foreach ($parts as $q) {
    if ($q['finished']) {
        $finishedCount++;
    } else {
        $open[] = [(int) $q['user'], $courseId[(string) $q['parcours']]];
    }
}
mt_srand(42);
for ($i = count($open) - 1; $i > 0; $i--) {
    $j = mt_rand(0, $i);
    [$open[$i], $open[$j]] = [$open[$j], $open[$i]];
}
$laterReleases = [];
foreach (array_map('intval', explode(',', getenv('MAGISTERE_BENCH_LATER') ?: '1,3,12')) as $months) {
    $ticks = array_slice($open, 0, min(count($open), max(1, intdiv($finishedCount * $months, 12))));
    $db->query("DROP TABLE IF EXISTS {$p}bench_mark_saved");
    $db->query("CREATE TABLE {$p}bench_mark_saved AS SELECT * FROM {$p}local_magistere_mark");
    $later = $settings->now + $months * 30 * 86400;
    foreach (array_chunk($ticks, 1000) as $chunk) {
        $values = [];
        foreach ($chunk as [$uid, $cid]) {
            $values[] = sprintf('(%d, %d, 1, %d, %d, 0)', $cid, $uid, $minutes[$cid] ?? 0, $later - 86400);
        }
        $db->query("INSERT INTO {$p}local_magistere_mark (courseid, userid, finished, creditedminutes, timemodified, modifiedby)"
            . ' VALUES ' . implode(', ', $values)
            . ' ON DUPLICATE KEY UPDATE finished = 1, creditedminutes = VALUES(creditedminutes), timemodified = VALUES(timemodified)');
    }
    $t1 = microtime(true);
    $settings2 = new Settings($later);
    $tracker2 = new \Magistere\Tracker(\Magistere\Source::mysql(mysqlOptions()), $settings2->forTracker());
    $release2 = $tracker2->statistics(['etablissements', 'parcours'], [$release]);
    $seconds2 = microtime(true) - $t1;
    $db->query("TRUNCATE TABLE {$p}local_magistere_mark");
    $db->query("INSERT INTO {$p}local_magistere_mark SELECT * FROM {$p}bench_mark_saved");
    $db->query("DROP TABLE {$p}bench_mark_saved");
    $published2 = 0;
    $kept = 0;
    foreach ($release2['tables'] as $name => $tab) {
        foreach ($tab['cells'] as $i => $c) {
            $published2 += $c['enrolments'] !== null ? 1 : 0;
            $kept += $c['enrolments'] !== null && $release['tables'][$name]['cells'][$i]['enrolments'] !== null ? 1 : 0;
        }
    }
    $laterReleases[] = ['months' => $months, 'ticks' => count($ticks), 'release_s' => round($seconds2, 3),
        'cells_published' => $published2, 'cells_published_in_both' => $kept];
}

// The old method on the table the benchmark used to time.
$a = ['schools' => [], 'people' => [], 'parcours' => []];
foreach ($parts as $p) {
    $uai = $p['path'] === null ? null : implode("\x1f", $p['path']);
    if ($uai !== null) {
        $a['schools'][$uai] = $p['path'];
    }
    $a['people'][$p['user']]['uai'] = $uai;
    $a['people'][$p['user']]['parts'][$p['parcours']] = $p['finished'];
    $a['parcours'][$p['parcours']] = 0;
}
$old = atk_old_table($a, ['departement', 'degre', 'secteur', 'parcours'], $settings->k);
$oldPub = 0;
$oldFinest = [];
foreach ($old as $c) {
    $oldPub += $c['enrolments'] !== null ? 1 : 0;
    if (!in_array(null, $c['values'], true)) {
        $oldFinest[serialize(array_values($c['values']))] = $c['enrolments'] !== null;
    }
}
$oldIn = 0;
foreach ($parts as $p) {
    $path = $p['path'] ?? ['', '', '', '', ''];
    $oldIn += ($oldFinest[serialize([$path[3], $path[1], $path[2], (string) $p['parcours']])] ?? false) ? 1 : 0;
}

echo json_encode([
    'impl' => 'disclosure',
    'release_s' => round($seconds, 3),
    'participations' => $n,
    'people' => count($people),
    'new_cells' => $cells,
    'new_cells_published' => $published,
    'new_people_in_published_school_group' => count(array_filter($people)),
    'new_participations_in_published_school_group' => $inEtab,
    'new_participations_in_published_parcours' => $inParcours,
    'later' => $laterReleases,
    'old_cells' => count($old),
    'old_cells_published' => $oldPub,
    'old_participations_in_published_finest_cell' => $oldIn,
    'times' => [$seconds],
]), "\n";
