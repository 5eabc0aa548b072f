--TEST--
xml: libxml diagnostics go through PHP's libxml error handling (libxml_use_internal_errors() is honoured)
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('libxml-errors');
$good = xml_fixture_valid_statistics($dir);
$bad = xml_fixture_put($dir, 'bad.xml', preg_replace('/participants="12"/', 'participants="-1"', $good, 1));

echo "-- internal errors off: a warning, then the exception\n";
libxml_use_internal_errors(false);
try {
    Magistere\Statistics::merge([$bad]);
} catch (Magistere\XmlError $e) {
    echo get_class($e), ' is a ', get_parent_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
}
var_dump(libxml_get_errors());

echo "-- internal errors on: no output, the errors are kept\n";
libxml_use_internal_errors(true);
try {
    Magistere\Statistics::merge([$bad]);
} catch (Magistere\XmlError $e) {
    echo "caught\n";
}
$errors = libxml_get_errors();
var_dump(count($errors) >= 1);
echo str_replace($dir, 'DIR', trim($errors[0]->message)), "\n";
libxml_clear_errors();
var_dump(libxml_get_errors());
// A good file adds nothing.
Magistere\Statistics::merge([xml_fixture_put($dir, 'good.xml', $good)]);
var_dump(libxml_get_errors());
libxml_use_internal_errors(false);
xml_fixture_cleanup($dir);
?>
--EXPECTF--
-- internal errors off: a warning, then the exception

Warning: Magistere\Statistics::merge(): %s/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': [facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0'). in %s on line %d
Magistere\XmlError is a Magistere\Exception: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': [facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0').
array(0) {
}
-- internal errors on: no output, the errors are kept
caught
bool(true)
DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': [facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0').
array(0) {
}
array(0) {
}
