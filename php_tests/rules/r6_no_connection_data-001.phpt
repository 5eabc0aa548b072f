--TEST--
R6: nothing about connection is read or shown; the engine refuses the tables that hold it
--EXTENSIONS--
magistere
--FILE--
<?php
require __DIR__ . '/../inc/fixture.inc';
$t = mg_tracker();
// The fixture's user rows carry lastaccess, lastlogin, firstaccess, currentlogin (1234567890..3) and
// lastip: none of them may surface.
$all = json_encode([$t->participantView(5, 2), $t->trainerView(7, 2), $t->inspectorView(8),
    $t->statistics(['etablissements', 'parcours'], [], 3), $t->transparency(5, 2)]);
foreach (['lastaccess', 'lastlogin', 'lastip', 'firstaccess', 'currentlogin', '123456789', '10.0.0.1', 'timeaccess', 'timeviewed'] as $needle) {
    echo str_pad($needle, 14), str_contains($all, $needle) ? "FOUND\n" : "absent\n";
}
echo "-- the tables of connection data are not even accepted --\n";
foreach (['user_lastaccess', 'logstore_standard_log', 'log', 'course_modules_viewed', 'sessions'] as $table) {
    mg_refused(fn() => Magistere\Source::rows([$table => []]));
}
echo "-- and the transparency page says so --\n";
echo implode(',', $t->transparency(5, 2)['never']), "\n";
?>
--EXPECT--
lastaccess    absent
lastlogin     absent
lastip        absent
firstaccess   absent
currentlogin  absent
123456789     absent
10.0.0.1      absent
timeaccess    absent
timeviewed    absent
-- the tables of connection data are not even accepted --
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "user_lastaccess" (names are given without prefix, e.g. "course")
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "logstore_standard_log" (names are given without prefix, e.g. "course")
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "log" (names are given without prefix, e.g. "course")
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "course_modules_viewed" (names are given without prefix, e.g. "course")
ValueError: Magistere\Source::rows(): Argument #1 ($tables) contains the unknown table "sessions" (names are given without prefix, e.g. "course")
-- and the transparency page says so --
connection_time,last_access,clicks,pages_viewed,resources_viewed
