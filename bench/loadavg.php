<?php
/**
 * Summarises the 1-minute load averages scripts/bench.sh samples during a run (one per line):
 * "min X, median Y, max Z (N samples)".
 *
 *   php bench/loadavg.php FILE
 */

declare(strict_types=1);

$v = array_map('floatval', file($argv[1] ?? '', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: []);
if (!$v) {
    echo 'no sample';
    exit(0);
}
sort($v);
printf('min %.1f, median %.1f, max %.1f (%d samples)', $v[0], $v[intdiv(count($v), 2)], $v[count($v) - 1], count($v));
