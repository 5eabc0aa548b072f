<?php
/*
 * Generated académies for the attack (scripts/attack/attack.php): Moodle rows for
 * Magistere\Source::rows() and, beside them, the truth the attack is checked against (who took
 * which parcours, from which school, and what he finished). Deterministic from a seed.
 *
 * The shape is the one that makes statistics hard to protect: a skewed school directory (most
 * teachers in 1D public schools, a few 2D and private ones, some circonscriptions with a single
 * private school), parcours of skewed popularity with distinct forecast durations (one without), teachers in
 * one to four parcours, about half of the participations finished, and some teachers whose
 * school is not recorded.
 */

declare(strict_types=1);

final class AtkRng
{
    private int $x;

    public function __construct(int $seed)
    {
        $this->x = ($seed * 2654435761 + 12345) & 0x7fffffff;
        for ($i = 0; $i < 4; $i++) {
            $this->next(2);
        }
    }

    public function next(int $n): int
    {
        $this->x = ($this->x * 1103515245 + 12345) & 0x7fffffff;
        return intdiv($this->x, 65536) % $n;
    }
}

/**
 * One académie. $idBase keeps ids of several académies apart (not needed by the engine, but the
 * rows then look like separate sites). Returns ['code', 'name', 'rows', 'schools', 'parcours',
 * 'people', 'extra'] where:
 *   schools  uai => path [academie, degre, secteur, departement, circonscription]
 *   parcours shortname => forecast duration (minutes), null for a course without one
 *   people   uid => ['uai' => ?string, 'parts' => [shortname => finished bool]]
 *   extra    the next release's marks: list of [uid, shortname] participations finished later
 */
function atk_academie(string $code, int $teachers, int $nparcours, int $seed, int $idBase = 0, int $extra = 3): array
{
    $rng = new AtkRng($seed);
    $name = ucfirst(strtolower($code));
    $deps = ["{$code}-D1", "{$code}-D2"];
    $circs = [];
    foreach ($deps as $di => $dep) {
        for ($c = 1; $c <= 2 + $di; $c++) {
            $circs[] = ["$dep-C$c", $dep];
        }
    }
    // The directory: about one school per 9 teachers, skewed types.
    $nschools = max(6, intdiv($teachers, 9));
    $schools = [];
    for ($s = 0; $s < $nschools; $s++) {
        [$circ, $dep] = $circs[$rng->next(count($circs))];
        $degre = $rng->next(4) === 0 ? '2D' : '1D';
        $secteur = $rng->next(5) === 0 ? 'prive' : 'public';
        $uai = sprintf('%07d%s', $idBase + $s, chr(65 + $s % 26));
        $schools[$uai] = [$name, $degre, $secteur, $dep, $circ];
    }
    $uais = array_keys($schools);
    $parcours = [];
    for ($p = 0; $p < $nparcours; $p++) {
        // the least popular course of an académie of 5 parcours or more has no forecast duration: it
        // is not in the public catalogue, its participations go to the pooled group ''
        $parcours[sprintf('%s-P%02d', $code, $p)] = $nparcours >= 5 && $p === $nparcours - 1 ? null
            : 60 * (1 + $p % 5) + 30 * intdiv($p, 5);
    }
    $short = array_keys($parcours);
    $people = [];
    for ($u = 1; $u <= $teachers; $u++) {
        $uid = $idBase + $u;
        // skewed schools: a third of the teachers in the first fifth of the schools
        $uai = $rng->next(12) === 0 ? null
            : $uais[$rng->next(3) === 0 ? $rng->next(max(1, intdiv(count($uais), 5))) : $rng->next(count($uais))];
        $n = 1 + ($rng->next(3) === 0 ? 1 + $rng->next(3) : 0);
        $parts = [];
        for ($i = 0; $i < $n; $i++) {
            // skewed popularity: parcours p with weight 1/(p+1)
            $p = min($rng->next($nparcours), $rng->next($nparcours));
            $parts[$short[$p]] = $rng->next(2) === 0;
        }
        $people[$uid] = ['uai' => $uai, 'parts' => $parts];
    }
    // The marks of the next release: a few unfinished participations, finished.
    $open = [];
    foreach ($people as $uid => $pp) {
        foreach ($pp['parts'] as $sn => $fin) {
            if (!$fin) {
                $open[] = [$uid, $sn];
            }
        }
    }
    $later = [];
    for ($i = 0; $i < $extra && $open; $i++) {
        $j = $rng->next(count($open));
        $later[] = $open[$j];
        array_splice($open, $j, 1);
    }
    return ['code' => $code, 'name' => $name, 'schools' => $schools, 'parcours' => $parcours,
        'people' => $people, 'extra' => $later, 'circs' => $circs, 'idbase' => $idBase];
}

/** The same académie with the next release's marks set. */
function atk_later(array $a): array
{
    foreach ($a['extra'] as [$uid, $sn]) {
        $a['people'][$uid]['parts'][$sn] = true;
    }
    $a['extra'] = [];
    return $a;
}

/** The Moodle rows of an académie, for Magistere\Source::rows(). */
function atk_rows(array $a): array
{
    $b = $a['idbase'];
    $t = ['role' => [['id' => 1, 'shortname' => 'participant'], ['id' => 2, 'shortname' => 'formateur']],
        'user_info_field' => [['id' => 1, 'shortname' => 'rne']],
        'customfield_field' => [['id' => 1, 'shortname' => 'magistere_duration']]];
    foreach ($a['circs'] as $i => [$circ, $dep]) {
        $t['local_magistere_circ'][] = ['id' => $b + $i + 1, 'code' => $circ, 'name' => $circ,
            'departement' => $dep, 'academie' => $a['name']];
    }
    $sid = 0;
    foreach ($a['schools'] as $uai => [$ac, $degre, $secteur, $dep, $circ]) {
        $t['local_magistere_school'][] = ['id' => $b + ++$sid, 'uai' => $uai, 'name' => "École $uai", 'city' => 'Ville',
            'circonscription' => $circ, 'departement' => $dep, 'academie' => $ac, 'degre' => $degre, 'secteur' => $secteur];
    }
    $cid = [];
    $i = 0;
    foreach ($a['parcours'] as $sn => $minutes) {
        $c = $b + ++$i;
        $cid[$sn] = $c;
        $t['course'][] = ['id' => $c, 'fullname' => "Parcours $sn", 'shortname' => $sn];
        $t['context'][] = ['id' => $c, 'contextlevel' => 50, 'instanceid' => $c];
        $t['enrol'][] = ['id' => $c, 'courseid' => $c];
        if ($minutes !== null) {
            $t['customfield_data'][] = ['id' => $c, 'fieldid' => 1, 'instanceid' => $c, 'value' => (string) $minutes];
        }
    }
    $n = 0;
    foreach ($a['people'] as $uid => $pp) {
        $t['user'][] = ['id' => $uid, 'firstname' => "Prénom$uid", 'lastname' => "Nom$uid"];
        if ($pp['uai'] !== null) {
            $t['user_info_data'][] = ['id' => $uid, 'userid' => $uid, 'fieldid' => 1, 'data' => $pp['uai']];
        }
        foreach ($pp['parts'] as $sn => $fin) {
            $n++;
            $t['user_enrolments'][] = ['id' => $b + $n, 'enrolid' => $cid[$sn], 'userid' => $uid];
            $t['role_assignments'][] = ['id' => $b + $n, 'roleid' => 1, 'contextid' => $cid[$sn], 'userid' => $uid];
            if ($fin) {
                $t['local_magistere_mark'][] = ['id' => $b + $n, 'courseid' => $cid[$sn], 'userid' => $uid,
                    'finished' => 1, 'creditedminutes' => $a['parcours'][$sn] ?? 0, 'timemodified' => 1700000000, 'modifiedby' => 0];
            }
        }
    }
    return $t;
}

/** A tracker over an académie's rows, dated $now. */
function atk_tracker(array $a, int $now, int $k): Magistere\Tracker
{
    return new Magistere\Tracker(Magistere\Source::rows(atk_rows($a)), ['now' => $now, 'k' => $k]);
}
