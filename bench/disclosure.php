<?php
/**
 * How much the ministry still learns (issue 9): on the benchmark's académie, the share of the
 * figures a release publishes and of the people and participations counted in a published
 * finest group, against the method used before (scripts/attack/oldmethod.php, on the table the
 * benchmark timed before: département x degré x secteur x parcours with every margin).
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
    $inParcours += ($leafPublished['parcours'][serialize([(string) $p['parcours']])] ?? false) ? 1 : 0;
}
$n = count($parts);

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
    'old_cells' => count($old),
    'old_cells_published' => $oldPub,
    'old_participations_in_published_finest_cell' => $oldIn,
    'times' => [$seconds],
]), "\n";
