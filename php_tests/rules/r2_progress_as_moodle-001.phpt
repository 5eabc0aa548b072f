--TEST--
R2, R3: progress is Moodle core's get_course_progress_percentage() (floored as "My courses" shows it), with its states and quirks
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$bar = function (array $rows, array $settings = [], int $user = 5) {
    $t = new Magistere\Tracker(Magistere\Source::rows($rows), $settings + ['now' => 1800000000]);
    $p = $t->participantView($user, 2)['progress'];
    return sprintf('%d/%d = %s%%, completion %s, course complete %s; %s', $p['done'], $p['tracked'],
        var_export($p['percent'], true), $p['completion_enabled'] ? 'on' : 'off', $p['course_complete'] ? 'yes' : 'no',
        implode(' ', array_map(fn($a) => "{$a['cmid']}:{$a['state']}", $p['activities'])));
};
$rows = mg_fixture();
echo 'as it is:               ', $bar($rows), "\n";
$r = $rows;
$r['course_modules'][0]['visible'] = 0;
echo 'activity 100 hidden:    ', $bar($r), "\n";
echo 'page code not on site:  ', $bar($rows, ['installed_modules' => ['quiz', 'forum']]), "\n";
$r = $rows;
$r['course_modules_completion'][1]['completionstate'] = 4;
echo 'state 4 on 102:         ', $bar($r), "\n";
$r = $rows;
$r['course_completions'] = [['id' => 1, 'userid' => 5, 'course' => 2, 'timecompleted' => 1700000000]];
echo 'course complete:        ', $bar($r), "\n";
$r['course_completions'][0]['timecompleted'] = null;
echo 'completion started:     ', $bar($r), "\n";
$r = $rows;
$r['course'][0]['enablecompletion'] = 0;
echo 'course completion off:  ', $bar($r), "\n";
echo 'site completion off:    ', $bar($rows, ['enablecompletion' => false]), "\n";
echo "-- PHP's (29 / 100) * 100 is 28.999999999999996: Moodle shows 28 %, so does the engine --\n";
$r = $rows;
$r['course_sections'][] = ['id' => 13, 'course' => 2, 'section' => 3, 'sequence' => implode(',', range(1000, 1095))];
foreach (range(1000, 1095) as $i => $cm) {
    $r['course_modules'][] = ['id' => $cm, 'course' => 2, 'module' => 1, 'section' => 13, 'completion' => 1];
    if ($i < 27) {
        $r['course_modules_completion'][] = ['id' => 100 + $i, 'coursemoduleid' => $cm, 'userid' => 5, 'completionstate' => 2];
    }
}
echo explode(';', $bar($r))[0], ' (PHP: ', floor((29 / 100) * 100), ")\n";
echo "-- the trainer sees the same figures for every participant --\n";
$v = (new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]))->trainerView(7, 2);
foreach ($v['participants'] as $p) {
    echo $p['lastname'], ': ', json_encode($p['progress']), "\n";
}
echo "-- settings --\n";
mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows($rows), ['enablecompletion' => 1]));
mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows($rows), ['installed_modules' => 'quiz']));
mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows($rows), ['installed_modules' => [1]]));
echo json_encode(array_intersect_key((new Magistere\Tracker(Magistere\Source::rows($rows),
    ['installed_modules' => ['quiz'], 'enablecompletion' => false]))->settings(), ['enablecompletion' => 1, 'installed_modules' => 1])), "\n";
?>
--EXPECT--
as it is:               2/4 = 50%, completion on, course complete no; 101:incomplete 100:complete 102:fail 105:incomplete
activity 100 hidden:    2/4 = 50%, completion on, course complete no; 101:incomplete 100:complete 102:fail 105:incomplete
page code not on site:  2/2 = 100%, completion on, course complete no; 100:complete 102:fail
state 4 on 102:         2/4 = 50%, completion on, course complete no; 101:incomplete 100:complete 102:fail 105:incomplete
course complete:        2/4 = 100%, completion on, course complete yes; 101:incomplete 100:complete 102:fail 105:incomplete
completion started:     2/4 = 50%, completion on, course complete no; 101:incomplete 100:complete 102:fail 105:incomplete
course completion off:  0/0 = NULL%, completion off, course complete no; 
site completion off:    0/0 = NULL%, completion off, course complete no; 
-- PHP's (29 / 100) * 100 is 28.999999999999996: Moodle shows 28 %, so does the engine --
29/100 = 28%, completion on, course complete no (PHP: 28)
-- the trainer sees the same figures for every participant --
Élan: {"done":0,"tracked":4,"percent":0,"completion_enabled":true,"course_complete":false,"states":["incomplete","incomplete","incomplete","incomplete"]}
Lefèvre: {"done":2,"tracked":4,"percent":50,"completion_enabled":true,"course_complete":false,"states":["incomplete","complete","fail","incomplete"]}
N'Diaye: {"done":1,"tracked":4,"percent":25,"completion_enabled":true,"course_complete":false,"states":["pass","incomplete","incomplete","incomplete"]}
-- settings --
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "enablecompletion" must be of type bool, int given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "installed_modules" must be of type array, string given
TypeError: Magistere\Tracker::__construct(): Argument #2 ($settings) setting "installed_modules" must hold strings, int given
{"enablecompletion":false,"installed_modules":["quiz"]}
