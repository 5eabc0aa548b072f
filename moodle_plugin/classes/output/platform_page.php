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

use local_magistere\local\platform_fix;
use local_magistere\local\platform_privacy;

/**
 * The platform privacy page of the site administrator: the findings of the check, the confirmation that lists each
 * change of the fix, and the confirmation of its undo.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class platform_page implements \renderable, \templatable {
    /**
     * Constructor.
     *
     * @param string $mode overview, confirm or confirmundo
     */
    public function __construct(
        /** @var string what the page shows */
        protected string $mode = 'overview'
    ) {
    }

    /**
     * A permission for display.
     *
     * @param int|null $permission
     * @return string
     */
    protected static function permission(?int $permission): string {
        return match ($permission) {
            null, CAP_INHERIT => get_string('notset', 'core_role'),
            CAP_ALLOW => get_string('allow', 'core_role'),
            CAP_PREVENT => get_string('prevent', 'core_role'),
            CAP_PROHIBIT => get_string('prohibit', 'core_role'),
            default => (string) $permission,
        };
    }

    /**
     * A value of a change for display.
     *
     * @param array $change
     * @param mixed $value
     * @return string
     */
    protected static function value(array $change, $value): string {
        return match ($change['type']) {
            'capability' => self::permission($value === null ? null : (int) $value),
            'model' => $value ? get_string('enabled', 'admin') : get_string('disabled', 'admin'),
            'enrol' => $value ? format_time((int) $value) : get_string('never'),
            default => $value === null ? get_string('notset', 'core_role') : '"' . $value . '"',
        };
    }

    /**
     * One change as text.
     *
     * @param array $change
     * @param bool $undo describe restoring the previous value
     * @return string
     */
    public static function describe_change(array $change, bool $undo = false): string {
        $target = match ($change['type']) {
            'config' => get_string('change:config', 'local_magistere', ($change['plugin'] ? $change['plugin'] . ' | ' : '') .
                $change['name']),
            'capability' => get_string('change:capability', 'local_magistere', (object) [
                'capability' => $change['capability'], 'role' => $change['role']]),
            'model' => get_string('change:model', 'local_magistere', $change['name']),
            'enrol' => get_string('change:enrol', 'local_magistere', $change['name']),
        };
        $from = $undo ? ($change['current'] ?? null) : $change['before'];
        $to = $undo ? $change['before'] : $change['after'];
        return get_string('change:fromto', 'local_magistere', (object) ['target' => $target,
            'from' => self::value($change, $from), 'to' => self::value($change, $to)]);
    }

    /**
     * Template context.
     *
     * @param \renderer_base $output
     * @return array
     */
    public function export_for_template(\renderer_base $output): array {
        $findings = [];
        foreach (platform_privacy::findings() as $finding) {
            $findings[] = platform_privacy::describe($finding) + ['manual' => !$finding['changes']];
        }
        $plan = platform_fix::plan();
        $last = platform_fix::last();
        $context = [
            'overview' => $this->mode === 'overview',
            'confirm' => $this->mode === 'confirm',
            'confirmundo' => $this->mode === 'confirmundo',
            'passes' => !$findings,
            'findings' => $findings,
            'count' => count($findings),
            'changes' => array_map(fn($c) => ['text' => self::describe_change($c)], $plan),
            'haschanges' => !empty($plan),
            'fingerprint' => platform_fix::fingerprint($plan),
            'sesskey' => sesskey(),
            'actionurl' => (new \moodle_url('/local/magistere/admin/platform.php'))->out(false),
            'hasundo' => $last !== null,
            'undo' => [],
            'fixid' => 0,
            'lastfix' => '',
        ];
        if ($last) {
            $context['fixid'] = (int) $last->id;
            $context['lastfix'] = get_string('lastfix', 'local_magistere', (object) [
                'time' => userdate($last->timecreated),
                'count' => count($last->changes),
            ]);
            $context['undo'] = array_map(
                fn($c) => ['text' => self::describe_change($c, true)],
                platform_fix::undo_plan($last)
            );
        }
        return $context;
    }
}
