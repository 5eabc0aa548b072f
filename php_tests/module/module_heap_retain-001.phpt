--TEST--
The module: magistere.heap_retain (memory a worker keeps for its next request) defaults to 128M, is set at startup only, and builds the same model
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/generated.inc';
var_dump(ini_get('magistere.heap_retain'));
// PHP_INI_SYSTEM: the C library's thresholds are set once, in MINIT, for the whole process.
var_dump(ini_set('magistere.heap_retain', '0'));
var_dump(ini_get('magistere.heap_retain'));
$info = ini_get_all('magistere');
var_dump($info['magistere.heap_retain']['access'] === INI_SYSTEM);
// Several whole-site builds in a row (memory freed and reused in between) give the same answer.
$t = mg_generated(600, 4, 11);
$first = null;
for ($i = 0; $i < 3; $i++) {
    $s = (new Magistere\Tracker(Magistere\Source::rows($t), ['now' => 1780000000]))->statistics();
    $first ??= $s;
    echo $s === $first ? "same\n" : "DIFFERENT\n";
}
?>
--EXPECT--
string(4) "128M"
bool(false)
string(4) "128M"
bool(true)
same
same
same
