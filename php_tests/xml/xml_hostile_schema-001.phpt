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
// The LYON file: line 4 is its first cell (the total), line 10 the académie's, line 11 the first
// with 12 participants (<cell academie="LYON" degre="1D" participants="12" ...>), line 21 the
// parcours total.
$first = fn (string $from, string $to) => preg_replace('/' . preg_quote($from, '/') . '/', $to, $good, 1);
$lines = explode("\n", $good);
$cases = [
    'negative count' => $first('participants="12"', 'participants="-12"'),
    'not a number' => $first('participants="12"', 'participants="twelve"'),
    'huge count' => $first('participants="12"', 'participants="99999999999999999999"'),
    'k below 3' => str_replace('k="5"', 'k="2"', $good),
    'unknown degre' => $first('degre="1D"', 'degre="3D"'),
    'unknown attribute' => $first('<cell ', '<cell uai="0130001A" '),
    'nominative element' => $first('<cell ', '<teacher name="Dupont"/><cell '),
    'a parcours among schools' => $first('<cell academie="LYON" participants', '<cell academie="LYON" parcours="MATH-1" participants'),
    'a reason given' => $first('<cell academie="LYON" degre="1D" participants="12" enrolments="12" finished="6"/>', '<cell academie="LYON" degre="1D" suppressed="primary"/>'),
    'a level without the one above' => $first('academie="LYON" degre="1D" participants', 'degre="1D" participants'),
    'participants without enrolments' => $first(' enrolments="12"', ''),
    'more finished than enrolments' => $first('finished="6"', 'finished="60"'),
    'minutes on the parcours total' => $first('<cell enrolments="22" finished="11"/>', '<cell enrolments="22" finished="11" credited-minutes="2880"/>'),
    'same group twice' => implode("\n", array_merge(array_slice($lines, 0, 11), [$lines[10]], array_slice($lines, 11))),
    'a group without its enclosing group' => implode("\n", array_merge(array_slice($lines, 0, 9), array_slice($lines, 10))),
    'figures that do not add up' => $first('<cell academie="LYON" participants="22" enrolments="22" finished="11"', '<cell academie="LYON" participants="22" enrolments="22" finished="10"'),
    'totals that disagree' => $first('<cell enrolments="22" finished="11"/>', '<cell enrolments="21" finished="11"/>'),
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
negative count: Magistere\XmlError: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': [facet 'minInclusive'] The value '-12' is less than the minimum value allowed ('0'). [libxml errors: yes]
not a number: Magistere\XmlError: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': 'twelve' is not a valid value of the atomic type '{urn:magistere:statistics:2}Count'. [libxml errors: yes]
huge count: Magistere\XmlError: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'participants': '99999999999999999999' is not a valid value of the atomic type '{urn:magistere:statistics:2}Count'. [libxml errors: yes]
k below 3: Magistere\XmlError: DIR/bad.xml line 2: Element '{urn:magistere:statistics:2}statistics', attribute 'k': [facet 'minInclusive'] The value '2' is less than the minimum value allowed ('3'). [libxml errors: yes]
unknown degre: Magistere\XmlError: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'degre': [facet 'enumeration'] The value '3D' is not an element of the set {'', '1D', '2D'}. [libxml errors: yes]
unknown attribute: Magistere\XmlError: DIR/bad.xml line 4: Element '{urn:magistere:statistics:2}cell', attribute 'uai': The attribute 'uai' is not allowed. [libxml errors: yes]
nominative element: Magistere\XmlError: DIR/bad.xml line 4: Element '{urn:magistere:statistics:2}teacher': This element is not expected. Expected is ( {urn:magistere:statistics:2}cell ). [libxml errors: yes]
a parcours among schools: Magistere\XmlError: DIR/bad.xml line 10: Element '{urn:magistere:statistics:2}cell', attribute 'parcours': The attribute 'parcours' is not allowed. [libxml errors: yes]
a reason given: Magistere\XmlError: DIR/bad.xml line 11: Element '{urn:magistere:statistics:2}cell', attribute 'suppressed': The attribute 'suppressed' is not allowed. [libxml errors: yes]
a level without the one above: Magistere\XmlError: DIR/bad.xml line 11: the cell names its degre but not every level above it [libxml errors: yes]
participants without enrolments: Magistere\XmlError: DIR/bad.xml line 11: the cell's counts are neither all given nor protected as the format says [libxml errors: yes]
more finished than enrolments: Magistere\XmlError: DIR/bad.xml line 11: inconsistent counts (more finished than enrolments) [libxml errors: yes]
minutes on the parcours total: Magistere\XmlError: DIR/bad.xml line 21: the parcours total carries no credited minutes [libxml errors: yes]
same group twice: Magistere\XmlError: DIR/bad.xml: table etablissements: the same group is given twice [libxml errors: yes]
a group without its enclosing group: Magistere\XmlError: DIR/bad.xml: table etablissements: a group at level 2 has no enclosing group [libxml errors: yes]
figures that do not add up: Magistere\XmlError: DIR/bad.xml: table etablissements: a group's finished is not the sum of its parts' [libxml errors: yes]
totals that disagree: Magistere\XmlError: DIR/bad.xml: the totals of the two tables disagree (enrolments) [libxml errors: yes]
academie missing: Magistere\XmlError: DIR/bad.xml line 2: an académie file must name its académie [libxml errors: yes]
national with academie: Magistere\XmlError: DIR/bad.xml line 2: a national file cannot name an académie [libxml errors: yes]
text in an empty element: Magistere\XmlError: DIR/bad.xml line 4: Element '{urn:magistere:statistics:2}cell': Character content is not allowed, because the content type is empty. [libxml errors: yes]
