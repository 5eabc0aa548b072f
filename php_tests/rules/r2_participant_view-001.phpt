--TEST--
R2: a participant sees the people of the parcours and his own progress, never another's
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
$v = $t->participantView(5, 2);
echo 'keys: ', implode(',', array_keys($v)), "\n";
echo 'course: ', $v['course']['fullname'], ' (', $v['course']['duration_minutes'], " min)\n";
echo 'viewer: ', $v['viewer']['firstname'], ' ', $v['viewer']['lastname'], ' as ', $v['viewer']['role'], "\n";
foreach (['trainers', 'participants'] as $list) {
    echo "$list:";
    foreach ($v[$list] as $p) {
        echo ' [', implode('|', array_keys($p)), '] ', $p['firstname'], ' ', $p['lastname'], ';';
    }
    echo "\n";
}
$pr = $v['progress'];
echo "progress: {$pr['done']}/{$pr['tracked']} = {$pr['percent']}%\n";
foreach ($pr['activities'] as $a) {
    echo "  cm {$a['cmid']} {$a['module']} section {$a['section']}: {$a['state']}\n";
}
echo 'mark: ', json_encode($v['mark']), "\n";

echo "-- nothing about the others' progress or marks anywhere --\n";
echo 'keys used: ', implode(',', mg_keys($v)), "\n";
$other = $t->participantView(6, 2);
echo 'N\'Diaye sees his own: ', $other['progress']['done'], '/', $other['progress']['tracked'], ', mark ', json_encode($other['mark']), "\n";
echo "-- refused --\n";
mg_refused(fn() => $t->trainerView(5, 2));
mg_refused(fn() => $t->participantView(5, 4));
?>
--EXPECT--
keys: course,viewer,trainers,participants,progress,mark
course: Enseigner la lecture au cycle 2 (240 min)
viewer: Hélène Lefèvre as participant
trainers: [id|firstname|lastname] Anne Formatrice; [id|firstname|lastname] Théo Tuteur;
participants: [id|firstname|lastname] Zoé Élan; [id|firstname|lastname] Hélène Lefèvre; [id|firstname|lastname] Jean N'Diaye;
progress: 2/4 = 50%
  cm 101 page section 0: incomplete
  cm 100 quiz section 0: complete
  cm 102 quiz section 1: fail
  cm 105 page section 2: incomplete
mark: {"finished":true,"credited_minutes":180,"time":1700000000}
-- nothing about the others' progress or marks anywhere --
keys used: activities,cmid,completion_enabled,course,course_complete,credited_minutes,done,duration_minutes,finished,firstname,fullname,id,lastname,mark,module,participants,percent,progress,role,section,shortname,state,time,tracked,trainers,viewer
N'Diaye sees his own: 1/4, mark {"finished":false,"credited_minutes":null,"time":1700000500}
-- refused --
Magistere\AccessDenied: user 5 is not a trainer of parcours 2: only its trainers see the participants' progress (R1, R3)
Magistere\AccessDenied: user 5 is not a participant of parcours 4: only its participants see the participant view (R1, R2)
