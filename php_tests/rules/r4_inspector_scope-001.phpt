--TEST--
R4: an inspector sees names, schools, status and credited time of his circonscription's teachers only
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
$v = $t->inspectorView(8);
echo 'viewer: ', $v['viewer']['lastname'], ' (', $v['viewer']['role'], ")\n";
echo 'circonscriptions: ', json_encode($v['circonscriptions'], JSON_UNESCAPED_UNICODE), "\n";
foreach ($v['parcours'] as $c) {
    echo "parcours {$c['shortname']} ({$c['duration_minutes']} min), trainers: ",
        implode(', ', array_map(fn($p) => "{$p['firstname']} {$p['lastname']}", $c['trainers'])), "\n";
}
foreach ($v['teachers'] as $p) {
    echo "teacher {$p['firstname']} {$p['lastname']} at {$p['school']['name']} ({$p['school']['uai']}, {$p['school']['circonscription']}): ";
    foreach ($p['enrolments'] as $e) {
        echo "[course {$e['courseid']} {$e['status']} ", var_export($e['credited_minutes'], true), '] ';
    }
    echo "\n";
}
echo 'summary: ', json_encode($v['summary']), "\n";
echo "-- never activity details, states, progress or percentages --\n";
echo 'keys used: ', implode(',', mg_keys($v)), "\n";
echo 'the same, narrowed to C1: ', $t->inspectorView(8, 'C1') === $v ? 'identical' : 'different', "\n";
$c2 = $t->inspectorView(16);
echo 'C2 teachers: ', implode(',', array_column($c2['teachers'], 'lastname')), "\n";
echo "-- refused --\n";
mg_refused(fn() => $t->inspectorView(8, 'C2')); // another circonscription
mg_refused(fn() => $t->inspectorView(7));       // a trainer is no inspector
mg_refused(fn() => $t->inspectorView(5));       // nor is a participant
mg_refused(fn() => $t->inspectorView(8, 'ZZ')); // unknown code
mg_refused(fn() => $t->participantView(8, 2));  // he never opens a parcours
?>
--EXPECT--
viewer: Inspecteur (inspector)
circonscriptions: [{"code":"C1","name":"Lyon 3e - Villeurbanne","departement":"69","academie":"Lyon"}]
parcours LECT (240 min), trainers: Anne Formatrice, Théo Tuteur
parcours LAIC (90 min), trainers: Lou Formateur
teacher Hélène Lefèvre at École élémentaire Jean Macé (0691234A, C1): [course 2 finished 180] 
teacher Jean N'Diaye at Collège Saint-Just (0690002B, C1): [course 2 enrolled NULL] [course 4 enrolled NULL] 
summary: {"teachers":2,"enrolments":3,"finished":1,"credited_minutes":180}
-- never activity details, states, progress or percentages --
keys used: academie,circonscription,circonscriptions,city,code,courseid,credited_minutes,departement,duration_minutes,enrolments,finished,firstname,fullname,id,lastname,name,parcours,role,school,shortname,status,summary,teachers,trainers,uai,viewer
the same, narrowed to C1: identical
C2 teachers: Martin
-- refused --
Magistere\AccessDenied: user 8 is not the inspector of circonscription C2: an inspector sees his own circonscription only (R4)
Magistere\AccessDenied: user 7 is not an inspector: the circonscription view is for the inspectors (IEN) only (R4)
Magistere\AccessDenied: user 5 is not an inspector: the circonscription view is for the inspectors (IEN) only (R4)
Magistere\NotFound: no circonscription with code "ZZ"
Magistere\AccessDenied: user 8 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
