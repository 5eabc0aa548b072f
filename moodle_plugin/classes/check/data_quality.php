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

namespace local_magistere\check;

use core\check\result;
use local_magistere\local\engine;

/**
 * Status check: the anomalies of the data the engine reads (an orphan completion row, a mark of a deleted course, a
 * duration typed "2h30", a circonscription code in another case, invalid UTF-8 in a name...). The views keep
 * answering: each bad row is skipped or normalised as Moodle would, and listed here, to the site administrator only,
 * with its table, row id and field and what to do. Shown in Site administration > Reports > System status.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class data_quality extends \core\check\check {
    /** @var int how many anomalies are listed one by one (all are counted). */
    public const LIMIT = 200;

    /** @var string[] the problems the engine reports, each with its "what to do" string. */
    public const PROBLEMS = ['ambiguous_field', 'case_mismatch', 'duplicate_id', 'duplicate_key', 'empty_value',
        'invalid_duration', 'invalid_text', 'invalid_value', 'missing_reference', 'section_mismatch'];

    /**
     * The check's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('checkdataquality', 'local_magistere');
    }

    /**
     * The result: OK without anomaly, a warning listing them otherwise.
     *
     * @return result
     */
    public function get_result(): result {
        if (!engine::available()) {
            return new result(result::NA, get_string('dataquality:noextension', 'local_magistere'), '');
        }
        try {
            $quality = engine::data_quality(self::LIMIT);
        } catch (\moodle_exception $e) {
            return new result(result::ERROR, get_string('dataquality:failed', 'local_magistere', $e->getMessage()), '');
        }
        if ($quality['total'] === 0) {
            return new result(result::OK, get_string('dataquality:ok', 'local_magistere'), '');
        }
        return new result(
            result::WARNING,
            get_string('dataquality:found', 'local_magistere', $quality['total']),
            self::details($quality)
        );
    }

    /**
     * What to do about a problem.
     *
     * @param string $problem a problem code of the engine
     * @return string
     */
    public static function advice(string $problem): string {
        if (!in_array($problem, self::PROBLEMS, true)) {
            return '';
        }
        return get_string('dataquality:fix:' . $problem, 'local_magistere');
    }

    /**
     * The details: anomalies counted by table, field and problem with what to do, then the first ones one by one.
     *
     * @param array $quality the engine's dataQuality()
     * @return string HTML
     */
    public static function details(array $quality): string {
        $counts = new \html_table();
        $counts->caption = get_string('dataquality:counts', 'local_magistere');
        $counts->head = [
            get_string('dataquality:table', 'local_magistere'),
            get_string('dataquality:field', 'local_magistere'),
            get_string('dataquality:problem', 'local_magistere'),
            get_string('dataquality:count', 'local_magistere'),
            get_string('dataquality:whattodo', 'local_magistere'),
        ];
        foreach ($quality['counts'] as $c) {
            $counts->data[] = [s($c['table']), s($c['field']), s($c['problem']), (int) $c['count'], s(self::advice($c['problem']))];
        }
        $list = new \html_table();
        $list->caption = get_string('dataquality:list', 'local_magistere', count($quality['anomalies']));
        $list->head = [
            get_string('dataquality:table', 'local_magistere'),
            get_string('dataquality:id', 'local_magistere'),
            get_string('dataquality:field', 'local_magistere'),
            get_string('dataquality:problem', 'local_magistere'),
            get_string('dataquality:message', 'local_magistere'),
        ];
        foreach ($quality['anomalies'] as $a) {
            $list->data[] = [s($a['table']), (int) $a['id'], s($a['field']), s($a['problem']), s($a['message'])];
        }
        $html = \html_writer::table($counts) . \html_writer::table($list);
        $more = $quality['total'] - count($quality['anomalies']);
        if ($more > 0) {
            $html .= \html_writer::tag('p', get_string('dataquality:more', 'local_magistere', $more));
        }
        return $html;
    }
}
