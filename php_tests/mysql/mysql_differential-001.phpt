--TEST--
mysql: every view is identical through Source::rows() and Source::mysql() (generated datasets, mdl_ and other prefixes, utf8mb4 names)
--EXTENSIONS--
magistere
mysqlnd
mysqli
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
magistere.check_scopes=1
--ENV--
TEST_TIMEOUT=600
--FILE--
<?php
require __DIR__ . '/mysql.inc';

// Each dataset holds an empty parcours too (no participant, no activity). Views compared: the
// participant, trainer and transparency views of several people of every parcours and of an
// outsider, every inspector with and without each of his circonscriptions, the statistics release
// and each of its tables, and the attestation file (all parcours and two of them).
mgt_differential(__FILE__, 'latin names, mdl_', mgt_dataset(1));
mgt_differential(__FILE__, 'accents, apostrophes, non-Latin scripts, emoji, prefix m2', mgt_dataset(2, ['names' => 'world']), 'm2');
mgt_differential(__FILE__, 'no noise rows, prefix moodle_', mgt_dataset(3, ['noise' => false, 'courses' => 2]), 'moodle_');
mgt_differential(__FILE__, 'uneven parcours (0, 1, 25 participants), prefix a', mgt_dataset(4, ['participants' => [0, 1, 25], 'activities' => 9]), 'a');
mgt_differential(__FILE__, 'other settings (roles, k), prefix mdl_',
    mgt_dataset(5, ['names' => 'world', 'courses' => 2]), 'mdl_',
    ['trainer_roles' => ['formateur'], 'participant_roles' => ['participant', 'student', 'tuteur'], 'k' => 3]);
// A trainer who has left every parcours (or a site administrator) marked some participants: the attestation
// file names him as who marked them, whichever source reads the database.
$left = mgt_dataset(7, ['courses' => 2]);
$leftid = max(array_column($left['user'], 'id')) + 1;
$left['user'][] = ['id' => $leftid, 'firstname' => 'Anne', 'lastname' => 'Partie', 'idnumber' => '', 'deleted' => 0,
    'suspended' => 0];
foreach ($left['local_magistere_mark'] as $i => $mark) {
    if ($i % 2 === 0) {
        $left['local_magistere_mark'][$i]['modifiedby'] = $leftid;
    }
}
mgt_differential(__FILE__, 'marks made by a trainer who has left, prefix mdl_', $left);
// What a real site holds (orphan rows, a mark of a deleted course, "2h30", codes in another case, control
// characters...): the views stay identical, and dataQuality() (which reads every row) finds the same anomalies.
$bad = mgt_dataset_anomalies(mgt_dataset(6, ['names' => 'world']));
mgt_differential(__FILE__, 'inconsistent rows of a real database, prefix mdl_', $bad);
$q = (new Magistere\Tracker(Magistere\Source::rows(mgt_engine_tables($bad)), ['now' => MGT_NOW]))->dataQuality();
echo "  anomalies: {$q['total']} (", implode(', ', array_unique(array_column($q['counts'], 'problem'))), ")\n";
?>
--CLEAN--
<?php
require __DIR__ . '/mysql.inc';
mgt_drop_db(__DIR__ . '/mysql_differential-001.phpt');
?>
--EXPECT--
latin names, mdl_: identical
accents, apostrophes, non-Latin scripts, emoji, prefix m2: identical
no noise rows, prefix moodle_: identical
uneven parcours (0, 1, 25 participants), prefix a: identical
other settings (roles, k), prefix mdl_: identical
marks made by a trainer who has left, prefix mdl_: identical
inconsistent rows of a real database, prefix mdl_: identical
  anomalies: 16 (invalid_text, missing_reference, section_mismatch, ambiguous_field, invalid_duration, case_mismatch)
