--TEST--
R1: only the trainers and participants of a parcours see anything inside it
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();

echo "-- who is listed in LECT (trainer view) --\n";
$v = $t->trainerView(7, 2);
echo 'participants: ', implode(',', array_column($v['participants'], 'id')), "\n";
echo 'trainers: ', implode(',', array_column($v['trainers'], 'id')), "\n";
echo 'every person in the view: ', implode(',', mg_people($v)), "\n";

echo "-- outsiders are refused --\n";
mg_refused(fn() => $t->participantView(17, 2)); // enrolled through a disabled enrol instance
mg_refused(fn() => $t->trainerView(17, 2));
mg_refused(fn() => $t->participantView(13, 2)); // enrolled without a role
mg_refused(fn() => $t->participantView(11, 2)); // enrolment ended
mg_refused(fn() => $t->participantView(12, 2)); // suspended
mg_refused(fn() => $t->participantView(14, 2)); // participant of another parcours
mg_refused(fn() => $t->trainerView(15, 2));     // trainer of another parcours
mg_refused(fn() => $t->transparency(17, 2));
echo "-- the inspector does not enter a parcours --\n";
mg_refused(fn() => $t->participantView(8, 2));
mg_refused(fn() => $t->trainerView(8, 2));
echo "-- unknown ids --\n";
mg_refused(fn() => $t->participantView(5, 999));
mg_refused(fn() => $t->trainerView(999, 2));
?>
--EXPECT--
-- who is listed in LECT (trainer view) --
participants: 9,5,6
trainers: 7,10
every person in the view: 5,6,7,9,10
-- outsiders are refused --
Magistere\AccessDenied: user 17 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 17 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
Magistere\AccessDenied: user 13 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 11 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 12 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 14 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 15 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
Magistere\AccessDenied: user 17 is not a participant of parcours 2: the transparency page is for the participants of the parcours (R1, R9)
-- the inspector does not enter a parcours --
Magistere\AccessDenied: user 8 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
Magistere\AccessDenied: user 8 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
-- unknown ids --
Magistere\NotFound: no parcours with id 999
Magistere\NotFound: no user with id 999
