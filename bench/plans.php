<?php
/**
 * The plans of the statements a view sent (captured by bench/capture.php): each statement is run
 * once more under MariaDB's ANALYZE FORMAT=JSON with the values it was sent with, bound, and the
 * plan is summed up as one Markdown row per table it reads: how it is reached (access type and
 * index), the rows the server read and the share it kept, and the server's time.
 *
 *   php bench/plans.php --statements=FILE [--title=TEXT]
 *
 * Connection: the MAGISTERE_TEST_* variables (scripts/lib/mariadb.sh). Prints Markdown.
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';

/**
 * The prepared statements of a capture file (bench/capture.php's format: "P nparams length", the
 * SQL, then "i|s length" and the value of each parameter; "Q length" and plain SQL otherwise).
 *
 * @return list<array{sql: string, types: string, values: list<int|string>}>
 */
function readStatements(string $path): array
{
    $text = file_get_contents($path);
    if ($text === false) {
        throw new \RuntimeException("cannot read $path");
    }
    $out = [];
    $pos = 0;
    $len = strlen($text);
    $line = static function () use ($text, &$pos, $len): string {
        $end = strpos($text, "\n", $pos);
        $end = $end === false ? $len : $end;
        $l = substr($text, $pos, $end - $pos);
        $pos = $end + 1;
        return $l;
    };
    $take = static function (int $n) use ($text, &$pos): string {
        $s = substr($text, $pos, $n);
        $pos += $n + 1;
        return $s;
    };
    while ($pos < $len) {
        $head = explode(' ', $line());
        if ($head[0] === 'Q') {
            $take((int) $head[1]);
            continue;
        }
        if ($head[0] !== 'P' || count($head) !== 3) {
            throw new \RuntimeException("$path: unexpected line '" . implode(' ', $head) . "'");
        }
        $sql = $take((int) $head[2]);
        $types = '';
        $values = [];
        for ($i = 0; $i < (int) $head[1]; $i++) {
            [$type, $n] = explode(' ', $line());
            $v = $take((int) $n);
            $types .= $type === 'i' ? 'i' : 's';
            $values[] = $type === 'i' ? (int) $v : $v;
        }
        $out[] = ['sql' => $sql, 'types' => $types, 'values' => $values];
    }
    return $out;
}

/** The tables of a plan, in the order the server joins them. */
function planTables(array $node, array &$into): void
{
    foreach ($node as $key => $value) {
        if ($key === 'table' && is_array($value) && isset($value['table_name'])) {
            $into[] = $value;
        }
        if (is_array($value)) {
            planTables($value, $into);
        }
    }
}

$opts = getopt('', ['statements:', 'title:']);
if (!isset($opts['statements'])) {
    fwrite(STDERR, "usage: php bench/plans.php --statements=FILE [--title=TEXT]\n");
    exit(2);
}
$db = connect();
$statements = readStatements($opts['statements']);
$title = $opts['title'] ?? basename($opts['statements']);
echo "Plans of the statements of $title (", count($statements), " statements; ANALYZE FORMAT=JSON):\n\n";
echo "| # | table read | access | index | rows read | kept | server time (ms) |\n";
echo "|---:|---|---|---|---:|---:|---:|\n";
$total = 0.0;
foreach ($statements as $i => $st) {
    if (preg_match('/\bFROM `([a-z0-9_]+)` t\b/', $st['sql'], $m) !== 1) {
        continue;
    }
    $stmt = $db->prepare('ANALYZE FORMAT=JSON ' . $st['sql']);
    if ($st['values']) {
        $stmt->bind_param($st['types'], ...$st['values']);
    }
    $stmt->execute();
    $row = $stmt->get_result()->fetch_row();
    $stmt->close();
    $plan = json_decode((string) $row[0], true, 512, JSON_THROW_ON_ERROR);
    $ms = (float) ($plan['query_block']['r_total_time_ms'] ?? 0);
    $total += $ms;
    $tables = [];
    planTables($plan['query_block'] ?? [], $tables);
    foreach ($tables as $k => $t) {
        $name = $t['table_name'] === 't' ? $m[1] : $t['table_name'];
        $read = (float) ($t['r_rows'] ?? 0) * (float) ($t['r_loops'] ?? 1);
        printf("| %s | %s | %s | %s | %s | %s | %s |\n", $k === 0 ? (string) ($i + 1) : '', $name,
            $t['access_type'] ?? '', $t['key'] ?? '', number_format($read),
            isset($t['r_filtered']) ? sprintf('%.0f %%', $t['r_filtered']) : '', $k === 0 ? sprintf('%.1f', $ms) : '');
    }
}
printf("\nServer time of all statements: %.1f ms.\n", $total);
