--TEST--
xml: a file in another namespace, without namespace, or of another schema version is refused
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('namespace');
$good = xml_fixture_valid_statistics($dir);
$ns = 'urn:magistere:statistics:2';
$cases = [
    'other namespace' => str_replace($ns, 'urn:example:statistics', $good),
    'no namespace' => str_replace(" xmlns=\"$ns\"", '', $good),
    'other root' => str_replace(['<statistics ', '</statistics>'], ['<attestations ', '</attestations>'], $good),
    'attestation file' => null,
    'version 1' => str_replace([$ns, 'version="2"'], ['urn:magistere:statistics:1', 'version="1"'], $good),
    'version 3' => str_replace([$ns, 'version="2"'], ['urn:magistere:statistics:3', 'version="3"'], $good),
    'version attribute only' => str_replace('version="2"', 'version="1"', $good),
    'prefixed elsewhere' => str_replace(" xmlns=\"$ns\"", " xmlns=\"urn:example:x\" xmlns:s=\"$ns\"", $good),
];
$t = xml_fixture_tracker('LYON', xml_fixture_academies()['LYON']);
$t->writeAttestations("$dir/attestations.xml");
$cases['attestation file'] = file_get_contents("$dir/attestations.xml");
foreach ($cases as $label => $xml) {
    xml_fixture_refusal($label, [xml_fixture_put($dir, 'ns.xml', $xml)], $dir);
}
xml_fixture_cleanup($dir);
?>
--EXPECTF--
other namespace: Magistere\XmlError: DIR/ns.xml line 2: not a magistere statistics file (root {urn:example:statistics}statistics, expected {urn:magistere:statistics:2}statistics) [libxml errors: yes]
no namespace: Magistere\XmlError: DIR/ns.xml line 2: not a magistere statistics file (root {}statistics, expected {urn:magistere:statistics:2}statistics) [libxml errors: yes]
other root: Magistere\XmlError: DIR/ns.xml line 2: not a magistere statistics file (root {urn:magistere:statistics:2}attestations, expected {urn:magistere:statistics:2}statistics) [libxml errors: yes]
attestation file: Magistere\XmlError: DIR/ns.xml line 2: not a magistere statistics file (root {urn:magistere:attestations:1}attestations, expected {urn:magistere:statistics:2}statistics) [libxml errors: yes]
version 1: Magistere\XmlError: DIR/ns.xml line 2: schema version 1 is refused: its tables were protected one by one and can be undone by differencing them (docs/statistics.md); ask for a version 2 file (namespace urn:magistere:statistics:2) [libxml errors: yes]
version 3: Magistere\XmlError: DIR/ns.xml line 2: schema version 3 is not supported (this reader knows version 2, namespace urn:magistere:statistics:2) [libxml errors: yes]
version attribute only: Magistere\XmlError: DIR/ns.xml line 2: %s'version'%s [libxml errors: yes]
prefixed elsewhere: Magistere\XmlError: DIR/ns.xml line 2: not a magistere statistics file (root {urn:example:x}statistics, expected {urn:magistere:statistics:2}statistics) [libxml errors: yes]
