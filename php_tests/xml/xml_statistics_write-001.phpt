--TEST--
xml: writeStatistics() writes a valid file that reads back as the tracker's own statistics
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

foreach ([['academie'], ['academie', 'degre'], ['academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours']] as $dims) {
    $file = "$dir/stats.xml";
    $n = $t->writeStatistics($file, 'AIX-MARSEILLE', $dims);
    $valid = xml_fixture_validate($file, 'statistics-1.xsd');
    $mine = $t->statistics($dims);
    // Read back through the ministry side: one académie merged alone is the académie's table.
    $back = Magistere\Statistics::merge([$file]);
    $same = xml_fixture_cells_by_key($mine) === xml_fixture_cells_by_key($back);
    printf("%s: %d cells written, %d in statistics(), valid=%s, read back identical=%s, dims=%s\n",
        implode('+', $dims), $n, count($mine['cells']), var_export($valid, true), var_export($same, true),
        implode('+', $back['dimensions']));
    // Nothing nominative: no name, no user id, no school code.
    $text = file_get_contents($file);
    var_dump(preg_match('/Nom\d|Prénom|Formatrice|0001000A|idnumber|uai/', $text));
}
$xml = simplexml_load_file("$dir/stats.xml");
echo $xml['scope'], ' ', $xml['academie'], ' k=', $xml['k'], "\n";
echo $back['sources'][0]['academie'], ' k=', $back['sources'][0]['k'], ' ', basename($back['sources'][0]['file']), "\n";
var_dump($back['scope'], $back['k']);

// Suppressed values never appear in the file: the 2D cell (2 people) is suppressed.
$t->writeStatistics("$dir/s.xml", 'AIX-MARSEILLE', ['degre']);
echo preg_replace('/generated="[^"]+"/', 'generated="..."', implode("\n", array_filter(
    explode("\n", file_get_contents("$dir/s.xml")), fn ($l) => str_contains($l, '<cell')))), "\n";

foreach ([
    'empty code' => fn () => $t->writeStatistics("$dir/x.xml", ''),
    'code with spaces' => fn () => $t->writeStatistics("$dir/x.xml", ' AIX'),
    'unknown dimension' => fn () => $t->writeStatistics("$dir/x.xml", 'AIX', ['ecole']),
    'k too small' => fn () => $t->writeStatistics("$dir/x.xml", 'AIX', ['academie'], 2),
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
academie: 2 cells written, 2 in statistics(), valid=true, read back identical=true, dims=academie
int(0)
academie+degre: 6 cells written, 6 in statistics(), valid=true, read back identical=true, dims=academie+degre
int(0)
academie+departement+circonscription+degre+secteur+parcours: 112 cells written, 112 in statistics(), valid=true, read back identical=true, dims=academie+departement+circonscription+degre+secteur+parcours
int(0)
academie AIX-MARSEILLE k=5
AIX-MARSEILLE k=5 stats.xml
string(8) "national"
int(5)
  <cells>
    <cell degre="1D" suppressed="secondary"/>
    <cell degre="2D" suppressed="primary"/>
    <cell participants="11" enrolments="11" finished="5" credited-minutes="1080"/>
empty code: ValueError: Magistere\Tracker::writeStatistics(): Argument #2 ($academie) must be an académie code of 1 to 100 bytes, words separated by single spaces
code with spaces: ValueError: Magistere\Tracker::writeStatistics(): Argument #2 ($academie) must be an académie code of 1 to 100 bytes, words separated by single spaces
unknown dimension: ValueError: Magistere\Tracker::writeStatistics(): Argument #3 ($dimensions) contains an unknown dimension "ecole" (expected academie, departement, circonscription, degre, secteur or parcours)
k too small: Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people
bool(false)
