--TEST--
xml: Statistics::merge() refuses an académie twice, another schema version, other dimensions and bad arguments
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('merge-refusals');
$files = xml_fixture_write_academies($dir);
// The same académie under two names (a resent file).
copy($files['LYON'], "$dir/lyon-again.xml");
xml_fixture_refusal('académie twice', [$files['AIX-MARSEILLE'], $files['LYON'], "$dir/lyon-again.xml"], $dir);
xml_fixture_refusal('same file twice', [$files['NICE'], $files['NICE']], $dir);
// Another schema version among good files: the whole merge is refused.
$v2 = str_replace(['urn:magistere:statistics:1', 'version="1"'], ['urn:magistere:statistics:2', 'version="2"'], file_get_contents($files['NICE']));
xml_fixture_refusal('a version 2 file', [$files['AIX-MARSEILLE'], xml_fixture_put($dir, 'v2.xml', $v2)], $dir);
// Files of other dimensions cannot be summed cell by cell.
$t = xml_fixture_tracker('BORDEAUX', xml_fixture_academies()['LYON'], 90000);
$t->writeStatistics("$dir/bordeaux-secteur.xml", 'BORDEAUX', ['academie', 'secteur']);
$t->writeStatistics("$dir/bordeaux-reordered.xml", 'BORDEAUX', ['degre', 'academie']);
xml_fixture_refusal('other dimensions', [$files['LYON'], "$dir/bordeaux-secteur.xml"], $dir);
xml_fixture_refusal('dimensions in another order', [$files['LYON'], "$dir/bordeaux-reordered.xml"], $dir);
// The merge still works with the right files, and a k given explicitly must be at least 3.
var_dump(count(Magistere\Statistics::merge([$files['LYON'], $files['NICE']])['sources']));
xml_fixture_refusal('k = 2', [$files['LYON']], $dir, 2);
foreach ([
    'no file' => fn () => Magistere\Statistics::merge([]),
    'not a path' => fn () => Magistere\Statistics::merge([42]),
    'NUL in a path' => fn () => Magistere\Statistics::merge(["a\0b"]),
    'direct construction' => fn () => new Magistere\Statistics(),
    'writeMerged of junk' => fn () => Magistere\Statistics::writeMerged(['dimensions' => ['academie'], 'k' => 5, 'cells' => [['values' => []]]], "$dir/x.xml"),
    'writeMerged without counts' => fn () => Magistere\Statistics::writeMerged(['dimensions' => ['academie'], 'k' => 5,
        'cells' => [['values' => ['academie' => 'X'], 'participants' => null, 'suppressed' => null]]], "$dir/x.xml"),
    'writeMerged with k = 1' => fn () => Magistere\Statistics::writeMerged(['dimensions' => ['academie'], 'k' => 1, 'cells' => []], "$dir/x.xml"),
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
académie twice: Magistere\XmlError: DIR/lyon-again.xml: académie LYON is already given by DIR/stats-LYON.xml [libxml errors: none]
same file twice: Magistere\XmlError: DIR/stats-NICE.xml: académie NICE is already given by DIR/stats-NICE.xml [libxml errors: none]
a version 2 file: Magistere\XmlError: DIR/v2.xml line 2: schema version 2 is not supported (this reader knows version 1, namespace urn:magistere:statistics:1) [libxml errors: yes]
other dimensions: Magistere\XmlError: DIR/bordeaux-secteur.xml: dimensions (academie, secteur) differ from those of DIR/stats-LYON.xml (academie, degre) [libxml errors: none]
dimensions in another order: Magistere\XmlError: DIR/bordeaux-reordered.xml: dimensions (degre, academie) differ from those of DIR/stats-LYON.xml (academie, degre) [libxml errors: none]
int(2)
k = 2: Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people [libxml errors: none]
no file: ValueError: Magistere\Statistics::merge(): Argument #1 ($paths) must name at least one statistics file
not a path: TypeError: Magistere\Statistics::merge(): Argument #1 ($paths) must contain only paths (strings), int given
NUL in a path: ValueError: Magistere\Statistics::merge(): Argument #1 ($paths) must contain non-empty paths without NUL bytes
direct construction: Error: Call to private Magistere\Statistics::__construct() from global scope
writeMerged of junk: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) cell 0 must hold 'values' with one entry per dimension
writeMerged without counts: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) cell 0: a cell that is not suppressed needs its counts
writeMerged with k = 1: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) k must be at least 3 (got 1): below that a statistics cell could single out people
bool(false)
