--TEST--
xml: writeStatistics() writes a release as a valid file that reads back as the tracker's own statistics
--EXTENSIONS--
magistere
dom
simplexml
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('stats-write');
$t = xml_fixture_tracker('AIX-MARSEILLE', xml_fixture_academies()['AIX-MARSEILLE']);

$file = "$dir/stats.xml";
$n = $t->writeStatistics($file, 'AIX-MARSEILLE');
$mine = $t->statistics();
$back = Magistere\Statistics::read($file);
$cells = count($mine['tables']['etablissements']['cells']) + count($mine['tables']['parcours']['cells']);
printf("%d cells written, %d in statistics(), valid=%s\n", $n, $cells, var_export(xml_fixture_validate($file, 'statistics-2.xsd'), true));
// What the file says is what statistics() says, date and k included.
var_dump($back['tables'] === $mine['tables'], $back['generated'] === $mine['generated'], $back['k'], $back['scope'], $back['academie']);
// Nothing nominative (no name, no user id, no school code), and no reason for a protection.
$text = file_get_contents($file);
var_dump(preg_match('/Nom\d|Prénom|Formatrice|0001000A|idnumber|uai|primary|secondary|suppress/', $text));
$xml = simplexml_load_file($file);
echo $xml['version'], ' ', $xml['scope'], ' ', $xml['academie'], ' k=', $xml['k'], ' ', $xml['generated'], "\n";
// The file, cell by cell: a protected group is listed without any count.
echo preg_replace('/ generator="[^"]+"/', '', implode("\n", array_filter(explode("\n", $text),
    fn ($l) => str_contains($l, '<cell') && !str_contains($l, 'academie=""')))), "\n";

// A second release, protected with the first: the file says what statistics() says.
$t2 = xml_fixture_tracker('AIX-MARSEILLE', xml_fixture_academies()['AIX-MARSEILLE'], 0, 1800086400);
$t2->writeStatistics("$dir/stats2.xml", 'AIX-MARSEILLE', [$back]);
var_dump(Magistere\Statistics::read("$dir/stats2.xml")['tables'] === $t2->statistics(['etablissements', 'parcours'], [$back])['tables']);

// To a stream: the same document.
$fp = fopen('php://memory', 'w+');
$t->writeStatistics($fp, 'AIX-MARSEILLE');
rewind($fp);
var_dump(stream_get_contents($fp) === $text);

foreach ([
    'empty code' => fn () => $t->writeStatistics("$dir/x.xml", ''),
    'code with spaces' => fn () => $t->writeStatistics("$dir/x.xml", ' AIX'),
    'dimensions instead of releases' => fn () => $t->writeStatistics("$dir/x.xml", 'AIX', ['academie']),
    'a national release as an earlier one' => fn () => $t->writeStatistics("$dir/x.xml", 'AIX', [Magistere\Statistics::merge([$file])]),
    'k too small' => fn () => $t->writeStatistics("$dir/x.xml", 'AIX', [], 2),
] as $what => $call) {
    try {
        $call();
        echo "$what: accepted\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump(file_exists("$dir/x.xml"));
xml_fixture_cleanup($dir);
?>
--EXPECT--
19 cells written, 19 in statistics(), valid=true
bool(true)
bool(true)
int(5)
string(8) "academie"
string(13) "AIX-MARSEILLE"
int(0)
2 academie AIX-MARSEILLE k=5 2027-01-15T08:00:00Z
    <cell participants="11" enrolments="11" finished="5"/>
    <cell academie="AIX-MARSEILLE" participants="11" enrolments="11" finished="5"/>
    <cell academie="AIX-MARSEILLE" degre="1D"/>
    <cell academie="AIX-MARSEILLE" degre="1D" secteur="public"/>
    <cell academie="AIX-MARSEILLE" degre="1D" secteur="public" departement="D-AI"/>
    <cell academie="AIX-MARSEILLE" degre="1D" secteur="public" departement="D-AI" circonscription="C-AIX-MARSEILLE"/>
    <cell academie="AIX-MARSEILLE" degre="2D"/>
    <cell academie="AIX-MARSEILLE" degre="2D" secteur="public"/>
    <cell academie="AIX-MARSEILLE" degre="2D" secteur="public" departement="D-AI"/>
    <cell academie="AIX-MARSEILLE" degre="2D" secteur="public" departement="D-AI" circonscription="C-AIX-MARSEILLE"/>
    <cell enrolments="11" finished="5"/>
    <cell parcours=""/>
    <cell parcours="LETT-2"/>
    <cell parcours="MATH-1"/>
bool(true)
bool(true)
empty code: ValueError: Magistere\Tracker::writeStatistics(): Argument #2 ($academie) must be an académie code of 1 to 100 bytes, words separated by single spaces
code with spaces: ValueError: Magistere\Tracker::writeStatistics(): Argument #2 ($academie) must be an académie code of 1 to 100 bytes, words separated by single spaces
dimensions instead of releases: TypeError: Magistere\Tracker::writeStatistics(): Argument #3 ($earlierReleases) must contain only releases (arrays), string given
a national release as an earlier one: ValueError: Magistere\Tracker::writeStatistics(): Argument #3 ($earlierReleases) earlier release 0 is a national release, not one of this site's
k too small: Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people
bool(false)
