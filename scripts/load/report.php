<?php
// This file is part of magistere: the report of scripts/loadtest.sh.
//
// Reads what a load test wrote into its folder (requests.csv, marks.csv, faults.csv, rss.csv, probe.csv,
// connections.csv, exports.csv, audit.json, logs/) and writes report.md: throughput and p50/p95/p99 per page in the
// steady state (before the first fault) and after the faults (from a minute after the last database fault to the
// end), the outcome of every request inside and outside the fault windows, recovery after each fault, the memory of
// each PHP-FPM worker over time, the server's connections over time, the export runs, the marks' audit. Prints the verdicts; exits 0 only when every check passed:
//
// - no request failed outside the fault windows (a request counts as inside a window when it overlaps it);
// - inside the windows of the database faults, a failed request is Moodle's error page, nothing else (no web
//   server error, no blank page, no PHP error), and pages work again after each fault;
// - no PHP-FPM worker died (the PHP-FPM log has no "exited on signal", "SIGSEGV", "exited with code");
// - each worker's memory levels off within its budget (docs/reliability.md, "How the memory verdict works"). A
//   worker's RSS is the engine's resident models (kept between requests on purpose, up to magistere.resident_memory)
//   plus the rest of the process; from probe.csv (the worker's own RSS and Tracker::memoryUsage() at one instant)
//   and rss.csv, for each worker:
//   (i)   the rest, RSS minus the resident models' bytes, is flat: its median over the last 2 minutes is at most
//         the larger of 10 % and 16 MB above its median over the 2 minutes after the logins;
//   (ii)  the resident models hold at most their budget (resident_memory) at every sample, and every sample
//         reports the same budget;
//   (iii) the RSS levels off: its median over the last minute is at most 8 MB above its median over the first
//         minute of the last third of the load (after the logins);
//   and every worker has samples in the windows of (i) and (iii) (a worker that cannot be judged fails);
// - the site's connections stay within two per worker (Moodle's link and the extension's) plus the export task's;
// - the export tasks (every 30 s) succeed outside the windows of the export faults, fail inside them, and leave no temporary
//   or partial file; every export file is complete XML;
// - the marks' audit is whole (audit.json has no problem) and holds exactly the changes the pages reported
//   (or more only by as many confirmations as ended in an error while their change may have been committed).
//
// Usage: php report.php --out=DIR --workers=N [--dbpersist=1] [--faults=1]
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

declare(strict_types=1);

$opt = getopt('', ['out:', 'workers:', 'dbpersist:', 'faults:']);
$dir = rtrim($opt['out'] ?? '', '/');
$workers = (int) ($opt['workers'] ?? 4);
$dbpersist = ($opt['dbpersist'] ?? '1') === '1';
if ($dir === '' || !is_file("$dir/requests.csv")) {
    fwrite(STDERR, "usage: php report.php --out=DIR --workers=N\n");
    exit(2);
}

/**
 * The rows of a CSV file with a header line, as associative arrays.
 *
 * @param string $path
 * @return array[]
 */
function csv(string $path): array {
    if (!is_file($path)) {
        return [];
    }
    $f = fopen($path, 'r');
    $header = fgetcsv($f);
    $rows = [];
    while (($line = fgetcsv($f)) !== false) {
        if ($line === [null] || count($line) !== count($header)) {
            continue;
        }
        $rows[] = array_combine($header, $line);
    }
    fclose($f);
    return $rows;
}

/**
 * A percentile (nearest rank) of sorted values.
 *
 * @param int[] $sorted
 * @param float $p
 * @return int
 */
function pct(array $sorted, float $p): int {
    if (!$sorted) {
        return 0;
    }
    $rank = (int) ceil($p / 100 * count($sorted));
    return $sorted[max(0, min(count($sorted) - 1, $rank - 1))];
}

$summary = json_decode((string) @file_get_contents("$dir/summary.json"), true) ?: [];
$requests = csv("$dir/requests.csv");
$faults = csv("$dir/faults.csv");
$marks = csv("$dir/marks.csv");
$rss = csv("$dir/rss.csv");
$probe = csv("$dir/probe.csv");
$conns = csv("$dir/connections.csv");
$exports = csv("$dir/exports.csv");
$audit = json_decode((string) @file_get_contents("$dir/audit.json"), true);
$start = (float) ($summary['start'] ?? ($requests[0]['start'] ?? 0));
$ramp = (float) ($summary['ramp'] ?? 0);
$end = (float) ($summary['end'] ?? 0);
$verdicts = [];
$md = [];
$verdict = function (bool $ok, string $what) use (&$verdicts) {
    $verdicts[] = [$ok, $what];
};

// The database faults touch the pages; the export faults only the export tasks.
$dbfaults = array_values(array_filter($faults, fn($f) => !str_starts_with($f['name'], 'export_')));
$exportfaults = array_values(array_filter($faults, fn($f) => str_starts_with($f['name'], 'export_')));
$inwindow = function (float $t0, float $t1, array $windows): ?string {
    foreach ($windows as $w) {
        if ($t1 >= (float) $w['start'] && $t0 <= (float) $w['end']) {
            return $w['name'];
        }
    }
    return null;
};
$firstfault = $faults ? min(array_map(fn($f) => (float) $f['start'], $faults)) : $end;

// ------------------------------------------------------------------ steady state
$md[] = '# Load test report';
$md[] = '';
$md[] = sprintf('Run of %s, %d s of load, %d requests sent; users: %s; think times (mean, s): %s; PHP-FPM workers: %d; ' .
    'persistent links: %s.', date('Y-m-d H:i', (int) $start), (int) round($end - $start), count($requests),
    implode(', ', array_map(fn($k, $v) => "$v {$k}s", array_keys($summary['users'] ?? []), $summary['users'] ?? [])),
    implode(', ', array_map(fn($k, $v) => "$k $v", array_keys($summary['think'] ?? []), $summary['think'] ?? [])),
    $workers, $dbpersist ? 'yes' : 'no');
$md[] = '';
$fpmaccess = file("$dir/logs/fpm-access.log") ?: [];
/**
 * Throughput and latency of the requests that started and ended between two instants: client side per page, and as
 * PHP-FPM timed them (its access log: the time in the worker, without the queue before it) with the peak memory of
 * the request.
 */
$latency = function (string $title, float $from, float $to) use (&$md, $requests, $fpmaccess): void {
    $seconds = max(1, $to - $from);
    $window = array_filter($requests, fn($r) => (float) $r['start'] >= $from && (float) $r['end'] < $to);
    $bypage = [];
    foreach ($window as $r) {
        $bypage[$r['page']][] = $r;
    }
    ksort($bypage);
    $md[] = sprintf('## %s (%d s)', $title, (int) $seconds);
    $md[] = '';
    $okcount = count(array_filter($window, fn($r) => $r['outcome'] === 'ok'));
    $md[] = sprintf('Throughput: %.2f pages/s answered correctly (%d of %d requests).', $okcount / $seconds, $okcount,
        count($window));
    $md[] = '';
    $md[] = '| page | requests | errors | p50 ms | p95 ms | p99 ms | max ms | mean KB |';
    $md[] = '|---|---:|---:|---:|---:|---:|---:|---:|';
    foreach ($bypage as $page => $list) {
        $ms = array_map(fn($r) => (int) $r['ms'], $list);
        sort($ms);
        $md[] = sprintf('| %s | %d | %d | %d | %d | %d | %d | %d |', $page, count($list),
            count(array_filter($list, fn($r) => $r['outcome'] !== 'ok')), pct($ms, 50), pct($ms, 95), pct($ms, 99),
            end($ms), array_sum(array_map(fn($r) => (int) $r['bytes'], $list)) / count($list) / 1024);
    }
    $md[] = '';
    $served = [];
    foreach ($fpmaccess as $line) {
        $f = explode(' ', trim($line));
        if (count($f) < 7 || (float) $f[0] < $from || (float) $f[0] >= $to) {
            continue;
        }
        $uri = parse_url($f[6], PHP_URL_PATH) ?: $f[6];
        if (str_starts_with($uri, '/loadprobe-')) {
            // The memory probe of the harness, not a page.
            continue;
        }
        $served[$uri][] = [(int) round((float) $f[3]), (int) $f[4]];
    }
    ksort($served);
    $md[] = 'Time spent in the PHP-FPM worker (its access log, without the wait for a free worker), same window:';
    $md[] = '';
    $md[] = '| script | requests | p50 ms | p95 ms | p99 ms | max ms | peak memory p50 / max MB |';
    $md[] = '|---|---:|---:|---:|---:|---:|---:|';
    foreach ($served as $uri => $list) {
        $ms = array_column($list, 0);
        $mem = array_column($list, 1);
        sort($ms);
        sort($mem);
        $md[] = sprintf('| %s | %d | %d | %d | %d | %d | %.1f / %.1f |', $uri, count($list), pct($ms, 50), pct($ms, 95),
            pct($ms, 99), end($ms), pct($mem, 50) / 1024, end($mem) / 1024);
    }
    $md[] = '';
};
// The steady state starts a minute after the last login, once the queue of the logins has drained; the second
// window a minute after the last database fault (the export faults touch only the export tasks).
$steadystart = $start + $ramp + 60;
$latency('Steady state, from a minute after the last login to the first fault', $steadystart, min($firstfault, $end));
$lastdbfault = $dbfaults ? max(array_map(fn($f) => (float) $f['end'], $dbfaults)) : null;
if ($lastdbfault !== null && $lastdbfault + 60 < $end) {
    $latency('After the faults, from a minute after the last database fault to the end', $lastdbfault + 60, $end);
}

// ------------------------------------------------------------------ errors
$outside = [];
$inside = [];
foreach ($requests as $r) {
    if ($r['outcome'] === 'ok') {
        continue;
    }
    $w = $inwindow((float) $r['start'], (float) $r['end'], $dbfaults);
    if ($w === null) {
        $outside[] = $r;
    } else {
        $inside[$w][] = $r;
    }
}
$md[] = '## Errors outside the fault windows';
$md[] = '';
$md[] = $outside ? count($outside) . ' request(s):' : 'None.';
foreach (array_slice($outside, 0, 20) as $r) {
    $md[] = sprintf('- %s %s %s %s: %s %s', date('H:i:s', (int) $r['start']), $r['user'], $r['page'], $r['method'],
        $r['outcome'], $r['detail']);
}
$md[] = '';
$verdict(!$outside, sprintf('%d failed request(s) outside the fault windows', count($outside)));
$leaks = array_values(array_filter($requests, fn($r) => ($r['internal'] ?? '0') === '1'));
$md[] = '## Internal details shown to users';
$md[] = '';
$md[] = $leaks ? count($leaks) . ' response(s) showed a user the extension\'s own error message, which names the ' .
    'database server, its port and the database (the plugin must map it to its own message):' : 'None: no page showed ' .
    'the extension\'s own error message (database server, port, database) to a user.';
foreach (array_slice($leaks, 0, 10) as $r) {
    $md[] = sprintf('- %s %s %s: %s', date('H:i:s', (int) $r['start']), $r['user'], $r['page'], $r['detail']);
}
$md[] = '';
$verdict(!$leaks, sprintf('%d page(s) showed the extension\'s internal error message (server, port, database) to a user',
    count($leaks)));

// ------------------------------------------------------------------ faults
$notapplied = is_file("$dir/faults-failed.txt") ? array_filter(array_map('trim', file("$dir/faults-failed.txt"))) : [];
if (($opt['faults'] ?? '1') === '1') {
    $verdict(!$notapplied, 'every fault was applied' . ($notapplied ? ' (not: ' . implode(', ', $notapplied) . ')' : ''));
    $verdict(count($faults) >= 7, count($faults) . ' fault window(s) of 7');
}
if ($faults) {
    $md[] = '## Faults';
    $md[] = '';
    $md[] = '| fault | window | requests in it | failed | of which Moodle\'s error page (its last-resort form) | other failures | first page OK after |';
    $md[] = '|---|---:|---:|---:|---:|---:|---:|';
    foreach ($dbfaults as $f) {
        $fs = (float) $f['start'];
        $fe = (float) $f['end'];
        $in = array_filter($requests, fn($r) => (float) $r['end'] >= $fs && (float) $r['start'] <= $fe);
        $failed = array_filter($in, fn($r) => $r['outcome'] !== 'ok');
        $moodle = array_filter($failed, fn($r) => $r['outcome'] === 'moodle_error');
        $fallback = array_filter($moodle, fn($r) => str_starts_with($r['detail'], '[fallback]'));
        $after = array_filter($requests, fn($r) => (float) $r['start'] > $fe);
        usort($after, fn($a, $b) => $a['start'] <=> $b['start']);
        $firstok = null;
        foreach ($after as $r) {
            if ($r['outcome'] === 'ok') {
                $firstok = (float) $r['end'] - $fe;
                break;
            }
        }
        $md[] = sprintf('| %s | %.1f s | %d | %d | %d (%d) | %d | %s |', $f['name'], $fe - $fs, count($in), count($failed),
            count($moodle), count($fallback), count($failed) - count($moodle),
            $firstok === null ? 'never' : sprintf('%.1f s', $firstok));
        $verdict(count($failed) === count($moodle), "$f[name]: every failed request is Moodle's error page (" .
            (count($failed) - count($moodle)) . ' other)');
        $verdict($firstok !== null, "$f[name]: pages work again after the fault");
    }
    foreach ($dbfaults as $f) {
        $md[] = '';
        $md[] = "- **$f[name]**: $f[what]. Failures: " . (empty($inside[$f['name']]) ? 'none' : '');
        $reasons = [];
        foreach ($inside[$f['name']] ?? [] as $r) {
            $key = $r['outcome'] . ': ' . preg_replace('/\d+/', 'N', $r['detail']);
            $reasons[$key] = ($reasons[$key] ?? 0) + 1;
        }
        arsort($reasons);
        foreach (array_slice($reasons, 0, 6, true) as $reason => $n) {
            $md[] = "  - $n × $reason";
        }
    }
    $md[] = '';
}

// ------------------------------------------------------------------ workers
$fpmlog = (string) @file_get_contents("$dir/logs/fpm.log");
$deaths = preg_match_all('/exited on signal|SIGSEGV|exited with code|segfault|core dumped/i', $fpmlog, $m);
$md[] = '## PHP-FPM workers';
$md[] = '';
$md[] = sprintf('Deaths in the PHP-FPM log (exited on signal, SIGSEGV, exited with code): %d.', $deaths);
$verdict($deaths === 0, "$deaths PHP-FPM worker death(s) in the log");
$byworker = [];
foreach ($rss as $s) {
    $byworker[$s['pid']][] = $s;
}
ksort($byworker);
$probed = [];
foreach ($probe as $p) {
    $probed[$p['pid']][] = $p;
}
ksort($probed);
$md[] = '';
$md[] = 'Memory of each worker (RSS, and PSS which counts shared pages once), MB, sampled every 5 s:';
$md[] = '';
$md[] = '| worker | samples | RSS after the logins | RSS before the faults | RSS at the end | max RSS | PSS at the end |';
$md[] = '|---|---:|---:|---:|---:|---:|---:|';
foreach ($byworker as $pid => $samples) {
    $warm = array_values(array_filter($samples, fn($s) => (float) $s['time'] >= $start + $ramp));
    if (!$warm) {
        continue;
    }
    $before = array_values(array_filter($warm, fn($s) => (float) $s['time'] < $firstfault));
    $first = (int) $warm[0]['rss_kb'];
    $mid = $before ? (int) end($before)['rss_kb'] : $first;
    $last = (int) end($warm)['rss_kb'];
    $max = max(array_map(fn($s) => (int) $s['rss_kb'], $warm));
    $md[] = sprintf('| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |', $pid, count($samples), $first / 1024, $mid / 1024,
        $last / 1024, $max / 1024, (int) end($warm)['pss_kb'] / 1024);
}
$md[] = '';
$verdict(count($byworker) === $workers, sprintf('%d worker(s) sampled, %d configured (a worker that died and was ' .
    'replaced shows as an extra one)', count($byworker), $workers));

/**
 * The median of some values (0 for none).
 *
 * @param float[] $values
 * @return float
 */
function median(array $values): float {
    if (!$values) {
        return 0.0;
    }
    sort($values);
    $n = count($values);
    return $n % 2 ? (float) $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}

// The memory verdict (docs/reliability.md, "How the memory verdict works"). The windows: the 2 minutes after the
// logins and the last 2 minutes (the probe, every 10 s), the first and the last minute of the last third of the load
// after the logins (the RSS, every 5 s). KB throughout.
$warmat = $start + $ramp;
$lastat = $end > 0 ? $end : ($rss ? (float) end($rss)['time'] : $warmat);
$thirdat = $lastat - ($lastat - $warmat) / 3;
const REST_WINDOW = 120;
const REST_GROWTH_KB = 16384;
const REST_GROWTH_RATIO = 0.10;
const PLATEAU_WINDOW = 60;
const PLATEAU_GROWTH_KB = 8192;
$between = fn(array $samples, float $t0, float $t1) => array_values(array_filter($samples,
    fn($s) => (float) $s['time'] >= $t0 && (float) $s['time'] < $t1));
$rest = fn(array $p) => (int) $p['rss_kb'] - intdiv((int) $p['resident_bytes'], 1024);
$md[] = sprintf('The engine\'s own memory in each worker (probe.csv: the worker\'s RSS and `Tracker::memoryUsage()` ' .
    'at the same instant, every 10 s), MB. *Rest* = RSS minus the resident models\' bytes: PHP, its extensions, ' .
    'the engine\'s memory of the request, the allocators\' free lists. "After the logins": median of the %d s after ' .
    'the last login; "at the end": median of the last %d s; the last third of the load after the logins starts at ' .
    '%d s (RSS medians of its first and last %d s).', REST_WINDOW, REST_WINDOW, (int) round($thirdat - $start),
    PLATEAU_WINDOW);
$md[] = '';
$md[] = '| worker | probe samples | resident models at the end (count) | resident max | budget | rest after the logins ' .
    '| rest at the end | rest growth | RSS, last third: start → end | hits / misses / evictions |';
$md[] = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
$unjudged = [];
$restbad = [];
$overbudget = [];
$plateaubad = [];
$budgets = [];
$maxresident = 0;
foreach (array_unique(array_merge(array_keys($byworker), array_keys($probed))) as $pid) {
    $ps = $probed[$pid] ?? [];
    $rs = $byworker[$pid] ?? [];
    $restwarm = array_map($rest, $between($ps, $warmat, $warmat + REST_WINDOW));
    $restend = array_map($rest, $between($ps, $lastat - REST_WINDOW, $lastat + 1));
    $rssthird = array_map(fn($s) => (int) $s['rss_kb'], $between($rs, $thirdat, $thirdat + PLATEAU_WINDOW));
    $rssend = array_map(fn($s) => (int) $s['rss_kb'], $between($rs, $lastat - PLATEAU_WINDOW, $lastat + 1));
    if (!$restwarm || !$restend || !$rssthird || !$rssend) {
        $unjudged[] = $pid;
    }
    foreach ($ps as $p) {
        $budgets[(int) $p['resident_memory']] = true;
        $maxresident = max($maxresident, (int) $p['resident_bytes']);
        if ((int) $p['resident_memory'] < 0 || (int) $p['resident_bytes'] < 0
                || (int) $p['resident_bytes'] > (int) $p['resident_memory']) {
            $overbudget[$pid] = true;
        }
    }
    $r0 = median($restwarm);
    $r1 = median($restend);
    if ($restwarm && $restend && $r1 > $r0 + max(REST_GROWTH_KB, REST_GROWTH_RATIO * $r0)) {
        $restbad[] = $pid;
    }
    $t0 = median($rssthird);
    $t1 = median($rssend);
    if ($rssthird && $rssend && $t1 > $t0 + PLATEAU_GROWTH_KB) {
        $plateaubad[] = $pid;
    }
    $lastp = $ps ? end($ps) : null;
    $md[] = sprintf('| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |', $pid, count($ps),
        $lastp ? sprintf('%.1f (%d)', (int) $lastp['resident_bytes'] / 1048576, (int) $lastp['resident_models']) : '-',
        $ps ? sprintf('%.1f', max(array_map(fn($p) => (int) $p['resident_bytes'], $ps)) / 1048576) : '-',
        $lastp ? sprintf('%.0f', (int) $lastp['resident_memory'] / 1048576) : '-',
        $restwarm ? sprintf('%.1f', $r0 / 1024) : '-', $restend ? sprintf('%.1f', $r1 / 1024) : '-',
        $restwarm && $restend ? sprintf('%+.1f', ($r1 - $r0) / 1024) : '-',
        $rssthird && $rssend ? sprintf('%.1f → %.1f (%+.1f)', $t0 / 1024, $t1 / 1024, ($t1 - $t0) / 1024) : '-',
        $lastp ? "$lastp[resident_hits] / $lastp[resident_misses] / $lastp[resident_evictions]" : '-');
}
$md[] = '';
// Over time: every 2 minutes, each worker's last RSS sample and last probe answer of the period.
$md[] = 'Over time (every 2 minutes from the start of the load, the last sample of the period): RSS / resident ' .
    'models MB (their count), per worker.';
$md[] = '';
$pids = array_keys($byworker);
$md[] = '| minute | ' . implode(' | ', $pids) . ' |';
$md[] = '|---:|' . str_repeat('---:|', count($pids));
for ($t = $start; $t < $lastat; $t += 120) {
    $cells = [];
    foreach ($pids as $pid) {
        $r = $between($byworker[$pid], $t, $t + 120);
        $p = $between($probed[$pid] ?? [], $t, $t + 120);
        $cells[] = ($r ? sprintf('%.1f', (int) end($r)['rss_kb'] / 1024) : '-') . ' / ' .
            ($p ? sprintf('%.1f (%d)', (int) end($p)['resident_bytes'] / 1048576, (int) end($p)['resident_models']) : '-');
    }
    if (array_unique($cells) !== ['- / -']) {
        $md[] = sprintf('| %d | %s |', (int) round(($t - $start) / 60), implode(' | ', $cells));
    }
}
$md[] = '';
$verdict(!$unjudged && count($probed) >= $workers, sprintf('every worker answered the memory probe after the logins ' .
    'and at the end, and has RSS samples in the last third (%d worker(s) probed, %d probe answers%s)', count($probed),
    count($probe), $unjudged ? '; not judged: ' . implode(', ', $unjudged) : ''));
$verdict(!$restbad && !$unjudged, sprintf('the rest of each worker (RSS minus resident models) is flat: at the end at ' .
    'most max(10 %%, 16 MB) above its value after the logins%s', $restbad ? ' (not: ' . implode(', ', $restbad) . ')' : ''));
// One budget in every answer: a worker that applied another one (a .user.ini not read) would make it meaningless.
$verdict($probe && !$overbudget && count($budgets) === 1 && !isset($budgets[-1]), sprintf('resident models within ' .
    'their budget at every sample (at most %.1f MB, budget %s MB)%s', $maxresident / 1048576,
    implode(', ', array_map(fn($b) => sprintf('%.0f', $b / 1048576), array_keys($budgets))),
    $overbudget ? ' (not: ' . implode(', ', array_keys($overbudget)) . ')' : ''));
$verdict(!$plateaubad && !$unjudged, sprintf('each worker\'s RSS levels off: at most 8 MB of growth over the last ' .
    'third of the load%s', $plateaubad ? ' (not: ' . implode(', ', $plateaubad) . ')' : ''));

// ------------------------------------------------------------------ connections
$site = array_values(array_filter($conns, fn($c) => $c['site'] !== ''));
$max = $site ? max(array_map(fn($c) => (int) $c['site'], $site)) : 0;
$bound = 2 * $workers + 2;
// The server's count of connections starts again from 0 when MariaDB restarts (the restart fault): the sum of its
// increments between samples, a drop counted as a new start.
$opened = 0;
for ($i = 1; $i < count($site); $i++) {
    $before = (int) $site[$i - 1]['connections_total'];
    $now = (int) $site[$i]['connections_total'];
    $opened += $now >= $before ? $now - $before : $now;
}
$md[] = '## Database connections';
$md[] = '';
$md[] = sprintf('Connections of the site\'s account: at most %d (bound: 2 per worker, Moodle\'s link and the ' .
    'extension\'s, + 2 for the export task run from the command line = %d); samples every 2 s: %d.', $max, $bound,
    count($site));
$series = [];
foreach ($site as $c) {
    $minute = (int) floor(((float) $c['time'] - $start) / 60);
    $series[$minute][] = (int) $c['site'];
}
$md[] = '';
$md[] = '| minute | min | max |';
$md[] = '|---:|---:|---:|';
foreach ($series as $minute => $values) {
    $md[] = sprintf('| %d | %d | %d |', $minute, min($values), max($values));
}
$md[] = '';
$md[] = sprintf('Server connections opened during the run (all accounts, across the restart): %d, of which about %d ' .
    'the connection sampler\'s own (one per sample); the rest are the export tasks\', the faults\' and the workers\' ' .
    '(a worker that opened a link per page would add two per request).', $opened, count($site));
$md[] = '';
$verdict($max <= $bound, "site connections at most $max (bound $bound)");

// ------------------------------------------------------------------ exports
$md[] = '## Export tasks (every 30 s from the command line)';
$md[] = '';
$md[] = '| run | task | outcome | in fault | leftovers | detail |';
$md[] = '|---:|---|---|---|---|---|';
$exportok = true;
$leftovers = 0;
foreach ($exports as $i => $e) {
    $wexport = $inwindow((float) $e['start'], (float) $e['end'], $exportfaults);
    $wdb = $inwindow((float) $e['start'], (float) $e['end'], $dbfaults);
    $md[] = sprintf('| %d | %s | %s | %s | %s | %s |', $i + 1, $e['task'], $e['outcome'], $wexport ?? $wdb ?? '',
        $e['leftovers'], substr($e['detail'], 0, 120));
    if (trim($e['leftovers']) !== '') {
        $leftovers++;
    }
    if ($wexport === null && $wdb === null && $e['outcome'] !== 'ok') {
        $exportok = false;
    }
}
$md[] = '';
foreach ($exportfaults as $f) {
    $runs = array_filter($exports, fn($e) => (float) $e['start'] >= (float) $f['start'] && (float) $e['end'] <= (float) $f['end']);
    $verdict($runs && !array_filter($runs, fn($e) => $e['outcome'] === 'ok'), sprintf('%s: %d export run(s) inside, ' .
        'all failed cleanly', $f['name'], count($runs)));
    // The first run after the fault that no other fault touches.
    $after = array_values(array_filter($exports, fn($e) => (float) $e['start'] > (float) $f['end']
        && $inwindow((float) $e['start'], (float) $e['end'], $faults) === null));
    $verdict($after && $after[0]['outcome'] === 'ok', "$f[name]: the next export run succeeds");
}
$verdict($exportok, 'every export run outside the fault windows succeeded');
$verdict($leftovers === 0, "$leftovers export run(s) left a temporary or partial file");
$bad = [];
foreach (glob("$dir/exports/*") ?: [] as $path) {
    $name = basename($path);
    if (!preg_match('/^(attestations|statistics)-\d{8}-\d{6}(-\d+)?\.xml$/', $name)) {
        $bad[] = "$name (not an export file name)";
        continue;
    }
    $dom = new DOMDocument();
    if (!@$dom->load($path, LIBXML_NONET)) {
        $bad[] = "$name (not complete XML)";
    }
}
$files = count(glob("$dir/exports/*.xml") ?: []);
$md[] = sprintf('Export folder at the end: %d file(s), %d bad%s.', $files, count($bad), $bad ? ': ' . implode(', ', $bad) : '');
$md[] = '';
$verdict(!$bad && $files > 0, sprintf('%d export file(s) left, every one complete XML (%d bad)', $files, count($bad)));

// ------------------------------------------------------------------ marks
$md[] = '## Marks under concurrency (trainers racing over HTTP)';
$md[] = '';
$reported = 0;
$ambiguous = 0;
$byscenario = [];
foreach ($marks as $m) {
    $byscenario[$m['scenario'] . ' ' . $m['action']][$m['outcome']] = ($byscenario[$m['scenario'] . ' ' . $m['action']][$m['outcome']] ?? 0) + 1;
    if ($m['outcome'] === 'ok') {
        $reported += (int) $m['changed'];
    } else if (($m['redirected'] ?? '1') === '1') {
        // mark.php answered with its redirect (its change was committed) but the page after it failed: how many
        // marks it changed is unknown (at most 8, the size of a race).
        $ambiguous++;
    }
}
ksort($byscenario);
$md[] = '| scenario and request | outcomes |';
$md[] = '|---|---|';
foreach ($byscenario as $key => $outcomes) {
    $md[] = "| $key | " . implode(', ', array_map(fn($k, $v) => "$v $k", array_keys($outcomes), $outcomes)) . ' |';
}
$md[] = '';
if (!is_array($audit)) {
    $verdict(false, 'the audit check did not run (audit.json)');
} else {
    $md[] = sprintf('Audit: %d marks, %d audit rows; %d problem(s)%s. Changes the pages reported: %d; audit rows the ' .
        'load trainers wrote during the run: %d; training_marked events logged: %d; mark requests committed whose ' .
        'next page failed (their count unknown): %d.', $audit['marks'], $audit['auditrows'], count($audit['problems']),
        $audit['problems'] ? ' (' . implode('; ', array_slice($audit['problems'], 0, 5)) . ')' : '', $reported,
        $audit['loadrows'], $audit['events'], $ambiguous);
    $md[] = '';
    $verdict(!$audit['problems'], count($audit['problems']) . ' problem(s) in the marks\' audit (gap, double, mark not its last row)');
    $verdict($audit['loadrows'] >= $reported && $audit['loadrows'] <= $reported + 8 * $ambiguous,
        sprintf('audit rows of the run (%d) = changes the pages reported (%d)%s', $audit['loadrows'], $reported,
            $ambiguous ? " + at most those of $ambiguous committed request(s) whose next page failed" : ''));
    $verdict($audit['loadrows'] > 0, 'the races changed marks');
}

// ------------------------------------------------------------------ verdicts
$md[] = '## Verdicts';
$md[] = '';
$failed = 0;
foreach ($verdicts as [$ok, $what]) {
    $md[] = ($ok ? '- PASS ' : '- FAIL ') . $what;
    $failed += $ok ? 0 : 1;
    fwrite(STDOUT, ($ok ? 'PASS ' : 'FAIL ') . $what . "\n");
}
file_put_contents("$dir/report.md", implode("\n", $md) . "\n");
fwrite(STDOUT, sprintf("%d passed, %d failed\n", count($verdicts) - $failed, $failed));
exit($failed ? 1 : 0);
