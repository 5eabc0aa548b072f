--TEST--
xml: a truncated or empty statistics file is refused, naming the file and the line
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('truncated');
$good = xml_fixture_valid_statistics($dir);
xml_fixture_refusal('complete', [xml_fixture_put($dir, 'ok.xml', $good)], $dir);
foreach ([0.99, 0.7, 0.4, 0.1] as $f) {
    $cut = substr($good, 0, (int)(strlen($good) * $f));
    xml_fixture_refusal("cut at $f", [xml_fixture_put($dir, 'cut.xml', $cut)], $dir);
}
xml_fixture_refusal('empty', [xml_fixture_put($dir, 'empty.xml', '')], $dir);
xml_fixture_refusal('declaration only', [xml_fixture_put($dir, 'decl.xml', "<?xml version=\"1.0\"?>\n")], $dir);
xml_fixture_refusal('trailing garbage', [xml_fixture_put($dir, 'tail.xml', $good . "<more/>")], $dir);
xml_fixture_cleanup($dir);
?>
--EXPECTF--
complete: ACCEPTED
cut at 0.99: Magistere\XmlError: DIR/cut.xml line %d: %s [libxml errors: yes]
cut at 0.7: Magistere\XmlError: DIR/cut.xml line %d: %s [libxml errors: yes]
cut at 0.4: Magistere\XmlError: DIR/cut.xml line %d: %s [libxml errors: yes]
cut at 0.1: Magistere\XmlError: DIR/cut.xml line %d: %s [libxml errors: yes]
empty: Magistere\XmlError: DIR/empty.xml line 1: the file is empty [libxml errors: yes]
declaration only: Magistere\XmlError: DIR/decl.xml line 2: no <statistics> element: the file is truncated or not a statistics file [libxml errors: yes]
trailing garbage: Magistere\XmlError: DIR/tail.xml line %d: Extra content at the end of the document [libxml errors: yes]
