--TEST--
Inconsistent rows are anomalies: the model builds, every view answers (exact for the good rows), and dataQuality() names table, row id, field and problem
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';

/** Every view of the fixture, as comparable data. */
function all_views(Magistere\Tracker $t): array
{
    $out = [];
    $calls = [
        'participantView(5,2)' => fn() => $t->participantView(5, 2),
        'participantView(6,4)' => fn() => $t->participantView(6, 4),
        'trainerView(7,2)' => fn() => $t->trainerView(7, 2),
        'trainerView(15,4)' => fn() => $t->trainerView(15, 4),
        'inspectorView(8)' => fn() => $t->inspectorView(8),
        'inspectorView(16)' => fn() => $t->inspectorView(16),
        'statistics' => fn() => $t->statistics(['etablissements', 'parcours'], [], 3),
        'transparency(5,2)' => fn() => $t->transparency(5, 2),
        'myTrainings(5)' => fn() => $t->myTrainings(5),
        'myTrainings(6)' => fn() => $t->myTrainings(6),
        'writeAttestations' => function () use ($t) {
            $f = fopen('php://memory', 'w+');
            $t->writeAttestations($f);
            rewind($f);
            return preg_replace('/ generated="[^"]*"/', '', stream_get_contents($f));
        },
    ];
    foreach ($calls as $label => $call) {
        try {
            $out[$label] = $call();
        } catch (Throwable $e) {
            $out[$label] = get_class($e) . ': ' . $e->getMessage();
        }
    }
    return $out;
}

$settings = ['now' => 1800000000];
$clean = all_views(new Magistere\Tracker(Magistere\Source::rows(mg_fixture()), $settings));

// Each case breaks the fixture once. "added" rows must leave every view exactly as without them.
$cases = [
    // the 23 inconsistencies that were DataErrors before
    'a completion for an unknown activity' => fn(&$t) => $t['course_modules_completion'][] =
        ['id' => 77, 'coursemoduleid' => 999, 'userid' => 5, 'completionstate' => 1],
    'a completion for an unknown user' => fn(&$t) => $t['course_modules_completion'][] =
        ['id' => 77, 'coursemoduleid' => 100, 'userid' => 999, 'completionstate' => 1],
    'a duplicate id' => fn(&$t) => $t['user'][] = ['id' => 5, 'firstname' => 'Autre', 'lastname' => 'Hélène'],
    'a duplicate (userid, coursemoduleid)' => fn(&$t) => $t['course_modules_completion'][] =
        ['id' => 78, 'coursemoduleid' => 100, 'userid' => 5, 'completionstate' => 2],
    'a duplicate mark' => fn(&$t) => $t['local_magistere_mark'][] =
        ['id' => 9, 'courseid' => 2, 'userid' => 5, 'finished' => 0],
    'a duplicate enrolment' => fn(&$t) => $t['user_enrolments'][] = ['id' => 99, 'enrolid' => 1, 'userid' => 5],
    'a duplicate role shortname' => fn(&$t) => $t['role'][] = ['id' => 9, 'shortname' => 'formateur'],
    'a duplicate UAI (case folded)' => fn(&$t) => $t['local_magistere_school'][] =
        ['id' => 9, 'uai' => '0691234a', 'name' => 'Doublon', 'circonscription' => 'C1'],
    'a negative forecast duration' => fn(&$t) => $t['customfield_data'][0]['value'] = '-30',
    'a negative decimal duration' => fn(&$t) => $t['customfield_data'][1]['decvalue'] = -1.5,
    'a duration that is not a number' => fn(&$t) => $t['customfield_data'][0]['value'] = 'trois heures',
    'a duration in fractions of a minute' => fn(&$t) => $t['customfield_data'][0]['value'] = '90.5',
    'negative credited minutes' => fn(&$t) => $t['local_magistere_mark'][0]['creditedminutes'] = -5,
    'a finished flag that is not 0 or 1' => fn(&$t) => $t['local_magistere_mark'][0]['finished'] = 2,
    'a completion state out of range (4 is valid: fail on a hidden grade item)' =>
        fn(&$t) => $t['course_modules_completion'][0]['completionstate'] = 7,
    'a section of another course' => fn(&$t) => $t['course_modules'][] =
        ['id' => 300, 'course' => 4, 'module' => 1, 'section' => 10],
    'a school in an unknown circonscription' => fn(&$t) => $t['local_magistere_school'][0]['circonscription'] = 'C9',
    'an unknown degré' => fn(&$t) => $t['local_magistere_school'][0]['degre'] = '3D',
    'an unknown secteur' => fn(&$t) => $t['local_magistere_school'][0]['secteur'] = 'associatif',
    'an inspector of an unknown circonscription' => fn(&$t) => $t['local_magistere_inspector'][0]['circonscription'] = 'C9',
    'a role assignment in an unknown context' => fn(&$t) => $t['role_assignments'][0]['contextid'] = 404,
    'an enrolment in an unknown enrol instance' => fn(&$t) => $t['user_enrolments'][0]['enrolid'] = 404,
    'a course context of an unknown course' => fn(&$t) => $t['context'][] = ['id' => 60, 'contextlevel' => 50, 'instanceid' => 404],
    // what a real site holds (issue 10.6)
    'an orphan completion row (its activity deleted)' => fn(&$t) => $t['course_modules_completion'][] =
        ['id' => 80, 'coursemoduleid' => 4242, 'userid' => 6, 'completionstate' => 1],
    'a mark left by a deleted course' => fn(&$t) => $t['local_magistere_mark'][] =
        ['id' => 81, 'courseid' => 404, 'userid' => 6, 'finished' => 1, 'creditedminutes' => 60],
    'a duration typed "2h30"' => fn(&$t) => $t['customfield_data'][0]['value'] = '2h30',
    'a circonscription code imported in another case' => function (&$t) {
        $t['local_magistere_school'][0]['circonscription'] = 'c1';
        $t['local_magistere_inspector'][0]['circonscription'] = ' c1 ';
    },
    'a control character in a name' => fn(&$t) => $t['user'][0]['lastname'] = "Lef\x07èvre\n",
    'invalid UTF-8 in a name' => fn(&$t) => $t['user'][1]['firstname'] = "J\xe9an",
    'a control character and invalid UTF-8 in a course shortname' => fn(&$t) => $t['course'][0]['shortname'] = "LE\x00CT\xff",
    'a dangling enrolment (its user deleted from the table)' => fn(&$t) => $t['user_enrolments'][] =
        ['id' => 82, 'enrolid' => 1, 'userid' => 4040],
    'an enrol instance of a deleted course' => fn(&$t) => $t['enrol'][] = ['id' => 83, 'courseid' => 404],
    'a role assignment to a missing context' => fn(&$t) => $t['role_assignments'][] =
        ['id' => 84, 'roleid' => 2, 'contextid' => 4040, 'userid' => 6],
    'duplicate profile data' => fn(&$t) => $t['user_info_data'][] = ['id' => 85, 'userid' => 5, 'fieldid' => 1, 'data' => '0420003C'],
    'a second school profile field with the same shortname' => fn(&$t) => $t['user_info_field'][] = ['id' => 86, 'shortname' => 'rne'],
    'a second duration field with the same shortname' => fn(&$t) => $t['customfield_field'][] = ['id' => 87, 'shortname' => 'magistere_duration'],
    'profile data of a deleted field' => fn(&$t) => $t['user_info_data'][] = ['id' => 88, 'userid' => 6, 'fieldid' => 404, 'data' => 'x'],
    'a course module of an uninstalled module' => fn(&$t) => $t['course_modules'][] =
        ['id' => 301, 'course' => 2, 'module' => 404, 'section' => 10],
    'a course module in no section sequence' => fn(&$t) => $t['course_modules'][] =
        ['id' => 302, 'course' => 2, 'module' => 2, 'section' => 10, 'completion' => 1],
    'a course completion of a deleted user' => fn(&$t) => $t['course_completions'][] =
        ['id' => 89, 'userid' => 4040, 'course' => 2, 'timecompleted' => 1700000000],
    'an empty UAI' => fn(&$t) => $t['local_magistere_school'][] = ['id' => 90, 'uai' => ' ', 'name' => 'Sans UAI', 'circonscription' => 'C1'],
];
$added = ['a completion for an unknown activity', 'a completion for an unknown user', 'a duplicate id',
    'a duplicate (userid, coursemoduleid)', 'a duplicate mark', 'a duplicate enrolment', 'a duplicate role shortname',
    'a duplicate UAI (case folded)', 'a section of another course', 'a course context of an unknown course',
    'an orphan completion row (its activity deleted)', 'a mark left by a deleted course',
    'a dangling enrolment (its user deleted from the table)', 'an enrol instance of a deleted course',
    'a role assignment to a missing context', 'duplicate profile data', 'a second school profile field with the same shortname',
    'a second duration field with the same shortname', 'profile data of a deleted field', 'a course module of an uninstalled module',
    'a course module in no section sequence', 'a course completion of a deleted user', 'an empty UAI'];
foreach ($cases as $what => $break) {
    $t = mg_fixture();
    $break($t);
    echo "$what:\n";
    $tracker = new Magistere\Tracker(Magistere\Source::rows($t), $settings);
    $q = $tracker->dataQuality();
    foreach ($q['anomalies'] as $a) {
        echo "  {$a['table']} id {$a['id']}, {$a['field']}: {$a['problem']}: {$a['message']}\n";
    }
    if ($q['total'] !== count($q['anomalies'])) {
        echo "  TOTAL {$q['total']} != listed\n";
    }
    $views = all_views($tracker);
    $failed = array_keys(array_filter($views, fn($v) => is_string($v) && str_starts_with($v, 'Magistere\\') && !str_contains($v, 'AccessDenied')));
    $changed = array_keys(array_filter($views, fn($v, $k) => $v !== $clean[$k], ARRAY_FILTER_USE_BOTH));
    echo '  views: ', $failed ? 'FAILED ' . implode(', ', $failed) : 'all answer', '; ',
        $changed ? 'differ from the clean data in ' . implode(', ', $changed) : 'identical to the clean data', "\n";
    if (in_array($what, $added, true) && $changed) {
        echo "  WRONG: an ignored row changed a view\n";
    }
}
echo "-- what the changed views say --\n";
$show = function (string $what, callable $fn) use ($cases, $settings) {
    $t = mg_fixture();
    $cases[$what]($t);
    try {
        echo "$what: ", json_encode($fn(new Magistere\Tracker(Magistere\Source::rows($t), $settings)), JSON_UNESCAPED_UNICODE), "\n";
    } catch (Magistere\Exception $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
};
$show('a negative forecast duration', fn($t) => $t->trainerView(7, 2)['course']['duration_minutes']);
$show('a duration in fractions of a minute', fn($t) => $t->trainerView(7, 2)['course']['duration_minutes']);
$show('a duration typed "2h30"', fn($t) => $t->trainerView(7, 2)['course']['duration_minutes']);
$show('negative credited minutes', fn($t) => $t->participantView(5, 2)['mark']);
$show('a finished flag that is not 0 or 1', fn($t) => $t->participantView(5, 2)['mark']['finished']);
$show('a completion state out of range (4 is valid: fail on a hidden grade item)',
    fn($t) => $t->participantView(5, 2)['progress']['activities'][1]);
$show('a school in an unknown circonscription', fn($t) => count($t->inspectorView(8)['teachers']));
$show('an unknown degré', fn($t) => array_values(array_filter(
    array_column($t->statistics(['etablissements'], [], 3)['tables']['etablissements']['cells'], 'values'),
    fn($v) => $v['degre'] === '' && $v['academie'] !== '' && $v['circonscription'] !== null))[0]);
$show('an inspector of an unknown circonscription', fn($t) => $t->inspectorView(8));
$show('a role assignment in an unknown context', fn($t) => array_column($t->trainerView(7, 2)['participants'], 'lastname'));
$show('a circonscription code imported in another case', fn($t) => array_column($t->inspectorView(8)['teachers'], 'lastname'));
$show('a control character in a name', fn($t) => $t->trainerView(7, 2)['participants'][1]['lastname']);
$show('invalid UTF-8 in a name', fn($t) => $t->trainerView(7, 2)['participants'][2]['firstname']);
$show('a control character and invalid UTF-8 in a course shortname', fn($t) => array_column(
    array_column($t->statistics(['parcours'], [], 3)['tables']['parcours']['cells'], 'values'), 'parcours'));
echo "-- state 4 is valid --\n";
$t = mg_fixture();
$t['course_modules_completion'][1]['completionstate'] = 4;
$tracker = new Magistere\Tracker(Magistere\Source::rows($t), $settings);
echo json_encode($tracker->participantView(5, 2)['progress']['activities'][2]), ', anomalies: ', $tracker->dataQuality()['total'], "\n";
echo "-- the summary counts every anomaly; the list can be limited --\n";
$t = mg_fixture();
foreach ($cases as $break) {
    $break($t);
}
$q = (new Magistere\Tracker(Magistere\Source::rows($t), $settings))->dataQuality(3);
echo $q['total'], ' anomalies, ', count($q['anomalies']), " listed, counts by table/field/problem:\n";
foreach ($q['counts'] as $c) {
    echo "  {$c['table']}.{$c['field']} {$c['problem']}: {$c['count']}\n";
}
mg_refused(fn() => (new Magistere\Tracker(Magistere\Source::rows($t), $settings))->dataQuality(-1));
?>
--EXPECT--
a completion for an unknown activity:
  course_modules_completion id 77, coursemoduleid: missing_reference: 999 is no course_modules.id: Moodle does not count it; the row is ignored
  views: all answer; identical to the clean data
a completion for an unknown user:
  course_modules_completion id 77, userid: missing_reference: 999 is no user.id: the row is ignored
  views: all answer; identical to the clean data
a duplicate id:
  user id 5, id: duplicate_id: a second row with id 5: it is ignored, the first one is used
  views: all answer; identical to the clean data
a duplicate (userid, coursemoduleid):
  course_modules_completion id 78, userid, coursemoduleid: duplicate_key: (userid, coursemoduleid) = (5, 100) is already the key of row id 1, which is used: this row is ignored
  views: all answer; identical to the clean data
a duplicate mark:
  local_magistere_mark id 9, courseid, userid: duplicate_key: (courseid, userid) = (2, 5) is already the key of row id 1, which is used: this row is ignored
  views: all answer; identical to the clean data
a duplicate enrolment:
  user_enrolments id 99, enrolid, userid: duplicate_key: (enrolid, userid) = (1, 5) is already the key of row id 1, which is used: this row is ignored
  views: all answer; identical to the clean data
a duplicate role shortname:
  role id 9, shortname: duplicate_key: shortname "formateur" is already the shortname of role id 2: both are read as "formateur"
  views: all answer; identical to the clean data
a duplicate UAI (case folded):
  local_magistere_school id 9, uai: duplicate_key: UAI "0691234A" is already the UAI of row id 1 (case and spaces ignored), which is used: this row is ignored
  views: all answer; identical to the clean data
a negative forecast duration:
  customfield_data id 1, value: invalid_duration: "-30" is a negative duration: the parcours is read as having no forecast duration
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), statistics, transparency(5,2), myTrainings(5), myTrainings(6), writeAttestations
a negative decimal duration:
  customfield_data id 2, decvalue: invalid_duration: a negative duration -1.5: the parcours is read as having no forecast duration
  views: all answer; differ from the clean data in participantView(6,4), trainerView(15,4), inspectorView(8), inspectorView(16), statistics, myTrainings(6), writeAttestations
a duration that is not a number:
  customfield_data id 1, value: invalid_duration: "trois heures" is not a number of minutes: the parcours is read as having no forecast duration
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), statistics, transparency(5,2), myTrainings(5), myTrainings(6), writeAttestations
a duration in fractions of a minute:
  customfield_data id 1, value: invalid_duration: "90.5" is not a whole number of minutes: read as 91
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), transparency(5,2), myTrainings(5), myTrainings(6), writeAttestations
negative credited minutes:
  local_magistere_mark id 1, creditedminutes: invalid_value: a negative duration (-5): read as no credited duration
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), transparency(5,2), myTrainings(5), writeAttestations
a finished flag that is not 0 or 1:
  local_magistere_mark id 1, finished: invalid_value: 2 is neither 0 nor 1: read as finished (1)
  views: all answer; identical to the clean data
a completion state out of range (4 is valid: fail on a hidden grade item):
  course_modules_completion id 1, completionstate: invalid_value: 7 is not a completion state (0 to 4): read as incomplete
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), transparency(5,2), myTrainings(5)
a section of another course:
  course_modules id 300, section: section_mismatch: names section id 10 of course 2, and no section of course 4 lists it: Moodle does not show it; it is not counted
  views: all answer; identical to the clean data
a school in an unknown circonscription:
  local_magistere_school id 1, circonscription: missing_reference: "C9" is no local_magistere_circ.code: the school belongs to no circonscription
  views: all answer; differ from the clean data in inspectorView(8), statistics, transparency(5,2)
an unknown degré:
  local_magistere_school id 1, degre: invalid_value: "3D" is not 1D, 2D or empty: read as not recorded
  views: all answer; differ from the clean data in statistics, transparency(5,2)
an unknown secteur:
  local_magistere_school id 1, secteur: invalid_value: "associatif" is not public, prive or empty: read as not recorded
  views: all answer; differ from the clean data in statistics, transparency(5,2)
an inspector of an unknown circonscription:
  local_magistere_inspector id 1, circonscription: missing_reference: "C9" is no local_magistere_circ.code: the row is ignored
  views: all answer; differ from the clean data in inspectorView(8), transparency(5,2)
a role assignment in an unknown context:
  role_assignments id 1, contextid: missing_reference: 404 is no context.id: the role assignment is ignored
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), transparency(5,2), myTrainings(5)
an enrolment in an unknown enrol instance:
  user_enrolments id 1, enrolid: missing_reference: 404 is no enrol.id: the enrolment is ignored
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), transparency(5,2), myTrainings(5)
a course context of an unknown course:
  context id 60, instanceid: missing_reference: 404 is no course.id: the context and its role assignments are ignored
  views: all answer; identical to the clean data
an orphan completion row (its activity deleted):
  course_modules_completion id 80, coursemoduleid: missing_reference: 4242 is no course_modules.id: Moodle does not count it; the row is ignored
  views: all answer; identical to the clean data
a mark left by a deleted course:
  local_magistere_mark id 81, courseid: missing_reference: 404 is no course.id: a mark of a course that no longer exists is ignored
  views: all answer; identical to the clean data
a duration typed "2h30":
  customfield_data id 1, value: invalid_duration: "2h30" is not a number of minutes: the parcours is read as having no forecast duration
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), statistics, transparency(5,2), myTrainings(5), myTrainings(6), writeAttestations
a circonscription code imported in another case:
  local_magistere_school id 1, circonscription: case_mismatch: "c1" is read as circonscription "C1" (case and spaces ignored)
  local_magistere_inspector id 1, circonscription: case_mismatch: "c1" is read as circonscription "C1" (case and spaces ignored)
  views: all answer; identical to the clean data
a control character in a name:
  user id 5, lastname: invalid_text: control characters replaced by spaces: shown as "Lef èvre "
  views: all answer; differ from the clean data in participantView(5,2), trainerView(7,2), inspectorView(8), transparency(5,2), myTrainings(5), writeAttestations
invalid UTF-8 in a name:
  user id 6, firstname: invalid_text: invalid UTF-8 removed: shown as "Jan"
  views: all answer; differ from the clean data in participantView(5,2), participantView(6,4), trainerView(7,2), trainerView(15,4), inspectorView(8), myTrainings(6), writeAttestations
a control character and invalid UTF-8 in a course shortname:
  course id 2, shortname: invalid_text: invalid UTF-8 removed, NUL removed: shown as "LECT"
  views: all answer; identical to the clean data
a dangling enrolment (its user deleted from the table):
  user_enrolments id 82, userid: missing_reference: 4040 is no user.id: the enrolment is ignored
  views: all answer; identical to the clean data
an enrol instance of a deleted course:
  enrol id 83, courseid: missing_reference: 404 is no course.id: the enrolment method and its enrolments are ignored
  views: all answer; identical to the clean data
a role assignment to a missing context:
  role_assignments id 84, contextid: missing_reference: 4040 is no context.id: the role assignment is ignored
  views: all answer; identical to the clean data
duplicate profile data:
  user_info_data id 85, userid, fieldid: duplicate_key: (userid, fieldid) = (5, 1) is already the key of row id 1, which is used: this row is ignored
  views: all answer; identical to the clean data
a second school profile field with the same shortname:
  user_info_field id 86, shortname: ambiguous_field: a second profile field named "rne": the school is read from field id 1 only
  views: all answer; identical to the clean data
a second duration field with the same shortname:
  customfield_field id 87, shortname: ambiguous_field: a second custom field named "magistere_duration": the duration is read from field id 1 only
  views: all answer; identical to the clean data
profile data of a deleted field:
  user_info_data id 88, fieldid: missing_reference: 404 is no user_info_field.id: the value is ignored
  views: all answer; identical to the clean data
a course module of an uninstalled module:
  course_modules id 301, module: missing_reference: 404 is no modules.id: Moodle does not show this course module; it is not counted
  views: all answer; identical to the clean data
a course module in no section sequence:
  course_modules id 302, section: section_mismatch: listed in the sequence of no section of course 2: Moodle does not show it; it is not counted
  views: all answer; identical to the clean data
a course completion of a deleted user:
  course_completions id 89, userid: missing_reference: 4040 is no user.id: the row is ignored
  views: all answer; identical to the clean data
an empty UAI:
  local_magistere_school id 90, uai: empty_value: an empty UAI: the school is ignored
  views: all answer; identical to the clean data
-- what the changed views say --
a negative forecast duration: null
a duration in fractions of a minute: 91
a duration typed "2h30": null
negative credited minutes: {"finished":true,"credited_minutes":null,"time":1700000000}
a finished flag that is not 0 or 1: true
a completion state out of range (4 is valid: fail on a hidden grade item): {"cmid":100,"module":"quiz","section":0,"state":"incomplete"}
a school in an unknown circonscription: 1
an unknown degré: {"academie":"Lyon","degre":"","secteur":"public","departement":"69","circonscription":"C1"}
an inspector of an unknown circonscription: Magistere\AccessDenied: user 8 is not an inspector: the circonscription view is for the inspectors (IEN) only (R4)
a role assignment in an unknown context: ["Élan","N'Diaye"]
a circonscription code imported in another case: ["Lefèvre","N'Diaye"]
a control character in a name: "Lef èvre "
invalid UTF-8 in a name: "Jan"
a control character and invalid UTF-8 in a course shortname: [null,"","LAIC","LECT"]
-- state 4 is valid --
{"cmid":102,"module":"quiz","section":1,"state":"fail"}, anomalies: 0
-- the summary counts every anomaly; the list can be limited --
36 anomalies, 3 listed, counts by table/field/problem:
  course.shortname invalid_text: 1
  course_modules.module missing_reference: 1
  course_modules.section section_mismatch: 2
  course_modules_completion.completionstate invalid_value: 1
  course_modules_completion.coursemoduleid missing_reference: 2
  course_modules_completion.id duplicate_id: 1
  course_modules_completion.userid, coursemoduleid duplicate_key: 1
  course_completions.userid missing_reference: 1
  enrol.courseid missing_reference: 1
  user_enrolments.enrolid missing_reference: 1
  user_enrolments.userid missing_reference: 1
  role.shortname duplicate_key: 1
  role_assignments.contextid missing_reference: 2
  context.instanceid missing_reference: 1
  user.firstname invalid_text: 1
  user.id duplicate_id: 1
  user.lastname invalid_text: 1
  user_info_field.shortname ambiguous_field: 1
  user_info_data.fieldid missing_reference: 1
  user_info_data.userid, fieldid duplicate_key: 1
  customfield_field.shortname ambiguous_field: 1
  customfield_data.decvalue invalid_duration: 1
  customfield_data.value invalid_duration: 1
  local_magistere_mark.courseid missing_reference: 1
  local_magistere_mark.courseid, userid duplicate_key: 1
  local_magistere_mark.creditedminutes invalid_value: 1
  local_magistere_mark.finished invalid_value: 1
  local_magistere_school.circonscription case_mismatch: 1
  local_magistere_school.degre invalid_value: 1
  local_magistere_school.secteur invalid_value: 1
  local_magistere_school.uai duplicate_key: 1
  local_magistere_school.uai empty_value: 1
  local_magistere_inspector.circonscription case_mismatch: 1
ValueError: Magistere\Tracker::dataQuality(): Argument #1 ($limit) must be greater than or equal to 0
