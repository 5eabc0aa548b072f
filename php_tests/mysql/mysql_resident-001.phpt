--TEST--
mysql: resident models are served while the change stamps stay the same, rebuilt when a counter of their scope moves, when the TTL has passed or "now" leaves their window; bounded in memory
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
magistere.resident_memory=64M
magistere.resident_ttl=60
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(12, ['courses' => 2, 'participants' => 20, 'activities' => 8, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$link = mgt_link($db);

/** Bumps a counter as the plugin's observers do (itemtype 0 site, 1 course, 2 memberships). */
function bump(mysqli $link, int $type, int $id): void
{
    $st = $link->prepare('INSERT INTO mdl_local_magistere_stamp (itemtype, itemid, stamp) VALUES (?, ?, 1)'
        . ' ON DUPLICATE KEY UPDATE stamp = stamp + 1');
    $st->bind_param('ii', $type, $id);
    $st->execute();
}

/** What the last calls did: "hit" (served from a resident model) or "miss" (read and built). */
function what(callable $fn): string
{
    $before = Tracker::memoryUsage();
    $fn();
    $after = Tracker::memoryUsage();
    return ($after['resident_hits'] - $before['resident_hits']) . ' hit, '
        . ($after['resident_misses'] - $before['resident_misses']) . ' miss';
}

$settings = ['now' => MGT_NOW];
$t = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['resident' => true])), $settings);
$trainer = $tables['role_assignments'][0]['userid'];
// A trainer of course 2 (for two models of about the same size).
$ctx2 = array_values(array_filter($tables['context'], fn($c) => (int) $c['contextlevel'] === 50 && (int) $c['instanceid'] === 2))[0]['id'];
$trainer2 = array_values(array_filter($tables['role_assignments'], fn($ra) => (int) $ra['contextid'] === (int) $ctx2))[0]['userid'];
$participant = $tables['role_assignments'][2]['userid'];
$inspector = $tables['local_magistere_inspector'][0]['userid'];
$rows = fn() => new Tracker(Source::rows(mgt_engine_tables(mgt_tables_now($link))), $settings);

/** The tables as they are now in the database, in the rows format. */
function mgt_tables_now(mysqli $link): array
{
    $out = [];
    foreach (Source::columns() as $table => $cols) {
        $res = $link->query('SELECT `' . implode('`, `', $cols) . "` FROM `mdl_$table` ORDER BY id");
        while ($r = $res->fetch_assoc()) {
            foreach ($r as $k => $v) {
                if ($v !== null && $k !== 'decvalue' && preg_match('/^-?[0-9]+$/', $v) && !in_array($k,
                        ['fullname', 'shortname', 'firstname', 'lastname', 'idnumber', 'data', 'value', 'uai', 'name',
                         'city', 'circonscription', 'departement', 'academie', 'degre', 'secteur', 'code', 'sequence',
                         'enrol'], true)) {
                    $r[$k] = (int) $v;
                }
            }
            $out[$table][] = $r;
        }
    }
    return $out;
}

echo "1. first view: ", what(fn() => $t->trainerView($trainer, 1)), "; again: ", what(fn() => $t->trainerView($trainer, 1)), "\n";
echo "   same as the rows source: ", var_export($t->trainerView($trainer, 1) === $rows()->trainerView($trainer, 1), true), "\n";

// A change behind Moodle's back (no stamp): the resident model does not see it yet.
$link->query("UPDATE mdl_user SET firstname = 'Renamed' WHERE id = $participant");
$v = $t->trainerView($trainer, 1);
$names = array_column($v['participants'], 'firstname', 'id');
echo "2. renamed without a stamp: served ", $names[$participant] === 'Renamed' ? 'the new name?' : 'the old name (until a stamp or the TTL)', "\n";

bump($link, 1, 1);
echo "3. course 1 stamped: ", what(fn() => $v = $t->trainerView($trainer, 1)), "; ";
$names = array_column($t->trainerView($trainer, 1)['participants'], 'firstname', 'id');
echo "shows ", $names[$participant], "; same as the rows source: ",
    var_export($t->trainerView($trainer, 1) === $rows()->trainerView($trainer, 1), true), "\n";

bump($link, 1, 2);
echo "4. another course stamped: course 1's view ", what(fn() => $t->trainerView($trainer, 1)), "\n";
bump($link, 2, 0);
echo "5. the memberships stamped: course 1's view ", what(fn() => $t->trainerView($trainer, 1)), "\n";
bump($link, 0, 0);
echo "6. the site stamped: course 1's view ", what(fn() => $t->trainerView($trainer, 1)), "\n";
// Moodle's revision of the course's structure (activities moved or hidden trigger no event).
$link->query('UPDATE mdl_course SET cacherev = cacherev + 1 WHERE id = 1');
echo "   course 1's cacherev: ", what(fn() => $t->trainerView($trainer, 1)), "; course 2's: ";
$link->query('UPDATE mdl_course SET cacherev = cacherev + 1 WHERE id = 2');
echo what(fn() => $t->trainerView($trainer, 1)), "\n";

echo "7. my trainings: ", what(fn() => $t->myTrainings($participant)), "; again: ", what(fn() => $t->myTrainings($participant)), "\n";
bump($link, 2, 0);
echo "   the memberships: ", what(fn() => $t->myTrainings($participant)), "; ";
bump($link, 1, 1);
echo "a course of his: ", what(fn() => $t->myTrainings($participant)), "; ";
bump($link, 1, 99);
echo "a course not his: ", what(fn() => $t->myTrainings($participant)), "\n";

echo "8. inspector: ", what(fn() => $t->inspectorView($inspector)), "; again: ", what(fn() => $t->inspectorView($inspector)), "; ";
bump($link, 1, 99);
echo "any counter: ", what(fn() => $t->inspectorView($inspector)), "\n";
echo "   statistics: ", what(fn() => $t->statistics(['etablissements'], [], 3)), "; another table, same model: ",
    what(fn() => $t->statistics(['parcours'], [], 3)), "; same as the rows source: ",
    var_export($t->statistics(['etablissements', 'parcours'], [], 3) === $rows()->statistics(['etablissements', 'parcours'], [], 3), true), "\n";

// The TTL: a change behind Moodle's back shows once the model is older than it.
ini_set('magistere.resident_ttl', '3');
bump($link, 1, 1);
$t->trainerView($trainer, 1); // a fresh model
$link->query("UPDATE mdl_user SET lastname = 'Later' WHERE id = $participant");
$v = $t->trainerView($trainer, 1);
$before = array_column($v['participants'], 'lastname', 'id')[$participant];
sleep(4);
$after = array_column($t->trainerView($trainer, 1)['participants'], 'lastname', 'id')[$participant];
echo "9. TTL 3 s, renamed without a stamp: ", $before === 'Later' ? 'seen at once?' : 'not seen at once',
    ", seen after 4 s: ", var_export($after === 'Later', true), "\n";
ini_set('magistere.resident_ttl', '60');

// "now": an enrolment that starts later changes who is a member at that time.
$start = null;
foreach ($tables['user_enrolments'] as $ue) {
    $ts = (int) ($ue['timestart'] ?? 0);
    if ($ts > MGT_NOW && (int) ($ue['status'] ?? 0) === 0 && ($start === null || $ts < $start)) {
        $start = $ts;
    }
}
$t->trainerView($trainer, 1);
$later = ['now' => $start + 1];
$t2 = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['resident' => true])), $later);
$r2 = new Tracker(Source::rows(mgt_engine_tables(mgt_tables_now($link))), $later);
echo "10. now after an enrolment starts: ", what(fn() => $t2->trainerView($trainer, 1)), "; same as the rows source at that time: ",
    var_export($t2->trainerView($trainer, 1) === $r2->trainerView($trainer, 1), true), "; differs from before: ",
    var_export($t2->trainerView($trainer, 1) !== $t->trainerView($trainer, 1), true), "\n";

// The memory bound: least recently used out.
$models = Tracker::residentClear();
echo "11. cleared: ", $models > 0 ? 'some models' : 'none?', ", now ", Tracker::memoryUsage()['resident_models'], "\n";
$t->trainerView($trainer, 1);
$one = Tracker::memoryUsage()['resident_bytes'];
ini_set('magistere.resident_memory', (string) ($one + $one / 2));
$t->trainerView($trainer2, 2);
$u = Tracker::memoryUsage();
echo "    room for one parcours: ", $u['resident_models'], " model kept, ", $u['resident_evictions'] > 0 ? 'the older one evicted' : 'no eviction?', "\n";
echo "    course 2 again: ", what(fn() => $t->trainerView($trainer2, 2)), "; course 1 again: ", what(fn() => $t->trainerView($trainer, 1)), "\n";
ini_set('magistere.resident_memory', '1');
echo "    budget of 1 byte: ", what(fn() => $t->trainerView($trainer2, 2)), ", still right: ",
    var_export($t->trainerView($trainer2, 2) === $rows()->trainerView($trainer2, 2), true), ", kept: ",
    Tracker::memoryUsage()['resident_models'] <= 1 ? 'nothing new' : 'more?', "\n";
ini_set('magistere.resident_memory', '64M');

// Not resident unless asked, and a site without the stamp table is told so.
Tracker::residentClear();
$plain = new Tracker(Source::mysql(mgt_options($db)), $settings);
$plain->trainerView($trainer, 1);
echo "12. a source without \"resident\": ", Tracker::memoryUsage()['resident_models'], " model kept\n";
$link->query('RENAME TABLE mdl_local_magistere_stamp TO mdl_local_magistere_stamp_away');
try {
    $t->trainerView($trainer, 1);
    echo "13. no stamp table: served?\n";
} catch (Magistere\DataError $e) {
    echo "13. no stamp table: ", preg_replace("/on (host '[^']*'( port \d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage()), "\n";
}
$link->query('RENAME TABLE mdl_local_magistere_stamp_away TO mdl_local_magistere_stamp');
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_resident-001.phpt');
?>
--EXPECT--
1. first view: 0 hit, 1 miss; again: 1 hit, 0 miss
   same as the rows source: true
2. renamed without a stamp: served the old name (until a stamp or the TTL)
3. course 1 stamped: 0 hit, 1 miss; shows Renamed; same as the rows source: true
4. another course stamped: course 1's view 1 hit, 0 miss
5. the memberships stamped: course 1's view 1 hit, 0 miss
6. the site stamped: course 1's view 0 hit, 1 miss
   course 1's cacherev: 0 hit, 1 miss; course 2's: 1 hit, 0 miss
7. my trainings: 0 hit, 1 miss; again: 1 hit, 0 miss
   the memberships: 0 hit, 1 miss; a course of his: 0 hit, 1 miss; a course not his: 1 hit, 0 miss
8. inspector: 0 hit, 1 miss; again: 1 hit, 0 miss; any counter: 0 hit, 1 miss
   statistics: 0 hit, 1 miss; another table, same model: 1 hit, 0 miss; same as the rows source: true
9. TTL 3 s, renamed without a stamp: not seen at once, seen after 4 s: true
10. now after an enrolment starts: 0 hit, 1 miss; same as the rows source at that time: true; differs from before: true
11. cleared: some models, now 0
    room for one parcours: 1 model kept, the older one evicted
    course 2 again: 1 hit, 0 miss; course 1 again: 0 hit, 1 miss
    budget of 1 byte: 0 hit, 1 miss, still right: true, kept: nothing new
12. a source without "resident": 0 model kept
13. no stamp table: mysql: cannot read table mdl_local_magistere_stamp on SERVER, database 'mgt_mysql_resident_001': Table 'mgt_mysql_resident_001.mdl_local_magistere_stamp' doesn't exist (error 1146)
