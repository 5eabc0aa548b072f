--TEST--
xml: writeAttestations() to a stream, a subset of parcours, and its refusals
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('attest-stream');
$t = xml_fixture_tracker('LYON', [
    ['degre' => '1D', 'secteur' => 'public', 'teachers' => 3, 'finished' => 1, 'course' => 0],
    ['degre' => '1D', 'secteur' => 'public', 'teachers' => 2, 'finished' => 2, 'course' => 1],
]);

// To an open stream: the document is copied once complete; the stream stays open.
$fp = fopen('php://memory', 'w+');
fwrite($fp, "already here\n");
var_dump($t->writeAttestations($fp, [11]));
rewind($fp);
$text = stream_get_contents($fp);
var_dump(str_starts_with($text, "already here\n<?xml"));
file_put_contents("$dir/from-stream.xml", substr($text, strlen("already here\n")));
var_dump(xml_fixture_validate("$dir/from-stream.xml", 'attestations-1.xsd'));
var_dump(substr_count($text, '<parcours '), substr_count($text, '<participant '));
fclose($fp);

// Every parcours with participants, ordered by id, when no list is given.
var_dump($t->writeAttestations("$dir/all.xml"));
preg_match_all('/<parcours id="(\d+)"/', file_get_contents("$dir/all.xml"), $m);
echo implode(',', $m[1]), "\n";
// The order asked is kept; a parcours without participants is listed empty.
var_dump($t->writeAttestations("$dir/some.xml", [12, 10]));
preg_match_all('/<parcours id="(\d+)"/', file_get_contents("$dir/some.xml"), $m);
echo implode(',', $m[1]), "\n";

$calls = [
    'unknown course' => fn () => $t->writeAttestations("$dir/x.xml", [999]),
    'course twice' => fn () => $t->writeAttestations("$dir/x.xml", [10, 10]),
    'empty list' => fn () => $t->writeAttestations("$dir/x.xml", []),
    'not ints' => fn () => $t->writeAttestations("$dir/x.xml", ['10']),
    'bad target' => fn () => $t->writeAttestations(42),
    'empty path' => fn () => $t->writeAttestations(''),
    'wrapper path' => fn () => $t->writeAttestations('php://memory'),
    'missing folder' => fn () => $t->writeAttestations("$dir/no/such/folder/x.xml"),
    'read-only stream' => fn () => $t->writeAttestations(fopen(__FILE__, 'r')),
];
foreach ($calls as $what => $call) {
    try {
        $call();
        echo "$what: accepted\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
}
// Nothing was left behind by the failures (no partial or temporary file).
echo implode(',', array_map('basename', glob("$dir/*"))), "\n";
xml_fixture_cleanup($dir);
?>
--EXPECT--
int(2)
bool(true)
bool(true)
int(1)
int(2)
int(5)
10,11
int(3)
12,10
unknown course: Magistere\NotFound: course 999 does not exist
course twice: ValueError: course 10 is given twice
empty list: ValueError: Magistere\Tracker::writeAttestations(): Argument #2 ($courseIds) must name at least one course (null means every course)
not ints: TypeError: Magistere\Tracker::writeAttestations(): Argument #2 ($courseIds) must contain only integers, string given
bad target: TypeError: Magistere\Tracker::writeAttestations(): Argument #1 ($target) must be of type string or resource, int given
empty path: ValueError: Magistere\Tracker::writeAttestations(): Argument #1 ($target) must be a non-empty path without NUL bytes
wrapper path: ValueError: Magistere\Tracker::writeAttestations(): Argument #1 ($target) must be a local path (pass an open stream for a stream wrapper)
missing folder: Magistere\Exception: cannot create a file beside DIR/no/such/folder/x.xml: No such file or directory
read-only stream: ValueError: Magistere\Tracker::writeAttestations(): Argument #1 ($target) must be a stream open for writing
all.xml,from-stream.xml,some.xml
