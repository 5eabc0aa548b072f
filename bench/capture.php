<?php
/**
 * Captures the SQL the extension (or, with --impl=reference, bench/reference.php) sends for one
 * view, for the fetch floor (bench/floor.c): turns the server's general query log on (to a
 * table), runs the view once as an account of its own (created for the capture, so that no other
 * client of the server, such as another test, pollutes the capture), turns the log off and writes
 * every statement that account sent (queries, and prepared statements as executed, with their
 * values) to FILE as
 * records: "Q <length>\n<sql>\n" for a plain query; "P <nparams> <length>\n<sql>\n" for a prepared
 * statement, followed by its values, each "<type> <length>\n<value>\n" (type i integer, d decimal,
 * s string, n NULL), recovered from the logged execution.
 *
 *   php -d extension=magistere.so bench/capture.php --view=VIEW --meta=DATADIR/meta.tsv --out=FILE
 *       [--impl=ext|reference]
 *
 * Needs an account allowed to SET GLOBAL (the throwaway server's admin account).
 */

declare(strict_types=1);

namespace MagistereBench;

require_once __DIR__ . '/lib.php';
require_once __DIR__ . '/reference.php';


/**
 * The values a prepared statement was executed with: the general log shows the statement with
 * `?` and then with the values in their place. Returns [[type, value], ...], or null when
 * $executed is not an execution of $prepared.
 */
function executeParams(string $prepared, string $executed): ?array
{
    $pieces = explode('?', $prepared);
    if (!str_starts_with($executed, $pieces[0])) {
        return null;
    }
    $pos = strlen($pieces[0]);
    $params = [];
    for ($i = 1; $i < count($pieces); $i++) {
        // The value: a quoted string, NULL or a number.
        if (($executed[$pos] ?? '') === "'") {
            $j = $pos + 1;
            $v = '';
            while ($j < strlen($executed)) {
                $c = $executed[$j];
                if ($c === '\\') {
                    $e = $executed[$j + 1] ?? '';
                    $v .= ['n' => "\n", 'r' => "\r", 't' => "\t", '0' => "\0", 'Z' => "\x1a"][$e] ?? $e;
                    $j += 2;
                } elseif ($c === "'" && ($executed[$j + 1] ?? '') === "'") {
                    $v .= "'";
                    $j += 2;
                } elseif ($c === "'") {
                    break;
                } else {
                    $v .= $c;
                    $j++;
                }
            }
            $params[] = ['s', $v];
            $pos = $j + 1;
        } elseif (preg_match('/\GNULL/A', $executed, $m, 0, $pos)) {
            $params[] = ['n', ''];
            $pos += 4;
        } elseif (preg_match('/\G-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?/Ai', $executed, $m, 0, $pos)) {
            $params[] = [isset($m[1]) || isset($m[2]) ? 'd' : 'i', $m[0]];
            $pos += strlen($m[0]);
        } else {
            return null;
        }
        if (substr($executed, $pos, strlen($pieces[$i])) !== $pieces[$i]) {
            return null;
        }
        $pos += strlen($pieces[$i]);
    }
    if ($pos !== strlen($executed)) {
        return null;
    }
    return $params;
}

$opt = getopt('', ['view:', 'meta:', 'out:', 'impl:']);
$impl = $opt['impl'] ?? 'ext';
if (!isset($opt['view'], $opt['meta'], $opt['out'])) {
    fwrite(STDERR, "usage: php bench/capture.php --view=VIEW --meta=FILE --out=FILE\n");
    exit(2);
}
$meta = [];
foreach (file($opt['meta'], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    [$k, $v] = explode("\t", $line, 2) + [1 => ''];
    $meta[$k] = $v;
}
$settings = new Settings((int) $meta['now']);
$control = connect();
// The implementation's own account: its statements are those of its sessions in the log.
$user = 'mgcap_' . bin2hex(random_bytes(4));
$password = bin2hex(random_bytes(12));
$db = $control->query('SELECT DATABASE()')->fetch_row()[0];
if (preg_match('/^[A-Za-z0-9_]+$/D', (string) $db) !== 1) {
    fwrite(STDERR, "capture.php: unexpected database name\n");
    exit(2);
}
foreach (['127.0.0.1', 'localhost'] as $h) {
    $control->query("CREATE USER '$user'@'$h' IDENTIFIED BY '$password'");
    $control->query("GRANT SELECT, CREATE TEMPORARY TABLES ON `$db`.* TO '$user'@'$h'");
}
putenv("MAGISTERE_BENCH_USER=$user");
putenv("MAGISTERE_BENCH_PASSWORD=$password");

$control->query("SET GLOBAL log_output = 'TABLE'");
$control->query('SET GLOBAL general_log = 0');
$control->query('TRUNCATE TABLE mysql.general_log');
$tmp = tempnam(sys_get_temp_dir(), 'mgcap');
$control->query('SET GLOBAL general_log = 1');
try {
    $tracker = $impl === 'reference' ? new Reference(connect(), $settings)
        : new \Magistere\Tracker(\Magistere\Source::mysql(mysqlOptions()), $settings->forTracker());
    match ($opt['view']) {
        'trainer' => $tracker->trainerView((int) $meta['trainer_viewer'], (int) $meta['trainer_course']),
        'inspector' => $tracker->inspectorView((int) $meta['inspector_viewer']),
        'statistics' => $tracker->statistics(),
        'attestations' => $tracker->writeAttestations($tmp),
    };
    unset($tracker);
} finally {
    $control->query('SET GLOBAL general_log = 0');
    putenv('MAGISTERE_BENCH_USER');
    putenv('MAGISTERE_BENCH_PASSWORD');
    foreach (['127.0.0.1', 'localhost'] as $h) {
        $control->query("DROP USER IF EXISTS '$user'@'$h'");
    }
    @unlink($tmp);
}
$st = $control->prepare("SELECT command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log"
    . " WHERE user_host LIKE ? AND command_type IN ('Query', 'Prepare', 'Execute')");
// No ORDER BY: the log table (CSV engine) is read in the order it was written, which keeps a
// Prepare before its Execute even when both carry the same microsecond.
$like = $user . '[%';
$st->bind_param('s', $like);
$st->execute();
$rows = $st->get_result()->fetch_all();
$out = '';
$n = 0;
$prepared = [];
foreach ($rows as [$type, $sql]) {
    // Session set-up and transaction statements are kept: the floor pays for them too.
    if ($type === 'Query') {
        $out .= 'Q ' . strlen($sql) . "\n" . $sql . "\n";
        $n++;
    } elseif ($type === 'Prepare') {
        $prepared[] = $sql;
    } else {
        // A prepared statement is replayed prepared, with the values it was executed with: the
        // server may plan a statement with literals differently. Its text is the latest
        // prepared one that the execution matches (another may be prepared in between).
        $params = null;
        for ($i = count($prepared) - 1; $i >= 0 && $params === null; $i--) {
            $params = executeParams($prepared[$i], $sql);
            $text = $prepared[$i];
        }
        if ($params === null) {
            fwrite(STDERR, "capture.php: an executed statement matches no prepared one\n");
            exit(1);
        }
        $out .= 'P ' . count($params) . ' ' . strlen($text) . "\n" . $text . "\n";
        foreach ($params as [$t, $v]) {
            $out .= $t . ' ' . strlen($v) . "\n" . $v . "\n";
        }
        $n++;
    }
}
$control->query('TRUNCATE TABLE mysql.general_log');
if ($n === 0) {
    fwrite(STDERR, "capture.php: no statement captured for {$opt['view']}\n");
    exit(1);
}
file_put_contents($opt['out'], $out);
fwrite(STDERR, "capture.php: $impl {$opt['view']}: $n statements\n");
