--TEST--
Settings: role shortnames, profile and custom fields, k and now change who is who; bad settings are refused
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
echo json_encode($t->settings()), "\n";
echo "-- the tuteur role is not a trainer role any more --\n";
$t2 = mg_tracker(['trainer_roles' => ['formateur']]);
echo implode(',', array_column($t2->trainerView(7, 2)['trainers'], 'lastname')), "\n";
mg_refused(fn() => $t2->trainerView(10, 2));
echo "-- the tuteur role made a participant role --\n";
$t3 = mg_tracker(['trainer_roles' => ['formateur'], 'participant_roles' => ['participant', 'tuteur']]);
echo implode(',', array_column($t3->trainerView(7, 2)['participants'], 'lastname')), "\n";
echo "-- another profile field for the school: nobody has a school --\n";
$t4 = mg_tracker(['school_field' => 'codaca']);
echo json_encode(array_column($t4->trainerView(7, 2)['participants'], 'school')), "\n";
echo "-- another duration field: no forecast --\n";
echo var_export(mg_tracker(['duration_field' => 'other'])->participantView(5, 2)['course']['duration_minutes'], true), "\n";
echo "-- now: before the ended enrolment ended, Ina was a participant --\n";
echo implode(',', array_column(mg_tracker(['now' => 1500000000])->trainerView(7, 2)['participants'], 'firstname')), "\n";
echo "-- k --\n";
echo mg_tracker(['k' => 7])->statistics()['k'], ' ', mg_tracker(['k' => 7])->statistics(['parcours'], [], 3)['k'], "\n";
echo "-- refused --\n";
foreach ([['k' => 2], ['k' => -1], ['trainer_roles' => []], ['participant_roles' => ['']], ['school_field' => ''],
          ['trainer_roles' => ['participant']], ['trainer_roles' => array_fill(0, 17, 'x')]] as $bad) {
    mg_refused(fn() => mg_tracker($bad));
}
?>
--EXPECT--
{"trainer_roles":["formateur","tuteur","editingteacher","teacher"],"participant_roles":["participant","student"],"school_field":"rne","duration_field":"magistere_duration","k":5,"now":1800000000,"enablecompletion":true,"installed_modules":null}
-- the tuteur role is not a trainer role any more --
Formatrice
Magistere\AccessDenied: user 10 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
-- the tuteur role made a participant role --
Élan,Lefèvre,N'Diaye,Tuteur
-- another profile field for the school: nobody has a school --
[null,null,null]
-- another duration field: no forecast --
NULL
-- now: before the ended enrolment ended, Ina was a participant --
Ina,Zoé,Hélène,Jean
-- k --
7 3
-- refused --
Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people
Magistere\SettingsError: k must be at least 3 (got -1): below that a statistics cell could single out people
Magistere\SettingsError: trainer_roles must name at least one role
Magistere\SettingsError: participant_roles holds an empty role shortname
Magistere\SettingsError: school_field must not be empty
Magistere\SettingsError: role "participant" cannot be both a trainer and a participant role
ValueError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "trainer_roles" names more than 16 roles
