<?php
/*
 * The attacker's model (docs/statistics.md, "Threat model"): the unknowns are the finest cube
 * every published table implies, per académie and per release,
 *
 *   p[l]      the people of finest school group l (académie, degré, secteur, département,
 *             circonscription: the public directory lists which groups exist),
 *   x[l][P]   the participations of group l in parcours P,
 *   f[l][P]   those with a training record;
 *
 * with what the attacker knows of them besides the figures: nobody is counted negatively,
 * nobody finishes what he did not take (f <= x), a person takes a parcours at most once
 * (x[l][P] <= p[l]), a person counted took something (p[l] <= sum x[l][*]), and credited
 * minutes are finished participations times the parcours' public forecast duration (for a
 * course without one, its minutes m[l][P] >= 0 are unknowns of their own).
 * Every published figure is one equation on them.
 */

declare(strict_types=1);

const ATK_LEVELS = ['academie', 'degre', 'secteur', 'departement', 'circonscription'];

/**
 * Whether parcours $sn (forecast duration $minutes, null: none) lies in the parcours group named
 * by $values: the total, its own row, or the pooled group '' of the courses without a duration.
 */
function atk_in_parcours(array $values, string $sn, ?int $minutes): bool
{
    $v = $values['parcours'] ?? null;
    return $v === null || ($v === '' ? $minutes === null : $v === $sn);
}

/** Talks to scripts/attack/solver.c. */
final class AtkSolver
{
    /** @var resource */
    private $proc;
    /** @var array<int, resource> */
    private array $pipes = [];
    public int $questions = 0;

    public function __construct(string $path)
    {
        $this->proc = proc_open([$path], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $this->pipes);
        if (!is_resource($this->proc)) {
            throw new RuntimeException("cannot start $path");
        }
    }

    public function send(string $text): void
    {
        fwrite($this->pipes[0], $text);
    }

    public function ask(string $text): string
    {
        $this->questions++;
        fwrite($this->pipes[0], $text);
        fflush($this->pipes[0]);
        $line = fgets($this->pipes[1]);
        if ($line === false) {
            throw new RuntimeException('the solver stopped');
        }
        return rtrim($line, "\n");
    }

    public function close(): void
    {
        fwrite($this->pipes[0], "end\n");
        fclose($this->pipes[0]);
        fclose($this->pipes[1]);
        proc_close($this->proc);
    }
}

/** The unknowns of a set of académies, with their true values. */
final class AtkWorld
{
    /** @var array<string, array> code => académie */
    public array $acs = [];
    /** @var array<string, array<string, array>> code => leaf key => path */
    public array $leaves = [];
    /** @var array<string, int> */
    public array $var = [];
    /** @var list<int> */
    public array $truth = [];
    /** @var list<string> */
    public array $names = [];

    /** @param list<array> $academies */
    public function __construct(array $academies)
    {
        foreach ($academies as $a) {
            $code = $a['code'];
            $this->acs[$code] = $a;
            $leaves = ['' => ['', '', '', '', '']];
            foreach ($a['schools'] as $path) {
                $leaves[implode("\x1f", $path)] = $path;
            }
            $this->leaves[$code] = $leaves;
            $count = [];
            foreach ($a['people'] as $pp) {
                $l = $pp['uai'] === null ? '' : implode("\x1f", $a['schools'][$pp['uai']]);
                $count["p|$l"] = ($count["p|$l"] ?? 0) + 1;
                foreach ($pp['parts'] as $sn => $fin) {
                    $count["x|$l|$sn"] = ($count["x|$l|$sn"] ?? 0) + 1;
                    $count["f|$l|$sn"] = ($count["f|$l|$sn"] ?? 0) + ($fin ? 1 : 0);
                }
            }
            foreach ($leaves as $l => $_) {
                $this->add("p|$code|$l", $count["p|$l"] ?? 0);
                foreach ($a['parcours'] as $sn => $d) {
                    $this->add("x|$code|$l|$sn", $count["x|$l|$sn"] ?? 0);
                    $this->add("f|$code|$l|$sn", $count["f|$l|$sn"] ?? 0);
                    if ($d === null) {
                        $this->add("m|$code|$l|$sn", 0);   // credited 0 by the generator
                    }
                }
            }
        }
    }

    private function add(string $name, int $truth): void
    {
        $this->var[$name] = count($this->truth);
        $this->truth[] = $truth;
        $this->names[] = $name;
    }

    public function n(): int
    {
        return count($this->truth);
    }

    /** Whether leaf path $path lies in the group named by $values (level => value or null). */
    private static function under(array $path, array $values): bool
    {
        foreach (ATK_LEVELS as $i => $level) {
            $v = $values[$level] ?? null;
            if ($v !== null && $v !== $path[$i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The linear form (var => coefficient) of a published figure: table etablissements or
     * parcours, the cell's values, the measure; over académie $only, or every académie (a
     * national figure).
     */
    public function form(string $table, array $values, string $measure, ?string $only = null): array
    {
        $form = [];
        foreach ($this->acs as $code => $a) {
            if ($only !== null && $code !== $only) {
                continue;
            }
            foreach ($this->leaves[$code] as $l => $path) {
                if ($table === 'etablissements' && !self::under($path, $values)) {
                    continue;
                }
                if ($measure === 'participants') {
                    $form[$this->var["p|$code|$l"]] = 1;
                    continue;
                }
                foreach ($a['parcours'] as $sn => $minutes) {
                    if ($table === 'parcours' && !atk_in_parcours($values, (string) $sn, $minutes)) {
                        continue;
                    }
                    if ($measure === 'credited_minutes' && $minutes === null) {
                        // no public duration: the minutes are an unknown of their own
                        $form[$this->var["m|$code|$l|$sn"]] = 1;
                        continue;
                    }
                    $kind = $measure === 'enrolments' ? 'x' : 'f';
                    $form[$this->var["$kind|$code|$l|$sn"]] = $measure === 'credited_minutes' ? $minutes : 1;
                }
            }
        }
        return $form;
    }

    /** The form of an old-method cell (any dimensions, docs/statistics.md "The old method"). */
    public function oldForm(array $values, string $measure, string $code): array
    {
        $a = $this->acs[$code];
        $geo = array_intersect_key($values, array_flip(ATK_LEVELS));
        $form = [];
        foreach ($this->leaves[$code] as $l => $path) {
            if (!self::under($path, $geo)) {
                continue;
            }
            if ($measure === 'participants' && ($values['parcours'] ?? null) === null) {
                $form[$this->var["p|$code|$l"]] = 1;
                continue;
            }
            foreach ($a['parcours'] as $sn => $minutes) {
                if (($values['parcours'] ?? null) !== null && $values['parcours'] !== $sn) {
                    continue;
                }
                if ($measure === 'credited_minutes' && $minutes === null) {
                    $form[$this->var["m|$code|$l|$sn"]] = 1;
                    continue;
                }
                $kind = in_array($measure, ['participants', 'enrolments'], true) ? 'x' : 'f';
                $form[$this->var["$kind|$code|$l|$sn"]] = $measure === 'credited_minutes' ? $minutes : 1;
            }
        }
        return $form;
    }

    public function value(array $form): int
    {
        $v = 0;
        foreach ($form as $j => $a) {
            $v += $a * $this->truth[$j];
        }
        return $v;
    }

    /** The solver's text for a form: "NNZ j a j a ...". */
    public static function text(array $form): string
    {
        $s = count($form);
        foreach ($form as $j => $a) {
            $s .= " $j $a";
        }
        return $s;
    }

    /**
     * A model for the solver: the equations of the published figures ($rows: list of
     * [form, value]) and, unless $bare, what the attacker knows besides (bounds, x <= p,
     * f <= x, p <= sum x). $bare: the equations alone, over free unknowns (the exact linear
     * system).
     */
    public function model(array $rows, bool $bare): string
    {
        $n = $this->n();
        $out = "model $n\n";
        if ($bare) {
            for ($j = 0; $j < $n; $j++) {
                $out .= "var $j -inf inf 0\n";
            }
        } else {
            foreach ($this->acs as $code => $a) {
                foreach ($this->leaves[$code] as $l => $_) {
                    $p = $this->var["p|$code|$l"];
                    $sumx = [$p => -1];
                    foreach ($a['parcours'] as $sn => $_d) {
                        $x = $this->var["x|$code|$l|$sn"];
                        $f = $this->var["f|$code|$l|$sn"];
                        $out .= "row -inf 0 2 $x 1 $p -1\n";      // x <= p
                        $out .= "row -inf 0 2 $f 1 $x -1\n";      // f <= x
                        $sumx[$x] = 1;
                    }
                    $out .= 'row 0 inf ' . self::text($sumx) . "\n";   // p <= sum x
                }
            }
        }
        foreach ($rows as [$form, $value]) {
            $out .= "row $value $value " . self::text($form) . "\n";
        }
        return $out;
    }
}

/**
 * The published figures of a release array (statistics(), Statistics::read(), merge()), as
 * [form, value, table, values, measure] rows; $only restricts to one académie (a site's
 * release), null for a national release.
 */
function atk_published(AtkWorld $w, array $release, ?string $only): array
{
    $rows = [];
    foreach ($release['tables'] as $table => $tab) {
        foreach ($tab['cells'] as $c) {
            foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
                if (array_key_exists($m, $c) && $c[$m] !== null) {
                    $rows[] = [$w->form($table, $c['values'], $m, $only), $c[$m], $table, $c['values'], $m];
                }
            }
        }
    }
    return $rows;
}

/** The protected figures of a release, as [form, table, values, measure]. */
function atk_protected(AtkWorld $w, array $release, ?string $only): array
{
    $out = [];
    foreach ($release['tables'] as $table => $tab) {
        foreach ($tab['cells'] as $c) {
            foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
                if (array_key_exists($m, $c) && $c[$m] === null) {
                    $out[] = [$w->form($table, $c['values'], $m, $only), $table, $c['values'], $m];
                }
            }
        }
    }
    return $out;
}

/** A readable name of a figure. */
function atk_label(string $table, array $values, string $measure): string
{
    $v = array_map(static fn ($x) => $x === '' ? "''" : $x, array_filter($values, static fn ($x) => $x !== null));
    return "$table/" . ($v ? implode('/', $v) : 'total') . ":$measure";
}
