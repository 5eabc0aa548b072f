--TEST--
xml: an external entity (XXE) in a statistics file is refused before anything is resolved
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('xxe');
$good = xml_fixture_valid_statistics($dir);
file_put_contents("$dir/secret.txt", 'TOP-SECRET-VALUE');
$decl = '<?xml version="1.0" encoding="UTF-8"?>';
$cases = [
    'system entity' => str_replace($decl, "$decl\n<!DOCTYPE statistics [<!ENTITY xxe SYSTEM \"file://$dir/secret.txt\">]>",
        str_replace('academie="LYON" generated', 'academie="&xxe;" generated', $good)),
    'external DTD' => str_replace($decl, "$decl\n<!DOCTYPE statistics SYSTEM \"file://$dir/secret.txt\">", $good),
    'network DTD' => str_replace($decl, "$decl\n<!DOCTYPE statistics SYSTEM \"http://127.0.0.1:9/x.dtd\">", $good),
    'parameter entity' => str_replace($decl, "$decl\n<!-- a comment first -->\n<!DOCTYPE statistics [<!ENTITY % p SYSTEM \"file://$dir/secret.txt\"> %p;]>", $good),
    'entity without DOCTYPE' => str_replace('<parcours>', "<parcours><!ENTITY x \"y\">", $good),
];
foreach ($cases as $label => $xml) {
    xml_fixture_refusal($label, [xml_fixture_put($dir, "xxe.xml", $xml)], $dir);
}
// Nothing of the secret leaked into an error.
libxml_use_internal_errors(true);
$messages = [];
try {
    Magistere\Statistics::merge([xml_fixture_put($dir, "xxe.xml", $cases['system entity'])]);
} catch (Magistere\XmlError $e) {
    $messages[] = $e->getMessage();
}
foreach (libxml_get_errors() as $err) {
    $messages[] = $err->message;
}
var_dump(count($messages) >= 2, str_contains(implode("\n", $messages), 'TOP-SECRET'));
xml_fixture_cleanup($dir);
?>
--EXPECT--
system entity: Magistere\XmlError: DIR/xxe.xml line 2: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
external DTD: Magistere\XmlError: DIR/xxe.xml line 2: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
network DTD: Magistere\XmlError: DIR/xxe.xml line 2: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
parameter entity: Magistere\XmlError: DIR/xxe.xml line 3: refused: DOCTYPE declaration (DTDs and entities are not allowed) [libxml errors: yes]
entity without DOCTYPE: Magistere\XmlError: DIR/xxe.xml line 20: refused: ENTITY declaration (DTDs and entities are not allowed) [libxml errors: yes]
bool(true)
bool(false)
