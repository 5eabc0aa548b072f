--TEST--
R5: the ministry gets one fixed plan of tables, protected together, and nothing else
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/generated.inc';
$rows = mg_generated();
$t = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800000000]);
$s = $t->statistics();
echo "version {$s['version']}, k = {$s['k']}, generated {$s['generated']}, tables: ", implode(', ', array_keys($s['tables'])), "\n";
foreach ($s['tables'] as $name => $tab) {
    echo "$name: ", implode(' > ', ['total', ...$tab['levels']]), "\n";
}
mg_print_statistics($s);
mg_check_statistics($s);
echo "-- the issue's differencing: département 42 x 2D (2 people) cannot be isolated --\n";
// 2D is published (18 people), but its public (42) and privé (69) parts are protected together.
foreach ($s['tables']['etablissements']['cells'] as $c) {
    if ($c['values']['degre'] === '2D' && $c['values']['departement'] === null) {
        echo json_encode($c['values']['secteur']), ': ', json_encode($c['participants']), "\n";
    }
}
echo "-- one table, and k = 3 and k = 10 --\n";
echo implode(',', array_keys($t->statistics(['parcours'])['tables'])), "\n";
mg_check_statistics($t->statistics(['etablissements', 'parcours'], [], 3));
mg_check_statistics($t->statistics(['etablissements', 'parcours'], [], 10));
echo "-- nothing nominative: no name, id or school code appears --\n";
echo preg_match('/Nom\d|Prénom|069000|042000|"id"|primary|secondary|suppress/u', json_encode($t->statistics(['etablissements', 'parcours'], [], 3))) ? "NOMINATIVE\n" : "none\n";
echo "-- a release a day later, protected with the first: one more person finished --\n";
$rows['local_magistere_mark'][] = ['id' => 999, 'courseid' => 3, 'userid' => 2, 'finished' => 1, 'creditedminutes' => 180,
    'timemodified' => 1800050000, 'modifiedby' => 0];
$t2 = new Magistere\Tracker(Magistere\Source::rows($rows), ['now' => 1800086400]);
$s2 = $t2->statistics(['etablissements', 'parcours'], [$s]);
mg_check_statistics($s2);
$moved = 0;
foreach (['etablissements', 'parcours'] as $name) {
    foreach ($s2['tables'][$name]['cells'] as $i => $c) {
        $old = $s['tables'][$name]['cells'][$i];
        foreach (['participants', 'enrolments', 'finished'] as $m) {
            if (isset($c[$m], $old[$m]) && abs($c[$m] - $old[$m]) > 0 && abs($c[$m] - $old[$m]) < $s['k']) {
                $moved++;
            }
        }
    }
}
echo "figures shown in both releases that moved by 1 to k-1: $moved\n";
// What changed between the releases: the groups of the person who finished moved by one, so
// they are protected in the second release (with what protects them).
foreach (['etablissements', 'parcours'] as $name) {
    foreach ($s2['tables'][$name]['cells'] as $i => $c) {
        $old = $s['tables'][$name]['cells'][$i];
        if ($c != $old) {
            $path = array_filter($c['values'], fn ($v) => $v !== null);
            echo "$name ", $path ? implode('/', $path) : 'total', ': ', json_encode(array_slice($old, 1)), ' -> ', json_encode(array_slice($c, 1)), "\n";
        }
    }
}
echo "the same data again, protected with the first: ", $t->statistics(['etablissements', 'parcours'], [$s])['tables'] === $s['tables'] ? 'same release' : 'DIFFERENT', "\n";
echo "-- refused --\n";
mg_refused(fn() => $t->statistics(['degre']));
mg_refused(fn() => $t->statistics(['departement', 'secteur']));
mg_refused(fn() => $t->statistics(['etablissements', 'etablissements']));
mg_refused(fn() => $t->statistics([]));
mg_refused(fn() => $t->statistics(['parcours'], [], 2));
mg_refused(fn() => $t->statistics(['parcours'], [['version' => 1]]));
mg_refused(fn() => $t->statistics(['parcours'], [$t2->statistics()]));
mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows([]), ['k' => 1]));
function mg_refused(callable $f): void
{
    try { $f(); echo "NOT REFUSED\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
version 2, k = 5, generated 1800000000, tables: etablissements, parcours
etablissements: total > academie > degre > secteur > departement > circonscription
parcours: total > parcours
etablissements  total                          participants=60 enrolments=144 finished=68
etablissements  ''                             participants=0 enrolments=0 finished=0
etablissements  ''/''                          participants=0 enrolments=0 finished=0
etablissements  ''/''/''                       participants=0 enrolments=0 finished=0
etablissements  ''/''/''/''                    participants=0 enrolments=0 finished=0
etablissements  ''/''/''/''/''                 participants=0 enrolments=0 finished=0
etablissements  Lyon                           participants=60 enrolments=144 finished=68
etablissements  Lyon/1D                        participants=42 enrolments=98 finished=44
etablissements  Lyon/1D/prive                  participants=15 enrolments=38 finished=19
etablissements  Lyon/1D/prive/42               participants=15 enrolments=38 finished=19
etablissements  Lyon/1D/prive/42/C2            participants=15 enrolments=38 finished=19
etablissements  Lyon/1D/public                 participants=27 enrolments=60 finished=25
etablissements  Lyon/1D/public/42              participants=9 enrolments=21 finished=9
etablissements  Lyon/1D/public/42/C2           participants=9 enrolments=21 finished=9
etablissements  Lyon/1D/public/69              participants=18 enrolments=39 finished=16
etablissements  Lyon/1D/public/69/C1           participants=18 enrolments=39 finished=16
etablissements  Lyon/2D                        participants=18 enrolments=46 finished=24
etablissements  Lyon/2D/prive                  participants=- enrolments=- finished=-
etablissements  Lyon/2D/prive/69               participants=- enrolments=- finished=-
etablissements  Lyon/2D/prive/69/C1            participants=- enrolments=- finished=-
etablissements  Lyon/2D/public                 participants=- enrolments=- finished=-
etablissements  Lyon/2D/public/42              participants=- enrolments=- finished=-
etablissements  Lyon/2D/public/42/C2           participants=- enrolments=- finished=-
parcours        total                          enrolments=144 finished=68
parcours        P1                             enrolments=60 finished=25 credited_minutes=1500
parcours        P2                             enrolments=42 finished=25 credited_minutes=3000
parcours        P3                             enrolments=42 finished=18 credited_minutes=3240
R5 promises hold
-- the issue's differencing: département 42 x 2D (2 people) cannot be isolated --
null: 18
"prive": null
"public": null
-- one table, and k = 3 and k = 10 --
parcours
R5 promises hold
R5 promises hold
-- nothing nominative: no name, id or school code appears --
none
-- a release a day later, protected with the first: one more person finished --
R5 promises hold
figures shown in both releases that moved by 1 to k-1: 0
etablissements total: {"participants":60,"enrolments":144,"finished":68} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon: {"participants":60,"enrolments":144,"finished":68} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D: {"participants":42,"enrolments":98,"finished":44} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/prive: {"participants":15,"enrolments":38,"finished":19} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/prive/42: {"participants":15,"enrolments":38,"finished":19} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/prive/42/C2: {"participants":15,"enrolments":38,"finished":19} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/public: {"participants":27,"enrolments":60,"finished":25} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/public/42: {"participants":9,"enrolments":21,"finished":9} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/public/42/C2: {"participants":9,"enrolments":21,"finished":9} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/public/69: {"participants":18,"enrolments":39,"finished":16} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/1D/public/69/C1: {"participants":18,"enrolments":39,"finished":16} -> {"participants":null,"enrolments":null,"finished":null}
etablissements Lyon/2D: {"participants":18,"enrolments":46,"finished":24} -> {"participants":null,"enrolments":null,"finished":null}
parcours total: {"enrolments":144,"finished":68} -> {"enrolments":null,"finished":null}
parcours P2: {"enrolments":42,"finished":25,"credited_minutes":3000} -> {"enrolments":null,"finished":null,"credited_minutes":null}
parcours P3: {"enrolments":42,"finished":18,"credited_minutes":3240} -> {"enrolments":null,"finished":null,"credited_minutes":null}
the same data again, protected with the first: same release
-- refused --
Magistere\AccessDenied: R5: the ministry's statistics are a fixed plan of two tables, etablissements (academie > degre > secteur > departement > circonscription) and parcours, protected together; "degre" is not one of them, and a table by other dimensions would undo their protection (docs/statistics.md)
Magistere\AccessDenied: R5: the ministry's statistics are a fixed plan of two tables, etablissements (academie > degre > secteur > departement > circonscription) and parcours, protected together; "departement" is not one of them, and a table by other dimensions would undo their protection (docs/statistics.md)
ValueError: Magistere\Tracker::statistics(): Argument #1 ($tables) names the table "etablissements" twice
ValueError: Magistere\Tracker::statistics(): Argument #1 ($tables) must name at least one table (etablissements, parcours)
Magistere\SettingsError: k must be at least 3 (got 2): below that a statistics cell could single out people
ValueError: Magistere\Tracker::statistics(): Argument #2 ($earlierReleases) earlier release 0 must be a statistics release as statistics() or Statistics::read() return it (version 2, k, generated, tables)
ValueError: earlier release 0 is dated after this one (1800086400 > 1800000000): releases are protected in date order
Magistere\SettingsError: k must be at least 3 (got 1): below that a statistics cell could single out people
