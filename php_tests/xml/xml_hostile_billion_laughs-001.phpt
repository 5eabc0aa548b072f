--TEST--
xml: a "billion laughs" entity bomb is refused without expanding anything
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('laughs');
$ents = "<!ENTITY lol0 \"lol\">\n";
for ($i = 1; $i <= 9; $i++) {
    $ents .= "<!ENTITY lol$i \"" . str_repeat("&lol" . ($i - 1) . ";", 10) . "\">\n";
}
$bomb = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE statistics [\n$ents]>\n"
    . "<statistics xmlns=\"urn:magistere:statistics:2\" version=\"2\" scope=\"academie\" academie=\"&lol9;\""
    . " generated=\"2026-01-01T00:00:00Z\" k=\"5\"><etablissements><cell participants=\"9\" enrolments=\"9\" finished=\"5\"/>"
    . "<cell academie=\"&lol9;\" participants=\"9\" enrolments=\"9\" finished=\"5\"/></etablissements>"
    . "<parcours><cell enrolments=\"9\" finished=\"5\"/></parcours></statistics>\n";
xml_fixture_refusal('billion laughs', [xml_fixture_put($dir, 'bomb.xml', $bomb)], $dir);
// The same bomb behind a large comment, so that the declaration falls across two reads.
$padded = str_replace("<!DOCTYPE", "<!--" . str_repeat('x', 8187) . "-->\n<!DOCTYPE", $bomb);
xml_fixture_refusal('billion laughs after 8 KiB', [xml_fixture_put($dir, 'bomb2.xml', $padded)], $dir);
// Quadratic blowup without entities: one huge attribute, still a normal (if useless) file:
// it is read and refused by the schema (values are at most 255 characters).
$big = xml_fixture_valid_statistics($dir);
$big = str_replace('academie="LYON" degre="1D" participants', 'academie="' . str_repeat('A', 1 << 20) . '" degre="1D" participants', $big);
xml_fixture_refusal('1 MiB attribute', [xml_fixture_put($dir, 'big.xml', $big)], $dir);
xml_fixture_cleanup($dir);
?>
--EXPECTF--
billion laughs: Magistere\XmlError: DIR/bomb.xml line 2: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
billion laughs after 8 KiB: Magistere\XmlError: DIR/bomb2.xml line 3: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
1 MiB attribute: Magistere\XmlError: DIR/big.xml line %d: Element '{urn:magistere:statistics:2}cell', attribute 'academie': [facet 'maxLength'] The value 'AAAAA%s [libxml errors: yes]
