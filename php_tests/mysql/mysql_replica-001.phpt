--TEST--
mysql: with $CFG->dboptions['readonly'], the heavy views read a real MariaDB replica; a replica behind the primary's change stamps is not used, nor one that is down or excluded
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/skipif.inc';
if (!getenv('MAGISTERE_MARIADB_DIR')) {
    die('skip needs the throwaway server of scripts/lib/mariadb.sh (MAGISTERE_MARIADB_DIR): a replica of it is started');
}
if (getenv('USE_ZEND_ALLOC') === '0') {
    // Under valgrind, starting a second server and waiting for it to catch up after each change
    // outlasts the test's 300 s; the ordinary pass and scripts/asan-phpt.sh run it.
    die('skip under valgrind: starting a replica and waiting for it takes longer than the test may');
}
?>
--ENV--
TEST_TIMEOUT=300
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$lib = realpath(__DIR__ . '/../../scripts/lib/mariadb.sh');
$state = sys_get_temp_dir() . '/mgt_mysql_replica_001.state';

/** Runs a function of scripts/lib/mariadb.sh; returns its output. */
function mariadb_sh(string $lib, string $call): string
{
    $out = [];
    exec('bash -c ' . escapeshellarg('source ' . escapeshellarg($lib) . ' && ' . $call) . ' 2>&1', $out, $rc);
    if ($rc !== 0) {
        throw new RuntimeException("$call failed: " . implode("\n", $out));
    }
    return trim(implode("\n", $out));
}

// The replica: a second mariadbd replicating this test's database from the test server.
[$rport, $rsocket, $rdir, $rpid] = explode(' ', mariadb_sh($lib, "mg_mariadb_replica_start 'mgt_mysql_replica%'"));
file_put_contents($state, "$rdir $rpid");
$replica = new mysqli(null, 'root', '', '', 0, $rsocket); // root, through the replica's socket
$replica->set_charset('utf8mb4');

/** Waits until the replica has applied everything the primary wrote. */
function caught_up(mysqli $replica): void
{
    $admin = mgt_admin();
    [$file, $pos] = $admin->query('SHOW MASTER STATUS')->fetch_row();
    $st = $replica->prepare('SELECT MASTER_POS_WAIT(?, ?, 60)');
    $pos = (int) $pos;
    $st->bind_param('si', $file, $pos);
    $st->execute();
    $r = $st->get_result()->fetch_row()[0];
    if ($r === null || (int) $r < 0) {
        throw new RuntimeException('the replica did not catch up');
    }
}

function bump(mysqli $link, int $type, int $id): void
{
    $st = $link->prepare('INSERT INTO mdl_local_magistere_stamp (itemtype, itemid, stamp) VALUES (?, ?, 1)'
        . ' ON DUPLICATE KEY UPDATE stamp = stamp + 1');
    $st->bind_param('ii', $type, $id);
    $st->execute();
}

$tables = mgt_dataset(41, ['courses' => 3, 'participants' => 15, 'activities' => 6, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$link = mgt_link($db);
caught_up($replica);
echo 'replica has the data: ', $replica->query("SELECT COUNT(*) FROM `$db`.mdl_user")->fetch_row()[0] == count($tables['user']) ? 'yes' : 'no', "\n";

$e = mgt_env();
$cfg = function (array $readonly) use ($e, $db): stdClass {
    return (object) ['dbtype' => 'mariadb', 'dbhost' => $e['host'], 'dbname' => $db, 'dbuser' => $e['user'],
        'dbpass' => $e['password'], 'prefix' => 'mdl_', 'dboptions' => ['dbport' => $e['port'], 'readonly' => $readonly]];
};
$settings = ['now' => MGT_NOW];
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), $settings);
$t = new Tracker(Source::fromMoodleConfig($cfg(['instance' => [['dbhost' => '127.0.0.1', 'dbport' => (int) $rport]]]),
    ['resident' => true]), $settings);
$inspector = (int) $tables['local_magistere_inspector'][0]['userid'];
$trainer = (int) $tables['role_assignments'][0]['userid'];

// Every view the same as the rows source.
$same = $t->inspectorView($inspector) === $rows->inspectorView($inspector)
    && $t->statistics(['etablissements', 'parcours'], [], 3) === $rows->statistics(['etablissements', 'parcours'], [], 3)
    && $t->trainerView($trainer, 1) === $rows->trainerView($trainer, 1);
echo "views as the rows source: ", var_export($same, true), "\n";

// Which server answers: a row only the replica has (replication stopped, written on it directly).
$teacher = $rows->inspectorView($inspector)['teachers'][0]['id'];
$p1 = $rows->trainerView($trainer, 1)['participants'][0]['id'];
$replica->query('STOP SLAVE');
$replica->query("UPDATE `$db`.mdl_user SET firstname = 'OnTheReplica' WHERE id IN ($teacher, $p1)");
$names = fn(array $v) => array_column($v['teachers'], 'firstname', 'id');
Tracker::residentClear();
echo "inspector view (heavy): ", $names($t->inspectorView($inspector))[$teacher] === 'OnTheReplica' ? 'read on the replica' : 'read on the primary', "\n";
$tv = $t->trainerView($trainer, 1);
echo "trainer view (a parcours): ", in_array('OnTheReplica', array_column($tv['participants'], 'firstname'), true)
    ? 'read on the replica' : 'read on the primary', "\n";

// The replica is behind (stopped); a change made through Moodle stamps the primary: the view must
// show it, so the primary answers.
$other = $rows->inspectorView($inspector)['teachers'][1]['id'];
$link->query("UPDATE mdl_user SET lastname = 'ChangedOnPrimary' WHERE id = $other");
bump($link, 2, 0);
$v = $t->inspectorView($inspector);
$lastnames = array_column($v['teachers'], 'lastname', 'id');
echo "after a stamped change, replica behind: ", $lastnames[$other] === 'ChangedOnPrimary' ? 'the change is shown' : 'STALE',
    ", ", $names($v)[$teacher] === 'OnTheReplica' ? 'from the replica?' : 'from the primary', "\n";
echo "   served again from the same model: ";
$h = Tracker::memoryUsage()['resident_hits'];
$t->inspectorView($inspector);
echo Tracker::memoryUsage()['resident_hits'] === $h + 1 ? 'yes' : 'no', "\n";

// Replication resumes: once the replica has the change, it answers again.
$replica->query('START SLAVE');
caught_up($replica);
bump($link, 0, 0);
caught_up($replica);
$v = $t->inspectorView($inspector);
echo "replica caught up: ", $names($v)[$teacher] === 'OnTheReplica' ? 'read on the replica' : 'read on the primary',
    ", with the change: ", array_column($v['teachers'], 'lastname', 'id')[$other] === 'ChangedOnPrimary' ? 'yes' : 'no', "\n";

// Not resident: the replica is used as Moodle uses it.
$plain = new Tracker(Source::fromMoodleConfig($cfg(['instance' => [['dbhost' => '127.0.0.1', 'dbport' => (int) $rport]]])), $settings);
echo "without resident models: ", $names($plain->inspectorView($inspector))[$teacher] === 'OnTheReplica' ? 'read on the replica' : 'read on the primary', "\n";

// A replica that is down: the primary, as Moodle does.
$down = new Tracker(Source::fromMoodleConfig($cfg(['instance' => [['dbhost' => '127.0.0.1', 'dbport' => 9]], 'connecttimeout' => 1]),
    ['resident' => true]), $settings);
Tracker::residentClear();
echo "replica down: ", $names($down->inspectorView($inspector))[$teacher] === 'OnTheReplica' ? 'read on the replica?' : 'read on the primary',
    ", same as the rows source but the change: ", var_export(count($down->inspectorView($inspector)['teachers']) === count($rows->inspectorView($inspector)['teachers']), true), "\n";

// Tables the site keeps on the primary (exclude_tables): the engine does not use the replica.
$excl = new Tracker(Source::fromMoodleConfig($cfg(['instance' => [['dbhost' => '127.0.0.1', 'dbport' => (int) $rport]],
    'exclude_tables' => ['user_enrolments']]), ['resident' => true]), $settings);
Tracker::residentClear();
echo "exclude_tables names a table it reads: ", $names($excl->inspectorView($inspector))[$teacher] === 'OnTheReplica' ? 'read on the replica' : 'read on the primary', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
$state = sys_get_temp_dir() . '/mgt_mysql_replica_001.state';
if (is_file($state)) {
    [$dir, $pid] = explode(' ', trim(file_get_contents($state)));
    if (preg_match('/^[0-9]+$/', $pid) && str_contains($dir, 'magistere-mariadb.')) {
        exec('bash -c ' . escapeshellarg('source ' . escapeshellarg(realpath(__DIR__ . '/../../scripts/lib/mariadb.sh'))
            . ' && mg_mariadb_replica_stop ' . escapeshellarg($dir) . ' ' . escapeshellarg($pid)));
    }
    unlink($state);
}
mgt_drop_db(__DIR__ . '/mysql_replica-001.phpt');
?>
--EXPECT--
replica has the data: yes
views as the rows source: true
inspector view (heavy): read on the replica
trainer view (a parcours): read on the primary
after a stamped change, replica behind: the change is shown, from the primary
   served again from the same model: yes
replica caught up: read on the replica, with the change: yes
without resident models: read on the replica
replica down: read on the primary, same as the rows source but the change: true
exclude_tables names a table it reads: read on the primary
