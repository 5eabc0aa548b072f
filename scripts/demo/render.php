<?php
/**
 * The demo's scenes and their two renderings: aligned text for the terminal and static HTML pages.
 *
 * A scene is one role's view for one chosen person: the call that was made, the array the
 * extension returned (docs/api.md) and the calls that role is refused, each actually made, with the
 * exception it raised. Nothing here computes progress or filters data: it only lays out what the
 * extension returned.
 */

declare(strict_types=1);

namespace MagistereDemo;

/** User-facing strings, in English and French. */
final class I18n
{
    private const STRINGS = [
        'en' => [
            'demo_title' => 'm@gistère progress tracking: what each role sees',
            'demo_intro' => 'Sample académie (seed %d, scale %d): %d circonscriptions, %d schools, %d user accounts, %d parcours. Every view below is the array the magistere extension returned; every refusal is a real call that raised an exception.',
            'scene_participant' => 'Participant view (R2)',
            'scene_trainer' => 'Trainer view (R3)',
            'scene_inspector' => 'Inspector (IEN) view (R4)',
            'scene_ministry' => 'Ministry statistics (R5)',
            'scene_transparency' => 'Transparency page (R9)',
            'who_participant' => '%s, participant of "%s"',
            'who_trainer' => '%s, trainer of "%s"',
            'who_inspector' => '%s, inspector (IEN) of %s',
            'who_ministry' => 'The ministry: aggregates only, under disclosure control (k = %d)',
            'who_transparency' => 'What each role sees about %s in "%s"',
            'call' => 'Call',
            'course' => 'Parcours',
            'forecast' => 'forecast duration',
            'no_forecast' => 'no forecast duration',
            'trainers' => 'Trainers',
            'participants' => 'Participants',
            'participants_names' => 'Participants (names only, %d)',
            'my_progress' => 'My progress',
            'progress' => 'Progress',
            'progress_text' => '%d of %d activities done',
            'nothing_tracked' => 'no tracked activity',
            'activities' => 'Activities',
            'activity' => 'Activity',
            'module' => 'Module',
            'section' => 'Section',
            'state' => 'State',
            'state_complete' => 'done',
            'state_pass' => 'passed',
            'state_fail' => 'failed',
            'state_incomplete' => 'to do',
            'legend' => 'Legend',
            'mark' => 'Training finished',
            'mark_yes' => 'finished, %s credited (%s)',
            'mark_yes_short' => 'finished',
            'mark_no' => 'not marked finished',
            'mark_unticked' => 'not finished (box unticked %s)',
            'by' => 'by %s',
            'school' => 'School',
            'no_school' => 'no known school',
            'summary' => 'Summary',
            'summary_trainer' => '%d participants, %d marked finished',
            'summary_inspector' => '%d teachers, %d enrolments, %d finished, %s credited',
            'more_rows' => '... and %d more (all of them in the HTML page)',
            'circonscriptions' => 'Circonscriptions',
            'parcours_in_place' => 'Parcours in place',
            'teachers' => 'Teachers',
            'teacher' => 'Teacher',
            'enrolments' => 'Enrolments',
            'status_enrolled' => 'enrolled',
            'status_finished' => 'finished',
            'table_etablissements' => 'Schools: académie › degré › secteur › département › circonscription',
            'table_parcours' => 'Parcours',
            'col_group' => 'Group',
            'total' => 'Total',
            'not_recorded' => '(not recorded)',
            'other_courses' => '(other courses: no forecast duration)',
            'col_participants' => 'People',
            'col_enrolments' => 'Enrolments',
            'col_finished' => 'Finished',
            'col_hours' => 'Credited hours',
            'secret' => 'protected',
            't_fields' => 'fields: %s; nothing else',
            'protected_cells' => '%d of %d groups protected (one mark for all: nothing says why)',
            'release_of' => 'Release of %s',
            'later' => 'The next release, a month later: %s ticked %d more participants of "%s"; it is protected with the first (%s)',
            'later_counts' => '%d groups shown in both releases moved by 0 or at least k people; %d shown in the first are protected in the second (they moved by 1 to k-1, or protect one that did); %d protected in both',
            'dim_academie' => 'académie', 'dim_departement' => 'département', 'dim_circonscription' => 'circonscription',
            'dim_degre' => 'degré', 'dim_secteur' => 'secteur', 'dim_parcours' => 'parcours',
            'val_prive' => 'private', 'val_public' => 'public',
            'cannot' => 'Cannot see',
            'refused' => 'refused',
            'not_refused' => 'NOT REFUSED: this is a bug, the rule is not enforced',
            'cannot_participant' => "other participants' progress and marks (R2), nor anything of a parcours one is not in (R1)",
            'cannot_trainer' => "the parcours one does not train (R1), the inspector's and the ministry's views",
            'cannot_inspector' => 'activity details, progress or percentages (R4), another circonscription, the inside of a parcours',
            'cannot_ministry' => 'any name, id or school code of a person, any table outside the publication plan (R5): it opens no parcours, and k never goes below 3',
            'cannot_transparency' => "a transparency page for someone who is not a participant of the parcours: the page is a participant's (R9); and nobody, in any role, sees connection time, last access, clicks or pages viewed (R6)",
            't_self' => 'You',
            't_participants' => 'The other participants',
            't_trainers' => 'The trainers',
            't_inspectors' => 'The inspector of your circonscription',
            't_ministry' => 'The ministry',
            't_never' => 'Nobody',
            't_sees_nothing' => 'sees nothing about you in this parcours',
            't_counted_in' => 'counts you, without your name, in the statistics groups of',
            'never_connection_time' => 'connection time', 'never_last_access' => 'last access', 'never_clicks' => 'clicks',
            'never_pages_viewed' => 'pages viewed', 'never_resources_viewed' => 'resources viewed',
            'index' => 'Index',
            'pages' => 'One page per role',
            'back' => 'Back to the index',
            'other_lang' => 'Version française',
            'generated' => 'Generated by scripts/demo.sh from a deterministic sample; no real person.',
            'html_written' => 'HTML pages written to %s (open %s)',
            'names' => 'Names of the activities come from Moodle (modinfo); the engine names them by course module id.',
        ],
        'fr' => [
            'demo_title' => 'Suivi de progression m@gistère : ce que voit chaque rôle',
            'demo_intro' => "Académie d'exemple (graine %d, échelle %d) : %d circonscriptions, %d établissements, %d comptes, %d parcours. Chaque vue ci-dessous est le tableau rendu par l'extension magistere ; chaque refus est un véritable appel qui a levé une exception.",
            'scene_participant' => 'Vue du participant (R2)',
            'scene_trainer' => 'Vue du formateur (R3)',
            'scene_inspector' => "Vue de l'inspecteur (IEN) (R4)",
            'scene_ministry' => 'Statistiques du ministère (R5)',
            'scene_transparency' => 'Page de transparence (R9)',
            'who_participant' => '%s, participant(e) du parcours « %s »',
            'who_trainer' => '%s, formateur du parcours « %s »',
            'who_inspector' => '%s, inspecteur (IEN) de %s',
            'who_ministry' => 'Le ministère : agrégats seulement, sous contrôle du secret statistique (k = %d)',
            'who_transparency' => 'Ce que chaque rôle voit de %s dans « %s »',
            'call' => 'Appel',
            'course' => 'Parcours',
            'forecast' => 'durée prévue',
            'no_forecast' => 'pas de durée prévue',
            'trainers' => 'Formateurs',
            'participants' => 'Participants',
            'participants_names' => 'Participants (noms seulement, %d)',
            'my_progress' => 'Ma progression',
            'progress' => 'Progression',
            'progress_text' => '%d activités terminées sur %d',
            'nothing_tracked' => 'aucune activité suivie',
            'activities' => 'Activités',
            'activity' => 'Activité',
            'module' => 'Module',
            'section' => 'Section',
            'state' => 'État',
            'state_complete' => 'terminé',
            'state_pass' => 'réussi',
            'state_fail' => 'échoué',
            'state_incomplete' => 'à faire',
            'legend' => 'Légende',
            'mark' => 'Formation terminée',
            'mark_yes' => 'terminée, %s créditées (%s)',
            'mark_yes_short' => 'terminée',
            'mark_no' => 'pas marquée terminée',
            'mark_unticked' => 'non terminée (case décochée le %s)',
            'by' => 'par %s',
            'school' => 'Établissement',
            'no_school' => 'établissement inconnu',
            'summary' => 'Synthèse',
            'summary_trainer' => '%d participants, %d marqués terminés',
            'summary_inspector' => '%d enseignants, %d inscriptions, %d terminées, %s créditées',
            'more_rows' => '... et %d de plus (tous dans la page HTML)',
            'circonscriptions' => 'Circonscriptions',
            'parcours_in_place' => 'Parcours en place',
            'teachers' => 'Enseignants',
            'teacher' => 'Enseignant',
            'enrolments' => 'Inscriptions',
            'status_enrolled' => 'inscrit',
            'status_finished' => 'terminé',
            'table_etablissements' => 'Établissements : académie › degré › secteur › département › circonscription',
            'table_parcours' => 'Parcours',
            'col_group' => 'Groupe',
            'total' => 'Total',
            'not_recorded' => '(non renseigné)',
            'other_courses' => '(autres cours : sans durée prévue)',
            'col_participants' => 'Personnes',
            'col_enrolments' => 'Inscriptions',
            'col_finished' => 'Terminées',
            'col_hours' => 'Heures créditées',
            'secret' => 'protégé',
            't_fields' => 'champs : %s ; rien d\'autre',
            'protected_cells' => '%d groupes protégés sur %d (une seule marque : rien ne dit pourquoi)',
            'release_of' => 'Publication du %s',
            'later' => 'La publication suivante, un mois plus tard : %s a coché %d participants de plus de « %s » ; elle est protégée avec la première (%s)',
            'later_counts' => '%d groupes montrés dans les deux publications ont bougé de 0 ou d\'au moins k personnes ; %d montrés dans la première sont protégés dans la seconde (ils ont bougé de 1 à k-1, ou en protègent un) ; %d protégés dans les deux',
            'dim_academie' => 'académie', 'dim_departement' => 'département', 'dim_circonscription' => 'circonscription',
            'dim_degre' => 'degré', 'dim_secteur' => 'secteur', 'dim_parcours' => 'parcours',
            'val_prive' => 'privé', 'val_public' => 'public',
            'cannot' => 'Ne peut pas voir',
            'refused' => 'refusé',
            'not_refused' => "NON REFUSÉ : c'est un défaut, la règle n'est pas appliquée",
            'cannot_participant' => "la progression et les marques des autres participants (R2), ni rien d'un parcours où l'on n'est pas (R1)",
            'cannot_trainer' => "les parcours que l'on n'anime pas (R1), les vues de l'inspecteur et du ministère",
            'cannot_inspector' => "le détail des activités, la progression ou les pourcentages (R4), une autre circonscription, l'intérieur d'un parcours",
            'cannot_ministry' => "aucun nom, identifiant ou code d'établissement d'une personne, aucun tableau hors du plan de publication (R5) : il n'ouvre aucun parcours, et k ne descend jamais sous 3",
            'cannot_transparency' => "une page de transparence pour qui n'est pas participant du parcours : c'est la page d'un participant (R9) ; et personne, dans aucun rôle, ne voit le temps de connexion, le dernier accès, les clics ou les pages vues (R6)",
            't_self' => 'Vous',
            't_participants' => 'Les autres participants',
            't_trainers' => 'Les formateurs',
            't_inspectors' => "L'inspecteur de votre circonscription",
            't_ministry' => 'Le ministère',
            't_never' => 'Personne',
            't_sees_nothing' => 'ne voit rien de vous dans ce parcours',
            't_counted_in' => 'vous compte, sans votre nom, dans les groupes statistiques de',
            'never_connection_time' => 'temps de connexion', 'never_last_access' => 'dernier accès', 'never_clicks' => 'clics',
            'never_pages_viewed' => 'pages vues', 'never_resources_viewed' => 'ressources consultées',
            'index' => 'Sommaire',
            'pages' => 'Une page par rôle',
            'back' => 'Retour au sommaire',
            'other_lang' => 'English version',
            'generated' => "Produit par scripts/demo.sh à partir d'un échantillon déterministe ; aucune personne réelle.",
            'html_written' => 'Pages HTML écrites dans %s (ouvrir %s)',
            'names' => "Les noms des activités viennent de Moodle (modinfo) ; le moteur les désigne par l'identifiant du module de cours.",
        ],
    ];

    public function __construct(public readonly string $lang)
    {
        if (!isset(self::STRINGS[$lang])) {
            throw new \ValueError("unknown language '$lang' (en, fr)");
        }
    }

    public function t(string $key, mixed ...$args): string
    {
        $s = self::STRINGS[$this->lang][$key] ?? self::STRINGS['en'][$key] ?? $key;
        return $args === [] ? $s : vsprintf($s, $args);
    }

    /** ": " in English, " : " in French. */
    public function colon(): string
    {
        return $this->lang === 'fr' ? ' : ' : ': ';
    }

    public function has(string $key): bool
    {
        return isset(self::STRINGS[$this->lang][$key]);
    }

    /** Minutes as "6 h 00". */
    public function minutes(?int $m): string
    {
        return $m === null ? '—' : sprintf('%d h %02d', intdiv($m, 60), $m % 60);
    }

    public function date(?int $t): string
    {
        return $t === null || $t === 0 ? '—' : gmdate('Y-m-d', $t);
    }

    public static function person(?array $p): string
    {
        return $p === null ? '—' : trim(($p['firstname'] ?? '') . ' ' . ($p['lastname'] ?? ''));
    }
}

/** The four roles' views for the chosen people, and what each is refused. */
final class Scenes
{
    public const STATE_SYMBOLS = ['complete' => '✔', 'pass' => '★', 'fail' => '✘', 'incomplete' => '○'];

    /**
     * Runs every call of the demo on the tracker. Returns the list of scenes; a refusal that did
     * not happen is recorded as such (the caller reports it and fails).
     *
     * @param array $meta the generator's meta (cast, activity names)
     * @param array<string, list<string>> $tables the rows given to the source (only counted)
     */
    public static function collect(\Magistere\Tracker $tracker, array $meta, array $tables): array
    {
        $cast = $meta['cast'];
        $p = $cast['participant'];
        $tr = $cast['trainer'];
        $in = $cast['inspector'];
        $mi = $cast['ministry'];
        $scenes = [];
        $scenes[] = self::scene('participant', "participantView({$p['userid']}, {$p['courseid']})",
            fn () => $tracker->participantView($p['userid'], $p['courseid']), [
                ["trainerView({$p['userid']}, {$p['courseid']})",
                    fn () => $tracker->trainerView($p['userid'], $p['courseid'])],
                ["participantView({$p['userid']}, {$p['other_courseid']})",
                    fn () => $tracker->participantView($p['userid'], $p['other_courseid'])],
            ]);
        $scenes[] = self::scene('trainer', "trainerView({$tr['userid']}, {$tr['courseid']})",
            fn () => $tracker->trainerView($tr['userid'], $tr['courseid']), [
                ["trainerView({$tr['userid']}, {$tr['other_courseid']})",
                    fn () => $tracker->trainerView($tr['userid'], $tr['other_courseid'])],
                ["inspectorView({$tr['userid']})", fn () => $tracker->inspectorView($tr['userid'])],
            ]);
        $scenes[] = self::scene('inspector', "inspectorView({$in['userid']})",
            fn () => $tracker->inspectorView($in['userid']), [
                ["inspectorView({$in['userid']}, '{$in['other_circonscription']}')",
                    fn () => $tracker->inspectorView($in['userid'], $in['other_circonscription'])],
                ["trainerView({$in['userid']}, {$p['courseid']})",
                    fn () => $tracker->trainerView($in['userid'], $p['courseid'])],
            ]);
        // The ministry: a release, then the next one a month later, after the trainer ticked the
        // rest of his group, protected with the first.
        $first = $tracker->statistics();
        $later = self::later($tracker, $tables, $tr, $meta);
        $scenes[] = ['key' => 'ministry', 'call' => 'statistics()', 'view' => $first, 'later' => $later,
            'refusals' => self::refusals([
                ["participantView({$mi['userid']}, {$p['courseid']})",
                    fn () => $tracker->participantView($mi['userid'], $p['courseid'])],
                ["statistics(['circonscription', 'secteur'])",
                    fn () => $tracker->statistics(['circonscription', 'secteur'])],
                ["statistics(['parcours'], [], 2)",
                    fn () => $tracker->statistics(['parcours'], [], 2)],
            ])];
        $scenes[] = self::scene('transparency', "transparency({$p['userid']}, {$p['courseid']})",
            fn () => $tracker->transparency($p['userid'], $p['courseid']), [
                ["transparency({$tr['userid']}, {$tr['courseid']})",
                    fn () => $tracker->transparency($tr['userid'], $tr['courseid'])],
            ]);
        return $scenes;
    }

    private static function scene(string $key, string $call, callable $view, array $refusals): array
    {
        return ['key' => $key, 'call' => $call, 'view' => $view(), 'refusals' => self::refusals($refusals)];
    }

    /** Makes each forbidden call; records the exception it raised, or that it was not refused. */
    private static function refusals(array $calls): array
    {
        $out = [];
        foreach ($calls as [$call, $fn]) {
            try {
                $fn();
                $out[] = ['call' => $call, 'refused' => false, 'class' => null, 'message' => null];
            } catch (\Magistere\Exception $e) {
                $out[] = ['call' => $call, 'refused' => true, 'class' => get_class($e),
                    'message' => $e->getMessage()];
            }
        }
        return $out;
    }

    /** True when every forbidden call of every scene was refused. */
    public static function allRefused(array $scenes): bool
    {
        foreach ($scenes as $s) {
            foreach ($s['refusals'] as $r) {
                if (!$r['refused']) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The next release: a month after the sample's instant, the trainer of the cast ticks every
     * participant of his parcours not yet marked finished; the release is computed with the
     * first as an earlier release.
     */
    private static function later(\Magistere\Tracker $tracker, array $tables, array $tr, array $meta): array
    {
        $tv = $tracker->trainerView($tr['userid'], $tr['courseid']);
        $minutes = $tv['course']['duration_minutes'] ?? 0;
        $marks = $tables['local_magistere_mark'] ?? [];
        $id = max(array_merge([0], array_keys($marks), array_map(fn ($m) => (int) ($m['id'] ?? 0), $marks)));
        $ticked = 0;
        foreach ($tv['participants'] as $pp) {
            if ($pp['mark']['finished'] ?? false) {
                continue;
            }
            foreach ($marks as $key => $m) {
                if ((int) $m['courseid'] === $tr['courseid'] && (int) $m['userid'] === $pp['id']) {
                    unset($marks[$key]);
                }
            }
            $marks[++$id] = ['id' => $id, 'courseid' => $tr['courseid'], 'userid' => $pp['id'], 'finished' => 1,
                'creditedminutes' => $minutes, 'timemodified' => $meta['now'] + 86400, 'modifiedby' => $tr['userid']];
            $ticked++;
        }
        $tables['local_magistere_mark'] = $marks;
        $next = new \Magistere\Tracker(\Magistere\Source::rows($tables), ['now' => $meta['now'] + 30 * 86400]);
        $first = $tracker->statistics();
        return ['call' => 'statistics([\'etablissements\', \'parcours\'], [$first])', 'view' => $next->statistics(
            ['etablissements', 'parcours'], [$first]), 'trainer' => I18n::person($tv['viewer']),
            'course' => $tv['course']['fullname'], 'ticked' => $ticked];
    }

    /** [protected, total] groups of a release. */
    public static function protectionCounts(array $release): array
    {
        $n = $total = 0;
        foreach ($release['tables'] as $tab) {
            foreach ($tab['cells'] as $c) {
                $total++;
                $n += $c['enrolments'] === null ? 1 : 0;
            }
        }
        return [$n, $total];
    }

    /**
     * What changed between two releases: [groups shown in both, groups shown in the first and
     * protected in the second, groups protected in both].
     */
    public static function laterCounts(array $first, array $second): array
    {
        $seen = [];
        foreach ($first['tables'] as $name => $tab) {
            foreach ($tab['cells'] as $c) {
                $seen[$name . json_encode($c['values'])] = $c['enrolments'] !== null;
            }
        }
        $both = $hidden = $neither = 0;
        foreach ($second['tables'] as $name => $tab) {
            foreach ($tab['cells'] as $c) {
                $was = $seen[$name . json_encode($c['values'])] ?? null;
                $now = $c['enrolments'] !== null;
                $both += $was === true && $now ? 1 : 0;
                $hidden += $was === true && !$now ? 1 : 0;
                $neither += $was === false && !$now ? 1 : 0;
            }
        }
        return [$both, $hidden, $neither];
    }

    /** The label of a group: its own value (the last of its path), "Total" at the top. */
    public static function groupLabel(array $cell, array $levels, callable $label): string
    {
        $last = null;
        foreach ($levels as $level) {
            if (($cell['values'][$level] ?? null) !== null) {
                $last = $level;
            }
        }
        return $last === null ? $label('', null) : $label($last, $cell['values'][$last]);
    }

    /** The depth of a group in its tree (0: the total). */
    public static function depth(array $cell): int
    {
        return count(array_filter($cell['values'], fn ($v) => $v !== null));
    }
}

/** Aligned text for the terminal. */
final class TextRenderer
{
    public function __construct(
        private I18n $i,
        private array $meta,
        private bool $color,
        private int $limit,
    ) {
    }

    /** Display width: one column per code point (all our characters are narrow). */
    public static function width(string $s): int
    {
        return preg_match_all('/./us', $s);
    }

    public static function fit(string $s, int $w): string
    {
        if (self::width($s) <= $w) {
            return $s . str_repeat(' ', $w - self::width($s));
        }
        preg_match_all('/./us', $s, $m);
        return implode('', array_slice($m[0], 0, $w - 1)) . '…';
    }

    private function c(string $code, string $s): string
    {
        return $this->color ? "\e[{$code}m{$s}\e[0m" : $s;
    }

    public static function bar(int $done, int $tracked, int $width = 10): string
    {
        if ($tracked <= 0) {
            return '[' . str_repeat('-', $width) . '] 0/0';
        }
        $full = intdiv($done * $width, $tracked);
        return '[' . str_repeat('#', $full) . str_repeat('-', $width - $full) . "] $done/$tracked";
    }

    /** A table: rows of cells, widths from content (capped), first row is the header. */
    private function table(array $rows, array $caps = [], string $indent = '  '): string
    {
        $w = [];
        foreach ($rows as $row) {
            foreach (array_values($row) as $k => $cell) {
                $w[$k] = max($w[$k] ?? 0, min(self::width((string) $cell), $caps[$k] ?? 60));
            }
        }
        $out = '';
        foreach ($rows as $n => $row) {
            $line = [];
            foreach (array_values($row) as $k => $cell) {
                $line[] = self::fit((string) $cell, $w[$k]);
            }
            $text = rtrim($indent . implode('  ', $line));
            $out .= ($n === 0 ? $this->c('1', $text) : $text) . "\n";
            if ($n === 0) {
                $out .= $indent . $this->c('2', str_repeat('─', self::width(rtrim(implode('  ', $line))))) . "\n";
            }
        }
        return $out;
    }

    private function heading(string $title): string
    {
        $line = '━━ ' . $title . ' ';
        return "\n" . $this->c('1;36', $line . str_repeat('━', max(3, 78 - self::width($line)))) . "\n";
    }

    private function state(string $state): string
    {
        $sym = Scenes::STATE_SYMBOLS[$state] ?? '?';
        $code = ['complete' => '32', 'pass' => '32', 'fail' => '31', 'incomplete' => '2'][$state] ?? '0';
        return $this->c($code, $sym);
    }

    private function legend(): string
    {
        $parts = [];
        foreach (Scenes::STATE_SYMBOLS as $state => $sym) {
            $parts[] = $this->state($state) . ' ' . $this->i->t('state_' . $state);
        }
        return '  ' . $this->i->t('legend') . $this->i->colon() . implode('   ', $parts) . "\n";
    }

    private function mark(?array $mark, array $names = []): string
    {
        if ($mark === null || !($mark['finished'] ?? false)) {
            if ($mark !== null && ($mark['time'] ?? null)) {
                return $this->i->t('mark_unticked', $this->i->date($mark['time']));
            }
            return $this->i->t('mark_no');
        }
        $s = $this->i->t('mark_yes', $this->i->minutes($mark['credited_minutes'] ?? null), $this->i->date($mark['time'] ?? null));
        if (isset($mark['by']) && isset($names[$mark['by']])) {
            $s .= ', ' . $this->i->t('by', $names[$mark['by']]);
        }
        return $s;
    }

    private function course(array $c): string
    {
        $d = $c['duration_minutes'] ?? null;
        return sprintf('  %s%s%s (%s), %s', $this->i->t('course'), $this->i->colon(), $c['fullname'] ?? '', $c['shortname'] ?? '',
            $d === null ? $this->i->t('no_forecast') : $this->i->t('forecast') . ' ' . $this->i->minutes($d)) . "\n";
    }

    private function names(array $people, int $max = 0): string
    {
        $names = array_map([I18n::class, 'person'], $people);
        if ($max > 0 && count($names) > $max) {
            return implode(', ', array_slice($names, 0, $max)) . ', … (+' . (count($names) - $max) . ')';
        }
        return implode(', ', $names);
    }

    private function refusals(array $scene): string
    {
        $out = '  ' . $this->c('1', $this->i->t('cannot')) . $this->i->colon() . $this->i->t('cannot_' . $scene['key']) . "\n";
        foreach ($scene['refusals'] as $r) {
            $out .= '    $tracker->' . $r['call'] . '  →  ';
            $out .= $r['refused']
                ? $this->c('33', $this->i->t('refused')) . $this->i->colon() . $r['class'] . ': ' . $r['message']
                : $this->c('1;31', $this->i->t('not_refused'));
            $out .= "\n";
        }
        return $out;
    }

    private function activityName(int $cmid): string
    {
        return (string) ($this->meta['activity_names'][$cmid] ?? $this->meta['activity_names'][(string) $cmid] ?? '');
    }

    public function scene(array $s): string
    {
        $i = $this->i;
        $v = $s['view'];
        $out = $this->heading($i->t('scene_' . $s['key']));
        switch ($s['key']) {
            case 'participant':
                $out .= '  ' . $i->t('who_participant', I18n::person($v['viewer']), $v['course']['fullname']) . "\n";
                $out .= '  ' . $i->t('call') . $i->colon() . '$tracker->' . $s['call'] . "\n";
                $out .= $this->course($v['course']);
                $out .= '  ' . $i->t('trainers') . $this->i->colon() . $this->names($v['trainers']) . "\n";
                $out .= '  ' . $i->t('participants_names', count($v['participants'])) . $i->colon()
                    . $this->names($v['participants'], 6) . "\n\n";
                $pr = $v['progress'];
                $out .= '  ' . $this->c('1', $i->t('my_progress')) . '  ' . self::bar($pr['done'], $pr['tracked'])
                    . ($pr['percent'] === null ? '  ' . $i->t('nothing_tracked') : "  {$pr['percent']} %") . "\n";
                $rows = [[' ', $i->t('activity'), $i->t('module'), $i->t('section'), $i->t('state')]];
                foreach ($pr['activities'] as $a) {
                    $rows[] = [Scenes::STATE_SYMBOLS[$a['state']] ?? '?', $this->activityName($a['cmid']),
                        $a['module'], $a['section'], $i->t('state_' . $a['state'])];
                }
                $out .= $this->colorStates($this->table($rows, [1 => 44], '    '));
                $out .= '  ' . $i->t('mark') . $this->i->colon() . $this->mark($v['mark']) . "\n";
                break;

            case 'trainer':
                $out .= '  ' . $i->t('who_trainer', I18n::person($v['viewer']), $v['course']['fullname']) . "\n";
                $out .= '  ' . $i->t('call') . $i->colon() . '$tracker->' . $s['call'] . "\n";
                $out .= $this->course($v['course']);
                $out .= '  ' . $i->t('trainers') . $this->i->colon() . $this->names($v['trainers']) . "\n";
                $out .= '  ' . $i->t('activities') . $i->colon();
                $acts = [];
                foreach ($v['activities'] as $n => $a) {
                    $acts[] = ($n + 1) . '. ' . $this->activityName($a['cmid']) . ' (' . $a['module'] . ')';
                }
                $out .= wordwrap(implode('; ', $acts), 110, "\n    ") . "\n";
                $out .= $this->legend() . "\n";
                $names = [];
                foreach ($v['trainers'] as $t) {
                    $names[$t['id']] = I18n::person($t);
                }
                $rows = [[$i->t('participants'), $i->t('school'), $i->t('progress'), $i->t('activities'), $i->t('mark')]];
                foreach (array_slice($v['participants'], 0, $this->limit) as $p) {
                    $pr = $p['progress'];
                    $states = implode('', array_map(fn ($st) => Scenes::STATE_SYMBOLS[$st] ?? '?', $pr['states']));
                    $rows[] = [I18n::person($p), $p['school']['name'] ?? $i->t('no_school'),
                        self::bar($pr['done'], $pr['tracked']), $states,
                        ($p['mark']['finished'] ?? false) ? '☑ ' . $i->minutes($p['mark']['credited_minutes'] ?? null)
                            . ' ' . $i->t('by', $names[$p['mark']['by'] ?? 0] ?? ('#' . ($p['mark']['by'] ?? '?'))) : '☐'];
                }
                $out .= $this->colorStates($this->table($rows, [0 => 26, 1 => 30]));
                if (count($v['participants']) > $this->limit) {
                    $out .= '  ' . $i->t('more_rows', count($v['participants']) - $this->limit) . "\n";
                }
                $out .= '  ' . $i->t('summary') . $this->i->colon() . $i->t('summary_trainer', $v['summary']['participants'],
                    $v['summary']['finished']) . "\n";
                break;

            case 'inspector':
                $circs = array_map(fn ($c) => $c['name'] . ' (' . $c['code'] . ', ' . $c['departement'] . ')',
                    $v['circonscriptions']);
                $out .= '  ' . $i->t('who_inspector', I18n::person($v['viewer']), implode(', ', $circs)) . "\n";
                $out .= '  ' . $i->t('call') . $i->colon() . '$tracker->' . $s['call'] . "\n";
                $out .= '  ' . $this->c('1', $i->t('parcours_in_place')) . ":\n";
                $short = [];
                foreach ($v['parcours'] as $c) {
                    $short[$c['id']] = $c['shortname'];
                    $out .= '    ' . self::fit($c['shortname'], 26) . ' ' . self::fit($c['fullname'], 50) . '  '
                        . $i->t('trainers') . $this->i->colon() . $this->names($c['trainers']) . "\n";
                }
                $rows = [[$i->t('teacher'), $i->t('school'), $i->t('enrolments')]];
                foreach (array_slice($v['teachers'], 0, $this->limit) as $t) {
                    $en = [];
                    foreach ($t['enrolments'] as $e) {
                        $en[] = ($short[$e['courseid']] ?? '#' . $e['courseid']) . $i->colon()
                            . $i->t('status_' . $e['status'])
                            . ($e['status'] === 'finished' ? ' (' . $i->minutes($e['credited_minutes']) . ')' : '');
                    }
                    $rows[] = [I18n::person($t), ($t['school']['name'] ?? '') . ', ' . ($t['school']['city'] ?? ''),
                        implode('; ', $en)];
                }
                $out .= "\n" . $this->table($rows, [0 => 26, 1 => 44, 2 => 90]);
                if (count($v['teachers']) > $this->limit) {
                    $out .= '  ' . $i->t('more_rows', count($v['teachers']) - $this->limit) . "\n";
                }
                $sm = $v['summary'];
                $out .= '  ' . $i->t('summary') . $this->i->colon() . $i->t('summary_inspector', $sm['teachers'], $sm['enrolments'],
                    $sm['finished'], $i->minutes($sm['credited_minutes'])) . "\n";
                break;

            case 'ministry':
                $out .= '  ' . $i->t('who_ministry', $v['k']) . "\n";
                $out .= '  ' . $i->t('release_of', gmdate('Y-m-d', $v['generated'])) . '   ($tracker->' . $s['call'] . ")\n";
                foreach ($v['tables'] as $name => $tab) {
                    $out .= "\n" . $this->statsTree($name, $tab);
                }
                [$n, $total] = Scenes::protectionCounts($v);
                $out .= '  ' . $i->t('protected_cells', $n, $total) . "\n";
                $l = $s['later'];
                $out .= "\n" . wordwrap('  ' . $i->t('later', $l['trainer'], $l['ticked'], $l['course'],
                    '$tracker->' . $l['call']), 110, "\n    ") . "\n";
                [$both, $hidden, $neither] = Scenes::laterCounts($v, $l['view']);
                $out .= wordwrap('  ' . $i->t('later_counts', $both, $hidden, $neither), 110, "\n    ") . "\n";
                break;

            case 'transparency':
                $out .= '  ' . $i->t('who_transparency', I18n::person($v['user']), $v['course']['fullname']) . "\n";
                $out .= '  ' . $i->t('call') . $i->colon() . '$tracker->' . $s['call'] . "\n\n";
                $out .= $this->transparency($v);
                break;
        }
        return $out . "\n" . $this->refusals($s);
    }

    private function colorStates(string $text): string
    {
        if (!$this->color) {
            return $text;
        }
        return strtr($text, ['✔' => $this->state('complete'), '★' => $this->state('pass'),
            '✘' => $this->state('fail'), '○' => $this->state('incomplete')]);
    }

    public function dimValue(string $dim, ?string $value): string
    {
        if ($value === null || $dim === '') {
            return $this->i->t('total');
        }
        if ($value === '') {
            return $this->i->t($dim === 'parcours' ? 'other_courses' : 'not_recorded');
        }
        if ($dim === 'secteur' && $this->i->has('val_' . $value)) {
            return $this->i->t('val_' . $value);
        }
        if ($dim === 'circonscription') {
            return $this->meta['circ_names'][$value] ?? $value;
        }
        return $value;
    }

    private function statsTree(string $name, array $tab): string
    {
        $i = $this->i;
        $out = '  ' . $this->c('1', $i->t('table_' . $name)) . "\n";
        $head = [$i->t('col_group')];
        $cols = $name === 'etablissements' ? ['participants', 'enrolments', 'finished'] : ['enrolments', 'finished', 'credited_minutes'];
        foreach ($cols as $col) {
            $head[] = $i->t($col === 'credited_minutes' ? 'col_hours' : 'col_' . $col);
        }
        $rows = [$head];
        foreach ($tab['cells'] as $cell) {
            $row = [str_repeat('  ', Scenes::depth($cell)) . Scenes::groupLabel($cell, $tab['levels'], [$this, 'dimValue'])];
            foreach ($cols as $col) {
                if (!array_key_exists($col, $cell)) {
                    $row[] = '';
                } elseif ($cell[$col] === null) {
                    $row[] = '▒▒▒';
                } else {
                    $row[] = $col === 'credited_minutes' ? sprintf('%.1f', $cell[$col] / 60) : (string) $cell[$col];
                }
            }
            $rows[] = $row;
        }
        return $out . $this->table($rows, [0 => 40]);
    }

    private function transparency(array $v): string
    {
        $i = $this->i;
        $out = '';
        $self = $v['self'];
        $pr = $self['progress'];
        $states = implode('', array_map(fn ($a) => Scenes::STATE_SYMBOLS[$a['state']] ?? '?', $pr['activities']));
        $out .= '  ' . $this->c('1', $i->t('t_self')) . ":\n";
        $out .= '    ' . $i->t('school') . $this->i->colon() . $this->school($self['school']) . "\n";
        $out .= '    ' . $i->t('progress') . $this->i->colon() . self::bar($pr['done'], $pr['tracked']) . '  ' . $this->colorStates($states) . "\n";
        $out .= '    ' . $i->t('mark') . $this->i->colon() . $this->mark($self['mark']) . "\n";
        $out .= '  ' . $this->c('1', $i->t('t_participants')) . ":\n";
        $out .= '    ' . I18n::person($v['participants']) . '  (' . $i->t('t_fields', implode(', ', array_keys($v['participants']))) . ")\n";
        $out .= '  ' . $this->c('1', $i->t('t_trainers')) . ' (' . $this->names($v['trainers']['who']) . "):\n";
        $out .= $this->seenRow($v['trainers']['sees'], $v['course']);
        $out .= '  ' . $this->c('1', $i->t('t_inspectors')) . ' (' . $this->names($v['inspectors']['who']) . "):\n";
        $out .= $v['inspectors']['sees'] === null ? '    ' . $i->t('t_sees_nothing') . "\n" : $this->seenRow($v['inspectors']['sees'], $v['course']);
        $out .= '  ' . $this->c('1', $i->t('t_ministry')) . ":\n";
        $cell = [];
        foreach ($v['ministry']['counted_in'] as $d => $val) {
            $cell[] = $i->t('dim_' . $d) . ' = ' . $this->dimValue($d, $val);
        }
        $out .= '    ' . $i->t('t_counted_in') . $this->i->colon() . implode(', ', $cell) . "\n";
        $out .= '  ' . $this->c('1', $i->t('t_never')) . $i->colon()
            . implode(', ', array_map(fn ($n) => $i->t('never_' . $n), $v['never'])) . "\n";
        return $out;
    }

    private function school(?array $s): string
    {
        return $s === null ? $this->i->t('no_school')
            : ($s['name'] ?? '') . ', ' . ($s['city'] ?? '') . ' (' . ($s['uai'] ?? '') . ')';
    }

    /** A row of another role's view: the known parts laid out, anything else listed as is. */
    private function seenRow(array $row, array $course = []): string
    {
        $i = $this->i;
        $out = '    ' . I18n::person($row) . "\n";
        foreach ($row as $k => $val) {
            switch ($k) {
                case 'id':
                case 'firstname':
                case 'lastname':
                    break;
                case 'school':
                    $out .= '    ' . $i->t('school') . $this->i->colon() . $this->school($val) . "\n";
                    break;
                case 'progress':
                    $states = implode('', array_map(fn ($st) => Scenes::STATE_SYMBOLS[$st] ?? '?', $val['states'] ?? []));
                    $out .= '    ' . $i->t('progress') . $this->i->colon() . self::bar($val['done'], $val['tracked']) . '  '
                        . $this->colorStates($states) . "\n";
                    break;
                case 'mark':
                    $out .= '    ' . $i->t('mark') . $this->i->colon() . $this->mark($val) . "\n";
                    break;
                case 'enrolments':
                    foreach ($val as $e) {
                        $out .= '    ' . $i->t('enrolments') . $this->i->colon()
                            . ($e['courseid'] === ($course['id'] ?? null) ? $course['shortname'] . $this->i->colon() : '')
                            . $i->t('status_' . $e['status'])
                            . ($e['status'] === 'finished' ? ' (' . $i->minutes($e['credited_minutes']) . ')' : '') . "\n";
                    }
                    break;
                default:
                    $out .= '    ' . $k . $this->i->colon() . (is_array($val) ? json_encode($val, JSON_UNESCAPED_UNICODE) : var_export($val, true)) . "\n";
            }
        }
        return $out;
    }
}

/** Static HTML pages: one per role and an index, UTF-8, inline CSS, accessible progress bars. */
final class HtmlRenderer
{
    private const CSS = <<<'CSS'
        :root { --ink: #1d2433; --muted: #5a6478; --line: #d6dbe4; --accent: #0b5cad; --ok: #1b7a3a;
                --bad: #b3261e; --bg: #f7f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
               color: var(--ink); background: var(--bg); }
        header, main, footer { max-width: 80rem; margin: 0 auto; padding: 1rem 1.5rem; }
        header { border-bottom: 3px solid var(--accent); background: #fff; max-width: none; }
        header .in { max-width: 80rem; margin: 0 auto; }
        .scroll { overflow-x: auto; } small { color: var(--muted); } .nowrap { white-space: nowrap; }
        table.grid { font-size: .88rem; } table.grid td, table.grid th { padding: .3rem .4rem; }
        h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; }
        a { color: var(--accent); }
        .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; }
        .meta { color: var(--muted); margin: .2rem 0; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem;
                margin: 1rem 0; }
        .card h2 { margin-top: 0; } table { margin: 1rem 0; } dd { margin-bottom: .3rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; font-size: .95rem; }
        caption { text-align: left; font-weight: 600; padding: .4rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
        th { background: #eef1f6; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .bar { display: inline-block; width: 7rem; height: .9rem; background: #e3e7ee; border-radius: .45rem;
               overflow: hidden; vertical-align: middle; border: 1px solid #c4cbd8; }
        .bar > span { display: block; height: 100%; background: var(--ok); }
        .count { font-variant-numeric: tabular-nums; margin-left: .4rem; }
        .st { font-weight: 700; } .st-complete, .st-pass { color: var(--ok); } .st-fail { color: var(--bad); }
        .st-incomplete { color: var(--muted); }
        .states { letter-spacing: .15rem; white-space: nowrap; }
        .secret { background: repeating-linear-gradient(45deg, #eef0f4, #eef0f4 6px, #e2e5ec 6px, #e2e5ec 12px);
                  color: var(--muted); font-style: italic; }
        .refusals li { margin: .3rem 0; } code { background: #eef1f6; padding: 0 .25rem; border-radius: 3px; }
        .refused { color: #8a5300; font-weight: 600; } .bug { color: var(--bad); font-weight: 700; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        summary { font-weight: 600; cursor: pointer; }
        nav ul { padding-left: 1.2rem; } footer { color: var(--muted); font-size: .85rem; }
        CSS;

    public function __construct(private I18n $i, private array $meta, private TextRenderer $text)
    {
    }

    public static function e(mixed $s): string
    {
        return htmlspecialchars((string) $s, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /** The file name of a page in this renderer's language. */
    public function file(string $key): string
    {
        return $key . ($this->i->lang === 'en' ? '' : '.' . $this->i->lang) . '.html';
    }

    private function otherFile(string $key): string
    {
        return $key . ($this->i->lang === 'en' ? '.fr' : '') . '.html';
    }

    private function page(string $key, string $title, string $body): string
    {
        $i = $this->i;
        $e = [self::class, 'e'];
        $back = $key === 'index' ? '' : '<p><a href="' . $e($this->file('index')) . '">← ' . $e($i->t('back')) . '</a></p>';
        return "<!DOCTYPE html>\n<html lang=\"{$i->lang}\">\n<head>\n<meta charset=\"utf-8\">\n"
            . "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            . '<title>' . $e($title) . ' · m@gistère</title>' . "\n<style>\n" . self::CSS . "\n</style>\n</head>\n<body>\n"
            . '<a class="skip" href="#main">' . ($i->lang === 'fr' ? 'Aller au contenu' : 'Skip to content') . "</a>\n"
            . '<header><div class="in"><p class="meta">m@gistère · ' . $e($i->t('demo_title')) . ' · <a href="'
            . $e($this->otherFile($key)) . '" hreflang="' . ($i->lang === 'en' ? 'fr' : 'en') . '">'
            . $e($i->t('other_lang')) . '</a></p><h1>' . $e($title) . "</h1></div></header>\n"
            . "<main id=\"main\">\n$back\n$body\n</main>\n<footer>" . $e($i->t('generated')) . "</footer>\n</body>\n</html>\n";
    }

    public function bar(int $done, int $tracked): string
    {
        $pct = $tracked > 0 ? intdiv(100 * $done, $tracked) : 0;
        $label = $this->i->t('progress_text', $done, $tracked);
        return '<span class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="' . $tracked
            . '" aria-valuenow="' . $done . '" aria-valuetext="' . self::e($label) . '" aria-label="'
            . self::e($this->i->t('progress')) . '"><span style="width:' . $pct . '%"></span></span>'
            . '<span class="count" aria-hidden="true">' . $done . '/' . $tracked . '</span>';
    }

    public function state(string $state, bool $withText = false): string
    {
        $sym = Scenes::STATE_SYMBOLS[$state] ?? '?';
        $text = $this->i->t('state_' . $state);
        return '<span class="st st-' . self::e($state) . '" title="' . self::e($text) . '"><span aria-hidden="true">'
            . $sym . '</span>' . ($withText ? ' ' . self::e($text) : '<span class="sr-only">' . self::e($text) . '</span>')
            . '</span>';
    }

    private function people(array $people): string
    {
        return self::e(implode(', ', array_map([I18n::class, 'person'], $people)));
    }

    private function course(array $c): string
    {
        $d = $c['duration_minutes'] ?? null;
        return '<p>' . self::e($this->i->t('course')) . $this->i->colon() . '<strong>' . self::e($c['fullname']) . '</strong> ('
            . self::e($c['shortname']) . '), ' . self::e($d === null ? $this->i->t('no_forecast')
            : $this->i->t('forecast') . ' ' . $this->i->minutes($d)) . '</p>';
    }

    private function mark(?array $mark, array $names = []): string
    {
        if ($mark === null || !($mark['finished'] ?? false)) {
            return self::e(($mark['time'] ?? null) ? $this->i->t('mark_unticked', $this->i->date($mark['time']))
                : $this->i->t('mark_no'));
        }
        $s = $this->i->t('mark_yes', $this->i->minutes($mark['credited_minutes'] ?? null), $this->i->date($mark['time'] ?? null));
        if (isset($mark['by'], $names[$mark['by']])) {
            $s .= ', ' . $this->i->t('by', $names[$mark['by']]);
        }
        return '☑ ' . self::e($s);
    }

    private function school(?array $s): string
    {
        return $s === null ? self::e($this->i->t('no_school'))
            : self::e(($s['name'] ?? '') . ', ' . ($s['city'] ?? '')) . ' <code>' . self::e($s['uai'] ?? '') . '</code>';
    }

    private function activityName(int $cmid): string
    {
        return (string) ($this->meta['activity_names'][$cmid] ?? $this->meta['activity_names'][(string) $cmid] ?? '');
    }

    private function refusals(array $scene): string
    {
        $i = $this->i;
        $out = '<section class="card" aria-labelledby="cannot"><h2 id="cannot">' . self::e($i->t('cannot')) . '</h2><p>'
            . self::e($i->t('cannot_' . $scene['key'])) . '</p><ul class="refusals">';
        foreach ($scene['refusals'] as $r) {
            $out .= '<li><code>$tracker-&gt;' . self::e($r['call']) . '</code> → ';
            $out .= $r['refused'] ? '<span class="refused">' . self::e($i->t('refused')) . '</span>: <code>'
                . self::e($r['class']) . '</code> ' . self::e($r['message'])
                : '<span class="bug">' . self::e($i->t('not_refused')) . '</span>';
            $out .= '</li>';
        }
        return $out . '</ul></section>';
    }

    public function scenePage(array $s): string
    {
        $i = $this->i;
        $v = $s['view'];
        $e = [self::class, 'e'];
        $body = '';
        switch ($s['key']) {
            case 'participant':
                $body .= '<p class="meta">' . $e($i->t('who_participant', I18n::person($v['viewer']), $v['course']['fullname']))
                    . ' · <code>$tracker-&gt;' . $e($s['call']) . '</code></p>';
                $body .= $this->course($v['course']);
                $body .= '<p>' . $e($i->t('trainers')) . $this->i->colon() . $this->people($v['trainers']) . '</p>';
                $pr = $v['progress'];
                $body .= '<section class="card"><h2>' . $e($i->t('my_progress')) . '</h2><p>'
                    . $this->bar($pr['done'], $pr['tracked']) . ' '
                    . ($pr['percent'] === null ? $e($i->t('nothing_tracked')) : $pr['percent'] . ' %') . '</p>';
                $body .= '<table><caption>' . $e($i->t('activities')) . '</caption><thead><tr><th scope="col">'
                    . $e($i->t('activity')) . '</th><th scope="col">' . $e($i->t('module')) . '</th><th scope="col" class="num">'
                    . $e($i->t('section')) . '</th><th scope="col">' . $e($i->t('state')) . '</th></tr></thead><tbody>';
                foreach ($pr['activities'] as $a) {
                    $body .= '<tr><td>' . $e($this->activityName($a['cmid'])) . '</td><td>' . $e($a['module'])
                        . '</td><td class="num">' . $e($a['section']) . '</td><td>' . $this->state($a['state'], true) . '</td></tr>';
                }
                $body .= '</tbody></table><p>' . $e($i->t('mark')) . $this->i->colon() . $this->mark($v['mark']) . '</p></section>';
                $body .= '<section class="card"><h2>' . $e($i->t('participants_names', count($v['participants'])))
                    . '</h2><p>' . $this->people($v['participants']) . '</p></section>';
                break;

            case 'trainer':
                $body .= '<p class="meta">' . $e($i->t('who_trainer', I18n::person($v['viewer']), $v['course']['fullname']))
                    . ' · <code>$tracker-&gt;' . $e($s['call']) . '</code></p>';
                $body .= $this->course($v['course']);
                $body .= '<p>' . $e($i->t('trainers')) . $this->i->colon() . $this->people($v['trainers']) . '</p>';
                $names = [];
                foreach ($v['trainers'] as $t) {
                    $names[$t['id']] = I18n::person($t);
                }
                $body .= '<details class="card"><summary>' . $e($i->t('activities')) . ' (' . count($v['activities']) . ')</summary><ol>';
                foreach ($v['activities'] as $a) {
                    $body .= '<li>' . $e($this->activityName($a['cmid'])) . ' <span class="meta">(' . $e($a['module']) . ')</span></li>';
                }
                $body .= '</ol><p class="meta">' . $e($i->t('names')) . '</p></details>';
                $body .= '<div class="scroll"><table class="grid"><caption>' . $e($i->t('summary_trainer', $v['summary']['participants'], $v['summary']['finished']))
                    . '</caption><thead><tr><th scope="col">' . $e($i->t('participants')) . '</th><th scope="col">'
                    . $e($i->t('school')) . '</th><th scope="col">' . $e($i->t('progress')) . '</th>';
                foreach ($v['activities'] as $n => $a) {
                    $body .= '<th scope="col" title="' . $e($this->activityName($a['cmid'])) . '">' . ($n + 1) . '</th>';
                }
                $body .= '<th scope="col">' . $e($i->t('mark')) . '</th></tr></thead><tbody>';
                foreach ($v['participants'] as $p) {
                    $pr = $p['progress'];
                    $sc = $p['school'];
                    $body .= '<tr><th scope="row">' . $e(I18n::person($p)) . '</th><td>' . ($sc === null
                        ? $e($i->t('no_school')) : $e($sc['name'] ?? '') . '<br><small>' . $e($sc['city'] ?? '') . ' · '
                        . $e($sc['uai'] ?? '') . '</small>') . '</td><td class="nowrap">' . $this->bar($pr['done'], $pr['tracked']) . '</td>';
                    foreach ($pr['states'] as $st) {
                        $body .= '<td>' . $this->state($st) . '</td>';
                    }
                    $mk = $p['mark'];
                    $body .= ($mk['finished'] ?? false)
                        ? '<td class="nowrap" title="' . $e(strip_tags(html_entity_decode($this->mark($mk, $names)))) . '">☑ '
                            . $e($i->minutes($mk['credited_minutes'] ?? null)) . '<br><small>' . $e($i->date($mk['time'] ?? null))
                            . '</small></td></tr>'
                        : '<td title="' . $e($i->t('mark_no')) . '">☐<span class="sr-only"> ' . $e($i->t('mark_no')) . '</span></td></tr>';
                }
                $body .= '</tbody></table></div>';
                break;

            case 'inspector':
                $body .= '<p class="meta">' . $e($i->t('who_inspector', I18n::person($v['viewer']),
                    implode(', ', array_column($v['circonscriptions'], 'name')))) . ' · <code>$tracker-&gt;'
                    . $e($s['call']) . '</code></p>';
                $body .= '<table><caption>' . $e($i->t('circonscriptions')) . '</caption><tbody>';
                foreach ($v['circonscriptions'] as $c) {
                    $body .= '<tr><th scope="row">' . $e($c['name']) . '</th><td><code>' . $e($c['code']) . '</code></td><td>'
                        . $e($c['departement']) . '</td><td>' . $e($c['academie']) . '</td></tr>';
                }
                $body .= '</tbody></table>';
                $short = [];
                $body .= '<table><caption>' . $e($i->t('parcours_in_place')) . '</caption><thead><tr><th scope="col">'
                    . $e($i->t('course')) . '</th><th scope="col">' . $e($i->t('forecast')) . '</th><th scope="col">'
                    . $e($i->t('trainers')) . '</th></tr></thead><tbody>';
                foreach ($v['parcours'] as $c) {
                    $short[$c['id']] = $c['shortname'];
                    $body .= '<tr><th scope="row">' . $e($c['fullname']) . ' <span class="meta">(' . $e($c['shortname'])
                        . ')</span></th><td>' . $e($i->minutes($c['duration_minutes'] ?? null)) . '</td><td>'
                        . $this->people($c['trainers']) . '</td></tr>';
                }
                $body .= '</tbody></table>';
                $sm = $v['summary'];
                $body .= '<table><caption>' . $e($i->t('teachers')) . ' · ' . $e($i->t('summary_inspector', $sm['teachers'],
                    $sm['enrolments'], $sm['finished'], $i->minutes($sm['credited_minutes']))) . '</caption><thead><tr>'
                    . '<th scope="col">' . $e($i->t('teacher')) . '</th><th scope="col">' . $e($i->t('school'))
                    . '</th><th scope="col">' . $e($i->t('enrolments')) . '</th></tr></thead><tbody>';
                foreach ($v['teachers'] as $t) {
                    $en = [];
                    foreach ($t['enrolments'] as $x) {
                        $en[] = $e($short[$x['courseid']] ?? '#' . $x['courseid']) . $this->i->colon() . $e($i->t('status_' . $x['status']))
                            . ($x['status'] === 'finished' ? ' (' . $e($i->minutes($x['credited_minutes'])) . ')' : '');
                    }
                    $body .= '<tr><th scope="row">' . $e(I18n::person($t)) . '</th><td>' . $this->school($t['school'])
                        . '</td><td>' . implode('<br>', $en) . '</td></tr>';
                }
                $body .= '</tbody></table>';
                break;

            case 'ministry':
                [$n, $total] = Scenes::protectionCounts($v);
                $body .= '<p class="meta">' . $e($i->t('who_ministry', $v['k'])) . ' · ' . $e($i->t('release_of',
                    gmdate('Y-m-d', $v['generated']))) . ' · <code>$tracker-&gt;' . $e($s['call']) . '</code> · '
                    . $e($i->t('protected_cells', $n, $total)) . '</p>';
                foreach ($v['tables'] as $name => $tab) {
                    $body .= $this->statsTree($name, $tab);
                }
                $l = $s['later'];
                [$both, $hidden, $neither] = Scenes::laterCounts($v, $l['view']);
                $body .= '<section class="card"><p>' . $e($i->t('later', $l['trainer'], $l['ticked'], $l['course'],
                    '$tracker->' . $l['call'])) . '</p><p>' . $e($i->t('later_counts', $both, $hidden, $neither)) . '</p></section>';
                break;

            case 'transparency':
                $body .= '<p class="meta">' . $e($i->t('who_transparency', I18n::person($v['user']), $v['course']['fullname']))
                    . ' · <code>$tracker-&gt;' . $e($s['call']) . '</code></p>';
                $self = $v['self'];
                $pr = $self['progress'];
                $st = implode('', array_map(fn ($a) => $this->state($a['state']), $pr['activities']));
                $body .= '<section class="card"><h2>' . $e($i->t('t_self')) . '</h2><p>' . $e($i->t('school')) . $i->colon()
                    . $this->school($self['school']) . '</p><p>' . $this->bar($pr['done'], $pr['tracked'])
                    . ' <span class="states">' . $st . '</span></p><p>' . $e($i->t('mark')) . $this->i->colon() . $this->mark($self['mark'])
                    . '</p></section>';
                $body .= '<section class="card"><h2>' . $e($i->t('t_participants')) . '</h2><p>'
                    . $e(I18n::person($v['participants'])) . '</p><pre>' . $e(json_encode($v['participants'],
                    JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT)) . '</pre></section>';
                $body .= '<section class="card"><h2>' . $e($i->t('t_trainers')) . '</h2><p class="meta">'
                    . $this->people($v['trainers']['who']) . '</p>' . $this->seenRow($v['trainers']['sees'], $v['course']) . '</section>';
                $body .= '<section class="card"><h2>' . $e($i->t('t_inspectors')) . '</h2><p class="meta">'
                    . $this->people($v['inspectors']['who']) . '</p>' . ($v['inspectors']['sees'] === null
                    ? '<p>' . $e($i->t('t_sees_nothing')) . '</p>' : $this->seenRow($v['inspectors']['sees'], $v['course'])) . '</section>';
                $cell = [];
                foreach ($v['ministry']['counted_in'] as $d => $val) {
                    $cell[] = $e($i->t('dim_' . $d)) . ' = ' . $e($this->text->dimValue($d, $val));
                }
                $body .= '<section class="card"><h2>' . $e($i->t('t_ministry')) . '</h2><p>' . $e($i->t('t_counted_in'))
                    . $this->i->colon() . implode(', ', $cell) . '</p></section>';
                $body .= '<section class="card"><h2>' . $e($i->t('t_never')) . '</h2><p>' . $e(implode(', ',
                    array_map(fn ($n) => $i->t('never_' . $n), $v['never']))) . '</p></section>';
                break;
        }
        return $this->page($s['key'], $i->t('scene_' . $s['key']), $body . $this->refusals($s));
    }

    private function seenRow(array $row, array $course = []): string
    {
        $i = $this->i;
        $out = '<dl><dt>' . self::e($i->t('teacher')) . '</dt><dd>' . self::e(I18n::person($row)) . '</dd>';
        foreach ($row as $k => $val) {
            if (in_array($k, ['id', 'firstname', 'lastname'], true)) {
                continue;
            }
            $out .= match ($k) {
                'school' => '<dt>' . self::e($i->t('school')) . '</dt><dd>' . $this->school($val) . '</dd>',
                'progress' => '<dt>' . self::e($i->t('progress')) . '</dt><dd>' . $this->bar($val['done'], $val['tracked'])
                    . ' <span class="states">' . implode('', array_map(fn ($st) => $this->state($st), $val['states'] ?? []))
                    . '</span></dd>',
                'mark' => '<dt>' . self::e($i->t('mark')) . '</dt><dd>' . $this->mark($val) . '</dd>',
                'enrolments' => '<dt>' . self::e($i->t('enrolments')) . '</dt><dd>' . implode('<br>', array_map(
                    fn ($x) => self::e(($x['courseid'] === ($course['id'] ?? null) ? $course['shortname'] . $i->colon() : '')
                        . $i->t('status_' . $x['status']) . ($x['status'] === 'finished'
                        ? ' (' . $i->minutes($x['credited_minutes']) . ')' : '')), $val)) . '</dd>',
                default => '<dt>' . self::e($k) . '</dt><dd><code>' . self::e(is_array($val)
                    ? json_encode($val, JSON_UNESCAPED_UNICODE) : var_export($val, true)) . '</code></dd>',
            };
        }
        return $out . '</dl>';
    }

    private function statsTree(string $name, array $tab): string
    {
        $i = $this->i;
        $cols = $name === 'etablissements' ? ['participants', 'enrolments', 'finished'] : ['enrolments', 'finished', 'credited_minutes'];
        $out = '<table><caption>' . self::e($i->t('table_' . $name)) . '</caption><thead><tr><th scope="col">'
            . self::e($i->t('col_group')) . '</th>';
        foreach ($cols as $col) {
            $out .= '<th scope="col" class="num">' . self::e($i->t($col === 'credited_minutes' ? 'col_hours' : 'col_' . $col)) . '</th>';
        }
        $out .= '</tr></thead><tbody>';
        // One mark for any protected figure, the same everywhere: nothing says why.
        $secret = '<td class="num secret">' . self::e($i->t('secret')) . '</td>';
        foreach ($tab['cells'] as $cell) {
            $out .= '<tr><th scope="row" style="padding-left:' . (0.4 + 1.2 * Scenes::depth($cell)) . 'em">'
                . self::e(Scenes::groupLabel($cell, $tab['levels'], [$this->text, 'dimValue'])) . '</th>';
            foreach ($cols as $col) {
                if (!array_key_exists($col, $cell)) {
                    $out .= '<td></td>';
                } elseif ($cell[$col] === null) {
                    $out .= $secret;
                } else {
                    $out .= '<td class="num">' . self::e($col === 'credited_minutes' ? sprintf('%.1f', $cell[$col] / 60)
                        : (string) $cell[$col]) . '</td>';
                }
            }
            $out .= '</tr>';
        }
        return $out . '</tbody></table>';
    }

    public function index(array $scenes, string $intro): string
    {
        $i = $this->i;
        $body = '<p>' . self::e($intro) . '</p><nav aria-labelledby="pages"><h2 id="pages">' . self::e($i->t('pages'))
            . '</h2><ul>';
        foreach ($scenes as $s) {
            $body .= '<li><a href="' . self::e($this->file($s['key'])) . '">' . self::e($i->t('scene_' . $s['key']))
                . '</a> · <code>$tracker-&gt;' . self::e($s['call']) . '</code></li>';
        }
        $body .= '</ul></nav><section class="card"><h2>' . self::e($i->t('legend')) . '</h2><p>';
        foreach (array_keys(Scenes::STATE_SYMBOLS) as $state) {
            $body .= $this->state($state, true) . ' &nbsp; ';
        }
        return $this->page('index', $i->t('demo_title'), $body . '</p></section>');
    }
}
