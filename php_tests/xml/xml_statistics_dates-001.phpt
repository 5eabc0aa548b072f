--TEST--
xml: a release's date is written as a valid xs:dateTime and read back, for the years 1 to 9999; others are refused
--EXTENSIONS--
magistere
dom
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/fixture.inc';
$dir = xml_fixture_dir('statistics-dates');
$groups = xml_fixture_academies()['LYON'];
// Found by fuzzing: a release dated in the year 227 was written "227-01-15T08:00:00Z" (strftime's
// %Y has no padding), which the schema refuses.
foreach (['0227-01-15T08:00:00Z', '1969-07-20T20:17:40Z', '2027-01-01T03:00:00Z', '9999-12-31T23:59:59Z'] as $date) {
    $now = (new DateTimeImmutable($date))->getTimestamp();
    xml_fixture_tracker('LYON', $groups, 10000, $now)->writeStatistics("$dir/out.xml", 'LYON');
    preg_match('/generated="([^"]*)"/', file_get_contents("$dir/out.xml"), $m);
    $back = Magistere\Statistics::read("$dir/out.xml")['generated'];
    echo "$date: written as $m[1], ", xml_fixture_validate("$dir/out.xml", 'statistics-2.xsd') ? 'valid' : 'INVALID',
        ', read back ', $back === $now ? 'the same' : "as $back", "\n";
}
// A date whose UTC year is 0 (or that the schema refuses) is refused when read, with the reason.
$valid = file_get_contents("$dir/out.xml");
foreach (['0001-01-01T00:30:00+01:00', '0000-01-01T00:00:00Z'] as $date) {
    $file = xml_fixture_put($dir, 'in.xml', preg_replace('/generated="[^"]*"/', "generated=\"$date\"", $valid));
    libxml_use_internal_errors(true);
    try {
        Magistere\Statistics::read($file);
        echo "$date: ACCEPTED\n";
    } catch (Magistere\Exception $e) {
        echo "$date: ", get_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
    }
    libxml_clear_errors();
    libxml_use_internal_errors(false);
}
xml_fixture_cleanup($dir);
?>
--EXPECT--
0227-01-15T08:00:00Z: written as 0227-01-15T08:00:00Z, valid, read back the same
1969-07-20T20:17:40Z: written as 1969-07-20T20:17:40Z, valid, read back the same
2027-01-01T03:00:00Z: written as 2027-01-01T03:00:00Z, valid, read back the same
9999-12-31T23:59:59Z: written as 9999-12-31T23:59:59Z, valid, read back the same
0001-01-01T00:30:00+01:00: Magistere\XmlError: DIR/in.xml line 2: attribute generated: not a date and time from the year 1 to 9999 (UTC)
0000-01-01T00:00:00Z: Magistere\XmlError: DIR/in.xml line 2: Element '{urn:magistere:statistics:2}statistics', attribute 'generated': '0000-01-01T00:00:00Z' is not a valid value of the atomic type 'xs:dateTime'.