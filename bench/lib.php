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
 * Statistics: the release of docs/statistics.md, computed as the engine computes it
 * (src/core/stats.c): the same trees, the same primary and secondary protection, the same
 * choices between equal candidates (children in name order, the first of equal values), so that
 * the result is the same array. No earlier release: the benchmark times one release.
 * ------------------------------------------------------------------------------------------ */

const ETAB_LEVELS = ['academie', 'degre', 'secteur', 'departement', 'circonscription'];
const C_P = 0;
const C_E = 1;
const C_F = 2;
const C_U = 3;
const S_GROUP = 1;
const S_FINISHED = 2;

/**
 * The release from the participations.
 *   $schools  one path [academie, degre, secteur, departement, circonscription] per directory school
 *   $parts    one ['user' => int, 'path' => ?array (null: no known school), 'parcours' => string,
 *             'finished' => bool, 'credited' => int] per participation
 *   $dated    shortnames of the parcours with a forecast duration (the parcours frame)
 *   $undated  whether the site has a course without one (the pooled group '' is then in the frame)
 */
function statisticsRelease(array $schools, array $parts, array $dated, bool $undated, int $k, int $now): array
{
    $none = ['', '', '', '', ''];
    // the frame
    $etab = ['nodes' => [], 'index' => []];
    $par = ['nodes' => [], 'index' => []];
    $add = static function (array &$tree, array $path) {
        for ($d = 0; $d <= count($path); $d++) {
            $key = serialize(array_slice($path, 0, $d));
            if (!isset($tree['index'][$key])) {
                $tree['index'][$key] = count($tree['nodes']);
                $tree['nodes'][] = ['values' => array_slice($path, 0, $d), 'v' => [0, 0, 0, 0], 'fp' => 0, 'up' => 0,
                    'schools' => 0, 'hidden' => false, 'sensitive' => 0];
            }
        }
    };
    $add($etab, $none);
    foreach ($schools as $path) {
        $add($etab, $path);
    }
    // the parcours frame is public: the parcours with a forecast duration, and, when the site has
    // other courses, one pooled group '' for their participations
    if ($undated) {
        $add($par, ['']);
    }
    $framed = array_fill_keys(array_map('strval', $dated), true);
    foreach (array_keys($framed) as $sn) {
        $add($par, [(string) $sn]);
    }
    $etab = treeLink($etab);
    $par = treeLink($par);
    foreach ($schools as $path) {
        $etab['nodes'][$etab['index'][serialize($path)]]['schools']++;
    }
    // participations into the finest groups, people once each
    $people = [];
    foreach ($parts as $p) {
        $el = $etab['index'][serialize($p['path'] ?? $none)];
        $pl = $par['index'][serialize([isset($framed[(string) $p['parcours']]) ? (string) $p['parcours'] : ''])];
        $etab['nodes'][$el]['v'][C_E]++;
        $par['nodes'][$pl]['v'][C_E]++;
        if ($p['finished']) {
            $etab['nodes'][$el]['v'][C_F]++;
            $par['nodes'][$pl]['v'][C_F]++;
            $par['nodes'][$pl]['v'][3] += $p['credited'];
        }
        $people[$p['user']] = [$el, ($people[$p['user']][1] ?? false) || $p['finished'],
            ($people[$p['user']][2] ?? false) || !$p['finished']];
    }
    foreach ($people as [$el, $fin, $unf]) {
        $etab['nodes'][$el]['v'][C_P]++;
        $etab['nodes'][$el]['fp'] += $fin ? 1 : 0;
        $etab['nodes'][$el]['up'] += $unf ? 1 : 0;
    }
    foreach ($par['nodes'] as $i => $n) {
        if ($i > 0) {
            $par['nodes'][$i]['fp'] = $n['v'][C_F];
            $par['nodes'][$i]['up'] = $n['v'][C_E] - $n['v'][C_F];
        }
    }
    foreach ([&$etab, &$par] as &$tree) {
        for ($i = count($tree['nodes']) - 1; $i > 0; $i--) {
            $c = $tree['nodes'][$i];
            $q = &$tree['nodes'][$c['parent']];
            for ($m = 0; $m < 4; $m++) {
                $q['v'][$m] += $c['v'][$m];
            }
            $q['fp'] += $c['fp'];
            $q['up'] += $c['up'];
            $q['schools'] += $c['schools'];
            unset($q);
        }
    }
    unset($tree);
    $par['nodes'][0]['fp'] = $etab['nodes'][0]['fp'];
    $par['nodes'][0]['up'] = $etab['nodes'][0]['up'];
    $par['nodes'][0]['v'][C_P] = 0;
    // protection
    $below = static fn (int $v): bool => $v > 0 && $v < $k;
    foreach ([[&$etab, true], [&$par, false]] as [&$tree, $isEtab]) {
        foreach ($tree['nodes'] as &$n) {
            $size = $isEtab ? $n['v'][C_P] : $n['v'][C_E];
            // zero too where "someone is there" would be news about few people: 1 to k-1 schools in
            // the directory, or a parcours
            if ($below($size) || ($size === 0 && $n['values'] !== [] && (!$isEtab || $below($n['schools'])))) {
                $n['hidden'] = true;
                $n['sensitive'] |= S_GROUP;
            }
            if ($below($n['fp']) || $below($n['up'])) {
                $n['hidden'] = true;
                $n['sensitive'] |= S_FINISHED;
            }
        }
        unset($n, $tree);
    }
    do {
        $changed = syncTotals($etab, $par);
        $changed += secondaryPass($etab, true, $k);
        $changed += secondaryPass($par, false, $k);
        $changed += syncTotals($etab, $par);
    } while ($changed > 0);
    $cells = ['etablissements' => [], 'parcours' => []];
    foreach ($etab['nodes'] as $n) {
        $values = [];
        foreach (ETAB_LEVELS as $d => $level) {
            $values[$level] = $n['values'][$d] ?? null;
        }
        $cells['etablissements'][] = ['values' => $values, 'participants' => $n['hidden'] ? null : $n['v'][C_P],
            'enrolments' => $n['hidden'] ? null : $n['v'][C_E], 'finished' => $n['hidden'] ? null : $n['v'][C_F]];
    }
    foreach ($par['nodes'] as $i => $n) {
        $cell = ['values' => ['parcours' => $n['values'][0] ?? null], 'enrolments' => $n['hidden'] ? null : $n['v'][C_E],
            'finished' => $n['hidden'] ? null : $n['v'][C_F]];
        if ($i > 0) {
            $cell['credited_minutes'] = $n['hidden'] ? null : $n['v'][3];
        }
        $cells['parcours'][] = $cell;
    }
    return ['version' => 2, 'k' => $k, 'generated' => $now, 'tables' => [
        'etablissements' => ['levels' => ETAB_LEVELS, 'cells' => $cells['etablissements']],
        'parcours' => ['levels' => ['parcours'], 'cells' => $cells['parcours']],
    ]];
}

/** Renumbers a tree in pre-order, children in name order (valueKey of their last value). */
function treeLink(array $tree): array
{
    $kids = [];
    $root = null;
    foreach ($tree['nodes'] as $i => $n) {
        if (!$n['values']) {
            $root = $i;
            continue;
        }
        $kids[$tree['index'][serialize(array_slice($n['values'], 0, -1))]][$i] = valueKey(end($n['values']));
    }
    $order = [];
    $walk = static function (int $i) use (&$walk, &$order, $kids): void {
        $order[] = $i;
        $k = $kids[$i] ?? [];
        asort($k, SORT_STRING);
        foreach (array_keys($k) as $c) {
            $walk($c);
        }
    };
    $walk($root);
    $pos = array_flip($order);
    $out = ['nodes' => [], 'index' => []];
    foreach ($order as $new => $old) {
        $n = $tree['nodes'][$old];
        $n['children'] = [];
        $n['parent'] = $n['values'] ? $pos[$tree['index'][serialize(array_slice($n['values'], 0, -1))]] : null;
        $out['nodes'][$new] = $n;
        $out['index'][serialize($n['values'])] = $new;
    }
    foreach ($out['nodes'] as $i => $n) {
        if ($n['parent'] !== null) {
            $out['nodes'][$n['parent']]['children'][] = $i;
        }
    }
    return $out;
}

function cval(array $n, int $c): int
{
    return $c === C_U ? $n['v'][C_E] - $n['v'][C_F] : $n['v'][$c];
}

function needDown(array $n, int $c, int $k): int
{
    $v = cval($n, $c);
    if ($n['sensitive'] & S_GROUP) {
        return $v;
    }
    $below = static fn (int $x): bool => $x > 0 && $x < $k;
    if (($n['sensitive'] & S_FINISHED) && (($c === C_F && $below($n['fp'])) || ($c === C_U && $below($n['up'])))) {
        return $v;
    }
    return min($v, $k);
}

function capsCompute(array $tree, int $k): array
{
    $caps = [];
    for ($i = count($tree['nodes']) - 1; $i >= 0; $i--) {
        $n = $tree['nodes'][$i];
        if (!$n['hidden']) {
            continue;
        }
        for ($c = 0; $c < 4; $c++) {
            $a = 0;
            if (!$n['children']) {
                $a = cval($n, $c);
            } else {
                foreach ($n['children'] as $ch) {
                    if ($tree['nodes'][$ch]['hidden']) {
                        $a += $caps[$ch][$c];
                    }
                }
            }
            $caps[$i][$c] = max($a, needDown($n, $c, $k));
        }
    }
    return $caps;
}

/** [mass short, need], or null when group $i keeps its promises (src/core/stats.c check_group). */
function checkGroup(array $tree, bool $isEtab, int $k, array $caps, int $i): ?array
{
    $n = $tree['nodes'][$i];
    $first = $isEtab ? C_P : C_E;
    $sum = [0, 0, 0, 0];
    $nh = 0;
    foreach ($n['children'] as $ch) {
        if ($tree['nodes'][$ch]['hidden']) {
            $nh++;
            for ($c = 0; $c < 4; $c++) {
                $sum[$c] += $caps[$ch][$c];
            }
        }
    }
    if ($n['hidden']) {
        for ($c = 0; $c < 4; $c++) {
            if ($c === C_P && !$isEtab) {
                continue;
            }
            if ($sum[$c] < needDown($n, $c, $k)) {
                return [$c, needDown($n, $c, $k) - $sum[$c]];
            }
        }
        return null;
    }
    if ($nh === 0) {
        return null;
    }
    foreach ($n['children'] as $ch) {
        $cn = $tree['nodes'][$ch];
        if (!$cn['hidden']) {
            continue;
        }
        if ($nh === 1) {
            return [$first, ($cn['sensitive'] & S_GROUP) ? $k : 1];
        }
        if (($cn['sensitive'] & S_GROUP) && $sum[$first] - $caps[$ch][$first] < $k) {
            return [$first, $k - ($sum[$first] - $caps[$ch][$first])];
        }
    }
    for ($c = 0; $c < 4; $c++) {
        if (($c === C_P && !$isEtab) || $sum[$c] > 0 || cval($n, $c) === 0) {
            continue;
        }
        return [$c, 1];
    }
    return null;
}

function pickChild(array $tree, int $p, int $c, int $need): ?int
{
    $best = $big = null;
    $bestv = $bigv = 0;
    foreach ($tree['nodes'][$p]['children'] as $ch) {
        $n = $tree['nodes'][$ch];
        $v = cval($n, $c);
        if ($n['hidden'] || $v <= 0) {
            continue;
        }
        if ($v >= $need && ($best === null || $v < $bestv)) {
            $best = $ch;
            $bestv = $v;
        }
        if ($big === null || $v > $bigv) {
            $big = $ch;
            $bigv = $v;
        }
    }
    return $best ?? $big;
}

function secondaryPass(array &$tree, bool $isEtab, int $k): int
{
    $changed = 0;
    $caps = capsCompute($tree, $k);
    foreach ($tree['nodes'] as $i => $_) {
        if (!$tree['nodes'][$i]['children']) {
            continue;
        }
        while (($short = checkGroup($tree, $isEtab, $k, $caps, $i)) !== null) {
            $pick = pickChild($tree, $i, $short[0], $short[1]);
            if ($pick !== null) {
                $tree['nodes'][$pick]['hidden'] = true;
                $changed++;
            } elseif (!$tree['nodes'][$i]['hidden']) {
                $tree['nodes'][$i]['hidden'] = true;
                $changed++;
            } else {
                break;
            }
            $caps = capsCompute($tree, $k);
        }
    }
    return $changed;
}

function syncTotals(array &$etab, array &$par): int
{
    if (($etab['nodes'][0]['hidden'] || $par['nodes'][0]['hidden'])
            && !($etab['nodes'][0]['hidden'] && $par['nodes'][0]['hidden'])) {
        $etab['nodes'][0]['hidden'] = $par['nodes'][0]['hidden'] = true;
        return 1;
    }
    return 0;
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
