<?php
/**
 * Shared helpers of the benchmark implementations (bench/reference.php, bench/peruser.php) and of
 * the runner (bench/run.php): connection, settings, name ordering, durations, the disclosure
 * control of the statistics (docs/statistics.md) and result comparison.
 *
 * Nothing here is used by the extension: it is the plain-PHP side of the comparison.
 */

declare(strict_types=1);

namespace MagistereBench;

/** A rule refused the request (the extension throws Magistere\AccessDenied). */
final class Refused extends \RuntimeException {}

/** The benchmark's view of the Tracker settings (the extension's defaults, fixed "now"). */
final class Settings
{
    /** @var list<string> */
    public array $trainerRoles = ['formateur', 'tuteur', 'editingteacher', 'teacher'];
    /** @var list<string> */
    public array $participantRoles = ['participant', 'student'];
    public string $schoolField = 'rne';
    public string $durationField = 'magistere_duration';
    public int $k = 5;

    public function __construct(public int $now)
    {
    }

    /** The settings array for new Magistere\Tracker(). */
    public function forTracker(): array
    {
        return [
            'trainer_roles' => $this->trainerRoles,
            'participant_roles' => $this->participantRoles,
            'school_field' => $this->schoolField,
            'duration_field' => $this->durationField,
            'k' => $this->k,
            'now' => $this->now,
        ];
    }
}

/** The table prefix, checked as docs/mysql.md ("The table prefix") says: the only identifier put into SQL. */
function prefix(): string
{
    $prefix = getenv('MAGISTERE_TEST_PREFIX') ?: 'mdl_';
    if (preg_match('/^[a-z][a-z0-9_]{0,9}$/D', $prefix) !== 1) {
        throw new \ValueError('invalid table prefix');
    }
    return $prefix;
}

/**
 * The account the implementations connect with: MAGISTERE_TEST_USER/PASSWORD, or the one
 * bench/capture.php creates so that the server's log tells its statements apart
 * (MAGISTERE_BENCH_USER/PASSWORD).
 *
 * @return array{0: string, 1: string}
 */
function account(): array
{
    $user = getenv('MAGISTERE_BENCH_USER');
    if ($user !== false && $user !== '') {
        return [$user, (string) getenv('MAGISTERE_BENCH_PASSWORD')];
    }
    return [getenv('MAGISTERE_TEST_USER') ?: 'root', getenv('MAGISTERE_TEST_PASSWORD') ?: ''];
}

/** A mysqli connection from the MAGISTERE_TEST_* variables (scripts/lib/mariadb.sh). */
function connect(): \mysqli
{
    mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
    $db = mysqli_init();
    // Integers come back as PHP ints, as Moodle's drivers would have to cast them anyway.
    $db->options(MYSQLI_OPT_INT_AND_FLOAT_NATIVE, 1);
    $socket = getenv('MAGISTERE_TEST_SOCKET') ?: null;
    [$user, $password] = account();
    $db->real_connect(
        getenv('MAGISTERE_TEST_HOST') ?: 'localhost',
        $user,
        $password,
        getenv('MAGISTERE_TEST_DB') ?: 'magistere_test',
        (int) (getenv('MAGISTERE_TEST_PORT') ?: 3306),
        $socket
    );
    $db->set_charset('utf8mb4');
    return $db;
}

/** The options array for Magistere\Source::mysql(). */
function mysqlOptions(): array
{
    $o = [
        'host' => getenv('MAGISTERE_TEST_HOST') ?: 'localhost',
        'port' => (int) (getenv('MAGISTERE_TEST_PORT') ?: 3306),
        'user' => account()[0],
        'password' => account()[1],
        'database' => getenv('MAGISTERE_TEST_DB') ?: 'magistere_test',
        'prefix' => prefix(),
    ];
    $socket = getenv('MAGISTERE_TEST_SOCKET');
    if ($socket !== false && $socket !== '') {
        $o['socket'] = $socket;
    }
    return $o;
}

/** Runs a prepared statement with bound parameters and returns all rows (associative). */
function fetchAll(\mysqli $db, string $sql, array $params = []): array
{
    $st = $db->prepare($sql);
    if ($params) {
        $st->bind_param(str_repeat('s', count($params)), ...array_map('strval', $params));
    }
    $st->execute();
    $rows = $st->get_result()->fetch_all(MYSQLI_ASSOC);
    $st->close();
    return $rows;
}

/** "?, ?, ?" for n parameters (n >= 1). */
function marks(int $n): string
{
    return implode(', ', array_fill(0, max(1, $n), '?'));
}

/**
 * Name folding as the engine compares names (src/core/util.c): ASCII lower case, Latin-1 letters
 * to their base letters, œ to oe. Names are compared on their folded form, then bytewise.
 */
function fold(string $s): string
{
    static $map = null;
    if ($map === null) {
        $fold = [
            'a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
            'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'ss',
            'a', 'a', 'a', 'a', 'a', 'a', 'ae', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
            'd', 'n', 'o', 'o', 'o', 'o', 'o', null, 'o', 'u', 'u', 'u', 'u', 'y', 'th', 'y',
        ];
        $map = [];
        foreach ($fold as $i => $to) {
            if ($to !== null) {
                $map["\xC3" . chr(0x80 + $i)] = $to;
            }
        }
        $map["\xC5\x92"] = 'oe';
        $map["\xC5\x93"] = 'oe';
        for ($c = ord('A'); $c <= ord('Z'); $c++) {
            $map[chr($c)] = chr($c + 32);
        }
    }
    return strtr($s, $map);
}

/** A sort key ordering people by last name, first name, then id (docs/api.md). */
function personKey(string $lastname, string $firstname, int $id): string
{
    return fold($lastname) . "\0" . $lastname . "\0" . fold($firstname) . "\0" . $firstname . "\0"
        . sprintf('%020d', $id);
}

/** A sort key for one value (names, course full names...): folded, then bytewise. */
function valueKey(string $v): string
{
    return fold($v) . "\0" . $v;
}

/** Sorts person-like rows (lastname, firstname, id) in place. */
function sortPeople(array &$rows): void
{
    $keys = [];
    foreach ($rows as $i => $r) {
        $keys[$i] = personKey($r['lastname'], $r['firstname'], (int) $r['id']);
    }
    asort($keys, SORT_STRING);
    $sorted = [];
    foreach ($keys as $i => $_) {
        $sorted[] = $rows[$i];
    }
    $rows = $sorted;
}

/** The forecast duration from a customfield_data row (decvalue, value), null when none. */
function duration(mixed $decvalue, mixed $value): ?int
{
    if ($decvalue !== null) {
        return (int) $decvalue;
    }
    $value = trim((string) $value);
    return $value === '' ? null : (int) $value;
}

/** Upper-cased, trimmed school code, as the engine matches them. */
function uai(?string $s): string
{
    return strtoupper(trim((string) $s));
}

/** The person shape of the views. */
function person(array $r): array
{
    return ['id' => (int) $r['id'], 'firstname' => $r['firstname'], 'lastname' => $r['lastname']];
}

/** Orders activities as the engine does: section number, position in the sequence, id. */
function sortActivities(array $acts): array
{
    usort($acts, static function (array $a, array $b): int {
        return [$a['section'], $a['pos'], $a['cmid']] <=> [$b['section'], $b['pos'], $b['cmid']];
    });
    return $acts;
}

/** cmid => position in its section's sequence, from course_sections.sequence values. */
function sequencePositions(array $sequences): array
{
    $pos = [];
    foreach ($sequences as $seq) {
        $p = 0;
        foreach (preg_split('/[^0-9]+/', (string) $seq, -1, PREG_SPLIT_NO_EMPTY) as $id) {
            $pos[(int) $id] = $p++;
        }
    }
    return $pos;
}

/** Completion states as the views name them: 4 (COMPLETION_COMPLETE_FAIL_HIDDEN) is a fail. */
const STATES = ['incomplete', 'complete', 'pass', 'fail', 'fail'];

/**
 * Moodle's completion_info::get_activities() of a course, in course order (docs/rules.md): the
 * course modules listed in the sequence of one of the course's sections (the section with the
 * highest number wins, the first occurrence in it), of an enabled module, with completion on and
 * not being deleted; hidden or not. $cms: rows of the course's modules (cmid, module, mvisible,
 * completion, deletioninprogress); $sections: the course's sections (id, section, sequence).
 */
function moodleActivities(array $cms, array $sections): array
{
    $byId = [];
    foreach ($cms as $cm) {
        $byId[(int) $cm['cmid']] = $cm;
    }
    usort($sections, static fn (array $a, array $b): int => (int) $a['section'] <=> (int) $b['section']);
    $where = [];
    foreach ($sections as $sec) {
        $seen = [];
        foreach (explode(',', (string) $sec['sequence']) as $pos => $item) {
            if (preg_match('/^(0|[1-9][0-9]{0,17})$/D', $item) !== 1) {
                continue;
            }
            $id = (int) $item;
            if (!isset($byId[$id]) || isset($seen[$id])) {
                continue;
            }
            $seen[$id] = true;
            $where[$id] = [(int) $sec['section'], $pos];
        }
    }
    $acts = [];
    foreach ($byId as $id => $cm) {
        if (isset($where[$id]) && (int) $cm['mvisible'] !== 0 && (int) $cm['completion'] !== 0
            && (int) $cm['deletioninprogress'] === 0) {
            $acts[] = ['cmid' => $id, 'module' => $cm['module'], 'section' => $where[$id][0], 'pos' => $where[$id][1]];
        }
    }
    return sortActivities($acts);
}

/**
 * \core_completion\progress::get_course_progress_percentage(), floored as "My courses" shows it.
 */
function moodlePercent(bool $enabled, bool $complete, int $done, int $tracked): ?int
{
    if (!$enabled) {
        return null;
    }
    if ($complete) {
        return 100;
    }
    if ($tracked === 0) {
        return null;
    }
    return (int) floor(($done / $tracked) * 100);
}

/* ------------------------------------------------------------------------------------------
 * Statistics: disclosure control (docs/statistics.md), the same rules as the engine.
 *
 * Input: the cells of every level of the table, each with 'ids' (one interned id per
 * dimension, ALL for a margin), 'values', the counts, and the distinct people who finished /
 * did not finish something. Ids are interned in order of first appearance when walking the
 * parcours (by id) and, in each, its participants (by name): the engine breaks ties between
 * equal candidates for secondary suppression by that order, so the reference does too.
 * ------------------------------------------------------------------------------------------ */

const ALL = 2147483647;

/** Primary then secondary suppression, in place. */
function suppress(array &$cells, int $ndims, int $k): void
{
    foreach ($cells as &$c) {
        $c['suppressed'] = null;
        $c['finished_suppressed'] = null;
        $below = static fn (int $v): bool => $v > 0 && $v < $k;
        if ($below($c['participants'])) {
            $c['suppressed'] = 'primary';
            $c['finished_suppressed'] = 'primary';
        } elseif ($below($c['finished_people']) || $below($c['unfinished_people'])) {
            $c['finished_suppressed'] = 'primary';
        }
    }
    unset($c);
    if (!$cells) {
        return;
    }
    // Line orders, one per dimension: every id but d's, then d's.
    $orders = [];
    for ($d = 0; $d < $ndims; $d++) {
        $keys = [];
        foreach ($cells as $i => $c) {
            $key = '';
            for ($e = 0; $e < $ndims; $e++) {
                if ($e !== $d) {
                    $key .= sprintf('%010d', $c['ids'][$e]);
                }
            }
            $keys[$i] = $key . sprintf('%010d', $c['ids'][$d]);
        }
        asort($keys, SORT_STRING);
        $orders[$d] = array_keys($keys);
    }
    while (secondaryPass($cells, $orders, $ndims, false) > 0) {
    }
    while (secondaryPass($cells, $orders, $ndims, true) > 0) {
    }
}

function secondaryPass(array &$cells, array $orders, int $ndims, bool $fin): int
{
    $changed = 0;
    $field = $fin ? 'finished_suppressed' : 'suppressed';
    for ($d = 0; $d < $ndims; $d++) {
        $order = $orders[$d];
        $n = count($order);
        $i = 0;
        while ($i < $n) {
            $lineKey = lineKey($cells[$order[$i]]['ids'], $d, $ndims);
            $e = $i + 1;
            while ($e < $n && lineKey($cells[$order[$e]]['ids'], $d, $ndims) === $lineKey) {
                $e++;
            }
            $nsupp = 0;
            $members = 0;
            for ($j = $i; $j < $e; $j++) {
                $c = $cells[$order[$j]];
                if ($c['ids'][$d] !== ALL) {
                    $members++;
                }
                if ($c[$field] !== null) {
                    $nsupp++;
                }
            }
            if ($nsupp === 1 && $members >= 1) {
                $best = null;
                $bestSize = 0;
                $bestMargin = true;
                for ($j = $i; $j < $e; $j++) {
                    $c = $cells[$order[$j]];
                    if ($c[$field] !== null) {
                        continue;
                    }
                    $margin = $c['ids'][$d] === ALL;
                    $size = $fin ? $c['finished'] : $c['participants'];
                    if ($best === null || ($bestMargin && !$margin) || ($bestMargin === $margin && $size < $bestSize)) {
                        $best = $order[$j];
                        $bestSize = $size;
                        $bestMargin = $margin;
                    }
                }
                if ($best !== null) {
                    if ($fin) {
                        $cells[$best]['finished_suppressed'] = 'secondary';
                    } else {
                        $cells[$best]['suppressed'] = 'secondary';
                        if ($cells[$best]['finished_suppressed'] === null) {
                            $cells[$best]['finished_suppressed'] = 'secondary';
                        }
                    }
                    $changed++;
                }
            }
            $i = $e;
        }
    }
    return $changed;
}

function lineKey(array $ids, int $d, int $ndims): string
{
    $k = '';
    for ($e = 0; $e < $ndims; $e++) {
        if ($e !== $d) {
            $k .= $ids[$e] . ',';
        }
    }
    return $k;
}

/** The statistics array as the extension returns it, cells in value order (margins last). */
function statisticsResult(array $dims, int $k, array $cells): array
{
    $ndims = count($dims);
    // Rank of every value of every dimension in name order.
    $ranks = [];
    for ($d = 0; $d < $ndims; $d++) {
        $vals = [];
        foreach ($cells as $c) {
            if ($c['values'][$d] !== null) {
                $vals[$c['values'][$d]] = valueKey($c['values'][$d]);
            }
        }
        asort($vals, SORT_STRING);
        $ranks[$d] = array_flip(array_map('strval', array_keys($vals)));
    }
    $keys = [];
    foreach ($cells as $i => $c) {
        $key = '';
        for ($d = 0; $d < $ndims; $d++) {
            $v = $c['values'][$d];
            $key .= sprintf('%010d', $v === null ? ALL : $ranks[$d][$v]);
        }
        $keys[$i] = $key;
    }
    asort($keys, SORT_STRING);
    $out = [];
    foreach ($keys as $i => $_) {
        $c = $cells[$i];
        $hide = $c['suppressed'] !== null;
        $hidef = $hide || $c['finished_suppressed'] !== null;
        $values = [];
        foreach ($dims as $d => $name) {
            $values[$name] = $c['values'][$d];
        }
        $out[] = [
            'values' => $values,
            'participants' => $hide ? null : $c['participants'],
            'enrolments' => $hide ? null : $c['enrolments'],
            'finished' => $hidef ? null : $c['finished'],
            'credited_minutes' => $hidef ? null : $c['credited_minutes'],
            'suppressed' => $c['suppressed'],
            'finished_suppressed' => $hide ? $c['suppressed'] : $c['finished_suppressed'],
        ];
    }
    return ['dimensions' => $dims, 'k' => $k, 'cells' => $out];
}

/**
 * Interning order of the statistics values: first appearance when walking the parcours by id
 * and, in each, its participants by name. $records: list of [courseid, personKey, values...]
 * already ordered by course id. Returns, per dimension, value => id.
 */
function internOrder(array $byCourse, int $ndims): array
{
    $ids = array_fill(0, $ndims, []);
    foreach ($byCourse as $recs) {
        $fresh = false;
        foreach ($recs as $r) {
            for ($d = 0; $d < $ndims; $d++) {
                if (!isset($ids[$d][$r['v'][$d]])) {
                    $fresh = true;
                    break 2;
                }
            }
        }
        if (!$fresh) {
            continue;
        }
        usort($recs, static fn (array $a, array $b): int => strcmp($a['key'], $b['key']));
        foreach ($recs as $r) {
            for ($d = 0; $d < $ndims; $d++) {
                $v = $r['v'][$d];
                if (!isset($ids[$d][$v])) {
                    $ids[$d][$v] = count($ids[$d]);
                }
            }
        }
    }
    return $ids;
}

/* ------------------------------------------------------------------------------- attestations */

/** ISO 8601 UTC, as the exchange files write instants. */
function isoTime(int $t): string
{
    return gmdate('Y-m-d\TH:i:s\Z', $t);
}

/**
 * Reads an attestation file into a comparable array: every element with its attributes,
 * except the root's `generated` instant and `generator` name.
 */
function readAttestations(string $path): array
{
    $r = new \XMLReader();
    if (!$r->open($path, null, LIBXML_NONET)) {
        throw new \RuntimeException("cannot open $path");
    }
    $out = ['root' => null, 'parcours' => []];
    $cur = null;
    while ($r->read()) {
        if ($r->nodeType !== \XMLReader::ELEMENT) {
            continue;
        }
        $attrs = [];
        if ($r->hasAttributes) {
            while ($r->moveToNextAttribute()) {
                $attrs[$r->name] = $r->value;
            }
            $r->moveToElement();
        }
        if ($r->localName === 'attestations') {
            unset($attrs['generated'], $attrs['generator']);
            $out['root'] = ['ns' => $r->namespaceURI, 'attrs' => $attrs];
        } elseif ($r->localName === 'parcours') {
            $out['parcours'][] = ['attrs' => $attrs, 'participants' => []];
            $cur = count($out['parcours']) - 1;
        } elseif ($r->localName === 'participant' && $cur !== null) {
            $out['parcours'][$cur]['participants'][] = $attrs;
        } else {
            throw new \RuntimeException("unexpected element {$r->name} in $path");
        }
    }
    $r->close();
    return $out;
}

/* --------------------------------------------------------------------------------- comparing */

/** The first difference between two results, as "path: a vs b", or null when identical. */
function firstDifference(mixed $a, mixed $b, string $path = '$'): ?string
{
    if (is_array($a) && is_array($b)) {
        if (array_keys($a) !== array_keys($b)) {
            return sprintf('%s: keys [%s] vs [%s]', $path, substr(implode(',', array_keys($a)), 0, 200),
                substr(implode(',', array_keys($b)), 0, 200));
        }
        foreach ($a as $k => $v) {
            $d = firstDifference($v, $b[$k], $path . '[' . $k . ']');
            if ($d !== null) {
                return $d;
            }
        }
        return null;
    }
    if ($a === $b) {
        return null;
    }
    return sprintf('%s: %s vs %s', $path, var_export($a, true), var_export($b, true));
}
