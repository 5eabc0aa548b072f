--TEST--
xml: Statistics::merge() of three académies sums the cells and carries suppression through (R5)
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('stats-merge');
$dims = ['academie', 'degre'];
$files = xml_fixture_write_academies($dir, $dims);
$national = Magistere\Statistics::merge(array_values($files));
var_dump($national['scope'], $national['dimensions'], $national['k'], count($national['sources']));

// What each académie published, read independently of the merge (the tracker's own tables).
$i = 0;
$local = [];
foreach (xml_fixture_academies() as $ac => $groups) {
    $local[$ac] = xml_fixture_cells_by_key(xml_fixture_tracker($ac, $groups, ++$i * 10000)->statistics($dims));
}
$nat = xml_fixture_cells_by_key($national);

$problems = 0;
foreach ($nat as $key => $cell) {
    $contrib = array_filter(array_map(fn ($cells) => $cells[$key] ?? null, $local));
    $hidden = array_filter($contrib, fn ($c) => $c['suppressed'] !== null);
    $hiddenFinished = array_filter($contrib, fn ($c) => $c['finished_suppressed'] !== null);
    // A national cell to which a suppressed académie cell contributes is suppressed.
    if ($hidden && $cell['suppressed'] === null) {
        echo "$key: published although a contribution is suppressed\n";
        $problems++;
    }
    if ($hiddenFinished && $cell['finished'] !== null) {
        echo "$key: finished published although a contribution's is suppressed\n";
        $problems++;
    }
    // A published national cell is the sum of published académie cells.
    if ($cell['suppressed'] === null) {
        $sum = array_sum(array_column($contrib, 'participants'));
        if ($sum !== $cell['participants']) {
            echo "$key: participants $cell[participants], académies sum to $sum\n";
            $problems++;
        }
    }
    if ($cell['finished'] !== null && array_sum(array_column($contrib, 'credited_minutes')) !== $cell['credited_minutes']) {
        echo "$key: credited minutes differ from the sum\n";
        $problems++;
    }
}
// R5 on the national table: no line (cells sharing every value but one dimension's, with its
// margin) holds exactly one suppressed cell, for whole cells and for the finished counts.
foreach ([0, 1] as $d) {
    foreach (['suppressed', 'finished_suppressed'] as $flag) {
        $lines = [];
        foreach ($national['cells'] as $c) {
            $v = array_values($c['values']);
            $other = $v[1 - $d] ?? '*';
            $lines[$other === null ? '*' : $other][] = $c[$flag] !== null;
        }
        foreach ($lines as $other => $flags) {
            if (count($flags) > 1 && array_sum($flags) === 1) {
                echo "line $d/$other: exactly one $flag cell\n";
                $problems++;
            }
        }
    }
}
echo "problems: $problems\n";

// The national table, as published.
foreach ($nat as $key => $c) {
    printf("%-32s %6s %6s %6s %7s %-9s %s\n", $key, $c['participants'] ?? '-', $c['enrolments'] ?? '-',
        $c['finished'] ?? '-', $c['credited_minutes'] ?? '-', $c['suppressed'] ?? '-', $c['finished_suppressed'] ?? '-');
}

// Written as a national file: valid, and it cannot be merged again.
var_dump(Magistere\Statistics::writeMerged($national, "$dir/national.xml"));
var_dump(xml_fixture_validate("$dir/national.xml", 'statistics-1.xsd'));
var_dump(substr_count(file_get_contents("$dir/national.xml"), '<source '));
// The same document to a stream.
$fp = fopen('php://memory', 'w+');
var_dump(Magistere\Statistics::writeMerged($national, $fp));
rewind($fp);
$strip = fn ($x) => preg_replace('/ generated="[^"]+"/', '', $x);
var_dump($strip(stream_get_contents($fp)) === $strip(file_get_contents("$dir/national.xml")));
try {
    Magistere\Statistics::merge(["$dir/national.xml"]);
} catch (Magistere\XmlError $e) {
    echo str_replace($dir, 'DIR', $e->getMessage()), "\n";
}

// A larger k for the national table suppresses more, never less.
$k10 = xml_fixture_cells_by_key(Magistere\Statistics::merge(array_values($files), 10));
$more = 0;
foreach ($k10 as $key => $c) {
    if ($nat[$key]['suppressed'] !== null && $c['suppressed'] === null) {
        echo "$key: published with k=10, suppressed with k=5\n";
    }
    $more += $c['suppressed'] !== null && $nat[$key]['suppressed'] === null;
}
echo "suppressed only with k=10: $more\n";
xml_fixture_cleanup($dir);
?>
--EXPECT--
string(8) "national"
array(2) {
  [0]=>
  string(8) "academie"
  [1]=>
  string(5) "degre"
}
int(5)
int(3)
problems: 0
academie=*|degre=*                   52     52     25    6300 -         -
academie=*|degre=1D                   -      -      -       - secondary secondary
academie=*|degre=2D                   -      -      -       - secondary secondary
academie=AIX-MARSEILLE|degre=*       11     11      5    1080 -         -
academie=AIX-MARSEILLE|degre=1D       -      -      -       - secondary secondary
academie=AIX-MARSEILLE|degre=2D       -      -      -       - primary   primary
academie=LYON|degre=*                22     22     11    2880 -         -
academie=LYON|degre=1D               12     12      6    1080 -         -
academie=LYON|degre=2D               10     10      5    1800 -         -
academie=NICE|degre=*                19     19      9    2340 -         -
academie=NICE|degre=1D               11     11      -       - -         secondary
academie=NICE|degre=2D                8      8      -       - -         primary
int(12)
bool(true)
int(3)
int(12)
bool(true)
DIR/national.xml: a national file cannot be merged again (only académie files)
suppressed only with k=10: 2
