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

namespace local_magistere\output;

use local_magistere\local\util;

/**
 * The ministry's statistics (R5): the published releases, and the two tables of the one chosen, under
 * disclosure control (docs/statistics.md). Every protected figure shows the same mark, with nothing that says
 * why; nothing here is computed from live data.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class statistics_page implements \renderable, \templatable {
    /** @var string[] the tables of the publication plan, in the order shown. */
    public const TABLES = ['etablissements', 'parcours'];

    /** @var array<string, string[]> the measures of each table, in the order shown. */
    public const MEASURES = [
        'etablissements' => ['participants', 'enrolments', 'finished'],
        'parcours' => ['enrolments', 'finished', 'credited_minutes'],
    ];

    /**
     * Constructor.
     *
     * @param \stdClass[] $releases every release (views::statistics_releases()), oldest first
     * @param \stdClass|null $selected the release shown (a record of $releases), null when there is none yet
     * @param array|null $release the release shown, as the engine reads it (views::statistics_release())
     * @param bool $canpublish whether the user may publish a release now
     */
    public function __construct(
        /** @var \stdClass[] every release */
        protected array $releases,
        /** @var \stdClass|null the release shown */
        protected ?\stdClass $selected,
        /** @var array|null its figures */
        protected ?array $release,
        /** @var bool whether the user may publish */
        protected bool $canpublish = false
    ) {
    }

    /**
     * The label of a group: the value of its deepest level, "Total" for the total.
     *
     * @param string $table
     * @param array $values level => value (null above the group's depth)
     * @return string
     */
    public static function group_label(string $table, array $values): string {
        $last = null;
        foreach ($values as $level => $value) {
            if ($value !== null) {
                $last = $level;
            }
        }
        return $last === null ? get_string('total') : self::value_label($table, $values[$last]);
    }

    /**
     * One value of a level for display.
     *
     * @param string $table
     * @param string|null $value null: every value (a total)
     * @return string
     */
    public static function value_label(string $table, ?string $value): string {
        if ($value === null) {
            return get_string('total');
        }
        if ($value === '') {
            return get_string($table === 'parcours' ? 'othercourses' : 'notrecorded', 'local_magistere');
        }
        return $value;
    }

    /**
     * The depth of a group in its tree (0: the total).
     *
     * @param array $values
     * @return int
     */
    protected static function depth(array $values): int {
        return count(array_filter($values, fn($v) => $v !== null));
    }

    /**
     * The heading of a measure.
     *
     * @param string $measure
     * @return string
     */
    protected static function measure_label(string $measure): string {
        return match ($measure) {
            'participants' => get_string('people', 'local_magistere'),
            'enrolments' => get_string('enrolments', 'local_magistere'),
            'finished' => get_string('finished', 'local_magistere'),
            'credited_minutes' => get_string('credited', 'local_magistere'),
        };
    }

    /**
     * The date of a release.
     *
     * @param int $generated
     * @return string
     */
    public static function release_label(int $generated): string {
        return userdate($generated, get_string('strftimedatetime', 'langconfig'));
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $url = new \moodle_url('/local/magistere/statistics.php');
        $list = [];
        foreach (array_reverse($this->releases) as $r) {
            $list[] = [
                'label' => self::release_label((int) $r->generated),
                'url' => (new \moodle_url($url, ['id' => $r->id]))->out(false),
                'selected' => $this->selected !== null && (int) $r->id === (int) $this->selected->id,
            ];
        }
        $tables = [];
        if ($this->release !== null) {
            foreach (self::TABLES as $name) {
                $tables[] = $this->table_context($output, $name);
            }
        }
        return [
            'explanation' => get_string(
                'statisticsexplanation',
                'local_magistere',
                $this->release !== null ? (int) $this->release['k'] : \local_magistere\local\engine::settings()['k']
            ),
            'hasreleases' => !empty($list),
            'releases' => $list,
            'hasrelease' => $this->release !== null,
            'releaselabel' => $this->release !== null ? get_string('releaseof', 'local_magistere', (object) [
                'date' => self::release_label((int) $this->release['generated']),
                'academie' => (string) ($this->release['academie'] ?? ''),
                'k' => (int) $this->release['k'],
            ]) : '',
            'tables' => $tables,
            'xmlurl' => $this->selected !== null
                ? (new \moodle_url($url, ['id' => $this->selected->id, 'xml' => 1]))->out(false) : '',
            'canpublish' => $this->canpublish,
            'publishurl' => $url->out(false),
            'sesskey' => sesskey(),
        ];
    }

    /**
     * The context of one table.
     *
     * @param \renderer_base $output
     * @param string $name
     * @return array
     */
    protected function table_context(\renderer_base $output, string $name): array {
        $headers = [];
        foreach (self::MEASURES[$name] as $measure) {
            $headers[] = ['label' => self::measure_label($measure)];
        }
        $rows = [];
        foreach ($this->release['tables'][$name]['cells'] as $cell) {
            $figures = [];
            foreach (self::MEASURES[$name] as $measure) {
                if (!array_key_exists($measure, $cell)) {
                    // Not a figure of this group (credited hours of the parcours total): nothing to hide.
                    $figures[] = ['value' => '', 'protected' => false];
                } else if ($cell[$measure] === null) {
                    $figures[] = ['value' => '', 'protected' => true];
                } else {
                    $figures[] = ['value' => $measure === 'credited_minutes' ? util::format_minutes((int) $cell[$measure])
                        : (string) $cell[$measure], 'protected' => false];
                }
            }
            $depth = self::depth($cell['values']);
            $rows[] = [
                'label' => self::group_label($name, $cell['values']),
                'depth' => $depth,
                'indent' => $depth * 1.25,
                'istotal' => $depth === 0,
                'figures' => $figures,
            ];
        }
        $levels = array_map(
            fn($level) => get_string('dimension:' . $level, 'local_magistere'),
            $this->release['tables'][$name]['levels']
        );
        return [
            'name' => $name,
            'caption' => get_string('table:' . $name, 'local_magistere'),
            'levels' => implode(' › ', $levels),
            'headers' => $headers,
            'rows' => $rows,
            'download' => $output->download_dataformat_selector(
                get_string('downloadtable', 'local_magistere'),
                new \moodle_url('/local/magistere/statistics.php'),
                'download',
                ['id' => $this->selected->id, 'table' => $name]
            ),
        ];
    }

    /**
     * The rows of a table's download: one column per level and per figure, every protected figure the same
     * mark.
     *
     * @param string $name etablissements or parcours
     * @return array ['columns' => string[], 'rows' => array[]]
     */
    public function download_rows(string $name): array {
        $tab = $this->release['tables'][$name];
        $columns = [];
        foreach ($tab['levels'] as $level) {
            $columns[] = get_string('dimension:' . $level, 'local_magistere');
        }
        foreach (self::MEASURES[$name] as $measure) {
            $columns[] = $measure === 'credited_minutes' ? get_string('creditedminutes', 'local_magistere')
                : self::measure_label($measure);
        }
        $mark = get_string('protectedmark', 'local_magistere');
        $rows = [];
        foreach ($tab['cells'] as $cell) {
            $row = [];
            foreach ($tab['levels'] as $level) {
                $row[] = self::value_label($name, $cell['values'][$level] ?? null);
            }
            foreach (self::MEASURES[$name] as $measure) {
                $row[] = !array_key_exists($measure, $cell) ? '' : ($cell[$measure] ?? $mark);
            }
            $rows[] = $row;
        }
        return ['columns' => $columns, 'rows' => $rows];
    }
}
