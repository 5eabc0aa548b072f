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

/**
 * Renderer of local_magistere: one template per page.
 *
 * @package    local_magistere
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class renderer extends \plugin_renderer_base {
    /**
     * The participant's view of a parcours (R2).
     *
     * @param participant_page $page
     * @return string HTML
     */
    protected function render_participant_page(participant_page $page): string {
        return $this->render_from_template('local_magistere/participant', $page->export_for_template($this));
    }

    /**
     * The trainer's view of a parcours (R3).
     *
     * @param trainer_page $page
     * @return string HTML
     */
    protected function render_trainer_page(trainer_page $page): string {
        return $this->render_from_template('local_magistere/trainer', $page->export_for_template($this));
    }

    /**
     * "My trainings".
     *
     * @param my_trainings_page $page
     * @return string HTML
     */
    protected function render_my_trainings_page(my_trainings_page $page): string {
        return $this->render_from_template('local_magistere/my_trainings', $page->export_for_template($this));
    }

    /**
     * The inspector's view (R4).
     *
     * @param circonscription_page $page
     * @return string HTML
     */
    protected function render_circonscription_page(circonscription_page $page): string {
        return $this->render_from_template('local_magistere/circonscription', $page->export_for_template($this));
    }

    /**
     * The statistics (R5).
     *
     * @param statistics_page $page
     * @return string HTML
     */
    protected function render_statistics_page(statistics_page $page): string {
        return $this->render_from_template('local_magistere/statistics', $page->export_for_template($this));
    }

    /**
     * The transparency page (R9).
     *
     * @param transparency_page $page
     * @return string HTML
     */
    protected function render_transparency_page(transparency_page $page): string {
        return $this->render_from_template('local_magistere/transparency', $page->export_for_template($this));
    }

    /**
     * What to install when the extension is missing.
     *
     * @param missing_extension $notice
     * @return string HTML
     */
    protected function render_missing_extension(missing_extension $notice): string {
        return $this->render_from_template('local_magistere/missing_extension', $notice->export_for_template($this));
    }

    /**
     * The preview of an import.
     *
     * @param import_preview $preview
     * @return string HTML
     */
    protected function render_import_preview(import_preview $preview): string {
        return $this->render_from_template('local_magistere/import_preview', $preview->export_for_template($this));
    }
}
