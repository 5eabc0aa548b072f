--TEST--
xml: statistics files that break the schema or its rules are refused with the line
--EXTENSIONS--
magistere
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('schema');
$good = xml_fixture_valid_statistics($dir);
// The LYON file: line 8 is its first cell, <cell academie="LYON" degre="1D" participants="12" ...>.
$first = fn (string $from, string $to) => preg_replace('/' . preg_quote($from, '/') . '/', $to, $good, 1);
$cases = [
    'negative count' => $first('participants="12"', 'participants="-12"'),
    'not a number' => $first('participants="12"', 'participants="twelve"'),
    'huge count' => $first('participants="12"', 'participants="99999999999999999999"'),
    'k below 3' => str_replace('k="5"', 'k="2"', $good),
    'unknown dimension' => str_replace('<dimension name="degre"/>', '<dimension name="ecole"/>', $good),
    'dimension twice' => str_replace('<dimension name="degre"/>', '<dimension name="academie"/>', $good),
    'unknown degre' => $first('degre="1D"', 'degre="3D"'),
    'unknown attribute' => $first('<cell ', '<cell uai="0130001A" '),
    'nominative element' => $first('<cell ', '<teacher name="Dupont"/><cell '),
    'value of another dimension' => $first('<cell ', '<cell parcours="MATH-1" '),
    'suppressed with counts' => $first('participants="12"', 'suppressed="primary" participants="12"'),
    'published without counts' => $first(' participants="12" enrolments="12"', ''),
    'finished suppressed but given' => $first('finished="6"', 'finished-suppressed="primary" finished="6"'),
    'more finished than enrolments' => $first('finished="6"', 'finished="60"'),
    'same cell twice' => preg_replace('/(\n *<cell [^\n]*)/', '$1$1', $good, 1),
    'academie missing' => str_replace(' academie="LYON" generated', ' generated', $good),
    'national with academie' => str_replace('scope="academie"', 'scope="national"', $good),
    'text in an empty element' => $first('/>', '>12</cell>'),
];
foreach ($cases as $label => $xml) {
    if ($xml === $good) {
        echo "$label: FIXTURE DID NOT CHANGE\n";
        continue;
    }
    xml_fixture_refusal($label, [xml_fixture_put($dir, 'bad.xml', $xml)], $dir);
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
negative count: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}cell', attribute 'participants': [facet 'minInclusive'] The value '-12' is less than the minimum value allowed ('0'). [libxml errors: yes]
not a number: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}cell', attribute 'participants': 'twelve' is not a valid value of the atomic type '{urn:magistere:statistics:1}Count'. [libxml errors: yes]
huge count: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}cell', attribute 'participants': '99999999999999999999' is not a valid value of the atomic type '{urn:magistere:statistics:1}Count'. [libxml errors: yes]
k below 3: Magistere\XmlError: DIR/bad.xml line 2: Element '{urn:magistere:statistics:1}statistics', attribute 'k': [facet 'minInclusive'] The value '2' is less than the minimum value allowed ('3'). [libxml errors: yes]
unknown dimension: Magistere\XmlError: DIR/bad.xml line 5: Element '{urn:magistere:statistics:1}dimension', attribute 'name': [facet 'enumeration'] The value 'ecole' is not an element of the set {'academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours'}. [libxml errors: yes]
dimension twice: Magistere\XmlError: DIR/bad.xml line 5: dimension academie given twice [libxml errors: yes]
unknown degre: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}cell', attribute 'degre': [facet 'enumeration'] The value '3D' is not an element of the set {'', '1D', '2D'}. [libxml errors: yes]
unknown attribute: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}cell', attribute 'uai': The attribute 'uai' is not allowed. [libxml errors: yes]
nominative element: Magistere\XmlError: DIR/bad.xml line 8: Element '{urn:magistere:statistics:1}teacher': This element is not expected. Expected is ( {urn:magistere:statistics:1}cell ). [libxml errors: yes]
value of another dimension: Magistere\XmlError: DIR/bad.xml line 8: the cell has a value for parcours, which is not a dimension of the file [libxml errors: yes]
suppressed with counts: Magistere\XmlError: DIR/bad.xml line 8: a suppressed cell carries counts [libxml errors: yes]
published without counts: Magistere\XmlError: DIR/bad.xml line 8: a cell without participants or enrolments is neither published nor suppressed [libxml errors: yes]
finished suppressed but given: Magistere\XmlError: DIR/bad.xml line 8: a cell whose finished count is suppressed carries it [libxml errors: yes]
more finished than enrolments: Magistere\XmlError: DIR/bad.xml line 8: inconsistent counts (more participants or finished than enrolments) [libxml errors: yes]
same cell twice: Magistere\XmlError: DIR/bad.xml line 9: the same cell is given twice [libxml errors: yes]
academie missing: Magistere\XmlError: DIR/bad.xml line 2: an académie file must name its académie [libxml errors: yes]
national with academie: Magistere\XmlError: DIR/bad.xml line 2: a national file cannot name an académie [libxml errors: yes]
text in an empty element: Magistere\XmlError: DIR/bad.xml line 4: Element '{urn:magistere:statistics:1}dimension': Character content is not allowed, because the content type is empty. [libxml errors: yes]
