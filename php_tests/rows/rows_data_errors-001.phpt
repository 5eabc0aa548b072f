--TEST--
Bad input: inconsistent rows raise Magistere\DataError naming table, row and field
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$cases = [
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
    'a completion state out of range' => fn(&$t) => $t['course_modules_completion'][0]['completionstate'] = 4,
    'a missing required column' => function (&$t) { unset($t['course'][1]['shortname']); },
    'a null in a required column' => fn(&$t) => $t['user'][0]['firstname'] = null,
    'a non-integer id' => fn(&$t) => $t['course'][0]['id'] = 'deux',
    'a fractional id' => fn(&$t) => $t['course'][0]['id'] = 2.5,
    'an array where a string goes' => fn(&$t) => $t['course'][0]['fullname'] = ['Lecture'],
    'a row that is not an array' => fn(&$t) => $t['role']['extra'] = 'participant',
    'a section of another course' => fn(&$t) => $t['course_modules'][] =
        ['id' => 300, 'course' => 4, 'module' => 1, 'section' => 10],
    'a school in an unknown circonscription' => fn(&$t) => $t['local_magistere_school'][0]['circonscription'] = 'C9',
    'an unknown degré' => fn(&$t) => $t['local_magistere_school'][0]['degre'] = '3D',
    'an unknown secteur' => fn(&$t) => $t['local_magistere_school'][0]['secteur'] = 'associatif',
    'an inspector of an unknown circonscription' => fn(&$t) => $t['local_magistere_inspector'][0]['circonscription'] = 'C9',
    'a role assignment in an unknown context' => fn(&$t) => $t['role_assignments'][0]['contextid'] = 404,
    'an enrolment in an unknown enrol instance' => fn(&$t) => $t['user_enrolments'][0]['enrolid'] = 404,
    'a course context of an unknown course' => fn(&$t) => $t['context'][] = ['id' => 60, 'contextlevel' => 50, 'instanceid' => 404],
];
foreach ($cases as $what => $break) {
    $t = mg_fixture();
    $break($t);
    echo "$what:\n  ";
    mg_refused(fn() => new Magistere\Tracker(Magistere\Source::rows($t)));
}
echo "-- the exception family --\n";
echo implode(' < ', array_merge([Magistere\DataError::class], array_values(class_parents(Magistere\DataError::class)))), "\n";
echo "-- Moodle's string values and objects are accepted as they are --\n";
$t = mg_fixture();
array_walk_recursive($t, function (&$v) { if (is_int($v)) { $v = (string)$v; } });
$t['user'] = array_map(fn($r) => (object)$r, $t['user']);
$t['course'] = array_column($t['course'], null, 'id'); // keyed by id, as $DB->get_records()
$v = (new Magistere\Tracker(Magistere\Source::rows($t), ['now' => 1800000000]))->trainerView(7, 2);
echo $v['summary']['participants'], ' participants, ', $v['participants'][1]['lastname'], "\n";
?>
--EXPECT--
a completion for an unknown activity:
  Magistere\DataError: course_modules_completion row 6, field coursemoduleid: 999 is no course_modules.id
a completion for an unknown user:
  Magistere\DataError: course_modules_completion row 6, field userid: 999 is no user.id
a duplicate id:
  Magistere\DataError: user row 13, field id: duplicate id 5 (already in row 0)
a duplicate (userid, coursemoduleid):
  Magistere\DataError: course_modules_completion row 6: duplicate (userid, coursemoduleid) (5, 100) (already in row 0)
a duplicate mark:
  Magistere\DataError: local_magistere_mark row 2: duplicate (courseid, userid) (2, 5) (already in row 0)
a duplicate enrolment:
  Magistere\DataError: user_enrolments row 13: duplicate (enrolid, userid) (1, 5) (already in row 0)
a duplicate role shortname:
  Magistere\DataError: role row 4, field shortname: duplicate shortname "formateur" (already in row 1)
a duplicate UAI (case folded):
  Magistere\DataError: local_magistere_school row 3, field uai: duplicate UAI "0691234A" (already in row 0)
a negative forecast duration:
  Magistere\DataError: customfield_data row 0, field value: negative duration -30
a negative decimal duration:
  Magistere\DataError: customfield_data row 1, field decvalue: negative duration -1.5
a duration that is not a number:
  Magistere\DataError: customfield_data row 0, field value: "trois heures" is not a whole number of minutes
a duration in fractions of a minute:
  Magistere\DataError: customfield_data row 0, field value: "90.5" is not a whole number of minutes
negative credited minutes:
  Magistere\DataError: local_magistere_mark row 0, field creditedminutes: negative duration -5
a finished flag that is not 0 or 1:
  Magistere\DataError: local_magistere_mark row 0, field finished: 2 is neither 0 nor 1
a completion state out of range:
  Magistere\DataError: course_modules_completion row 0, field completionstate: 4 is not a completion state (0 to 3)
a missing required column:
  Magistere\DataError: course row 1, field shortname: is missing
a null in a required column:
  Magistere\DataError: user row 0, field firstname: must not be null
a non-integer id:
  Magistere\DataError: course row 0, field id: "deux" is not an integer
a fractional id:
  Magistere\DataError: course row 0, field id: 2.5 is not an integer
an array where a string goes:
  Magistere\DataError: course row 0, field fullname: expected a string, got array
a row that is not an array:
  Magistere\DataError: role row 4: a row must be an array or an object, got string
a section of another course:
  Magistere\DataError: course_modules row 9, field section: section 10 belongs to course 2, not to course 4
a school in an unknown circonscription:
  Magistere\DataError: local_magistere_school row 0, field circonscription: "C9" is no local_magistere_circ.code
an unknown degré:
  Magistere\DataError: local_magistere_school row 0, field degre: "3D" is not 1D, 2D or empty
an unknown secteur:
  Magistere\DataError: local_magistere_school row 0, field secteur: "associatif" is not public, prive or empty
an inspector of an unknown circonscription:
  Magistere\DataError: local_magistere_inspector row 0, field circonscription: "C9" is no local_magistere_circ.code
a role assignment in an unknown context:
  Magistere\DataError: role_assignments row 0, field contextid: 404 is no context.id
an enrolment in an unknown enrol instance:
  Magistere\DataError: user_enrolments row 0, field enrolid: 404 is no enrol.id
a course context of an unknown course:
  Magistere\DataError: context row 4, field instanceid: 404 is no course.id
-- the exception family --
Magistere\DataError < Magistere\Exception < RuntimeException < Exception
-- Moodle's string values and objects are accepted as they are --
3 participants, Lefèvre