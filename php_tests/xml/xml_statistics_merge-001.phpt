--TEST--
xml: Statistics::merge() of three académies sums the releases and carries protection through (R5)
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('stats-merge');
$files = xml_fixture_write_academies($dir);
$national = Magistere\Statistics::merge(array_values($files));
echo implode(',', array_keys($national)), "\n";
var_dump($national['scope'], $national['version'], $national['k'], count($national['sources']));
echo implode(', ', array_map(fn ($s) => "$s[academie] $s[generated] k=$s[k] " . basename($s['file']), $national['sources'])), "\n";

// What each académie published, read back from its file.
$local = [];
foreach ($files as $ac => $file) {
    $local[$ac] = xml_fixture_cells_by_key(Magistere\Statistics::read($file));
}
$problems = 0;
foreach (xml_fixture_cells_by_key($national) as $key => $cell) {
    foreach (['participants', 'enrolments', 'finished', 'credited_minutes'] as $m) {
        if (!array_key_exists($m, $cell)) {
            continue;
        }
        $parts = array_filter(array_map(fn ($cells) => $cells[$key] ?? null, $local));
        $hidden = array_filter($parts, fn ($c) => $c[$m] === null);
        // A national figure one of whose parts is protected is protected; else it is their sum.
        if ($hidden && $cell[$m] !== null) {
            echo "$key $m: published although a part is protected\n";
            $problems++;
        }
        if (!$hidden && $cell[$m] !== array_sum(array_column($parts, $m))) {
            echo "$key $m: not the sum of the académies'\n";
            $problems++;
        }
    }
}
echo "problems: $problems\n";
xml_fixture_print($national);

// Written as a national file: valid, read back the same, and it cannot be merged again.
var_dump(Magistere\Statistics::writeMerged($national, "$dir/national.xml"));
var_dump(xml_fixture_validate("$dir/national.xml", 'statistics-2.xsd'));
$read = Magistere\Statistics::read("$dir/national.xml");
var_dump($read['tables'] === $national['tables'], $read['scope'], count($read['sources']));
$fp = fopen('php://memory', 'w+');
var_dump(Magistere\Statistics::writeMerged($national, $fp));
rewind($fp);
var_dump(stream_get_contents($fp) === file_get_contents("$dir/national.xml"));
try {
    Magistere\Statistics::merge(["$dir/national.xml"]);
} catch (Magistere\XmlError $e) {
    echo str_replace($dir, 'DIR', $e->getMessage()), "\n";
}

// A larger k for the national tables protects more, never less.
$k10 = xml_fixture_cells_by_key(Magistere\Statistics::merge(array_values($files), 10));
$nat = xml_fixture_cells_by_key($national);
$more = 0;
foreach ($k10 as $key => $c) {
    if ($nat[$key]['enrolments'] === null && $c['enrolments'] !== null) {
        echo "$key: published with k=10, protected with k=5\n";
    }
    $more += $c['enrolments'] === null && $nat[$key]['enrolments'] !== null;
}
echo "protected only with k=10: $more\n";
xml_fixture_cleanup($dir);
?>
--EXPECT--
version,k,generated,tables,scope,sources
string(8) "national"
int(2)
int(5)
int(3)
AIX-MARSEILLE 2027-01-15T08:00:00Z k=5 stats-AIX-MARSEILLE.xml, LYON 2027-01-15T08:00:00Z k=5 stats-LYON.xml, NICE 2027-01-15T08:00:00Z k=5 stats-NICE.xml
problems: 0
etablissements:''                            participants=0 enrolments=0 finished=0
etablissements:''/''                         participants=0 enrolments=0 finished=0
etablissements:''/''/''                      participants=0 enrolments=0 finished=0
etablissements:''/''/''/''                   participants=0 enrolments=0 finished=0
etablissements:''/''/''/''/''                participants=0 enrolments=0 finished=0
etablissements:AIX-MARSEILLE                 participants=11 enrolments=11 finished=5
etablissements:AIX-MARSEILLE/1D              participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/1D/public       participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/1D/public/D-AI  participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/1D/public/D-AI/C-AIX-MARSEILLE participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/2D              participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/2D/public       participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/2D/public/D-AI  participants=- enrolments=- finished=-
etablissements:AIX-MARSEILLE/2D/public/D-AI/C-AIX-MARSEILLE participants=- enrolments=- finished=-
etablissements:LYON                          participants=22 enrolments=22 finished=11
etablissements:LYON/1D                       participants=12 enrolments=12 finished=6
etablissements:LYON/1D/public                participants=12 enrolments=12 finished=6
etablissements:LYON/1D/public/D-LY           participants=12 enrolments=12 finished=6
etablissements:LYON/1D/public/D-LY/C-LYON    participants=12 enrolments=12 finished=6
etablissements:LYON/2D                       participants=10 enrolments=10 finished=5
etablissements:LYON/2D/public                participants=10 enrolments=10 finished=5
etablissements:LYON/2D/public/D-LY           participants=10 enrolments=10 finished=5
etablissements:LYON/2D/public/D-LY/C-LYON    participants=10 enrolments=10 finished=5
etablissements:NICE                          participants=19 enrolments=19 finished=9
etablissements:NICE/1D                       participants=- enrolments=- finished=-
etablissements:NICE/1D/public                participants=- enrolments=- finished=-
etablissements:NICE/1D/public/D-NI           participants=- enrolments=- finished=-
etablissements:NICE/1D/public/D-NI/C-NICE    participants=- enrolments=- finished=-
etablissements:NICE/2D                       participants=- enrolments=- finished=-
etablissements:NICE/2D/prive                 participants=- enrolments=- finished=-
etablissements:NICE/2D/prive/D-NI            participants=- enrolments=- finished=-
etablissements:NICE/2D/prive/D-NI/C-NICE     participants=- enrolments=- finished=-
etablissements:total                         participants=52 enrolments=52 finished=25
parcours:''                                  enrolments=- finished=- credited_minutes=-
parcours:LETT-2                              enrolments=- finished=- credited_minutes=-
parcours:MATH-1                              enrolments=- finished=- credited_minutes=-
parcours:total                               enrolments=52 finished=25
int(37)
bool(true)
bool(true)
string(8) "national"
int(3)
int(37)
bool(true)
DIR/national.xml: a national file cannot be merged again (only académie files)
protected only with k=10: 10
