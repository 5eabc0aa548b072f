--TEST--
xml: scripts/magistere-stats merges a folder of académie files into a national CSV and XML
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--SKIPIF--
<?php
if (!is_readable('/proc/self/maps')) {
    die('skip needs /proc/self/maps to find the loaded magistere.so');
}
?>
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('cli');
// The module this test runs with, to give it to the child PHP.
preg_match('#\s(/\S*magistere\.so)$#m', file_get_contents('/proc/self/maps'), $m);
$so = $m[1];
$cli = __DIR__ . '/../../scripts/magistere-stats';
$run = function (array $args) use ($so, $cli): array {
    $p = proc_open(array_merge([PHP_BINARY, '-n', '-d', "extension=$so", $cli], $args),
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    return [proc_close($p), $out, $err];
};
mkdir("$dir/in");
xml_fixture_write_academies("$dir/in");

[$rc, $out, $err] = $run(["--out=$dir/france", "$dir/in"]);
echo "exit $rc\n", str_replace($dir, 'DIR', $out), $err;
// The CSV files hold the merged release: compare with the API's answer.
$national = Magistere\Statistics::merge(glob("$dir/in/*.xml"));
foreach (['etablissements', 'parcours'] as $name) {
    $csv = array_map('str_getcsv', file("$dir/france-$name.csv", FILE_IGNORE_NEW_LINES));
    echo implode(',', $csv[0]), "\n";
    $levels = $national['tables'][$name]['levels'];
    $same = count($csv) - 1 === count($national['tables'][$name]['cells']);
    foreach ($national['tables'][$name]['cells'] as $i => $c) {
        $expect = [];
        foreach ($csv[0] as $column) {
            $expect[] = in_array($column, $levels, true) ? ($c['values'][$column] ?? '*') : (string) ($c[$column] ?? '');
        }
        $same = $same && $csv[$i + 1] === $expect;
    }
    var_dump($same);
}
echo implode(',', array_map('str_getcsv', file("$dir/france-etablissements.csv", FILE_IGNORE_NEW_LINES))[8]), "\n";
var_dump(xml_fixture_validate("$dir/france.xml", 'statistics-2.xsd'));

// A hostile file in the folder: refused, nothing written.
file_put_contents("$dir/in/zz-evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>\n");
[$rc, $out, $err] = $run(["--out=$dir/again", "$dir/in"]);
echo "exit $rc\n", str_replace($dir, 'DIR', $out . $err);
var_dump(file_exists("$dir/again-etablissements.csv"), file_exists("$dir/again.xml"));
unlink("$dir/in/zz-evil.xml");
// Usage errors.
[$rc, $out, $err] = $run([]);
echo "exit $rc\n", $err;
[$rc, $out, $err] = $run(["$dir/nowhere"]);
echo "exit $rc\n", str_replace($dir, 'DIR', $err);
foreach (glob("$dir/in/*") as $f) {
    unlink($f);
}
rmdir("$dir/in");
xml_fixture_cleanup($dir);
?>
--EXPECTF--
exit 0
3 académie files merged (AIX-MARSEILLE, LYON, NICE), k = 5
37 groups (19 protected) in the tables etablissements, parcours
written: DIR/france-etablissements.csv, DIR/france-parcours.csv, DIR/france.xml
academie,degre,secteur,departement,circonscription,participants,enrolments,finished
bool(true)
parcours,enrolments,finished,credited_minutes
bool(true)
AIX-MARSEILLE,1D,*,*,*,,,
bool(true)
exit 1
%Amagistere-stats: DIR/in/zz-evil.xml line 2: refused: DOCTYPE declaration (DTDs and entities are not allowed)
bool(false)
bool(false)
exit 2
usage: magistere-stats [--k=N] [--out=PREFIX] FOLDER
exit 2
magistere-stats: DIR/nowhere is not a folder
