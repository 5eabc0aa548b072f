--TEST--
mysql: each view issues a fixed number of statements, the same for 3 and for 1,000 participants with 40 activities (server's general log)
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
memory_limit=1G
--ENV--
TEST_TIMEOUT=600
--FILE--
<?php
require __DIR__ . '/mysql.inc';

use Magistere\Source;
use Magistere\Tracker;

// The engine connects as its own account, so that the general log tells its statements apart
// from the loader's and from other tests running at the same time.
const COUNT_USER = 'mgt_count';
const COUNT_PASSWORD = 'mgt-count-7Qe2';

$db = mgt_fresh_db(__FILE__);
$admin = mgt_admin();
foreach (['127.0.0.1', 'localhost'] as $h) {
    $admin->query("DROP USER IF EXISTS '" . COUNT_USER . "'@'$h'");
    $admin->query("CREATE USER '" . COUNT_USER . "'@'$h' IDENTIFIED BY '" . COUNT_PASSWORD . "'");
    $admin->query("GRANT SELECT ON `$db`.* TO '" . COUNT_USER . "'@'$h'");
}
$previous = $admin->query("SELECT @@GLOBAL.log_output, @@GLOBAL.general_log")->fetch_row();
$admin->query("SET GLOBAL log_output = 'TABLE'");
$admin->query("SET GLOBAL general_log = 1");

/** Statements (prepared executions and plain queries) the engine's account sent so far. */
function statements(mysqli $admin): array
{
    $stmt = $admin->prepare("SELECT command_type, COUNT(*) FROM mysql.general_log WHERE user_host LIKE ? GROUP BY command_type");
    $like = COUNT_USER . '[%';
    $stmt->bind_param('s', $like);
    $stmt->execute();
    $out = ['Execute' => 0, 'Query' => 0];
    foreach ($stmt->get_result()->fetch_all() as [$type, $n]) {
        $out[$type] = (int) $n;
    }
    return $out;
}

$figures = [];
try {
    foreach (['small' => 3, 'large' => 1000] as $size => $n) {
        $tables = mgt_dataset(11, ['courses' => 1, 'participants' => $n, 'activities' => 40, 'empty' => false]);
        mgt_load($db, 'mdl_', $tables);
        $ra = $tables['role_assignments'];
        $trainer = $ra[0]['userid'];
        $participant = $ra[2]['userid'];
        $inspector = $tables['local_magistere_inspector'][0]['userid'];
        $t = new Tracker(Source::mysql(mgt_options($db, 'mdl_', ['user' => COUNT_USER, 'password' => COUNT_PASSWORD])),
            ['now' => MGT_NOW]);
        $views = [
            'participantView' => fn() => $t->participantView($participant, 1),
            'trainerView' => fn() => $t->trainerView($trainer, 1),
            'inspectorView' => fn() => $t->inspectorView($inspector),
            'statistics' => fn() => $t->statistics(['etablissements', 'parcours'], [], 3),
            'transparency' => fn() => $t->transparency($participant, 1),
            'writeAttestations' => fn() => $t->writeAttestations(fopen('php://memory', 'w'), [1]),
            'myTrainings' => fn() => $t->myTrainings($participant),
            'myTrainings (trainer)' => fn() => $t->myTrainings($trainer),
            'dataQuality' => fn() => $t->dataQuality(),
        ];
        foreach ($views as $name => $fn) {
            $before = statements($admin);
            $fn();
            $after = statements($admin);
            $figures[$name][$size] = [$after['Execute'] - $before['Execute'], $after['Query'] - $before['Query']];
        }
        unset($t);
    }
} finally {
    $admin->query("SET GLOBAL general_log = 0");
    $stmt = $admin->prepare("SET GLOBAL log_output = ?");
    $stmt->bind_param('s', $previous[0]);
    $stmt->execute();
    if ((int) $previous[1] === 1) {
        $admin->query("SET GLOBAL general_log = 1");
    }
}
foreach ($figures as $name => $f) {
    [$e, $q] = $f['small'];
    printf("%s: %d prepared + %d plain statements; same for 1,000 participants: %s\n", $name, $e, $q,
        $f['small'] === $f['large'] ? 'yes' : 'NO (' . json_encode($f['large']) . ')');
}
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_query_count-001.phpt');
$admin = mgt_admin();
$admin->query("DROP USER IF EXISTS 'mgt_count'@'127.0.0.1'");
$admin->query("DROP USER IF EXISTS 'mgt_count'@'localhost'");
?>
--EXPECT--
participantView: 19 prepared + 2 plain statements; same for 1,000 participants: yes
trainerView: 19 prepared + 2 plain statements; same for 1,000 participants: yes
inspectorView: 17 prepared + 2 plain statements; same for 1,000 participants: yes
statistics: 14 prepared + 2 plain statements; same for 1,000 participants: yes
transparency: 20 prepared + 2 plain statements; same for 1,000 participants: yes
writeAttestations: 14 prepared + 2 plain statements; same for 1,000 participants: yes
myTrainings: 19 prepared + 2 plain statements; same for 1,000 participants: yes
myTrainings (trainer): 20 prepared + 2 plain statements; same for 1,000 participants: yes
dataQuality: 20 prepared + 2 plain statements; same for 1,000 participants: yes
