--TEST--
xml: Statistics::merge() and read() refuse an académie twice, another schema version and bad arguments
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
// Another schema version among good files: the whole merge is refused. Version 1 files were
// protected table by table, and are refused with the reason.
$v1 = str_replace(['urn:magistere:statistics:2', 'version="2"'], ['urn:magistere:statistics:1', 'version="1"'], file_get_contents($files['NICE']));
xml_fixture_refusal('a version 1 file', [$files['AIX-MARSEILLE'], xml_fixture_put($dir, 'v1.xml', $v1)], $dir);
$v3 = str_replace(['urn:magistere:statistics:2', 'version="2"'], ['urn:magistere:statistics:3', 'version="3"'], file_get_contents($files['NICE']));
xml_fixture_refusal('a version 3 file', [$files['AIX-MARSEILLE'], xml_fixture_put($dir, 'v3.xml', $v3)], $dir);
// A count above 2^40 (found by fuzzing: parts near INT64_MAX made the sum check overflow).
$big = preg_replace('/enrolments="\d+"/', 'enrolments="1099511627777"', file_get_contents($files['NICE']), 1);
xml_fixture_refusal('a count above 2^40', [$files['AIX-MARSEILLE'], xml_fixture_put($dir, 'big.xml', $big)], $dir);
$huge = preg_replace('/enrolments="\d+"/', 'enrolments="09223372036854775807"', file_get_contents($files['NICE']), 1);
xml_fixture_refusal('a count of INT64_MAX', [xml_fixture_put($dir, 'huge.xml', $huge)], $dir);
// The merge still works with the right files, and a k given explicitly must be at least 3.
var_dump(count(Magistere\Statistics::merge([$files['LYON'], $files['NICE']])['sources']));
xml_fixture_refusal('k = 2', [$files['LYON']], $dir, 2);
$release = ['version' => 2, 'k' => 5, 'generated' => 0, 'tables' => [
    'etablissements' => ['cells' => [['values' => [], 'participants' => 5, 'enrolments' => 5, 'finished' => 1]]],
    'parcours' => ['cells' => [['values' => ['parcours' => null], 'enrolments' => 5, 'finished' => 1]]]]];
foreach ([
    'no file' => fn () => Magistere\Statistics::merge([]),
    'not a path' => fn () => Magistere\Statistics::merge([42]),
    'NUL in a path' => fn () => Magistere\Statistics::merge(["a\0b"]),
    'direct construction' => fn () => new Magistere\Statistics(),
    'read of nothing' => fn () => Magistere\Statistics::read(''),
    'read of a missing file' => fn () => Magistere\Statistics::read("$dir/missing.xml"),
    'read of a version 1 file' => fn () => Magistere\Statistics::read("$dir/v1.xml"),
    'writeMerged of a version 1 table' => fn () => Magistere\Statistics::writeMerged(['dimensions' => ['academie'], 'k' => 5, 'cells' => [['values' => []]]], "$dir/x.xml"),
    'writeMerged of half a release' => fn () => Magistere\Statistics::writeMerged(['tables' => ['parcours' => $release['tables']['parcours']]] + $release, "$dir/x.xml"),
    'writeMerged of a group without its enclosing group' => fn () => Magistere\Statistics::writeMerged(['tables' => [
        'etablissements' => ['cells' => [...$release['tables']['etablissements']['cells'],
            ['values' => ['academie' => 'X', 'degre' => '1D'], 'participants' => 5, 'enrolments' => 5, 'finished' => 1]]],
        'parcours' => $release['tables']['parcours']]] + $release, "$dir/x.xml"),
    'writeMerged with a negative count' => fn () => Magistere\Statistics::writeMerged(['tables' => [
        'etablissements' => ['cells' => [['values' => [], 'participants' => -5, 'enrolments' => 5, 'finished' => 1]]],
        'parcours' => $release['tables']['parcours']]] + $release, "$dir/x.xml"),
    'writeMerged with a count above 2^40' => fn () => Magistere\Statistics::writeMerged(['tables' => [
        'etablissements' => ['cells' => [['values' => [], 'participants' => 5, 'enrolments' => (1 << 40) + 1, 'finished' => 1]]],
        'parcours' => $release['tables']['parcours']]] + $release, "$dir/x.xml"),
    'writeMerged with k = 1' => fn () => Magistere\Statistics::writeMerged(['k' => 1] + $release, "$dir/x.xml"),
] as $what => $call) {
    libxml_use_internal_errors(true);
    try {
        $call();
        echo "$what: accepted\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
    libxml_clear_errors();
    libxml_use_internal_errors(false);
}
var_dump(file_exists("$dir/x.xml"));
xml_fixture_cleanup($dir);
?>
--EXPECT--
académie twice: Magistere\XmlError: DIR/lyon-again.xml: académie LYON is already given by DIR/stats-LYON.xml [libxml errors: none]
same file twice: Magistere\XmlError: DIR/stats-NICE.xml: académie NICE is already given by DIR/stats-NICE.xml [libxml errors: none]
a version 1 file: Magistere\XmlError: DIR/v1.xml line 2: schema version 1 is refused: its tables were protected one by one and can be undone by differencing them (docs/statistics.md); ask for a version 2 file (namespace urn:magistere:statistics:2) [libxml errors: yes]
a version 3 file: Magistere\XmlError: DIR/v3.xml line 2: schema version 3 is not supported (this reader knows version 2, namespace urn:magistere:statistics:2) [libxml errors: yes]
a count above 2^40: Magistere\XmlError: DIR/big.xml line 4: attribute enrolments: not a count (0 to 2^40) [libxml errors: yes]
a count of INT64_MAX: Magistere\XmlError: DIR/huge.xml line 4: attribute enrolments: not a count (0 to 2^40) [libxml errors: yes]
int(2)
k = 2: Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people [libxml errors: none]
no file: ValueError: Magistere\Statistics::merge(): Argument #1 ($paths) must name at least one statistics file
not a path: TypeError: Magistere\Statistics::merge(): Argument #1 ($paths) must contain only paths (strings), int given
NUL in a path: ValueError: Magistere\Statistics::merge(): Argument #1 ($paths) must contain non-empty paths without NUL bytes
direct construction: Error: Call to private Magistere\Statistics::__construct() from global scope
read of nothing: ValueError: Magistere\Statistics::read(): Argument #1 ($path) must be a non-empty path without NUL bytes
read of a missing file: Magistere\XmlError: DIR/missing.xml: cannot be opened (No such file or directory)
read of a version 1 file: Magistere\XmlError: DIR/v1.xml line 2: schema version 1 is refused: its tables were protected one by one and can be undone by differencing them (docs/statistics.md); ask for a version 2 file (namespace urn:magistere:statistics:2)
writeMerged of a version 1 table: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release must be a statistics release as statistics() or Statistics::read() return it (version 2, k, generated, tables)
writeMerged of half a release: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release lacks the etablissements table (whole releases are needed)
writeMerged of a group without its enclosing group: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release: table etablissements: a group at level 2 has no enclosing group
writeMerged with a negative count: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release: etablissements cell 0: participants must be null or a count (0 to 2^40)
writeMerged with a count above 2^40: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release: etablissements cell 0: enrolments must be null or a count (0 to 2^40)
writeMerged with k = 1: ValueError: Magistere\Statistics::writeMerged(): Argument #1 ($table) the release: k must be at least 3
bool(false)
