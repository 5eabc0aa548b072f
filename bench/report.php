<?php
/**
 * Turns the JSON lines written by scripts/bench.sh (bench/run.php and bench/floor outputs, plus
 * a "scale" record with the data set's counts) into the Markdown tables of docs/benchmarks.md.
 *
 *   php bench/report.php RESULTS.jsonl
 */

declare(strict_types=1);

if ($argc !== 2) {
    fwrite(STDERR, "usage: php bench/report.php RESULTS.jsonl\n");
    exit(2);
}
$scales = [];
foreach (file($argv[1], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
    $r = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $s = (string) $r['scale'];
    if ($r['impl'] === 'dataset') {
        $scales[$s]['dataset'] = $r;
    } else {
        $scales[$s]['results'][$r['view']][$r['impl']] = $r;
    }
}

$views = [
    'trainer' => 'trainer view (1,000-participant parcours)',
    'inspector' => "inspector view (an IEN's two circonscriptions)",
    'statistics' => 'académie statistics (a release of the publication plan, both tables)',
    'attestations' => 'attestation export (every parcours, XML file)',
];
$shortViews = ['trainer' => 'trainer view', 'inspector' => 'inspector view', 'statistics' => 'statistics',
    'attestations' => 'export'];
$names = ['ext' => 'extension, cold (mysql source, rows read every time)',
    'resident' => 'extension, warm (resident model, stamps checked)', 'reference' => 'plain PHP reference',
    'ext-limit' => 'extension, cold, one run under a web request\'s memory_limit',
    'peruser' => 'per-user (Moodle API style)',
    'floor' => 'fetch floor: the extension\'s SQL, C client', 'floor-ref' => 'the reference\'s SQL, C client',
    'validate' => 'the file\'s validation alone (the extension\'s validator, no row read)'];

$mb = static fn (?int $kb): string => $kb === null ? '' : number_format($kb / 1024, 1);
foreach ($scales as $scale => $data) {
    $d = $data['dataset'] ?? [];
    echo "### S = $scale\n\n";
    if ($d) {
        printf("%s teachers, %s parcours, %s course modules, %s participant enrolments, %s completion rows,"
            . " %s marks; generated in %.1f s, loaded in %.1f s.\n\n",
            number_format((int) $d['teachers']), number_format((int) $d['parcours']),
            number_format((int) $d['course_modules']), number_format((int) $d['participant_enrolments']),
            number_format((int) $d['course_modules_completion']), number_format((int) $d['marks']),
            $d['generate_s'], $d['load_s']);
    }
    echo "| view | implementation | median (s) | min (s) | runs | × extension (cold) | reference ÷ this | peak RSS (MB) | RSS growth (MB) | engine peak (MB) | results |\n";
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    foreach ($views as $view => $label) {
        $rows = $data['results'][$view] ?? [];
        $ext = $rows['ext']['median'] ?? null;
        $ref = $rows['reference']['median'] ?? null;
        foreach (['ext', 'ext-limit', 'resident', 'reference', 'floor', 'floor-ref', 'validate', 'peruser'] as $impl) {
            if (!isset($rows[$impl])) {
                continue;
            }
            $r = $rows[$impl];
            if (isset($r['skipped'])) {
                printf("| %s | %s | | | | | | | | | %s |\n", $label, $names[$impl],
                    str_starts_with($r['skipped'], 'FAILED') ? $r['skipped'] : 'not run: ' . $r['skipped']);
                continue;
            }
            $ratio = ($ext !== null && $ext > 0) ? sprintf('%.2f', $r['median'] / $ext) : '';
            $speedup = ($ref !== null && $r['median'] > 0) ? sprintf('%.1f', $ref / $r['median']) : '';
            $growth = isset($r['start_rss_kb']) ? $mb($r['peak_rss_kb'] - $r['start_rss_kb']) : '';
            $engine = isset($r['engine_peak_bytes']) ? number_format($r['engine_peak_bytes'] / 1048576, 1) : '';
            $check = $r['check'] ?? '';
            if ($impl === 'resident' && isset($r['resident_hits'])) {
                $check .= sprintf('; %d of %d runs served warm', $r['resident_hits'], $r['runs']);
            }
            printf("| %s | %s | %.4f | %.4f | %d | %s | %s | %s | %s | %s | %s |\n", $label, $names[$impl], $r['median'],
                min($r['times']), $r['runs'], $ratio, $speedup, $mb($r['peak_rss_kb']), $growth, $engine, $check);
        }
    }
    echo "\n";
    // The issue 12 target "every cold view within 1.2x of its floor", and the export's validation against it.
    $toFloor = [];
    foreach ($views as $view => $label) {
        $r = $data['results'][$view] ?? [];
        $floor = $r['floor']['median'] ?? 0;
        if ($floor > 0 && ($r['ext']['median'] ?? 0) > 0) {
            $toFloor[] = sprintf('%s, cold, %.2f×', $shortViews[$view], $r['ext']['median'] / $floor);
        }
        if ($floor > 0 && ($r['validate']['median'] ?? 0) > 0) {
            $toFloor[] = sprintf('the export\'s validation alone %.2f×', $r['validate']['median'] / $floor);
        }
    }
    if ($toFloor) {
        echo 'Medians against the fetch floor of the same view: ', implode('; ', $toFloor), ".\n\n";
    }
    $counted = [];
    foreach ($views as $view => $label) {
        $c = $data['results'][$view]['instructions'] ?? null;
        if ($c !== null) {
            $counted[$view] = $c;
        }
    }
    if ($counted) {
        echo "Instructions of one cold call (bench/instructions.sh: callgrind, inside the call only; the"
            . " machine's load does not change them):\n\n";
        echo "| view | extension, cold (millions) | fetch floor (millions) | extension ÷ floor |\n";
        echo "|---|---:|---:|---:|\n";
        foreach ($counted as $view => $c) {
            if (isset($c['skipped'])) {
                printf("| %s | | | %s |\n", $views[$view], $c['skipped']);
                continue;
            }
            printf("| %s | %s | %s | %.2f |\n", $views[$view], number_format($c['ext'] / 1e6),
                number_format($c['floor'] / 1e6), $c['ext'] / $c['floor']);
        }
        echo "\n";
    }
    $dis = $data['results']['statistics']['disclosure'] ?? null;
    if ($dis !== null) {
        $pc = static fn (int $a, int $b): string => $b > 0 ? sprintf('%.1f %%', 100 * $a / $b) : '';
        echo "What the ministry learns (bench/disclosure.php; a release took {$dis['release_s']} s):\n\n";
        echo "| method | cells | published | share | participations in a published finest group | people in a published finest school group |\n";
        echo "|---|---:|---:|---:|---:|---:|\n";
        printf("| before issue 9: département × degré × secteur × parcours, each table on its own | %s | %s | %s | %s | |\n",
            number_format($dis['old_cells']), number_format($dis['old_cells_published']),
            $pc($dis['old_cells_published'], $dis['old_cells']),
            $pc($dis['old_participations_in_published_finest_cell'], $dis['participations']));
        printf("| the publication plan: both trees, protected together | %s | %s | %s | %s (school groups), %s (parcours) | %s |\n\n",
            number_format($dis['new_cells']), number_format($dis['new_cells_published']),
            $pc($dis['new_cells_published'], $dis['new_cells']),
            $pc($dis['new_participations_in_published_school_group'], $dis['participations']),
            $pc($dis['new_participations_in_published_parcours'], $dis['participations']),
            $pc($dis['new_people_in_published_school_group'], $dis['people']));
        if (!empty($dis['later'])) {
            echo "A later release, protected with the first (a share of the year's marks ticked in between):\n\n";
            echo "| later by | marks ticked | release (s) | groups published | share | published in both |\n";
            echo "|---|---:|---:|---:|---:|---:|\n";
            foreach ($dis['later'] as $l) {
                printf("| %d month(s) | %s | %s | %s | %s | %s |\n", $l['months'], number_format($l['ticks']), $l['release_s'],
                    number_format($l['cells_published']), $pc($l['cells_published'], $dis['new_cells']),
                    number_format($l['cells_published_in_both']));
            }
            echo "\n";
        }
    }
}
