<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Language strings of local_magistere (English).
 *
 * @package    local_magistere
 * @category   string
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['activities'] = 'Activities';
$string['activity'] = 'Activity';
$string['bulkactions'] = 'With the selected participants';
$string['checkdataquality'] = 'm@gistère data quality';
$string['checkextension'] = 'magistere PHP extension';
$string['circonscription'] = 'Circonscription';
$string['circonscriptionpage'] = 'My circonscription';
$string['column:academie'] = 'Académie';
$string['column:circonscription'] = 'Circonscription code';
$string['column:city'] = 'City';
$string['column:code'] = 'Code';
$string['column:degre'] = 'Degré (1D, 2D)';
$string['column:departement'] = 'Département';
$string['column:name'] = 'Name';
$string['column:secteur'] = 'Sector (public, prive)';
$string['column:uai'] = 'UAI';
$string['column:username'] = 'Username';
$string['confirmdelete'] = 'Delete this record?';
$string['confirmduration'] = 'The forecast duration of the parcours, {$a}, will be credited to each of them.';
$string['confirmfinish'] = 'Mark the training of these {$a} participant(s) as finished?';
$string['confirmmark'] = 'Confirm the change';
$string['confirmnoduration'] = 'This parcours has no forecast duration: no time will be credited.';
$string['confirmunfinish'] = 'Mark the training of these {$a} participant(s) as not finished? Their credited time will be removed.';
$string['contactadmin'] = 'Please contact your site administrator.';
$string['countedin'] = 'The statistics count you in these cells (never by name):';
$string['coursecomplete'] = 'Course complete';
$string['credited'] = 'Credited time';
$string['creditedminutes'] = 'Credited minutes';
$string['creditedtime'] = 'credited {$a}';
$string['dataquality:count'] = 'Rows';
$string['dataquality:counts'] = 'Anomalies by table, field and problem';
$string['dataquality:failed'] = 'The data could not be read: {$a}';
$string['dataquality:field'] = 'Field';
$string['dataquality:fix:ambiguous_field'] = 'Two fields have the shortname the plugin is set to use: rename or delete the extra one (the one with the lowest id is read).';
$string['dataquality:fix:case_mismatch'] = 'Write the code exactly as in the circonscriptions list (re-import the schools or inspectors, or edit the row).';
$string['dataquality:fix:duplicate_id'] = 'Two rows share an id: the database has lost its primary key; have the database administrator repair the table.';
$string['dataquality:fix:duplicate_key'] = 'A row repeats a key that must be unique (only the first is read): delete the duplicate.';
$string['dataquality:fix:empty_value'] = 'Fill in the empty code, or delete the row.';
$string['dataquality:fix:invalid_duration'] = 'Enter the forecast duration of the parcours as a whole number of minutes (150, not "2h30"), in the course settings.';
$string['dataquality:fix:invalid_text'] = 'Edit the name to remove the control characters or broken characters (shown here as they appear on the pages).';
$string['dataquality:fix:invalid_value'] = 'Correct the value (see the message for what the engine read instead).';
$string['dataquality:fix:missing_reference'] = 'The row points to a row that no longer exists (a deleted course, user, activity...): delete it, or restore what it points to. Moodle itself ignores it.';
$string['dataquality:fix:section_mismatch'] = 'The course\'s sections and modules disagree: run admin/cli/fix_course_sequence.php for the course.';
$string['dataquality:found'] = '{$a} anomalies in the data the progress tracking reads. Every page still answers: each bad row is skipped or read as Moodle would show it. Fix them at the source.';
$string['dataquality:id'] = 'Row id';
$string['dataquality:list'] = 'The first {$a} anomalies';
$string['dataquality:message'] = 'What the engine found and did';
$string['dataquality:more'] = 'And {$a} more: the counts above include them.';
$string['dataquality:noextension'] = 'The magistere PHP extension is not loaded: the data cannot be checked (see the extension check).';
$string['dataquality:ok'] = 'No anomaly: every row the progress tracking reads is consistent.';
$string['dataquality:problem'] = 'Problem';
$string['dataquality:table'] = 'Table';
$string['dataquality:whattodo'] = 'What to do';
$string['dimension:academie'] = 'Académie';
$string['dimension:circonscription'] = 'Circonscription';
$string['dimension:degre'] = 'Degré';
$string['dimension:departement'] = 'Département';
$string['dimension:parcours'] = 'Parcours';
$string['dimension:secteur'] = 'Sector';
$string['dimensions'] = 'Dimensions';
$string['done'] = 'Done';
$string['downloadtable'] = 'Download the table as';
$string['duration'] = 'Forecast duration';
$string['durationcategory'] = 'm@gistère';
$string['durationfielddesc'] = 'Forecast duration of the parcours, in minutes. Credited to each participant whose training a trainer marks as finished.';
$string['durationfieldname'] = 'Forecast duration (minutes)';
$string['engineconnection'] = 'The progress tracking engine cannot reach the database.';
$string['engineerror'] = 'The progress tracking engine could not answer.';
$string['enginesettings'] = 'The progress tracking settings are invalid: check them in Site administration > Plugins > Local plugins > m@gistère progress tracking.';
$string['enrolments'] = 'Enrolments';
$string['environmentextension'] = 'The magistere PHP extension computes every page of m@gistère progress tracking: build it and enable it (docs/moodle.md), then restart PHP.';
$string['error:circinuse'] = 'The circonscription {$a} is still used by schools or inspectors.';
$string['error:code'] = '"{$a}" is not a valid code (letters, digits, dot, dash and underscore only).';
$string['error:degre'] = '"{$a}" is not a degré: 1D, 2D or empty.';
$string['error:duplicatecolumn'] = 'The column {$a} appears twice.';
$string['error:duplicateline'] = 'Same key as line {$a}.';
$string['error:exists'] = '{$a} already exists.';
$string['error:missingcolumn'] = 'The required column {$a} is missing.';
$string['error:required'] = 'The value of {$a} is required.';
$string['error:secteur'] = '"{$a}" is not a sector: public, prive or empty.';
$string['error:toolong'] = 'The value of {$a} is too long.';
$string['error:uai'] = '"{$a}" is not a valid UAI (7 characters and a check letter).';
$string['error:unknowncirc'] = 'Unknown circonscription {$a}: import the circonscriptions first.';
$string['error:unknownuser'] = 'No user has the username {$a}.';
$string['eventtrainingmarked'] = 'Training marked';
$string['exportattestations_task'] = 'Export the attestation file';
$string['exportfoldererror'] = 'The export folder {$a} cannot be written.';
$string['exportstatistics_task'] = 'Export the statistics file';
$string['exportwritten'] = '{$a->path} written ({$a->count} entries).';
$string['extensioninstall'] = 'On the web server, as root: install the build tools (apt-get install php{$a->php}-dev libmariadb-dev libxml2-dev), build the extension from the magistere sources (phpize && ./configure && make && make install), add "extension=magistere" to a file of {$a->ini} (for the web server and the command line), then restart PHP-FPM or the web server. See docs/moodle.md.';
$string['extensionloaded'] = 'The magistere extension {$a} is loaded.';
$string['extensionmissing'] = 'The magistere PHP extension is not loaded in PHP {$a->php}: progress tracking cannot be shown.';
$string['extensionmissingtask'] = 'The magistere PHP extension is not loaded: nothing exported.';
$string['finished'] = 'Training finished';
$string['hoursminutes'] = '{$a->h} h {$a->m}';
$string['import:circ'] = 'Import circonscriptions';
$string['import:circ_help'] = 'One line per circonscription. A line whose code exists updates it.';
$string['import:inspector'] = 'Import inspectors';
$string['import:inspector_help'] = 'One line per inspector and circonscription; the user must exist and the circonscription too.';
$string['import:school'] = 'Import schools';
$string['import:school_help'] = 'One line per school. A line whose UAI exists updates it. Import the circonscriptions first.';
$string['importaction:create'] = 'New';
$string['importaction:skip'] = 'Ignored';
$string['importaction:update'] = 'Update';
$string['importcolumns'] = 'Columns';
$string['importconfirm'] = 'Import the valid lines';
$string['importdone'] = '{$a->created} created, {$a->updated} updated, {$a->skipped} ignored.';
$string['importsummary'] = '{$a->total} line(s): {$a->valid} valid, {$a->invalid} with errors (ignored).';
$string['importunreadable'] = 'The file cannot be read: {$a}';
$string['inspectors'] = 'Inspectors of your circonscription';
$string['inspectorsummary'] = '{$a->teachers} teacher(s), {$a->enrolments} enrolment(s), {$a->finished} finished, {$a->credited} credited.';
$string['invalidaction'] = 'Unknown action.';
$string['invalidimporttype'] = 'Unknown type of records.';
$string['line'] = 'Line';
$string['magistere:manage'] = 'Manage schools, circonscriptions and inspectors';
$string['magistere:mark'] = 'Mark the training of participants as finished';
$string['magistere:viewcirconscription'] = 'See the teachers of his circonscription (inspector)';
$string['magistere:viewmytrainings'] = 'See his own trainings';
$string['magistere:viewown'] = 'See his own progress in a parcours';
$string['magistere:viewstatistics'] = 'See the non-nominative statistics';
$string['magistere:viewtrainer'] = 'See the participants\' progress (trainer)';
$string['magistere:viewtransparency'] = 'See what each role sees about oneself';
$string['manage:circ'] = 'Circonscriptions';
$string['manage:inspector'] = 'Inspectors';
$string['manage:school'] = 'Schools';
$string['markedby'] = 'by {$a}';
$string['markedfinished'] = '{$a} participant(s) marked as finished.';
$string['markedunfinished'] = '{$a} participant(s) marked as not finished.';
$string['markfinished'] = 'Mark as finished';
$string['markunfinished'] = 'Mark as not finished';
$string['messageuser'] = 'Send a message to {$a}';
$string['ministry'] = 'The ministry';
$string['myprogress'] = 'My progress';
$string['mytrainings'] = 'My trainings';
$string['mytrainings:hidden'] = 'Hidden parcours';
$string['mytrainings:noprogress'] = 'No progress shown';
$string['mytrainings:over'] = 'Session over';
$string['never'] = 'Nobody, not even you, ever sees';
$string['never:clicks'] = 'your clicks';
$string['never:connection_time'] = 'your connection time';
$string['never:last_access'] = 'your last access';
$string['never:pages_viewed'] = 'the pages you viewed';
$string['never:resources_viewed'] = 'the resources you viewed';
$string['noacademie'] = 'Set the code of this site\'s académie in the settings before exporting statistics.';
$string['noactivities'] = 'No activity is tracked in this parcours.';
$string['nomarked'] = 'Not finished';
$string['noschool'] = 'No known school';
$string['noselection'] = 'Select at least one participant.';
$string['noteachers'] = 'No teacher of your circonscription takes part in a parcours.';
$string['notfound'] = 'Unknown parcours, user or circonscription.';
$string['nothingtoundo'] = 'Nothing to undo.';
$string['nothingyet'] = 'You take part in no parcours yet.';
$string['notparticipants'] = 'These users are not participants of the parcours: {$a}';
$string['notrecorded'] = 'Not recorded';
$string['otherparticipants'] = 'Other participants see';
$string['parcours'] = 'Parcours';
$string['parcourspage'] = 'Progress tracking';
$string['participantsof'] = 'Participants ({$a})';
$string['percent'] = 'Percentage';
$string['perpage'] = 'Per page';
$string['pluginname'] = 'm@gistère progress tracking';
$string['privacy:metadata:local_magistere_inspector'] = 'Which users inspect which circonscription.';
$string['privacy:metadata:local_magistere_inspector:circonscription'] = 'The circonscription code.';
$string['privacy:metadata:local_magistere_inspector:userid'] = 'The inspector.';
$string['privacy:metadata:local_magistere_mark'] = 'The trainer\'s \'formation terminée\' mark of each participant.';
$string['privacy:metadata:local_magistere_mark:courseid'] = 'The parcours.';
$string['privacy:metadata:local_magistere_mark:creditedminutes'] = 'The forecast duration credited when marked finished.';
$string['privacy:metadata:local_magistere_mark:finished'] = 'Whether the training is finished.';
$string['privacy:metadata:local_magistere_mark:modifiedby'] = 'The trainer who last changed the mark.';
$string['privacy:metadata:local_magistere_mark:timemodified'] = 'When the mark last changed.';
$string['privacy:metadata:local_magistere_mark:userid'] = 'The participant.';
$string['privacy:metadata:local_magistere_mark_hist'] = 'The audit trail of every change of a mark.';
$string['privacy:metadata:local_magistere_mark_hist:courseid'] = 'The parcours.';
$string['privacy:metadata:local_magistere_mark_hist:creditedminutes'] = 'The credited minutes after the change.';
$string['privacy:metadata:local_magistere_mark_hist:finished'] = 'The state after the change.';
$string['privacy:metadata:local_magistere_mark_hist:modifiedby'] = 'The trainer who made the change.';
$string['privacy:metadata:local_magistere_mark_hist:timemodified'] = 'When the change was made.';
$string['privacy:metadata:local_magistere_mark_hist:userid'] = 'The participant.';
$string['privacy:metadata:preference:perpage'] = 'How many participants a trainer sees per page.';
$string['progressindicative'] = 'Your progress is indicative only: your trainer decides whether your training is finished.';
$string['progresslabel'] = '{$a->done} of {$a->tracked} activities done ({$a->percent} %)';
$string['school'] = 'School';
$string['secteur:prive'] = 'Private';
$string['secteur:public'] = 'Public';
$string['selectall'] = 'Select all the participants of this page';
$string['selectparticipant'] = 'Select {$a}';
$string['settings'] = 'Settings';
$string['settings:academie'] = 'Académie code';
$string['settings:academie_desc'] = 'The code of this site\'s académie (e.g. AIX-MARSEILLE): it names the producer of the statistics exchange file.';
$string['settings:durationfield'] = 'Duration course field';
$string['settings:durationfield_desc'] = 'Short name of the course custom field that holds the forecast duration in minutes. The plugin creates magistere_duration on install.';
$string['settings:exportdimensions'] = 'Dimensions of the statistics export';
$string['settings:exportdimensions_desc'] = 'Comma separated, among academie, departement, circonscription, degre, secteur, parcours.';
$string['settings:exportfolder'] = 'Export folder';
$string['settings:exportfolder_desc'] = 'Folder where the scheduled tasks write the attestation and statistics files. Empty: local_magistere in the data folder.';
$string['settings:k'] = 'Disclosure threshold k';
$string['settings:k_desc'] = 'A statistics cell built from fewer than k people is suppressed. At least 3.';
$string['settings:participantroles'] = 'Participant roles';
$string['settings:participantroles_desc'] = 'Comma separated role short names that make a user a participant of a parcours.';
$string['settings:schoolfield'] = 'School profile field';
$string['settings:schoolfield_desc'] = 'Short name of the user profile field holding the teacher\'s school UAI.';
$string['settings:source'] = 'Data source';
$string['settings:source:auto'] = 'Automatic: read the database directly on MariaDB/MySQL';
$string['settings:source:rows'] = 'Always through Moodle\'s database layer';
$string['settings:source_desc'] = 'On MariaDB/MySQL the engine reads Moodle\'s database with Moodle\'s own settings; on other databases the plugin passes it the rows each page needs.';
$string['settings:trainerroles'] = 'Trainer roles';
$string['settings:trainerroles_desc'] = 'Comma separated role short names that make a user a trainer of a parcours.';
$string['showing'] = '{$a->count} of {$a->total} participant(s) shown';
$string['state:complete'] = 'Done';
$string['state:fail'] = 'Failed';
$string['state:incomplete'] = 'Not done';
$string['state:pass'] = 'Passed';
$string['stateof'] = '{$a->activity}: {$a->state}';
$string['statisticsexplanation'] = 'Counts of people and credited hours, never names. A cell built from fewer than {$a} people is hidden, and enough other cells too so that it cannot be recomputed from the totals.';
$string['statisticspage'] = 'Training statistics';
$string['statisticsxml'] = 'Download the statistics exchange file (XML)';
$string['status:enrolled'] = 'Enrolled';
$string['status:finished'] = 'Finished';
$string['suppressed'] = 'Suppressed';
$string['suppressedcell'] = 'Hidden (fewer than k people)';
$string['teachers'] = 'Teachers';
$string['totalcredited'] = 'Total credited time: {$a}';
$string['tracked'] = 'Tracked';
$string['trainers'] = 'Trainers';
$string['trainersee'] = 'Your trainers see';
$string['trainersummary'] = '{$a->participants} participant(s), {$a->finished} marked as finished.';
$string['trainingsastrainer'] = 'Parcours you train';
$string['transparencyintro'] = 'This page shows exactly what each role sees about you in this parcours, built by the same code as their pages.';
$string['transparencypage'] = 'Who sees what about me';
$string['uai'] = 'UAI';
$string['undo'] = 'Undo';
$string['undone'] = 'The change was undone.';
$string['viewpage'] = 'view this progress tracking page';
$string['whosees'] = 'Who';
$string['you'] = 'You see';
