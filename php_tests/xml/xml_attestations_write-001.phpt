--TEST--
xml: writeAttestations() streams a valid attestation file with only the administrative fields
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('attest-write');
$t = xml_fixture_tracker('AIX-MARSEILLE', [
    ['degre' => '1D', 'secteur' => 'public', 'teachers' => 4, 'finished' => 2, 'course' => 0],
    ['degre' => '2D', 'secteur' => 'prive', 'teachers' => 3, 'finished' => 1, 'course' => 2],
]);
$file = "$dir/attestations.xml";
var_dump($t->writeAttestations($file));
var_dump(xml_fixture_validate($file, 'attestations-1.xsd'));
// No temporary file is left beside it.
var_dump(count(glob("$dir/*")));

$doc = new DOMDocument();
$doc->load($file);
$root = $doc->documentElement;
echo $root->namespaceURI, ' v', $root->getAttribute('version'), "\n";
$allowedParcours = ['id', 'shortname', 'fullname', 'forecast-minutes'];
$allowedParticipant = ['lastname', 'firstname', 'idnumber', 'uai', 'finished', 'credited-minutes', 'marked-at', 'marked-by'];
foreach ($root->childNodes as $p) {
    if (!$p instanceof DOMElement) {
        continue;
    }
    $attrs = array_map(fn ($a) => $a->name, iterator_to_array($p->attributes));
    var_dump(array_diff($attrs, $allowedParcours) === []);
    echo $p->localName, ' ', $p->getAttribute('id'), ' ', $p->getAttribute('shortname'), ' | ',
        $p->getAttribute('fullname'), ' | ', $p->hasAttribute('forecast-minutes') ? $p->getAttribute('forecast-minutes') : '-', "\n";
    foreach ($p->childNodes as $u) {
        if (!$u instanceof DOMElement) {
            continue;
        }
        $names = array_map(fn ($a) => $a->name, iterator_to_array($u->attributes));
        if (array_diff($names, $allowedParticipant) !== [] || $u->childNodes->length !== 0) {
            echo "unexpected data on a participant\n";
        }
        $a = fn ($name) => $u->hasAttribute($name) ? $u->getAttribute($name) : '-';
        printf("  %s %s uai=%s id=%s finished=%s credited=%s at=%s by=%s\n",
            $a('lastname'), $a('firstname'), $a('uai'), $a('idnumber'), $a('finished'),
            $a('credited-minutes'), $a('marked-at'), $a('marked-by'));
    }
}
// Trainers are not listed as participants, and nothing about progress leaves.
$text = file_get_contents($file);
var_dump(preg_match('/<participant lastname="Formatrice/', $text));
var_dump(preg_match('/progress|percent|activit|state|access|cmid/i', $text));

// Overwrites an existing file atomically.
var_dump($t->writeAttestations($file, [12]));
var_dump(xml_fixture_validate($file, 'attestations-1.xsd'));
var_dump(substr_count(file_get_contents($file), '<participant '));
xml_fixture_cleanup($dir);
?>
--EXPECT--
int(7)
bool(true)
int(1)
urn:magistere:attestations:1 v1
bool(true)
parcours 10 MATH-1 | Mathématiques & <calcul> "mental" | 180
  Nom0-000 Prénom0 uai=0001000A id=- finished=true credited=180 at=2026-01-01T00:00:00Z by=Claire Formatrice0
  Nom0-001 Prénom1 uai=0001000A id=ID101 finished=true credited=180 at=2026-01-01T00:00:01Z by=Claire Formatrice0
  Nom0-002 Prénom2 uai=0001000A id=- finished=false credited=- at=2026-01-01T00:00:00Z by=Claire Formatrice0
  Nom0-003 Prénom3 uai=0001000A id=ID103 finished=false credited=- at=- by=-
bool(true)
parcours 12 NUM-3 | Numérique | -
  Nom1-000 Prénom0 uai=0001001B id=- finished=true credited=0 at=2026-01-01T00:00:00Z by=Claire Formatrice2
  Nom1-001 Prénom1 uai=0001001B id=ID105 finished=false credited=- at=2026-01-01T00:00:00Z by=Claire Formatrice2
  Nom1-002 Prénom2 uai=0001001B id=- finished=false credited=- at=- by=-
int(0)
int(0)
int(3)
bool(true)
int(3)
