--TEST--
mysql: persistent links are shared by the sources of a process and never used by a forked child; a child's exit leaves the parent's links working
--EXTENSIONS--
magistere
mysqlnd
mysqli
pcntl
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--ENV--
TEST_TIMEOUT=600
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

$tables = mgt_dataset(71, ['courses' => 1, 'participants' => 6, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
$trainer = $tables['role_assignments'][0]['userid'];
$expected = $rows->trainerView($trainer, 1);

/**
 * Connections to the test's database, seen by the server. A closed connection leaves the
 * server's process list a moment after the client hangs up: wait up to 10 s for $expected.
 */
function connections(string $db, int $expected): int
{
    $l = mgt_admin();
    $stmt = $l->prepare('SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()');
    for ($i = 0; $i < 100; $i++) {
        $stmt->bind_param('s', $db);
        $stmt->execute();
        $n = (int) $stmt->get_result()->fetch_row()[0];
        if ($n === $expected) {
            break;
        }
        usleep(100000);
    }
    $l->close();
    return $n;
}

$persistent = [];
for ($i = 0; $i < 3; $i++) {
    $persistent[] = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['persistent' => true])), ['now' => MGT_NOW]);
}
echo 'three persistent sources, connections: ', connections($db, 1), "\n";
foreach ($persistent as $t) {
    echo 'view: ', $t->trainerView($trainer, 1) === $expected ? 'same as rows' : 'differs', "\n";
}
$plain = [];
for ($i = 0; $i < 2; $i++) {
    $plain[] = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
}
echo 'plus two non-persistent sources, connections: ', connections($db, 3), "\n";
unset($plain);
echo 'non-persistent released, connections: ', connections($db, 1), "\n";

// Fork: the child uses a persistent and a non-persistent source of its own, then exits normally.
[$p, $c] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$pid = pcntl_fork();
if ($pid === 0) {
    fclose($p);
    $a = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['persistent' => true])), ['now' => MGT_NOW]);
    $b = $persistent[0]; // inherited from the parent: must not use the parent's socket
    fwrite($c, ($a->trainerView($trainer, 1) === $expected ? 'same' : 'differs') . ' '
        . ($b->trainerView($trainer, 1) === $expected ? 'same' : 'differs') . "\n");
    exit(0); // destructors and the persistent list run here, in the child
}
fclose($c);
echo 'child views: ', trim(fgets($p)), "\n";
pcntl_waitpid($pid, $status);
echo 'child exit status: ', pcntl_wexitstatus($status), "\n";
foreach ($persistent as $t) {
    echo 'parent view after the child exited: ', $t->trainerView($trainer, 1) === $expected ? 'same as rows' : 'differs', "\n";
}
echo 'connections: ', connections($db, 1), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_persistent_fork-001.phpt');
?>
--EXPECT--
three persistent sources, connections: 1
view: same as rows
view: same as rows
view: same as rows
plus two non-persistent sources, connections: 3
non-persistent released, connections: 1
child views: same same
child exit status: 0
parent view after the child exited: same as rows
parent view after the child exited: same as rows
parent view after the child exited: same as rows
connections: 1
