--TEST--
R5: the ministry gets only non-nominative counts, with primary and secondary suppression
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/generated.inc';
$t = new Magistere\Tracker(Magistere\Source::rows(mg_generated()), ['now' => 1800000000]);
$s = $t->statistics(['circonscription', 'degre']);
echo 'dimensions: ', implode(',', $s['dimensions']), ", k = {$s['k']}\n";
foreach ($s['cells'] as $c) {
    printf("%-4s %-4s participants=%-4s enrolments=%-4s finished=%-4s minutes=%-5s %s %s\n",
        $c['values']['circonscription'] ?? 'ALL', $c['values']['degre'] ?? 'ALL',
        $c['participants'] ?? '-', $c['enrolments'] ?? '-', $c['finished'] ?? '-', $c['credited_minutes'] ?? '-',
        $c['suppressed'] ?? '', $c['finished_suppressed'] ?? '');
}
mg_check_statistics($s);
echo 'keys used: ', implode(',', array_keys($s['cells'][0])), ' / ', implode(',', array_keys($s['cells'][0]['values'])), "\n";
echo "-- every dimension together, k = 3 and k = 10 --\n";
mg_check_statistics($t->statistics(['academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours'], 3));
mg_check_statistics($t->statistics(['parcours', 'secteur'], 10));
echo "-- nothing nominative: no name, id or school code appears --\n";
$all = json_encode($t->statistics(['academie', 'departement', 'circonscription', 'degre', 'secteur', 'parcours'], 3));
echo preg_match('/Nom\d|Prénom|069000|042000|"id"/u', $all) ? "NOMINATIVE\n" : "none\n";
echo "-- refused --\n";
mg_refused(fn() => $t->statistics(['degre'], 2));
mg_refused(fn() => $t->statistics(['username']));
mg_refused(fn() => $t->statistics(['degre', 'degre']));
mg_refused(fn() => $t->statistics([]));
mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows([]), ['k' => 1]));
function mg_refused(callable $f): void
{
    try { $f(); echo "NOT REFUSED\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
dimensions: circonscription,degre, k = 5
C1   1D   participants=-    enrolments=-    finished=-    minutes=-     secondary secondary
C1   2D   participants=-    enrolments=-    finished=-    minutes=-     secondary secondary
C1   ALL  participants=34   enrolments=80   finished=38   minutes=4560   
C2   1D   participants=-    enrolments=-    finished=-    minutes=-     secondary secondary
C2   2D   participants=-    enrolments=-    finished=-    minutes=-     primary primary
C2   ALL  participants=26   enrolments=64   finished=30   minutes=3180   
ALL  1D   participants=42   enrolments=98   finished=44   minutes=4860   
ALL  2D   participants=18   enrolments=46   finished=24   minutes=2880   
ALL  ALL  participants=60   enrolments=144  finished=68   minutes=7740   
R5 promises hold
keys used: values,participants,enrolments,finished,credited_minutes,suppressed,finished_suppressed / circonscription,degre
-- every dimension together, k = 3 and k = 10 --
R5 promises hold
R5 promises hold
-- nothing nominative: no name, id or school code appears --
none
-- refused --
Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people
ValueError: Magistere\Tracker::statistics(): Argument #1 ($dimensions) contains an unknown dimension "username" (expected academie, departement, circonscription, degre, secteur or parcours)
ValueError: Magistere\Tracker::statistics(): Argument #1 ($dimensions) names the dimension "degre" twice
ValueError: Magistere\Tracker::statistics(): Argument #1 ($dimensions) must name at least one dimension
Magistere\SettingsError: k must be at least 3 (got 1): below that a statistics cell could single out people