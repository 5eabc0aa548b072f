<?php
// This file is part of magistere: what the browser tests read of the real site's database, through Moodle's $DB (bound
// parameters), to check that a page told the truth. Run by scripts/browser/lib/moodle.js with `scripts/site/site.sh php`
// (the working folder is the site's Moodle tree).
//
//   php read.php release ID            the stored file of statistics release ID, byte for byte
//   php read.php marks COURSEID        JSON: the marks of the parcours and their audit trail, oldest change first
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

define('CLI_SCRIPT', true);
require(getcwd() . '/config.php');

[, $what, $id] = $argv + [null, '', '0'];
$id = (int) $id;
switch ($what) {
    case 'release':
        echo $DB->get_field('local_magistere_release', 'content', ['id' => $id], MUST_EXIST);
        break;
    case 'marks':
        $marks = $DB->get_records('local_magistere_mark', ['courseid' => $id], 'userid',
            'userid, finished, creditedminutes, modifiedby, revision');
        $history = $DB->get_records('local_magistere_mark_hist', ['courseid' => $id], 'id',
            'id, userid, finished, creditedminutes, modifiedby, revision');
        echo json_encode(['marks' => array_values($marks), 'history' => array_values($history)]), "\n";
        break;
    default:
        fwrite(STDERR, "usage: php read.php release ID | marks COURSEID\n");
        exit(2);
}
