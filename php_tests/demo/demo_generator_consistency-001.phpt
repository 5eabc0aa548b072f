--TEST--
demo: the sample académie is consistent, realistic, and every person the demo shows is what the demo says
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../../scripts/demo/academie.php';

use MagistereDemo\Academie;
use MagistereDemo\Uai;

$data = Academie::generate(1, 1);
$t = $data['tables'];
$meta = $data['meta'];
$problems = [];
$fail = function (string $what) use (&$problems) { $problems[] = $what; };

// Every table of docs/api.md is there, keyed by id.
foreach (Academie::TABLES as $name) {
    if (!isset($t[$name]) || $t[$name] === []) {
        $fail("table $name empty or missing");
        continue;
    }
    foreach ($t[$name] as $key => $row) {
        if ($row['id'] !== $key) {
            $fail("$name row $key has id {$row['id']}");
        }
    }
}
var_dump(array_keys($t) === Academie::TABLES);

// References resolve.
$refs = [
    ['course_modules', 'course', 'course'], ['course_modules', 'module', 'modules'],
    ['course_modules', 'section', 'course_sections'], ['course_sections', 'course', 'course'],
    ['course_modules_completion', 'coursemoduleid', 'course_modules'], ['course_modules_completion', 'userid', 'user'],
    ['enrol', 'courseid', 'course'], ['user_enrolments', 'enrolid', 'enrol'], ['user_enrolments', 'userid', 'user'],
    ['role_assignments', 'roleid', 'role'], ['role_assignments', 'contextid', 'context'],
    ['role_assignments', 'userid', 'user'], ['user_info_data', 'userid', 'user'],
    ['user_info_data', 'fieldid', 'user_info_field'], ['customfield_data', 'fieldid', 'customfield_field'],
    ['customfield_data', 'instanceid', 'course'], ['local_magistere_mark', 'courseid', 'course'],
    ['local_magistere_mark', 'userid', 'user'], ['local_magistere_mark', 'modifiedby', 'user'],
    ['local_magistere_inspector', 'userid', 'user'],
];
foreach ($refs as [$table, $col, $target]) {
    foreach ($t[$table] as $id => $row) {
        if (!isset($t[$target][$row[$col]])) {
            $fail("$table $id: $col {$row[$col]} is no $target.id");
        }
    }
}
foreach ($t['course_modules'] as $id => $cm) {
    if ($t['course_sections'][$cm['section']]['course'] !== $cm['course']) {
        $fail("course_modules $id: its section is in another course");
    }
}
foreach ($t['context'] as $id => $ctx) {
    if ($ctx['contextlevel'] === 50 && !isset($t['course'][$ctx['instanceid']])) {
        $fail("context $id: no course {$ctx['instanceid']}");
    }
}
$circCodes = array_column($t['local_magistere_circ'], 'code');
foreach ($t['local_magistere_school'] as $id => $s) {
    if (!in_array($s['circonscription'], $circCodes, true)) {
        $fail("school $id: unknown circonscription");
    }
}
foreach ($t['local_magistere_inspector'] as $id => $i) {
    if (!in_array($i['circonscription'], $circCodes, true)) {
        $fail("inspector $id: unknown circonscription");
    }
}

// Unique keys of Moodle's schema and of the plugin.
$unique = [
    'course_modules_completion' => ['userid', 'coursemoduleid'], 'user_enrolments' => ['enrolid', 'userid'],
    'context' => ['contextlevel', 'instanceid'], 'role' => ['shortname'], 'user_info_data' => ['userid', 'fieldid'],
    'customfield_data' => ['fieldid', 'instanceid'], 'local_magistere_mark' => ['courseid', 'userid'],
    'local_magistere_school' => ['uai'], 'local_magistere_circ' => ['code'], 'user' => ['username'],
    'role_assignments' => ['roleid', 'contextid', 'userid'],
];
foreach ($unique as $table => $cols) {
    $seen = [];
    foreach ($t[$table] as $id => $row) {
        $k = implode('|', array_map(fn ($c) => $row[$c], $cols));
        if (isset($seen[$k])) {
            $fail("$table $id duplicates (" . implode(', ', $cols) . ") of row {$seen[$k]}");
        }
        $seen[$k] = $id;
    }
}

// Each section's sequence lists exactly its course modules.
$bySection = [];
foreach ($t['course_modules'] as $id => $cm) {
    $bySection[$cm['section']][] = $id;
}
foreach ($t['course_sections'] as $id => $s) {
    $seq = $s['sequence'] === '' ? [] : array_map('intval', explode(',', $s['sequence']));
    $expected = $bySection[$id] ?? [];
    sort($seq);
    sort($expected);
    if ($seq !== $expected) {
        $fail("course_sections $id: sequence does not list its modules");
    }
}

// Values in their domains.
foreach ($t['course_modules_completion'] as $id => $c) {
    if (!in_array($c['completionstate'], [0, 1, 2, 3], true)) {
        $fail("completion $id: state {$c['completionstate']}");
    }
}
foreach ($t['local_magistere_mark'] as $id => $m) {
    if ($m['creditedminutes'] !== null && $m['creditedminutes'] < 0) {
        $fail("mark $id: negative credited minutes");
    }
    if ($m['finished'] === 0 && $m['creditedminutes'] !== null) {
        $fail("mark $id: credited minutes without the finished box");
    }
}
foreach ($t['local_magistere_school'] as $id => $s) {
    if (!Uai::isValid($s['uai']) || !str_starts_with($s['uai'], '0' . $s['departement'])) {
        $fail("school $id: bad UAI {$s['uai']}");
    }
    if (!in_array($s['degre'], ['1D', '2D'], true) || !in_array($s['secteur'], ['public', 'prive'], true)) {
        $fail("school $id: degre/secteur");
    }
}
foreach ($t['local_magistere_circ'] as $id => $c) {
    if (!Uai::isValid($c['code'])) {
        $fail("circ $id: bad code {$c['code']}");
    }
}
// Known answers: real UAI codes (Lycée du Parc in Lyon, Henri-IV and Louis-le-Grand in Paris).
var_dump(Uai::isValid('0690026D'), Uai::isValid('0750654D'), Uai::isValid('0750655E'));
var_dump(Uai::isValid('0750655F'), Uai::isValid('075065E'));

// Realistic: sizes, variety, names.
$schools = $t['local_magistere_school'];
$deps = array_unique(array_column($schools, 'departement'));
sort($deps);
echo 'departements ', implode(' ', $deps), "\n";
var_dump(count($t['local_magistere_circ']) >= 5, count($schools) >= 24 && count($schools) <= 99);
var_dump(count(array_unique(array_column($schools, 'degre'))) === 2,
    count(array_unique(array_column($schools, 'secteur'))) === 2);
$names = implode(' ', array_map(fn ($u) => $u['firstname'] . ' ' . $u['lastname'], $t['user']));
var_dump(preg_match('/[éèêëàâîïôûüç]/u', $names) === 1, str_contains($names, "'"), preg_match('/\p{L}-\p{L}/u', $names) === 1);
var_dump(count($t['user']) >= 200 && count($t['user']) < 1000);

// Tracked activities computed here from the rows, by the rule of docs/api.md.
$moduleVisible = array_column($t['modules'], 'visible', 'id');
$moduleName = array_column($t['modules'], 'name', 'id');
$tracked = [];
$types = [];
foreach ($t['course_modules'] as $id => $cm) {
    if ($cm['completion'] !== 0 && $cm['visible'] === 1 && $cm['deletioninprogress'] === 0
        && $moduleVisible[$cm['module']] === 1 && $t['course_sections'][$cm['section']]['visible'] === 1) {
        $tracked[$cm['course']][] = $id;
        $types[$moduleName[$cm['module']]] = true;
    }
}
$parcours = array_filter($t['course'], fn ($c) => $c['category'] !== 0);
echo count($parcours), " parcours, ", count($tracked), " with tracked activities\n";
$sizes = array_map('count', $tracked);
var_dump(min($sizes) >= 5 && max($sizes) <= 20);
ksort($types);
echo implode(' ', array_keys($types)), "\n";
$untracked = count($t['course_modules']) - array_sum($sizes);
var_dump($untracked > 0);
var_dump(preg_match('/[ÉéèêàÀç]/u', implode(' ', array_column($parcours, 'fullname'))) === 1);
$states = array_count_values(array_column($t['course_modules_completion'], 'completionstate'));
ksort($states);
echo 'states ', implode(' ', array_keys($states)), "\n";
var_dump(count(array_filter($t['user_enrolments'], fn ($ue) => $ue['status'] === 1)) > 0,
    count(array_filter($t['user'], fn ($u) => $u['suspended'] === 1)) === 1,
    count(array_filter($t['local_magistere_mark'], fn ($m) => $m['finished'] === 1)) > 10,
    count(array_filter($t['local_magistere_mark'], fn ($m) => $m['finished'] === 0)) > 0);
$durations = array_map('intval', array_column(array_filter($t['customfield_data'], fn ($d) => $d['fieldid'] === 1), 'value'));
sort($durations);
echo 'durations ', implode(' ', array_unique($durations)), "\n";
// The R7 snapshot: some credited minutes differ from their parcours' current forecast.
$forecast = array_column(array_filter($t['customfield_data'], fn ($d) => $d['fieldid'] === 1), 'decvalue', 'instanceid');
var_dump(count(array_filter($t['local_magistere_mark'], fn ($m) => $m['finished'] === 1
    && $m['creditedminutes'] !== $forecast[$m['courseid']])) > 0);

echo $problems === [] ? "no problem\n" : implode("\n", $problems) . "\n";

// The engine accepts the rows as they are, and the people the demo shows are who it says.
$tracker = new Magistere\Tracker(Magistere\Source::rows($t), ['now' => $meta['now']]);
$cast = $meta['cast'];
$pv = $tracker->participantView($cast['participant']['userid'], $cast['participant']['courseid']);
$pr = $pv['progress'];
var_dump($pr['tracked'] === count($tracked[$cast['participant']['courseid']]));
var_dump($pr['done'] > 0 && $pr['done'] < $pr['tracked'], in_array('fail', array_column($pr['activities'], 'state'), true));
foreach ($pr['activities'] as $a) {
    if (!isset($meta['activity_names'][$a['cmid']])) {
        echo "no name for activity {$a['cmid']}\n";
    }
}
$tv = $tracker->trainerView($cast['trainer']['userid'], $cast['trainer']['courseid']);
var_dump(in_array($cast['participant']['userid'], array_column($tv['participants'], 'id'), true));
var_dump($tv['summary']['finished'] > 0 && $tv['summary']['finished'] < $tv['summary']['participants']);
$iv = $tracker->inspectorView($cast['inspector']['userid']);
var_dump(in_array($cast['participant']['userid'], array_column($iv['teachers'], 'id'), true));
var_dump(array_column($iv['circonscriptions'], 'code') === [$cast['inspector']['circonscription']]);
$st = $tracker->statistics();
$cells = array_merge($st['tables']['etablissements']['cells'], $st['tables']['parcours']['cells']);
var_dump(count(array_filter($cells, fn ($c) => $c['enrolments'] === null)) > 0, count(array_filter($cells, fn ($c) => $c['enrolments'] !== null)) > 1);
$tracker->transparency($cast['participant']['userid'], $cast['participant']['courseid']);
// The empty parcours has a trainer and nobody else.
$ev = $tracker->trainerView(
    (int) array_values(array_filter($t['role_assignments'], fn ($ra) => $ra['contextid'] === array_key_first(
        array_filter($t['context'], fn ($c) => $c['contextlevel'] === 50 && $c['instanceid'] === $cast['empty_course']))))[0]['userid'],
    $cast['empty_course']);
var_dump($ev['participants'], $ev['activities']);
foreach ([
    fn () => $tracker->trainerView($cast['participant']['userid'], $cast['participant']['courseid']),
    fn () => $tracker->participantView($cast['participant']['userid'], $cast['participant']['other_courseid']),
    fn () => $tracker->trainerView($cast['trainer']['userid'], $cast['trainer']['other_courseid']),
    fn () => $tracker->inspectorView($cast['inspector']['userid'], $cast['inspector']['other_circonscription']),
    fn () => $tracker->participantView($cast['ministry']['userid'], $cast['participant']['courseid']),
] as $n => $forbidden) {
    try {
        $forbidden();
        echo "$n: not refused\n";
    } catch (Magistere\AccessDenied $e) {
        echo "$n: AccessDenied\n";
    }
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
departements 01 42 69
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
11 parcours, 10 with tracked activities
bool(true)
assign forum h5pactivity lesson page quiz scorm url
bool(true)
bool(true)
states 0 1 2 3
bool(true)
bool(true)
bool(true)
bool(true)
durations 180 360 540
bool(true)
no problem
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array(0) {
}
array(0) {
}
0: AccessDenied
1: AccessDenied
2: AccessDenied
3: AccessDenied
4: AccessDenied
