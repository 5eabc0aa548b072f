--TEST--
R3: a trainer sees every participant's progress and the finished box, with its audit
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
foreach ([7, 10] as $trainer) { // the formateur and the tuteur see the same
    $v = $t->trainerView($trainer, 2);
    echo "viewer {$v['viewer']['lastname']} ({$v['viewer']['role']})\n";
}
echo 'activities: ', implode(' ', array_map(fn($a) => "{$a['cmid']}:{$a['module']}", $v['activities'])), "\n";
foreach ($v['participants'] as $p) {
    $pr = $p['progress'];
    $m = $p['mark'];
    printf("%s %s | %s %d/%d %s%% [%s] finished=%s credited=%s by=%s time=%s\n",
        $p['firstname'], $p['lastname'], $p['school']['uai'] ?? '-', $pr['done'], $pr['tracked'],
        var_export($pr['percent'], true), implode(',', $pr['states']), var_export($m['finished'], true),
        var_export($m['credited_minutes'], true), var_export($m['by'], true), var_export($m['time'], true));
}
echo 'summary: ', json_encode($v['summary']), "\n";
echo "-- an empty parcours --\n";
$e = $t->trainerView(7, 3);
echo json_encode(['activities' => $e['activities'], 'participants' => $e['participants'], 'summary' => $e['summary']]), "\n";
echo "-- refused --\n";
mg_refused(fn() => $t->trainerView(5, 2));  // a participant
mg_refused(fn() => $t->trainerView(7, 4));  // trainer of LECT, not of LAIC
mg_refused(fn() => $t->trainerView(16, 4)); // the inspector of LAIC's teachers
?>
--EXPECT--
viewer Formatrice (trainer)
viewer Tuteur (trainer)
activities: 101:page 100:quiz 102:quiz 105:page
Zoé Élan | - 0/4 0% [incomplete,incomplete,incomplete,incomplete] finished=false credited=NULL by=NULL time=NULL
Hélène Lefèvre | 0691234A 2/4 50% [incomplete,complete,fail,incomplete] finished=true credited=180 by=7 time=1700000000
Jean N'Diaye | 0690002B 1/4 25% [pass,incomplete,incomplete,incomplete] finished=false credited=NULL by=10 time=1700000500
summary: {"participants":3,"finished":1}
-- an empty parcours --
{"activities":[],"participants":[],"summary":{"participants":0,"finished":0}}
-- refused --
Magistere\AccessDenied: user 5 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
Magistere\AccessDenied: user 7 is not a trainer of parcours 4: only its trainers see the participants' progress (R1, R3)
Magistere\AccessDenied: user 16 is not a trainer of parcours 4: only its trainers see the participants' progress (R1, R3)
