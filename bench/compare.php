<?php
/**
 * Compares two result dumps of bench/run.php (--dump): exit 0 and "same" when they are equal
 * (same keys in the same order, same values and types), else exit 1 with the first difference.
 *
 *   php bench/compare.php A.json B.json
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';

if ($argc !== 3) {
    fwrite(STDERR, "usage: php bench/compare.php A.json B.json\n");
    exit(2);
}
$a = json_decode((string) file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
$b = json_decode((string) file_get_contents($argv[2]), true, 512, JSON_THROW_ON_ERROR);
if ($a === null || $b === null) {
    fwrite(STDERR, "compare.php: an empty result\n");
    exit(1);
}
$d = firstDifference($a, $b);
if ($d === null) {
    echo "same\n";
    exit(0);
}
echo "different: $d\n";
exit(1);
