<?php
// This file is part of magistere: the test data of the real-site harness (scripts/site/site.sh).
//
// Creates, through Moodle's APIs (the data generators Moodle's own Behat tests use on real sites, the completion
// API, the enrolment and role APIs, the plugin's generator and marks API), a small académie:
// - two circonscriptions, four schools, an inspector (IEN) role and account, a statistician role and account;
// - three parcours (courses with completion, tracked activities and a forecast duration): "lecture" with
//   trainer1 (editingteacher) and tutor1 (teacher), "maths" in separate groups mode with two groups (trainer1 in
//   both, trainer2 in group B only), and a hidden "sciences";
// - participants with a school, some activities done, some marks "formation terminee";
// - an access history (user_lastaccess and the user's first and last access, days to months ago, some never):
//   what Moodle shows on its own pages before the platform privacy fix (the participants page's "Inactive for more
//   than" filter only appears when some access is older than a day);
// - the académie's setting and one published statistics release (what the statistics page shows: published releases
//   only), published as the site administrator would.
// Every password is the one in the manifest. It writes a manifest (JSON) of the users and courses for the tests.
//
// Usage (site.sh runs it once per installed site): php setup.php --moodle=DIR --manifest=FILE [--size=small|N]
// where N is the number of participants of each parcours (small: 12). A numeric size is the load test's site
// (scripts/loadtest.sh): it also creates the load accounts, 20 trainers (loadtrainer01...) editing teachers of
// "lecture" and "maths", 9 more inspectors (ien02...) and a second statistician (stats2); the small site stays as
// the browser tests know it.
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

define('CLI_SCRIPT', true);

$options = getopt('', ['moodle:', 'manifest:', 'size:']);
if (empty($options['moodle']) || empty($options['manifest'])) {
    fwrite(STDERR, "usage: php setup.php --moodle=DIR --manifest=FILE [--size=small|N]\n");
    exit(2);
}
require(rtrim($options['moodle'], '/') . '/config.php');
require_once($CFG->libdir . '/testing/generator/lib.php');
require_once($CFG->libdir . '/completionlib.php');
require_once($CFG->dirroot . '/user/lib.php');

$size = $options['size'] ?? 'small';
$perparcours = $size === 'small' ? 12 : max(1, (int) $size);
const PASSWORD = 'Test-pass-1';

\core\session\manager::set_user(get_admin());
$gen = new testing_data_generator();
/** @var local_magistere_generator $mg */
$mg = $gen->get_plugin_generator('local_magistere');
$manifest = ['password' => PASSWORD, 'admin' => ['username' => 'admin', 'id' => (int) get_admin()->id],
    'users' => [], 'courses' => [], 'schools' => [], 'release' => $CFG->release, 'branch' => $CFG->branch];

if ($DB->record_exists('user', ['username' => 'trainer1'])) {
    fwrite(STDERR, "the test data exists already (user trainer1): nothing done\n");
    exit(0);
}

/**
 * Creates a user with the test password and records him in the manifest.
 *
 * @param string $username
 * @param string $firstname
 * @param string $lastname
 * @param string $kind trainer, participant, inspector, statistician
 * @return stdClass
 */
function magistere_setup_user(string $username, string $firstname, string $lastname, string $kind): stdClass {
    global $gen, $manifest;
    $user = $gen->create_user(['username' => $username, 'password' => PASSWORD, 'firstname' => $firstname,
        'lastname' => $lastname, 'email' => $username . '@example.invalid']);
    $manifest['users'][$username] = ['id' => (int) $user->id, 'kind' => $kind, 'firstname' => $firstname,
        'lastname' => $lastname];
    return $user;
}

// The académie: circonscriptions, schools.
$mg->create_circ(['code' => 'LYN', 'name' => 'Lyon Nord', 'departement' => '69', 'academie' => 'Lyon']);
$mg->create_circ(['code' => 'LYS', 'name' => 'Lyon Sud', 'departement' => '69', 'academie' => 'Lyon']);
$schools = [
    ['uai' => '0690001A', 'name' => 'École Jules Ferry', 'city' => 'Lyon', 'circonscription' => 'LYN'],
    ['uai' => '0690002B', 'name' => 'École Jean Jaurès', 'city' => 'Villeurbanne', 'circonscription' => 'LYN'],
    ['uai' => '0690003C', 'name' => 'École Louise Michel', 'city' => 'Vénissieux', 'circonscription' => 'LYS'],
    ['uai' => '0690004D', 'name' => 'Collège Victor Hugo', 'city' => 'Lyon', 'circonscription' => 'LYS',
        'degre' => '2D'],
];
foreach ($schools as $school) {
    $mg->create_school($school);
    $manifest['schools'][$school['uai']] = ['name' => $school['name'], 'city' => $school['city'],
        'circonscription' => $school['circonscription']];
}

// Roles of the inspectors and statisticians (system level).
$system = context_system::instance();
$ienrole = create_role('Inspecteur (IEN)', 'ien', 'Inspector of a circonscription (m@gistère)');
set_role_contextlevels($ienrole, [CONTEXT_SYSTEM]);
assign_capability('local/magistere:viewcirconscription', CAP_ALLOW, $ienrole, $system->id, true);
$statsrole = create_role('Statisticien', 'statisticien', 'Ministry statistician (m@gistère)');
set_role_contextlevels($statsrole, [CONTEXT_SYSTEM]);
assign_capability('local/magistere:viewstatistics', CAP_ALLOW, $statsrole, $system->id, true);

// People.
$trainer1 = magistere_setup_user('trainer1', 'Sophie', 'Caron', 'trainer');
$trainer2 = magistere_setup_user('trainer2', 'Lucas', 'Aubert', 'trainer');
$tutor1 = magistere_setup_user('tutor1', 'François', 'Thévenet', 'trainer');
$ien = magistere_setup_user('ien1', 'Paul', 'Martin', 'inspector');
role_assign($ienrole, $ien->id, $system->id);
$mg->create_inspector(['userid' => $ien->id, 'circonscription' => 'LYN']);
$stats = magistere_setup_user('stats1', 'Claire', 'Dubois', 'statistician');
role_assign($statsrole, $stats->id, $system->id);

$firstnames = ['Maëlle', 'Élodie', 'Noémie', 'Valentin', 'Aurélie', 'Hugo', 'Inès', 'Jules', 'Léa', 'Mathis', 'Chloé',
    'Nathan'];
$lastnames = ['Lemoine', 'Arnaud', 'Berger', 'Côté', "D'Almeida", 'Fabre', 'Garnier', 'Henry', 'Imbert', 'Joly',
    'Klein', 'Lambert'];
$participants = [];
$count = max($perparcours + intdiv($perparcours, 2), 12);
for ($i = 1; $i <= $count; $i++) {
    $username = sprintf('participant%02d', $i);
    $user = magistere_setup_user($username, $firstnames[($i - 1) % 12], $lastnames[($i - 1) % 12] .
        ($i > 12 ? ' ' . $i : ''), 'participant');
    $mg->set_school((int) $user->id, $schools[($i - 1) % count($schools)]['uai']);
    $manifest['users'][$username]['school'] = $schools[($i - 1) % count($schools)]['uai'];
    $participants[] = $user;
}

/**
 * Creates a parcours: a course with completion, tracked activities and a forecast duration.
 *
 * @param string $shortname
 * @param string $fullname
 * @param int $activities
 * @param int $minutes
 * @param array $course more course fields
 * @return array [course, cms]
 */
function magistere_setup_parcours(string $shortname, string $fullname, int $activities, int $minutes,
        array $course = []): array {
    global $gen, $mg, $manifest;
    $course = $gen->create_course($course + ['shortname' => $shortname, 'fullname' => $fullname,
        'enablecompletion' => 1, 'showreports' => 1]);
    $cms = [];
    for ($i = 1; $i <= $activities; $i++) {
        $module = $i % 2 ? 'page' : 'url';
        $record = ['course' => $course->id, 'name' => "Activité $i", 'completion' => COMPLETION_TRACKING_MANUAL];
        if ($module === 'url') {
            $record['externalurl'] = 'https://example.invalid/ressource-' . $i;
        }
        $instance = $gen->create_module($module, $record);
        $cms[] = get_coursemodule_from_id($module, $instance->cmid, $course->id, false, MUST_EXIST);
    }
    $mg->set_duration((int) $course->id, $minutes);
    $manifest['courses'][$shortname] = ['id' => (int) $course->id, 'fullname' => $fullname, 'trainers' => [],
        'participants' => [], 'groups' => [], 'activities' => array_map(fn($cm) => (int) $cm->id, $cms)];
    return [$course, $cms];
}

/**
 * Enrols a user with a role and records it in the manifest.
 *
 * @param stdClass $course
 * @param stdClass $user
 * @param string $role
 */
function magistere_setup_enrol(stdClass $course, stdClass $user, string $role): void {
    global $gen, $manifest;
    $gen->enrol_user($user->id, $course->id, $role);
    $list = $role === 'student' ? 'participants' : 'trainers';
    $manifest['courses'][$course->shortname][$list][] = $user->username;
}

/**
 * Marks activities done for a user through the completion API (manual completion).
 *
 * @param stdClass $course
 * @param stdClass[] $cms
 * @param int $userid
 */
function magistere_setup_done(stdClass $course, array $cms, int $userid): void {
    $completion = new completion_info($course);
    foreach ($cms as $cm) {
        $completion->update_state($cm, COMPLETION_COMPLETE, $userid, true);
    }
}

// Parcours "lecture": trainer1 and tutor1, the first participants.
[$lecture, $lecturecms] = magistere_setup_parcours('lecture', 'Enseigner la lecture au cycle 2', 4, 180);
magistere_setup_enrol($lecture, $trainer1, 'editingteacher');
magistere_setup_enrol($lecture, $tutor1, 'teacher');
$lectureparticipants = array_slice($participants, 0, $perparcours);
foreach ($lectureparticipants as $i => $user) {
    magistere_setup_enrol($lecture, $user, 'student');
    magistere_setup_done($lecture, array_slice($lecturecms, 0, $i % 5), (int) $user->id);
}
\local_magistere\local\marks::set((int) $lecture->id, [(int) $lectureparticipants[4]->id, (int) $lectureparticipants[9 %
    count($lectureparticipants)]->id], true, (int) $trainer1->id);

// Parcours "maths": separate groups, trainer1 in both groups, trainer2 in group B only.
[$maths, $mathscms] = magistere_setup_parcours('maths', 'Les mathématiques au cycle 3', 3, 120,
    ['groupmode' => SEPARATEGROUPS, 'groupmodeforce' => 1]);
magistere_setup_enrol($maths, $trainer1, 'editingteacher');
magistere_setup_enrol($maths, $trainer2, 'teacher');
$groupa = $gen->create_group(['courseid' => $maths->id, 'name' => 'Groupe A']);
$groupb = $gen->create_group(['courseid' => $maths->id, 'name' => 'Groupe B']);
$gen->create_group_member(['groupid' => $groupa->id, 'userid' => $trainer1->id]);
$gen->create_group_member(['groupid' => $groupb->id, 'userid' => $trainer1->id]);
$gen->create_group_member(['groupid' => $groupb->id, 'userid' => $trainer2->id]);
$mathsparticipants = array_slice($participants, intdiv($perparcours, 2), $perparcours);
foreach ($mathsparticipants as $i => $user) {
    magistere_setup_enrol($maths, $user, 'student');
    $group = $i % 2 ? $groupb : $groupa;
    $gen->create_group_member(['groupid' => $group->id, 'userid' => $user->id]);
    $manifest['courses']['maths']['groups'][$group->name][] = $user->username;
    magistere_setup_done($maths, array_slice($mathscms, 0, $i % 4), (int) $user->id);
}
\local_magistere\local\marks::set((int) $maths->id, [(int) $mathsparticipants[0]->id], true, (int) $trainer1->id);

// Parcours "sciences", hidden: a few participants, one finished.
[$sciences] = magistere_setup_parcours('sciences', 'Démarche scientifique', 2, 90, ['visible' => 0]);
magistere_setup_enrol($sciences, $trainer2, 'editingteacher');
foreach (array_slice($participants, 0, 3) as $user) {
    magistere_setup_enrol($sciences, $user, 'student');
}
\local_magistere\local\marks::set((int) $sciences->id, [(int) $participants[0]->id], true, (int) $trainer2->id);

// The load test's accounts (numeric sizes only): many trainers on the two big parcours, inspectors of both
// circonscriptions, a second statistician.
if ($size !== 'small') {
    for ($i = 1; $i <= 20; $i++) {
        $trainer = magistere_setup_user(sprintf('loadtrainer%02d', $i), 'Formateur', sprintf('Charge %02d', $i), 'trainer');
        magistere_setup_enrol($lecture, $trainer, 'editingteacher');
        magistere_setup_enrol($maths, $trainer, 'editingteacher');
    }
    for ($i = 2; $i <= 10; $i++) {
        $inspector = magistere_setup_user(sprintf('ien%02d', $i), 'Inspecteur', sprintf('Charge %02d', $i), 'inspector');
        role_assign($ienrole, $inspector->id, $system->id);
        $mg->create_inspector(['userid' => $inspector->id, 'circonscription' => $i % 2 ? 'LYS' : 'LYN']);
    }
    $stats2 = magistere_setup_user('stats2', 'Statisticien', 'Charge', 'statistician');
    role_assign($statsrole, $stats2->id, $system->id);
}

// An access history, as Moodle records it when people visit (user_accesstime_log() writes these tables): some
// participants came days, weeks or months ago, some never.
$now = time();
$ages = [DAYSECS / 2, 3 * DAYSECS, 10 * DAYSECS, 40 * DAYSECS, 100 * DAYSECS, null];
foreach ([$lecture, $maths] as $course) {
    foreach ($manifest['courses'][$course->shortname]['participants'] as $i => $username) {
        $age = $ages[$i % count($ages)];
        if ($age === null) {
            continue;
        }
        $userid = $manifest['users'][$username]['id'];
        $DB->insert_record('user_lastaccess', (object) ['userid' => $userid, 'courseid' => $course->id,
            'timeaccess' => $now - $age]);
        $user = $DB->get_record('user', ['id' => $userid], 'id, firstaccess, lastaccess');
        $DB->update_record('user', (object) ['id' => $userid,
            'firstaccess' => $user->firstaccess ?: $now - $age - 30 * DAYSECS,
            'lastaccess' => max((int) $user->lastaccess, $now - $age), 'lastip' => '192.0.2.' . (10 + $i)]);
    }
}

// The académie, then one statistics release published from these figures (the site administrator's button does
// the same): the statistics page shows published releases only.
set_config('academie', 'Lyon', 'local_magistere');
$release = \local_magistere\local\releases::publish();
$manifest['releases'] = [['id' => (int) $release->id, 'generated' => (int) $release->generated, 'k' => (int) $release->k,
    'academie' => $release->academie, 'cells' => (int) $release->cells]];

file_put_contents($options['manifest'], json_encode($manifest, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE |
    JSON_UNESCAPED_SLASHES) . "\n");
echo 'created ' . count($manifest['users']) . ' users and ' . count($manifest['courses']) . " parcours\n";
