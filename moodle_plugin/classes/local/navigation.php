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
 * Adds the plugin's pages to the primary navigation: "my trainings" for everybody who may see it, and the
 * inspector's and statistician's pages for those who hold their capability.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class navigation {
    /**
     * Hook callback of core\hook\navigation\primary_extend.
     *
     * @param \core\hook\navigation\primary_extend $hook
     */
    public static function extend_primary(\core\hook\navigation\primary_extend $hook): void {
        if (!isloggedin() || isguestuser() || during_initial_install()) {
            return;
        }
        $view = $hook->get_primaryview();
        $system = \context_system::instance();
        if (has_capability('local/magistere:viewmytrainings', $system)) {
            $view->add(
                get_string('mytrainings', 'local_magistere'),
                new \moodle_url('/local/magistere/index.php'),
                \navigation_node::TYPE_CUSTOM,
                null,
                'local_magistere_mytrainings'
            );
        }
        if (has_capability('local/magistere:viewcirconscription', $system)) {
            $view->add(
                get_string('circonscriptionpage', 'local_magistere'),
                new \moodle_url('/local/magistere/circonscription.php'),
                \navigation_node::TYPE_CUSTOM,
                null,
                'local_magistere_circonscription'
            );
        }
        if (has_capability('local/magistere:viewstatistics', $system)) {
            $view->add(
                get_string('statisticspage', 'local_magistere'),
                new \moodle_url('/local/magistere/statistics.php'),
                \navigation_node::TYPE_CUSTOM,
                null,
                'local_magistere_statistics'
            );
        }
    }
}
