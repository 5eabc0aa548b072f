--TEST--
xml: control characters and invalid UTF-8 in names and course shortnames never break the exchange files (normalised as a page shows them, reported as anomalies); a training record outlives the enrolment in both files
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
require __DIR__ . '/../inc/fixture.inc';
$dir = xml_fixture_dir('dirty-text');
$rows = mg_fixture();
$rows['user'][0]['lastname'] = "Lef\x0Bèvre\x00";          // a vertical tab and a NUL
$rows['user'][1]['firstname'] = "Je\xC3an\xFF";            // invalid UTF-8
$rows['user'][2]['firstname'] = "Anne\x1B[31m";            // an escape sequence (the trainer, marked-by)
$rows['course'][0]['shortname'] = "LECT\x01\xED\xA0\x80";   // a control character and a UTF-16 surrogate
$rows['course'][0]['fullname'] = "Lecture\xEF\xBF\xBE au cycle 2";
$rows['local_magistere_school'][0]['name'] = "École\x08 Jean Macé";
$rows['user_enrolments'][0]['timeend'] = 1790000000;       // Hélène's enrolment ended; her record stays
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
$file = "$dir/attestations.xml";
echo 'attestations: ', $t->writeAttestations($file), ' participants, valid: ';
var_dump(xml_fixture_validate($file, 'attestations-1.xsd'));
$doc = new DOMDocument();
$doc->load($file);
foreach ($doc->getElementsByTagName('parcours') as $p) {
    echo '  parcours ', json_encode($p->getAttribute('shortname')), ' ', json_encode($p->getAttribute('fullname'), JSON_UNESCAPED_UNICODE), "\n";
    foreach ($p->getElementsByTagName('participant') as $x) {
        echo '    ', json_encode($x->getAttribute('lastname') . ', ' . $x->getAttribute('firstname'), JSON_UNESCAPED_UNICODE),
            ' finished=', $x->getAttribute('finished'), ' by ', json_encode($x->getAttribute('marked-by'), JSON_UNESCAPED_UNICODE), "\n";
    }
}
$file = "$dir/statistics.xml";
echo 'statistics: ', $t->writeStatistics($file, 'LYON', [], 3), ' groups, valid: ';
var_dump(xml_fixture_validate($file, 'statistics-2.xsd'));
echo 'parcours values: ', implode(' ', array_map(fn($c) => json_encode($c['values']['parcours']),
    $t->statistics(['parcours'], [], 3)['tables']['parcours']['cells'])), "\n";
echo "-- reported to the administrator --\n";
foreach ($t->dataQuality()['anomalies'] as $a) {
    echo "  {$a['table']} {$a['id']} {$a['field']}: {$a['message']}\n";
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
attestations: 5 participants, valid: bool(true)
  parcours "LECT " "Lecture au cycle 2"
    "Élan, Zoé" finished=false by ""
    "Lef èvre, Hélène" finished=true by "Anne [31m Formatrice"
    "N'Diaye, Jean" finished=false by "Théo Tuteur"
  parcours "LAIC" "Laïcité et valeurs de la République"
    "Martin, Paul" finished=false by ""
    "N'Diaye, Jean" finished=false by ""
statistics: 21 groups, valid: bool(true)
parcours values: null "" "LAIC" "LECT "
-- reported to the administrator --
  course 2 fullname: non-characters U+FFFE/U+FFFF removed: shown as "Lecture au cycle 2"
  course 2 shortname: invalid UTF-8 removed, control characters replaced by spaces: shown as "LECT "
  user 5 lastname: NUL removed, control characters replaced by spaces: shown as "Lef èvre"
  user 6 firstname: invalid UTF-8 removed: shown as "Jean"
  user 7 firstname: control characters replaced by spaces: shown as "Anne [31m"
  local_magistere_school 1 name: control characters replaced by spaces: shown as "École  Jean Macé"
