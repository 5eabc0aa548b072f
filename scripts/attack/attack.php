<?php
/*
 * The attack on the ministry's statistics (rule R5, docs/statistics.md "How it is tested"):
 * everything the ministry can hold together, attacked as the threat model says.
 *
 *   php -d extension=magistere.so scripts/attack/attack.php --solver=PATH [--seeds=1,2,3,4,5]
 *       [--sizes=40x3,150x6,400x10] [--k=5] [--extra=3] [--verbose]
 *
 * --extra: how many marks the second release adds (3: a day later; more: a month later).
 *
 * For each seed, three académies of the sizes given (teachers x parcours) are generated
 * (scripts/attack/academie.php). For each académie it takes two successive releases
 * (Tracker::statistics(), the second a day later with a few more marks, protected with the
 * first) and:
 *   (i)   solves the linear system of each release's published figures exactly over the
 *         rationals (GLPK's exact simplex, free unknowns): no protected figure may follow;
 *   (ii)  bounds every protected figure by linear programming over everything the attacker
 *         knows (the finest cube, the directory's structural zeros, the public durations,
 *         x <= p, f <= x, p <= sum x): no interval may be narrower than the doc promises;
 *   (iii) no finest cell of 1 to k-1 participations may be determined;
 *   (iv)  searches (integer programming) for any group of people whose count both releases
 *         determine and that moved by 1 to k-1: there must be none;
 *   (v)   the groups listed do not depend on who took part (a release of the same académie with
 *         nobody in any parcours lists the same groups): presence says nothing.
 * Then the three académies' files (Tracker::writeStatistics(), read back with
 * Statistics::read()) and their national merge (Statistics::merge()) are attacked together as
 * in (ii).
 * To show that the attack can fail, it then attacks the method used before issue 9
 * (scripts/attack/oldmethod.php) on the same académies, and on the académie of the issue's
 * example (php_tests/inc/generated.inc): it must find exact disclosures there (among them
 * counts that only the credited hours give away, cells whose presence tells that someone is
 * there, and moves of 1 to k-1 between two releases), and the issue's département 42 x 2D = 2
 * people.
 *
 * Prints one line per check ("ok ..." / "FAIL ..."), then "N passed, N failed". Exit status 0
 * when everything passed.
 */

declare(strict_types=1);

require __DIR__ . '/academie.php';
require __DIR__ . '/model.php';
require __DIR__ . '/oldmethod.php';

$opts = getopt('', ['solver:', 'seeds:', 'sizes:', 'k:', 'extra:', 'verbose']);
$solverPath = $opts['solver'] ?? null;
if ($solverPath === null || !is_executable($solverPath) || !extension_loaded('magistere')) {
    fwrite(STDERR, "usage: php -d extension=magistere.so scripts/attack/attack.php --solver=PATH [--seeds=1,2,3,4,5] [--sizes=40x3,150x6,400x10] [--k=5] [--extra=3]\n");
    exit(2);
}
$seeds = array_map('intval', explode(',', $opts['seeds'] ?? '1,2,3,4,5'));
$sizes = array_map(static fn ($s) => array_map('intval', explode('x', $s)), explode(',', $opts['sizes'] ?? '40x3,150x6,400x10'));
$K = (int) ($opts['k'] ?? 5);
$extra = (int) ($opts['extra'] ?? 3);
$verbose = isset($opts['verbose']);
const EPS = 1e-6;
const DAY = 86400;
const T0 = 1800000000;

$passed = 0;
$failed = 0;
function check(bool $ok, string $what, string $detail = ''): void
{
    global $passed, $failed;
    if ($ok) {
        $passed++;
        echo "ok   $what\n";
    } else {
        $failed++;
        echo "FAIL $what" . ($detail !== '' ? ": $detail" : '') . "\n";
    }
}

/* ------------------------------------------------------------------ the truth of a group */

/**
 * The true counts of the group a figure names, over académie $only or all: size (people, or
 * participations in a parcours), schools the directory lists in it, enrolments, finished, and
 * the people with / without a training record in it.
 */
function atk_group(AtkWorld $w, string $table, array $values, ?string $only): array
{
    $g = ['size' => 0, 'schools' => 0, 'e' => 0, 'f' => 0, 'fp' => 0, 'up' => 0];
    foreach ($w->acs as $code => $a) {
        if ($only !== null && $code !== $only) {
            continue;
        }
        $under = static function (array $path) use ($values): bool {
            foreach (ATK_LEVELS as $i => $level) {
                $v = $values[$level] ?? null;
                if ($v !== null && $v !== $path[$i]) {
                    return false;
                }
            }
            return true;
        };
        if ($table === 'etablissements') {
            foreach ($a['schools'] as $path) {
                $g['schools'] += $under($path) ? 1 : 0;
            }
        }
        foreach ($a['people'] as $pp) {
            $path = $pp['uai'] === null ? ['', '', '', '', ''] : $a['schools'][$pp['uai']];
            $e = $f = 0;
            foreach ($pp['parts'] as $sn => $fin) {
                if ($table === 'parcours' && !atk_in_parcours($values, (string) $sn, $a['parcours'][$sn])) {
                    continue;
                }
                $e++;
                $f += $fin ? 1 : 0;
            }
            if (($table === 'etablissements' && !$under($path)) || $e === 0) {
                continue;
            }
            $g['size'] += $table === 'etablissements' ? 1 : $e;
            $g['e'] += $e;
            $g['f'] += $f;
            $g['fp'] += $f > 0 ? ($table === 'etablissements' ? 1 : $f) : 0;
            $g['up'] += $e - $f > 0 ? ($table === 'etablissements' ? 1 : $e - $f) : 0;
        }
    }
    return $g;
}

/**
 * What docs/statistics.md promises for a protected figure of true value $v in group $g (its
 * truth from atk_group()): [lo, hi] the attacker's interval must reach ('=' for "not
 * determined"), and why; plus, for a group where fewer than k people have no record,
 * 'unfinished' => true: its unfinished participations must be able to be none.
 */
function atk_promise(array $g, string $table, array $values, string $measure, int $v, int $k): array
{
    $below = static fn (int $x): bool => $x > 0 && $x < $k;
    // zero counts as small where "someone is there" would be news about few people: 1 to k-1
    // schools in the directory, or a parcours
    $small = $below($g['size']) || ($g['size'] === 0 && array_filter($values, static fn ($x) => $x !== null)
        && ($table === 'parcours' || $below($g['schools'])));
    $size = $table === 'etablissements' ? 'participants' : 'enrolments';
    if ($small) {
        return $measure === $size ? [0, $v + $k, 'a group of fewer than k people: from empty to k more', false]
            : [0, null, 'in a group of fewer than k people: nothing proves anyone is there', false];
    }
    if ($measure === 'finished' && $below($g['fp'])) {
        return [0, null, 'fewer than k people with a record: nothing proves one has', $below($g['up'])];
    }
    return [null, null, 'never determined', $measure === 'finished' && $below($g['up'])];
}

/* ----------------------------------------------------------------------------- attacks */

/**
 * Attacks the published figures $rows with the attacker's model over $w and checks every
 * protected figure of $protected (list of [form, table, values, measure, only]).
 * Returns [narrow, exact] counts of broken promises.
 */
function atk_bounds(AtkSolver $s, AtkWorld $w, array $rows, array $protected, int $k, string $what): array
{
    global $verbose;
    $pairs = array_map(static fn ($r) => [$r[0], $r[1]], $rows);
    // published zeros: a protected figure they contain is 0 and that is no secret
    $zeros = [];
    foreach ($rows as [$form, $value]) {
        if ($value === 0) {
            $zeros[] = $form;
        }
    }
    $inZero = static function (array $form) use ($zeros): bool {
        foreach ($zeros as $z) {
            if (!array_diff_key($form, $z)) {
                return true;
            }
        }
        return false;
    };
    // (ii) linear programming over everything the attacker knows
    $s->send($w->model($pairs, false) . "mode lp\n");
    $narrow = [];
    $range = static function (string $id, array $form) use ($s): array {
        $ans = explode(' ', $s->ask("range $id " . AtkWorld::text($form) . "\n"));
        if ($ans[2] === 'infeasible' || $ans[2] === 'error') {
            return [null, null];
        }
        return [$ans[2] === '-inf' ? -INF : (float) $ans[2], $ans[3] === 'inf' ? INF : (float) $ans[3]];
    };
    // a figure over no unknown at all (the pooled parcours '' of an académie whose courses all
    // have a public duration) is a known 0: nothing to protect
    $protected = array_filter($protected, static fn ($p) => $p[0] !== []);
    foreach ($protected as $i => [$form, $table, $values, $measure, $only]) {
        [$lo, $hi] = $range("p$i", $form);
        $v = $w->value($form);
        $g = atk_group($w, $table, $values, $only);
        [$plo, $phi, $why, $unfinished] = atk_promise($g, $table, $values, $measure, $v, $k);
        $label = atk_label($table, $values, $measure) . ($only !== null ? " ($only)" : ' (national)');
        if ($lo === null) {
            $narrow[] = "$label: the published figures contradict the data";
            continue;
        }
        $bad = ($plo !== null && $lo > $plo + EPS) || ($phi !== null && $hi < $phi - EPS)
            || ($hi - $lo < 1 - EPS && !($v === 0 && $inZero($form)));
        if (!$bad && $unfinished) {
            // the group's unfinished participations: enrolments minus finished
            $u = $w->form($table, $values, 'enrolments', $only);
            foreach ($form as $j => $a) {
                $u[$j] = ($u[$j] ?? 0) - $a;
            }
            [$ulo] = $range("u$i", array_filter($u));
            $bad = $ulo === null || $ulo > EPS;
            $why = 'fewer than k people without a record: nothing proves one has none';
        }
        if ($bad) {
            $narrow[] = sprintf('%s = %d: bounded to [%s, %s], promised [%s, %s] (%s)', $label, $v, $lo, $hi,
                $plo ?? '<', $phi ?? '>', $why);
        } elseif ($verbose) {
            echo sprintf("     %s = %d in [%s, %s]\n", $label, $v, $lo, $hi);
        }
    }
    // (i) the exact linear system over the rationals (the equations alone, unknowns free)
    $s->send($w->model($pairs, true) . "mode exact\n");
    $exact = [];
    foreach ($protected as $i => [$form, $table, $values, $measure, $only]) {
        $ans = explode(' ', $s->ask("range q$i " . AtkWorld::text($form) . "\n"));
        if (($ans[2] !== '-inf' || $ans[3] !== 'inf') && !($ans[2] === '0' && $inZero($form))) {
            $exact[] = atk_label($table, $values, $measure) . ' = ' . $ans[2];
        }
    }
    check(!$narrow, "$what: (ii) linear programming bounds no protected figure narrower than promised (" . count($protected) . ' protected)',
        implode('; ', array_slice($narrow, 0, 4)) . (count($narrow) > 4 ? ' ... (' . count($narrow) . ')' : ''));
    check(!$exact, "$what: (i) the exact linear system determines no protected figure",
        implode('; ', array_slice($exact, 0, 4)) . (count($exact) > 4 ? ' ... (' . count($exact) . ')' : ''));
    return [count($narrow), count($exact)];
}

/** (iii): no finest cell of 1 to k-1 participations is determined by a release (LP). */
function atk_finest(AtkSolver $s, AtkWorld $w, array $rows, string $code, int $k, string $what): void
{
    $pairs = array_map(static fn ($r) => [$r[0], $r[1]], $rows);
    $s->send($w->model($pairs, false) . "mode lp\n");
    $found = [];
    $n = 0;
    foreach ($w->names as $j => $name) {
        $t = $w->truth[$j];
        if ($t < 1 || $t >= $k || !str_contains($name, "|$code|")) {
            continue;
        }
        $n++;
        $ans = explode(' ', $s->ask("range c$j 1 $j 1\n"));
        if ($ans[2] === $ans[3]) {
            $found[] = str_replace("\x1f", '/', $name) . " = $t";
        }
    }
    check(!$found, "$what: (iii) no finest cell of 1 to k-1 is determined ($n tried)", implode('; ', array_slice($found, 0, 4)));
}

/**
 * (iv): any group of people, of one kind of unknown ($kind: p, x or f), whose count both
 * releases determine and that moved by 1 to k-1 (integer programming: the group's indicator must
 * lie in the span of each release's equations).
 */
function atk_flows(AtkSolver $s, AtkWorld $w1, AtkWorld $w2, array $rows1, array $rows2, int $k): array
{
    $found = [];
    foreach (['p' => 'people', 'x' => 'enrolments', 'f' => 'finished'] as $kind => $label) {
        $vars = [];
        foreach ($w1->names as $j => $name) {
            if ($name[0] === $kind) {
                $vars[] = $j;
            }
        }
        $delta = [];
        foreach ($vars as $j) {
            if ($w2->truth[$j] !== $w1->truth[$j]) {
                $delta[$j] = $w2->truth[$j] - $w1->truth[$j];
            }
        }
        if (!$delta) {
            continue;
        }
        // unknowns: g (one 0/1 per finest cell of this kind), then y1, y2 (one per equation)
        $gi = array_flip($vars);
        $eq = [];
        foreach ([$rows1, $rows2] as $r => $rows) {
            foreach ($rows as [$form]) {
                $keys = array_keys($form);
                if ($keys && $w1->names[$keys[0]][0] === $kind) {
                    $eq[$r][] = $form;
                }
            }
        }
        $ng = count($vars);
        $ny1 = count($eq[0] ?? []);
        $ny2 = count($eq[1] ?? []);
        $n = $ng + $ny1 + $ny2;
        $model = "model $n\n";
        for ($i = 0; $i < $ng; $i++) {
            $model .= "var $i 0 1 1\n";
        }
        for ($i = $ng; $i < $n; $i++) {
            $model .= "var $i -inf inf 0\n";
        }
        // g_j = sum_i A1[i][j] y1_i = sum_i A2[i][j] y2_i
        $cols = [[], []];
        foreach ([0, 1] as $r) {
            foreach ($eq[$r] ?? [] as $i => $form) {
                foreach ($form as $j => $a) {
                    $cols[$r][$j][$ng + ($r ? $ny1 : 0) + $i] = $a;
                }
            }
        }
        foreach ($vars as $j) {
            foreach ([0, 1] as $r) {
                $form = [$gi[$j] => 1];
                foreach ($cols[$r][$j] ?? [] as $y => $a) {
                    $form[$y] = -$a;
                }
                $model .= 'row 0 0 ' . AtkWorld::text($form) . "\n";
            }
        }
        $s->send($model);
        $obj = [];
        foreach ($delta as $j => $d) {
            $obj[$gi[$j]] = $d;
        }
        foreach ([[1, $k - 1], [-($k - 1), -1]] as [$lo, $hi]) {
            $ans = $s->ask("find $kind $lo $hi " . AtkWorld::text($obj) . "\n");
            if (!str_ends_with($ans, ' none')) {
                $cells = [];
                foreach (array_slice(explode(' ', $ans), 2) as $pair) {
                    [$gj] = explode('=', $pair) + [0 => ''];
                    if (is_numeric($gj)) {
                        $cells[] = str_replace("\x1f", '/', $w1->names[$vars[(int) $gj]]);
                    }
                }
                $found[] = "$label: " . ($cells ? implode(' + ', array_slice($cells, 0, 6)) . (count($cells) > 6 ? ' ...' : '') : $ans);
            }
        }
    }
    return $found;
}

/* --------------------------------------------------------------------------------- run */

$solver = new AtkSolver($solverPath);
$start = microtime(true);
$oldExact = 0;
$oldSmall = 0;
$oldHours = 0;
$oldPresence = 0;
$oldFlows = 0;
foreach ($seeds as $seed) {
    $acs = [];
    foreach ($sizes as $i => [$teachers, $np]) {
        $code = chr(65 + $i) . $seed;
        $acs[] = atk_academie($code, $teachers, $np, $seed * 101 + $i, ($i + 1) * 1000000, $extra);
    }
    $files = [];
    $dir = sys_get_temp_dir() . '/magistere-attack-' . getmypid();
    @mkdir($dir, 0700);
    foreach ($acs as $a) {
        $code = $a['code'];
        $b = atk_later($a);
        $what = sprintf('seed %d, %s (%d teachers, %d parcours)', $seed, $code, count($a['people']), count($a['parcours']));
        $r1 = atk_tracker($a, T0, $K)->statistics();
        $r2 = atk_tracker($b, T0 + DAY, $K)->statistics(['etablissements', 'parcours'], [$r1]);
        $w1 = new AtkWorld([$a]);
        $w2 = new AtkWorld([$b]);
        $pub1 = atk_published($w1, $r1, $code);
        $pub2 = atk_published($w2, $r2, $code);
        $prot1 = array_map(static fn ($p) => [...$p, $code], atk_protected($w1, $r1, $code));
        $prot2 = array_map(static fn ($p) => [...$p, $code], atk_protected($w2, $r2, $code));
        atk_bounds($solver, $w1, $pub1, $prot1, $K, "$what, release 1");
        atk_bounds($solver, $w2, $pub2, $prot2, $K, "$what, release 2 (" . count($a['extra']) . ' more marks)');
        atk_finest($solver, $w1, $pub1, $code, $K, "$what, release 1");
        $found = atk_flows($solver, $w1, $w2, $pub1, $pub2, $K);
        check(!$found, "$what, releases 1 and 2: (iv) no group both releases determine moved by 1 to k-1", implode('; ', $found));
        // (v) the frame: the same groups whoever took part (nobody at all, or a day later)
        $nobody = $a;
        foreach ($nobody['people'] as &$pp) {
            $pp['parts'] = [];
        }
        unset($pp);
        $groups = static fn (array $r): array => array_map(static fn ($t) => array_column($t['cells'], 'values'), $r['tables']);
        check($groups(atk_tracker($nobody, T0, $K)->statistics()) === $groups($r1) && $groups($r2) === $groups($r1),
            "$what: (v) the groups listed do not depend on who took part (the same with nobody, and a day later)");
        $file = "$dir/$code.xml";
        atk_tracker($a, T0, $K)->writeStatistics($file, $code);
        $files[$code] = $file;

        // the old method on the first académie: the attack must find what it hid
        if ($a === $acs[0]) {
            $old1 = $old2 = [];
            foreach (atk_old_dimsets(2) as $dims) {
                array_push($old1, ...atk_old_table($a, $dims, $K));
                array_push($old2, ...atk_old_table($b, $dims, $K));
            }
            [$e, $sm, $hours] = atk_old($solver, $w1, $old1, $code, $K);
            // a cell of the old tables is listed only when someone is in it
            $oldPresence += count(array_filter($old1, static fn ($c) => $c['participants'] === null));
            $oldExact += $e;
            $oldSmall += $sm;
            $oldHours += $hours;
            $oldFlows += count(atk_flows($solver, $w1, $w2, atk_old_rows($w1, $old1, $code), atk_old_rows($w2, $old2, $code), $K));
        }
    }
    // the national merge, attacked with every file it merges
    $national = Magistere\Statistics::merge(array_values($files));
    $w = new AtkWorld($acs);
    $rows = atk_published($w, $national, null);
    $prot = array_map(static fn ($p) => [...$p, null], atk_protected($w, $national, null));
    foreach ($files as $code => $file) {
        $read = Magistere\Statistics::read($file);
        $rows = array_merge($rows, atk_published($w, $read, $code));
        foreach (atk_protected($w, $read, $code) as $p) {
            $prot[] = [...$p, $code];
        }
    }
    atk_bounds($solver, $w, $rows, $prot, $K, "seed $seed, the national merge of " . implode(', ', array_keys($files)) . ' and their files');
    foreach ($files as $file) {
        @unlink($file);
    }
    @rmdir($dir);
}

/** The published figures of old-method tables, as rows. */
function atk_old_rows(AtkWorld $w, array $cells, string $code): array
{
    $rows = [];
    foreach ($cells as $c) {
        foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
            if ($c[$m] !== null) {
                $rows[] = [$w->oldForm($c['values'], $m, $code), $c[$m]];
            }
        }
    }
    return $rows;
}

/**
 * Attacks old-method tables: the number of protected figures the linear system determines
 * exactly, of those the counts of 1 to k-1, and the protected finished counts that only the
 * credited minutes (finished x public duration) gave away.
 */
function atk_old(AtkSolver $s, AtkWorld $w, array $cells, string $code, int $k): array
{
    $rows = [];
    $minuteRows = [];
    $prot = [];
    $seen = [];
    foreach ($cells as $c) {
        foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
            $form = $w->oldForm($c['values'], $m, $code);
            $key = json_encode([$form, $m === 'participants' && ($c['values']['parcours'] ?? null) === null]);
            if ($c[$m] !== null) {
                $rows[] = [$form, $c[$m]];
                if ($m === 'credited_minutes') {
                    $minuteRows[] = [$form, $c[$m]];
                }
            } elseif (!isset($seen[$key])) {
                $seen[$key] = true;
                $prot[] = [$form, $c['values'], $m];
            }
        }
    }
    $s->send($w->model($rows, true) . "mode exact\n");
    $exact = 0;
    $small = 0;
    $found = [];
    foreach ($prot as $i => [$form, $values, $m]) {
        $ans = explode(' ', $s->ask("range o$i " . AtkWorld::text($form) . "\n"));
        if ($ans[2] !== '-inf' && $ans[2] === $ans[3]) {
            $exact++;
            $v = (int) round((float) $ans[2]);
            $small += ($m !== 'credited_minutes' && $v > 0 && $v < $k) ? 1 : 0;
            if ($m === 'finished') {
                $found[$i] = $form;
            }
        }
    }
    // The same without the credited minutes: the finished counts only the hours gave away.
    $s->send($w->model(array_values(array_filter($rows, static fn ($r) => !in_array($r, $minuteRows, true))), true)
        . "mode exact\n");
    $hours = 0;
    foreach ($found as $i => $form) {
        $ans = explode(' ', $s->ask("range h$i " . AtkWorld::text($form) . "\n"));
        $hours += ($ans[2] === '-inf' || $ans[2] !== $ans[3]) ? 1 : 0;
    }
    return [$exact, $small, $hours];
}

check($oldExact > 0 && $oldSmall > 0, sprintf('the attack can fail: against the old method (every table of one or two dimensions) on the first académie of each seed, (i) determines %d protected figures exactly, %d of them counts of 1 to k-1',
    $oldExact, $oldSmall));
check($oldHours > 0, sprintf('the attack can fail: against the old method, the credited hours alone give back %d protected finished counts (minutes = finished x public duration)', $oldHours));
check($oldPresence > 0, sprintf('the attack can fail: the old method lists a cell only when someone is in it: %d protected cells say by their presence alone that someone is there', $oldPresence));
check($oldFlows > 0, sprintf('the attack can fail: against the old method published again a day later, (iv) finds %d kinds of figures that moved by 1 to k-1', $oldFlows));

// The issue's example, on the académie of php_tests/inc/generated.inc.
require __DIR__ . '/../../php_tests/inc/generated.inc';
$rowsG = mg_generated();
$g = atk_from_rows($rowsG, 'GEN');
$wg = new AtkWorld([$g]);
$old = array_merge(atk_old_table($g, ['degre'], 5), atk_old_table($g, ['departement', 'secteur'], 5), atk_old_table($g, ['departement', 'degre'], 5));
$target = $wg->oldForm(['departement' => '42', 'degre' => '2D'], 'participants', 'GEN');
$orows = [];
foreach ($old as $c) {
    foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
        if ($c[$m] !== null) {
            $orows[] = [$wg->oldForm($c['values'], $m, 'GEN'), $c[$m]];
        }
    }
}
$solver->send($wg->model($orows, true) . "mode exact\n");
$ans = explode(' ', $solver->ask('range issue ' . AtkWorld::text($target) . "\n"));
check($ans[2] === '2' && $ans[3] === '2', "the issue's example: with the old method, statistics(['degre']), (['departement', 'secteur']) and (['departement', 'degre']) give département 42 x 2D = 2 people exactly (found: [$ans[2], $ans[3]])");
$tg = new Magistere\Tracker(Magistere\Source::rows($rowsG), ['now' => T0]);
try {
    $tg->statistics(['degre']);
    check(false, "the issue's example: a table by degré alone is refused");
} catch (Magistere\AccessDenied $e) {
    check(true, "the issue's example: a table by degré alone is refused (Magistere\\AccessDenied)");
}
$rg = $tg->statistics();
[$narrow, $exact] = atk_bounds($solver, $wg, atk_published($wg, $rg, 'GEN'),
    array_map(static fn ($p) => [...$p, 'GEN'], atk_protected($wg, $rg, 'GEN')), 5, "the issue's example académie, the plan's release");
$solver->ask('range issue2 ' . AtkWorld::text($wg->form('etablissements', ['academie' => 'Lyon', 'degre' => '2D', 'secteur' => 'public', 'departement' => '42'], 'participants', 'GEN')) . "\n");

$solver->close();
printf("%d questions to the solver in %.1f s\n", $solver->questions, microtime(true) - $start);
echo "$passed passed, $failed failed\n";
exit($failed === 0 && $passed > 0 ? 0 : 1);

/** An académie in the attack's form from Source::rows() tables (php_tests/inc/generated.inc). */
function atk_from_rows(array $t, string $code): array
{
    $circ = [];
    foreach ($t['local_magistere_circ'] as $c) {
        $circ[$c['code']] = $c;
    }
    $schools = [];
    foreach ($t['local_magistere_school'] as $s) {
        $schools[$s['uai']] = [$s['academie'], $s['degre'], $s['secteur'], $s['departement'], $s['circonscription']];
    }
    $dur = [];
    foreach ($t['customfield_data'] as $d) {
        $dur[$d['instanceid']] = (int) $d['value'];
    }
    $short = [];
    $parcours = [];
    foreach ($t['course'] as $c) {
        $short[$c['id']] = $c['shortname'];
        $parcours[$c['shortname']] = $dur[$c['id']] ?? 0;
    }
    $enrol = [];
    foreach ($t['enrol'] as $e) {
        $enrol[$e['id']] = $e['courseid'];
    }
    $school = [];
    foreach ($t['user_info_data'] as $d) {
        $school[$d['userid']] = $d['data'];
    }
    $fin = [];
    foreach ($t['local_magistere_mark'] ?? [] as $m) {
        $fin[$m['userid']][$m['courseid']] = (bool) $m['finished'];
    }
    $people = [];
    foreach ($t['user_enrolments'] as $ue) {
        $u = $ue['userid'];
        $c = $enrol[$ue['enrolid']];
        $people[$u] ??= ['uai' => $school[$u] ?? null, 'parts' => []];
        $people[$u]['parts'][$short[$c]] = $fin[$u][$c] ?? false;
    }
    return ['code' => $code, 'name' => 'Lyon', 'schools' => $schools, 'parcours' => $parcours, 'people' => $people,
        'extra' => [], 'circs' => [], 'idbase' => 0];
}
