--TEST--
R7: the forecast duration is credited as a snapshot when the trainer ticks; later edits do not rewrite it
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
// LECT's forecast is now 240 minutes; Hélène was credited 180 when she was ticked.
$rows = mg_fixture();
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
$show = function (Magistere\Tracker $t, string $label) {
    $trainer = $t->trainerView(7, 2);
    $mine = $t->participantView(5, 2);
    $ien = $t->inspectorView(8);
    $stats = $t->statistics(['parcours'], [], 3);
    $cell = current(array_filter($stats['tables']['parcours']['cells'], fn($c) => $c['values']['parcours'] === 'LECT'));
    echo "$label: forecast {$trainer['course']['duration_minutes']}",
        ", participant sees {$mine['mark']['credited_minutes']}",
        ", trainer sees {$trainer['participants'][1]['mark']['credited_minutes']}",
        ", inspector sees {$ien['teachers'][0]['enrolments'][0]['credited_minutes']}",
        ", statistics count ", var_export($cell['credited_minutes'], true), "\n";
    // (LECT is protected: LAIC has 2 participants, fewer than k = 3, so another parcours is
    // protected with it; otherwise LAIC = total - LECT.)
};
$show($t, 'ticked at 180');
$rows['customfield_data'][0]['value'] = '600';
$show(new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]), 'forecast raised to 600');
echo "-- unticked: nothing is credited, even if a number stayed in the row --\n";
$rows['local_magistere_mark'][0]['finished'] = 0;
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
echo json_encode($t->participantView(5, 2)['mark']), ' ', json_encode($t->inspectorView(8)['teachers'][0]['enrolments']), "\n";
echo "-- the duration may come from a number field (decvalue) or be absent --\n";
echo var_export($t->trainerView(15, 4)['course']['duration_minutes'], true), ' ', var_export($t->trainerView(7, 3)['course']['duration_minutes'], true), "\n";
?>
--EXPECT--
ticked at 180: forecast 240, participant sees 180, trainer sees 180, inspector sees 180, statistics count NULL
forecast raised to 600: forecast 600, participant sees 180, trainer sees 180, inspector sees 180, statistics count NULL
-- unticked: nothing is credited, even if a number stayed in the row --
{"finished":false,"credited_minutes":null,"time":1700000000} [{"courseid":2,"status":"enrolled","credited_minutes":null}]
-- the duration may come from a number field (decvalue) or be absent --
90 NULL
