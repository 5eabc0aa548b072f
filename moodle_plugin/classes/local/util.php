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

namespace local_magistere\local;

/**
 * Small helpers shared by the pages: names, durations, progress bars and activity states.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class util {
    /** @var array<string, string> activity state => pix icon of core. */
    public const STATE_ICONS = [
        'complete' => 'i/completion-auto-y',
        'pass' => 'i/completion-auto-pass',
        'fail' => 'i/completion-auto-fail',
        'incomplete' => 'i/completion-auto-n',
    ];

    /**
     * The display name of a person returned by the engine (it knows first and last names only).
     *
     * @param array $person with firstname and lastname
     * @return string
     */
    public static function fullname(array $person): string {
        $user = (object) array_fill_keys(\core_user\fields::get_name_fields(), '');
        $user->id = (int) ($person['id'] ?? 0);
        $user->firstname = (string) ($person['firstname'] ?? '');
        $user->lastname = (string) ($person['lastname'] ?? '');
        return fullname($user);
    }

    /**
     * Sends rows as a download in a dataformat chosen by the user, then exits. Every value is escaped for the
     * dataformats that write HTML (html, pdf), which Moodle writes as given: a name is text, never markup. The
     * columns are the plugin's own strings.
     *
     * @param string $filename without extension
     * @param string $dataformat
     * @param string[] $columns
     * @param array[] $rows
     */
    public static function download(string $filename, string $dataformat, array $columns, array $rows): void {
        \core\dataformat::download_data(
            clean_filename($filename),
            $dataformat,
            $columns,
            $rows,
            [self::class, 'download_row']
        );
        exit;
    }

    /**
     * A row of a download as the dataformat writes it: escaped when the dataformat writes HTML.
     *
     * @param array $row
     * @param bool $supportshtml
     * @return array
     */
    public static function download_row(array $row, bool $supportshtml): array {
        return $supportshtml ? array_map(fn($v) => s((string) $v), $row) : $row;
    }

    /**
     * Minutes as hours and minutes ("2 h 05"), or '' for null.
     *
     * @param int|null $minutes
     * @return string
     */
    public static function format_minutes(?int $minutes): string {
        if ($minutes === null) {
            return '';
        }
        return get_string(
            'hoursminutes',
            'local_magistere',
            (object) ['h' => intdiv($minutes, 60), 'm' => sprintf('%02d', $minutes % 60)]
        );
    }

    /**
     * The context of the progress_bar template.
     *
     * @param int $done
     * @param int $tracked
     * @param int|null $percent
     * @return array
     */
    public static function progress_bar(int $done, int $tracked, ?int $percent): array {
        $a = (object) ['done' => $done, 'tracked' => $tracked, 'percent' => (int) $percent];
        return [
            'done' => $done,
            'tracked' => $tracked,
            'percent' => (int) $percent,
            'hasactivities' => $tracked > 0,
            'label' => $tracked > 0 ? get_string('progresslabel', 'local_magistere', $a)
                : get_string('noactivities', 'local_magistere'),
        ];
    }

    /**
     * The localised label of an activity state.
     *
     * @param string $state complete, pass, fail or incomplete
     * @return string
     */
    public static function state_label(string $state): string {
        if (!isset(self::STATE_ICONS[$state])) {
            $state = 'incomplete';
        }
        return get_string('state:' . $state, 'local_magistere');
    }

    /**
     * The icon of an activity state, with its label as text alternative.
     *
     * @param string $state
     * @param string $activityname
     * @return string HTML
     */
    public static function state_icon(string $state, string $activityname = ''): string {
        global $OUTPUT;
        $icon = self::STATE_ICONS[$state] ?? self::STATE_ICONS['incomplete'];
        $alt = self::state_label($state);
        if ($activityname !== '') {
            $alt = get_string('stateof', 'local_magistere', (object) ['activity' => $activityname, 'state' => $alt]);
        }
        return $OUTPUT->pix_icon($icon, $alt);
    }

    /**
     * Name, icon and link of the engine's activities from the course's cached modinfo.
     *
     * @param \stdClass $course
     * @param array $activities engine activities (cmid, module, section)
     * @return array cmid => ['cmid', 'name', 'modname', 'url', 'icon']
     */
    public static function activities(\stdClass $course, array $activities): array {
        $modinfo = get_fast_modinfo($course);
        $result = [];
        foreach ($activities as $activity) {
            $cmid = (int) $activity['cmid'];
            try {
                $cm = $modinfo->get_cm($cmid);
                $name = format_string($cm->name, true, ['context' => $cm->context]);
                $url = $cm->url ? $cm->url->out(false) : '';
                $icon = $cm->get_icon_url()->out(false);
            } catch (\moodle_exception $e) {
                $name = get_string('pluginname', 'mod_' . $activity['module']);
                $url = '';
                $icon = '';
            }
            $result[$cmid] = [
                'cmid' => $cmid,
                'name' => $name,
                'modname' => (string) $activity['module'],
                'url' => $url,
                'icon' => $icon,
            ];
        }
        return $result;
    }

    /**
     * The link to message a user through Moodle messaging, or '' when messaging is off or it is oneself.
     *
     * @param int $userid
     * @return string
     */
    public static function message_url(int $userid): string {
        global $CFG, $USER;
        if (empty($CFG->messaging) || $userid === (int) $USER->id) {
            return '';
        }
        return (new \moodle_url('/message/index.php', ['id' => $userid]))->out(false);
    }

    /**
     * A person for the templates: id, name and message link.
     *
     * @param array $person
     * @return array
     */
    public static function person(array $person): array {
        return [
            'id' => (int) $person['id'],
            'fullname' => self::fullname($person),
            'messageurl' => self::message_url((int) $person['id']),
        ];
    }
}
