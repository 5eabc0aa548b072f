--TEST--
Bad input: only rows the source cannot read (wrong PHP types, missing required columns) raise Magistere\DataError naming table, row and field
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
// Inconsistent values (dangling references, duplicates, values out of range...) are anomalies, not
// errors: rows_anomalies-001.phpt. What is left here cannot be read at all.
$cases = [
    'a missing required column' => function (&$t) { unset($t['course'][1]['shortname']); },
    'a null in a required column' => fn(&$t) => $t['user'][0]['firstname'] = null,
    'a non-integer id' => fn(&$t) => $t['course'][0]['id'] = 'deux',
    'a fractional id' => fn(&$t) => $t['course'][0]['id'] = 2.5,
    'an array where a string goes' => fn(&$t) => $t['course'][0]['fullname'] = ['Lecture'],
    'a row that is not an array' => fn(&$t) => $t['role']['extra'] = 'participant',
    'an object where a number goes' => fn(&$t) => $t['course_completions'] = [['id' => 1, 'userid' => 5, 'course' => 2,
        'timecompleted' => new stdClass()]],
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
an object where a number goes:
  Magistere\DataError: course_completions row 0, field timecompleted: expected an integer, got stdClass
-- the exception family --
Magistere\DataError < Magistere\Exception < RuntimeException < Exception
-- Moodle's string values and objects are accepted as they are --
3 participants, Lefèvre
