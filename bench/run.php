<?php
/**
 * Runs one view with one implementation, in this process, and prints a JSON line with the
 * wall time of every run and the peak memory. One process per (implementation, view), so the
 * peak resident set size (getrusage) is that view's and nothing else's.
 *
 *   php bench/run.php --impl=ext|resident|reference|peruser --view=trainer|inspector|statistics|attestations
 *       --meta=DATADIR/meta.tsv [--runs=N] [--warmup=N] [--dump=FILE] [--out=FILE] [--keep=FILE]
 *
 * --dump writes the result (the view's array; for attestations, the file read back) as JSON, for
 * bench/compare.php; --keep moves the attestation file the last run wrote to FILE (for
 * bench/validate.c). "ext" is the extension as a page uses it without resident models (every run
 * reads the rows: cold); "resident" keeps its model between runs (docs/resident.md): its warm-up
 * builds it, each timed run checks the change stamps and computes the view from it (warm), and the
 * report says how many runs were served that way. Connection: the MAGISTERE_TEST_* variables (scripts/lib/mariadb.sh).
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';
require_once __DIR__ . '/reference.php';
require_once __DIR__ . '/peruser.php';

function readMeta(string $path): array
{
    $meta = [];
    foreach (file($path, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
        [$k, $v] = explode("\t", $line, 2) + [1 => ''];
        $meta[$k] = $v;
    }
    foreach (['now', 'trainer_course', 'trainer_viewer', 'inspector_viewer'] as $k) {
        if (!isset($meta[$k])) {
            throw new \RuntimeException("$path has no $k");
        }
    }
    return $meta;
}

/** A callable running the view once and returning [result, participants-or-null]. */
function makeRunner(string $impl, string $view, array $meta, string $tmpFile): callable
{
    $settings = new Settings((int) $meta['now']);
    $course = (int) $meta['trainer_course'];
    $trainer = (int) $meta['trainer_viewer'];
    $inspector = (int) $meta['inspector_viewer'];

    if ($impl === 'ext' || $impl === 'resident') {
        if (!extension_loaded('magistere')) {
            throw new \RuntimeException('the magistere extension is not loaded');
        }
        $options = mysqlOptions() + ['resident' => $impl === 'resident'];
        $tracker = new \Magistere\Tracker(\Magistere\Source::mysql($options), $settings->forTracker());
        return match ($view) {
            'trainer' => static fn () => $tracker->trainerView($trainer, $course),
            'inspector' => static fn () => $tracker->inspectorView($inspector),
            'statistics' => static fn () => $tracker->statistics(),
            'attestations' => static function () use ($tracker, $tmpFile) {
                return $tracker->writeAttestations($tmpFile);
            },
        };
    }
    $db = connect();
    $o = $impl === 'reference' ? new Reference($db, $settings) : new PerUser($db, $settings);
    return match ($view) {
        'trainer' => static fn () => $o->trainerView($trainer, $course),
        'inspector' => static fn () => $o->inspectorView($inspector),
        'statistics' => static fn () => $o->statistics(),
        'attestations' => static fn () => $o->writeAttestations($tmpFile),
    };
}

function main(array $argv): int
{
    $opt = getopt('', ['impl:', 'view:', 'meta:', 'runs:', 'warmup:', 'dump:', 'out:', 'keep:']);
    $impl = $opt['impl'] ?? '';
    $view = $opt['view'] ?? '';
    if (!in_array($impl, ['ext', 'resident', 'reference', 'peruser'], true)
        || !in_array($view, ['trainer', 'inspector', 'statistics', 'attestations'], true)
        || !isset($opt['meta'])) {
        fwrite(STDERR, "usage: php bench/run.php --impl=ext|resident|reference|peruser"
            . " --view=trainer|inspector|statistics|attestations --meta=FILE [--runs=N] [--warmup=N]"
            . " [--dump=FILE] [--out=FILE] [--keep=FILE]\n");
        return 2;
    }
    $runs = max(1, (int) ($opt['runs'] ?? 5));
    $warmup = max(0, (int) ($opt['warmup'] ?? 1));
    $meta = readMeta($opt['meta']);
    $tmpFile = tempnam(sys_get_temp_dir(), 'mgbench') . '.xml';

    $rssBefore = getrusage()['ru_maxrss'];
    $t0 = hrtime(true);
    $run = makeRunner($impl, $view, $meta, $tmpFile);
    $setup = (hrtime(true) - $t0) / 1e9;

    $result = null;
    for ($i = 0; $i < $warmup; $i++) {
        $result = $run();
        if ($view !== 'attestations') {
            $result = null;
        }
    }
    $engine = extension_loaded('magistere') ? \Magistere\Tracker::memoryUsage() : null;
    $times = [];
    for ($i = 0; $i < $runs; $i++) {
        $result = null;
        $t = hrtime(true);
        $result = $run();
        $times[] = (hrtime(true) - $t) / 1e9;
    }
    $sorted = $times;
    sort($sorted);
    $median = $sorted[intdiv(count($sorted), 2)];
    if (count($sorted) % 2 === 0) {
        $median = ($sorted[count($sorted) / 2 - 1] + $sorted[count($sorted) / 2]) / 2;
    }
    $report = [
        'impl' => $impl,
        'view' => $view,
        'runs' => $runs,
        'times' => $times,
        'median' => $median,
        'setup' => $setup,
        'peak_rss_kb' => getrusage()['ru_maxrss'],
        'start_rss_kb' => $rssBefore,
        'php_peak_bytes' => memory_get_peak_usage(true),
        'count' => is_int($result) ? $result : null,
    ];
    if ($engine !== null) {
        $after = \Magistere\Tracker::memoryUsage();
        $report['engine_peak_bytes'] = $after['engine_peak_bytes'];
        $report['resident_bytes'] = $after['resident_bytes'];
        $report['resident_hits'] = $after['resident_hits'] - $engine['resident_hits'];
    }
    if (isset($opt['dump'])) {
        $dump = $view === 'attestations' ? readAttestations($tmpFile) : $result;
        file_put_contents($opt['dump'], json_encode($dump, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
            | JSON_THROW_ON_ERROR));
    }
    if (isset($opt['keep']) && $view === 'attestations' && !rename($tmpFile, $opt['keep'])) {
        throw new \RuntimeException("cannot move the attestation file to {$opt['keep']}");
    }
    @unlink($tmpFile);
    @unlink(substr($tmpFile, 0, -4));
    $line = json_encode($report, JSON_THROW_ON_ERROR) . "\n";
    if (isset($opt['out'])) {
        file_put_contents($opt['out'], $line, FILE_APPEND);
    }
    echo $line;
    return 0;
}

exit(main($argv));
