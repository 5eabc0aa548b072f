--TEST--
R9: a participant sees what each role sees about him, built by the code of those views
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
$tr = $t->transparency(5, 2);
echo 'keys: ', implode(',', array_keys($tr)), "\n";
$trainerRow = current(array_filter($t->trainerView(7, 2)['participants'], fn($p) => $p['id'] === 5));
echo 'trainers see exactly his trainer-view row: ', $tr['trainers']['sees'] === $trainerRow ? 'yes' : 'NO', "\n";
echo 'trainers who see it: ', implode(', ', array_column($tr['trainers']['who'], 'lastname')), "\n";
$ienRow = current(array_filter($t->inspectorView(8)['teachers'], fn($p) => $p['id'] === 5));
$ienRow['enrolments'] = array_values(array_filter($ienRow['enrolments'], fn($e) => $e['courseid'] === 2));
echo 'inspectors see exactly his inspector-view row for this parcours: ', $tr['inspectors']['sees'] === $ienRow ? 'yes' : 'NO', "\n";
echo 'inspectors who see it: ', implode(', ', array_column($tr['inspectors']['who'], 'lastname')), "\n";
$entry = current(array_filter($t->participantView(6, 2)['participants'], fn($p) => $p['id'] === 5));
echo 'other participants see exactly: ', $tr['participants'] === $entry ? 'yes ' : 'NO ', json_encode($tr['participants'], JSON_UNESCAPED_UNICODE), "\n";
$mine = $t->participantView(5, 2);
echo 'he sees his own progress and mark as in his view: ', $tr['self']['progress'] === $mine['progress'] && $tr['self']['mark'] === $mine['mark'] ? 'yes' : 'NO', "\n";
echo 'ministry: ', json_encode($tr['ministry'], JSON_UNESCAPED_UNICODE), "\n";
echo 'nobody: ', implode(',', $tr['never']), "\n";
echo "-- a teacher without a school is seen by no inspector --\n";
$z = $t->transparency(9, 2);
echo json_encode($z['inspectors']), ' ', json_encode($z['ministry']['counted_in']), "\n";
echo "-- only for a participant of the parcours --\n";
mg_refused(fn() => $t->transparency(7, 2));
mg_refused(fn() => $t->transparency(14, 2));
mg_refused(fn() => $t->transparency(5, 99));
?>
--EXPECT--
keys: user,course,self,participants,trainers,inspectors,ministry,never
trainers see exactly his trainer-view row: yes
trainers who see it: Formatrice, Tuteur
inspectors see exactly his inspector-view row for this parcours: yes
inspectors who see it: Inspecteur
other participants see exactly: yes {"id":5,"firstname":"Hélène","lastname":"Lefèvre"}
he sees his own progress and mark as in his view: yes
ministry: {"sees":"statistics","counted_in":{"academie":"Lyon","departement":"69","circonscription":"C1","degre":"1D","secteur":"public","parcours":"LECT"}}
nobody: connection_time,last_access,clicks,pages_viewed,resources_viewed
-- a teacher without a school is seen by no inspector --
{"who":[],"sees":null} {"academie":"","departement":"","circonscription":"","degre":"","secteur":"","parcours":"LECT"}
-- only for a participant of the parcours --
Magistere\AccessDenied: user 7 is not a participant of parcours 2: the transparency page is for the participants of the parcours (R1, R9)
Magistere\AccessDenied: user 14 is not a participant of parcours 2: the transparency page is for the participants of the parcours (R1, R9)
Magistere\NotFound: no parcours with id 99
