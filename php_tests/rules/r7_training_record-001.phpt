--TEST--
R7 and R1: a training record outlives the session (ended enrolment, unenrolment, hidden parcours) in the inspector's view, the statistics, the attestation file and "my trainings", while only current members enter the parcours
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
// The statistics protect every figure of a group where fewer than k people have, or have not, a
// record (docs/statistics.md): six more participants of LAIC, three of them finished, make the
// total one that a release publishes, so that the counting can be seen.
$crowd = function (array $rows): array {
    foreach (range(901, 906) as $i => $u) {
        $rows['user'][] = ['id' => $u, 'firstname' => "P$u", 'lastname' => "Foule$u"];
        $rows['user_enrolments'][] = ['id' => $u, 'enrolid' => 3, 'userid' => $u];
        $rows['role_assignments'][] = ['id' => $u, 'roleid' => 1, 'contextid' => 52, 'userid' => $u];
        if ($i < 3) {
            $rows['local_magistere_mark'][] = ['id' => $u, 'courseid' => 4, 'userid' => $u, 'finished' => 1,
                'creditedminutes' => 90, 'timemodified' => 1700000000, 'modifiedby' => 15];
        }
    }
    return $rows;
};
// Hélène Lefèvre (5) was marked finished in LECT (2), 180 minutes credited. Then the session ends.
$statsBefore = null;
$show = function (array $rows, string $label) use (&$statsBefore, $crowd) {
    $t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
    echo "== $label\n";
    echo 'trainer lists: ', implode(', ', array_column($t->trainerView(7, 2)['participants'], 'lastname')),
        ' (', json_encode($t->trainerView(7, 2)['summary']), ")\n";
    echo 'participants see: ', implode(', ', array_column($t->participantView(6, 4)['participants'], 'lastname')), " (in LAIC)\n";
    echo 'she opens LECT: ';
    try {
        $t->participantView(5, 2);
        echo "yes\n";
    } catch (Magistere\AccessDenied $e) {
        echo 'no: ', $e->getMessage(), "\n";
    }
    $ien = $t->inspectorView(8);
    foreach ($ien['teachers'] as $p) {
        if ($p['id'] === 5) {
            echo 'inspector sees her: ', json_encode($p['enrolments']), "\n";
        }
    }
    echo 'inspector summary: ', json_encode($ien['summary']), "\n";
    // (what matters is that the release does not change when the session ends)
    $stats = (new Magistere\Tracker(Magistere\Source::rows($crowd($rows)), ['now' => 1800000000]))
        ->statistics(['etablissements', 'parcours'], [], 3);
    $statsBefore ??= $stats;
    $total = $stats['tables']['etablissements']['cells'][0];
    echo "statistics: {$total['participants']} people, {$total['enrolments']} participations; ",
        $stats === $statsBefore ? 'every group as during the session' : 'CHANGED', "\n";
    $f = fopen('php://memory', 'w+');
    $n = $t->writeAttestations($f, [2]);
    rewind($f);
    preg_match('/<participant lastname="Lefèvre"[^>]*>/', stream_get_contents($f), $m);
    echo "attestation file: $n participants; hers: ", $m[0] ?? 'ABSENT', "\n";
    $mine = $t->myTrainings(5);
    foreach ($mine['participations'] as $p) {
        echo "her trainings: {$p['course']['shortname']} visible=", var_export($p['course']['visible'], true),
            " {$p['status']} current=", var_export($p['current'], true), ' credited=',
            var_export($p['mark']['credited_minutes'], true), ' progress=', json_encode($p['progress']), "\n";
    }
    echo 'her total: ', json_encode($mine['summary']), "\n";
};
$rows = mg_fixture();
$show($rows, 'during the session');
$rows['user_enrolments'][0]['timeend'] = 1790000000;          // her enrolment ended
$show($rows, 'enrolment ended');
unset($rows['user_enrolments'][0], $rows['role_assignments'][0]); // then she was unenrolled
$show($rows, 'unenrolled');
$rows['course'][0]['visible'] = 0;                              // and the parcours hidden
$show($rows, 'parcours hidden');
echo "-- without a record, an ended enrolment drops out everywhere (Ina Ancienne, 11) --\n";
$t = mg_tracker();
echo json_encode($t->myTrainings(11)), "\n";
$f = fopen('php://memory', 'w+');
$t->writeAttestations($f);
rewind($f);
echo 'inspectors or attestations mention her: ', str_contains(json_encode([$t->inspectorView(8),
    $t->inspectorView(16)]) . stream_get_contents($f), 'Ancienne') ? 'yes' : 'no', "\n";
echo "-- without a record, Hélène's ended enrolment would have taken her out of the statistics --\n";
$rows = mg_fixture();
$rows['user_enrolments'][0]['timeend'] = 1790000000;
$rows['local_magistere_mark'][0]['finished'] = 0;
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
$total = (new Magistere\Tracker(Magistere\Source::rows($crowd($rows)), ['now' => 1800000000]))
    ->statistics(['etablissements', 'parcours'], [], 3)['tables']['etablissements']['cells'][0];
echo 'participations: ', $total['enrolments'] ?? 'protected', ', her trainings: ', json_encode($t->myTrainings(5)['participations']), "\n";
echo "-- a deleted user's record is not counted --\n";
$rows = mg_fixture();
$rows['user'][0]['deleted'] = 1;
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
echo json_encode($t->inspectorView(8)['summary']), "\n";
echo "-- the trainer's own list: the parcours he trains, current participants counted --\n";
echo json_encode(mg_tracker()->myTrainings(7)['trainer'], JSON_UNESCAPED_UNICODE), "\n";
mg_refused(fn() => mg_tracker()->myTrainings(404));
?>
--EXPECT--
== during the session
trainer lists: Élan, Lefèvre, N'Diaye ({"participants":3,"finished":1})
participants see: Martin, N'Diaye (in LAIC)
she opens LECT: yes
inspector sees her: [{"courseid":2,"status":"finished","credited_minutes":180}]
inspector summary: {"teachers":2,"enrolments":3,"finished":1,"credited_minutes":180}
statistics: 10 people, 11 participations; every group as during the session
attestation file: 3 participants; hers: <participant lastname="Lefèvre" firstname="Hélène" idnumber="T5" uai="0691234A" finished="true" credited-minutes="180" marked-at="2023-11-14T22:13:20Z" marked-by="Anne Formatrice"/>
her trainings: LECT visible=true finished current=true credited=180 progress={"done":2,"tracked":4,"percent":50,"completion_enabled":true,"course_complete":false}
her total: {"participations":1,"finished":1,"credited_minutes":180}
== enrolment ended
trainer lists: Élan, N'Diaye ({"participants":2,"finished":0})
participants see: Martin, N'Diaye (in LAIC)
she opens LECT: no: user 5 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
inspector sees her: [{"courseid":2,"status":"finished","credited_minutes":180}]
inspector summary: {"teachers":2,"enrolments":3,"finished":1,"credited_minutes":180}
statistics: 10 people, 11 participations; every group as during the session
attestation file: 3 participants; hers: <participant lastname="Lefèvre" firstname="Hélène" idnumber="T5" uai="0691234A" finished="true" credited-minutes="180" marked-at="2023-11-14T22:13:20Z" marked-by="Anne Formatrice"/>
her trainings: LECT visible=true finished current=false credited=180 progress=null
her total: {"participations":1,"finished":1,"credited_minutes":180}
== unenrolled
trainer lists: Élan, N'Diaye ({"participants":2,"finished":0})
participants see: Martin, N'Diaye (in LAIC)
she opens LECT: no: user 5 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
inspector sees her: [{"courseid":2,"status":"finished","credited_minutes":180}]
inspector summary: {"teachers":2,"enrolments":3,"finished":1,"credited_minutes":180}
statistics: 10 people, 11 participations; every group as during the session
attestation file: 3 participants; hers: <participant lastname="Lefèvre" firstname="Hélène" idnumber="T5" uai="0691234A" finished="true" credited-minutes="180" marked-at="2023-11-14T22:13:20Z" marked-by="Anne Formatrice"/>
her trainings: LECT visible=true finished current=false credited=180 progress=null
her total: {"participations":1,"finished":1,"credited_minutes":180}
== parcours hidden
trainer lists: Élan, N'Diaye ({"participants":2,"finished":0})
participants see: Martin, N'Diaye (in LAIC)
she opens LECT: no: user 5 is not a participant of parcours 2: only its participants see the participant view (R1, R2)
inspector sees her: [{"courseid":2,"status":"finished","credited_minutes":180}]
inspector summary: {"teachers":2,"enrolments":3,"finished":1,"credited_minutes":180}
statistics: 10 people, 11 participations; every group as during the session
attestation file: 3 participants; hers: <participant lastname="Lefèvre" firstname="Hélène" idnumber="T5" uai="0691234A" finished="true" credited-minutes="180" marked-at="2023-11-14T22:13:20Z" marked-by="Anne Formatrice"/>
her trainings: LECT visible=false finished current=false credited=180 progress=null
her total: {"participations":1,"finished":1,"credited_minutes":180}
-- without a record, an ended enrolment drops out everywhere (Ina Ancienne, 11) --
{"user":{"id":11,"firstname":"Ina","lastname":"Ancienne"},"participations":[],"trainer":[],"summary":{"participations":0,"finished":0,"credited_minutes":0}}
inspectors or attestations mention her: no
-- without a record, Hélène's ended enrolment would have taken her out of the statistics --
participations: 10, her trainings: []
-- a deleted user's record is not counted --
{"teachers":1,"enrolments":2,"finished":0,"credited_minutes":0}
-- the trainer's own list: the parcours he trains, current participants counted --
[{"course":{"id":2,"shortname":"LECT","fullname":"Enseigner la lecture au cycle 2","duration_minutes":240,"visible":true},"summary":{"participants":3,"finished":1}},{"course":{"id":3,"shortname":"VIDE","fullname":"Parcours vide","duration_minutes":null,"visible":true},"summary":{"participants":0,"finished":0}}]
Magistere\NotFound: no user with id 404
