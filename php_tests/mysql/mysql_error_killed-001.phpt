--TEST--
mysql: the connection killed in the middle of a load (after a large table was streamed) gives a ConnectionError and no half-filled result; the next view reconnects
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

// 400 participants x 40 activities: the completion table (about 10,000 rows) is streamed before
// the user table, on which the other session waits to kill the engine's connection.
$tables = mgt_dataset(51, ['courses' => 1, 'participants' => 400, 'activities' => 40, 'empty' => false]);
$db = mgt_fresh_db(__FILE__);
mgt_load($db, 'mdl_', $tables);
$t = new Tracker(Source::mysql(mgt_options($db)), ['now' => MGT_NOW]);
$rows = new Tracker(Source::rows(mgt_engine_tables($tables)), ['now' => MGT_NOW]);
$trainer = $tables['role_assignments'][0]['userid'];

[$parentEnd, $childEnd] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$pid = pcntl_fork();
if ($pid === 0) {
    // The killer: holds a write lock on mdl_user, waits until the engine's statement waits for
    // it and kills that connection. Its exit destroys the copies of the parent's objects, the
    // mysql source included, which must leave the parent's connection alone (fork safety).
    fclose($parentEnd);
    $l = mgt_link($db);
    $l->query('LOCK TABLES mdl_user WRITE');
    fwrite($childEnd, "locked\n");
    $find = $l->prepare("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()"
        . " AND STATE LIKE 'Waiting for table%' AND INFO LIKE 'SELECT %t.`firstname`%'");
    $killed = 'nothing to kill';
    for ($i = 0; $i < 400; $i++) {
        $find->bind_param('s', $db);
        $find->execute();
        $row = $find->get_result()->fetch_row();
        if ($row) {
            $kill = $l->prepare('KILL CONNECTION ?');
            $kill->bind_param('i', $row[0]);
            $kill->execute();
            $killed = 'killed';
            break;
        }
        usleep(50000);
    }
    $l->query('UNLOCK TABLES');
    fwrite($childEnd, "$killed\n");
    exit(0);
}
fclose($childEnd);
echo 'killer: ', trim(fgets($parentEnd)), "\n";
try {
    $view = $t->trainerView($trainer, 1);
    echo "no error? ", count($view['participants']), " participants\n";
} catch (Magistere\ConnectionError $e) {
    $m = preg_replace("/on (host '[^']*'( port \\d+)?|socket '[^']*')/", 'on SERVER', $e->getMessage());
    // 1927 (connection killed) or 2013 (connection lost), depending on who notices first.
    echo preg_replace_callback("/(database '[^']*'): (.*) \\(error (\\d+)\\)$/", fn($x) => $x[1] . ': '
        . (in_array($x[3], ['1927', '2013', '2006'], true) ? 'connection killed or lost' : "$x[2] ($x[3])"), $m), "\n";
}
echo 'killer: ', trim(fgets($parentEnd)), "\n";
pcntl_waitpid($pid, $status);

echo 'next view, reconnected, as the rows source: ', $t->trainerView($trainer, 1) === $rows->trainerView($trainer, 1) ? 'yes' : 'no', "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_error_killed-001.phpt');
?>
--EXPECT--
killer: locked
mysql: cannot query table mdl_user on SERVER, database 'mgt_mysql_error_killed_001': connection killed or lost
killer: killed
next view, reconnected, as the rows source: yes
