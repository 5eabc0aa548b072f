--TEST--
xml: statistics files that are not UTF-8 are refused
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('encoding');
$good = xml_fixture_valid_statistics($dir);
$utf16le = fn (string $s) => "\xFF\xFE" . implode('', array_map(fn ($c) => $c . "\0", str_split($s)));
$utf16be = fn (string $s) => "\xFE\xFF" . implode('', array_map(fn ($c) => "\0" . $c, str_split($s)));
$cases = [
    'UTF-8 with a BOM' => "\xEF\xBB\xBF" . $good,
    'UTF-8 name' => str_replace('academie="LYON"', 'academie="Lyon-Écully"', $good),
    'declared ISO-8859-1' => str_replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', $good),
    'undeclared Latin-1 bytes' => str_replace('academie="LYON"', "academie=\"Lyon-\xC9cully\"", $good),
    'overlong UTF-8' => str_replace('academie="LYON"', "academie=\"LY\xC0\xAFON\"", $good),
    'UTF-16LE with BOM' => $utf16le(str_replace('encoding="UTF-8"', 'encoding="UTF-16"', $good)),
    'UTF-16BE with BOM' => $utf16be(str_replace('encoding="UTF-8"', 'encoding="UTF-16"', $good)),
    'UTF-16LE without BOM' => substr($utf16le($good), 2),
    'NUL byte' => str_replace('academie="LYON" generated', "academie=\"LY\0ON\" generated", $good),
];
foreach ($cases as $label => $xml) {
    xml_fixture_refusal($label, [xml_fixture_put($dir, 'enc.xml', $xml)], $dir);
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
UTF-8 with a BOM: ACCEPTED
UTF-8 name: ACCEPTED
declared ISO-8859-1: Magistere\XmlError: DIR/enc.xml line 2: refused: encoding ISO-8859-1 (only UTF-8 is accepted) [libxml errors: yes]
undeclared Latin-1 bytes: Magistere\XmlError: DIR/enc.xml line 2: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC9 0x63 0x75 0x6C [libxml errors: yes]
overlong UTF-8: Magistere\XmlError: DIR/enc.xml line 2: Input is not proper UTF-8, indicate encoding ! Bytes: 0xC0 0xAF 0x4F 0x4E [libxml errors: yes]
UTF-16LE with BOM: Magistere\XmlError: DIR/enc.xml line 1: refused: the document is not UTF-8 (UTF-16 or UTF-32) [libxml errors: yes]
UTF-16BE with BOM: Magistere\XmlError: DIR/enc.xml line 1: refused: the document is not UTF-8 (UTF-16 or UTF-32) [libxml errors: yes]
UTF-16LE without BOM: Magistere\XmlError: DIR/enc.xml line 1: refused: the document is not UTF-8 (UTF-16 or UTF-32) [libxml errors: yes]
NUL byte: Magistere\XmlError: DIR/enc.xml line 2: Couldn't find end of Start Tag statistics [libxml errors: yes]
