<?php
/*
 * The method this project used before issue 9, reimplemented from its description so that the
 * attack can show it finds what it is built to find (docs/statistics.md, "Why the old method
 * failed"): any table of any dimensions, each protected on its own — primary suppression of
 * cells of 1 to k-1 people, of finished counts with 1 to k-1 people with or without a record,
 * and secondary suppression until no line of the table (cells sharing every value but one
 * dimension's, with that dimension's margin) holds exactly one suppressed cell.
 */

declare(strict_types=1);

const ATK_OLD_DIMS = ['academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours'];

/**
 * One old table of académie $a by $dims: list of cells ['values' => [dim => ?string],
 * 'participants', 'enrolments', 'finished', 'credited_minutes' (null when suppressed)].
 */
function atk_old_table(array $a, array $dims, int $k): array
{
    $pos = ['academie' => 0, 'degre' => 1, 'secteur' => 2, 'departement' => 3, 'circonscription' => 4];
    $recs = [];
    foreach ($a['people'] as $uid => $pp) {
        $path = $pp['uai'] === null ? ['', '', '', '', ''] : $a['schools'][$pp['uai']];
        foreach ($pp['parts'] as $sn => $fin) {
            $v = [];
            foreach ($dims as $d) {
                $v[$d] = $d === 'parcours' ? $sn : $path[$pos[$d]];
            }
            $recs[] = [$uid, $v, $fin, $fin ? ($a['parcours'][$sn] ?? 0) : 0];
        }
    }
    $cells = [];
    $n = count($dims);
    for ($mask = 0; $mask < (1 << $n); $mask++) {
        $group = [];
        foreach ($recs as [$uid, $v, $fin, $min]) {
            $key = [];
            foreach ($dims as $i => $d) {
                $key[$d] = ($mask & (1 << $i)) ? null : $v[$d];
            }
            $kk = json_encode($key);
            $g = &$group[$kk];
            $g ??= ['values' => $key, 'people' => [], 'enrolments' => 0, 'finished' => 0, 'credited_minutes' => 0, 'fp' => [], 'up' => []];
            $g['people'][$uid] = true;
            $g['enrolments']++;
            $g['finished'] += $fin ? 1 : 0;
            $g['credited_minutes'] += $min;
            if ($fin) {
                $g['fp'][$uid] = true;
            } else {
                $g['up'][$uid] = true;
            }
            unset($g);
        }
        foreach ($group as $g) {
            $cells[] = ['values' => $g['values'], 'participants' => count($g['people']), 'enrolments' => $g['enrolments'],
                'finished' => $g['finished'], 'credited_minutes' => $g['credited_minutes'],
                'fp' => count($g['fp']), 'up' => count($g['up']), 's' => false, 'sf' => false];
        }
    }
    $below = static fn (int $v): bool => $v > 0 && $v < $k;
    foreach ($cells as &$c) {
        $c['s'] = $below($c['participants']);
        $c['sf'] = $c['s'] || $below($c['fp']) || $below($c['up']);
    }
    unset($c);
    foreach (['s', 'sf'] as $flag) {
        do {
            $changed = 0;
            foreach ($dims as $d) {
                $lines = [];
                foreach ($cells as $i => $c) {
                    $key = $c['values'];
                    unset($key[$d]);
                    $lines[json_encode($key)][] = $i;
                }
                foreach ($lines as $members) {
                    $hidden = array_filter($members, static fn ($i) => $cells[$i][$flag]);
                    if (count($hidden) !== 1 || count($members) < 2) {
                        continue;
                    }
                    $best = null;
                    foreach ($members as $i) {
                        if ($cells[$i][$flag]) {
                            continue;
                        }
                        $margin = $cells[$i]['values'][$d] === null;
                        $size = $flag === 's' ? $cells[$i]['participants'] : $cells[$i]['finished'];
                        if ($best === null || ($best[1] && !$margin) || ($best[1] === $margin && $size < $best[2])) {
                            $best = [$i, $margin, $size];
                        }
                    }
                    if ($best !== null) {
                        $cells[$best[0]][$flag] = true;
                        if ($flag === 's') {
                            $cells[$best[0]]['sf'] = true;
                        }
                        $changed++;
                    }
                }
            }
        } while ($changed > 0);
    }
    $out = [];
    foreach ($cells as $c) {
        $out[] = ['values' => $c['values'],
            'participants' => $c['s'] ? null : $c['participants'], 'enrolments' => $c['s'] ? null : $c['enrolments'],
            'finished' => $c['sf'] ? null : $c['finished'], 'credited_minutes' => $c['sf'] ? null : $c['credited_minutes']];
    }
    return $out;
}

/** Every non-empty subset of dimensions up to $max of them. */
function atk_old_dimsets(int $max): array
{
    $sets = [];
    $n = count(ATK_OLD_DIMS);
    for ($mask = 1; $mask < (1 << $n); $mask++) {
        $set = [];
        foreach (ATK_OLD_DIMS as $i => $d) {
            if ($mask & (1 << $i)) {
                $set[] = $d;
            }
        }
        if (count($set) <= $max) {
            $sets[] = $set;
        }
    }
    return $sets;
}
