<?php
/**
 * The sample académie of the demo: a deterministic generator of Moodle's and the plugin's
 * tables in the shape Magistere\Source::rows() takes (docs/api.md).
 *
 * Determinism: the generator draws from its own PRNG (xoshiro128**, 32-bit, written here in
 * plain integer arithmetic that never leaves 53 bits), never from mt_rand()/random_int(), never
 * from the clock, the locale or iconv. The same seed and scale give the same bytes with any
 * PHP >= 8.2 on any 64-bit machine.
 *
 * Used by scripts/demo/generate.php (CLI), scripts/demo/show.php and php_tests/demo/.
 */

declare(strict_types=1);

namespace MagistereDemo;

/**
 * xoshiro128** (Blackman and Vigna, 2018) on four 32-bit words held in PHP ints.
 * Every intermediate value stays below 2^40, so no step overflows a 64-bit int.
 */
final class Prng
{
    private const MASK = 0xFFFFFFFF;

    /** @var int[] */
    private array $s;

    public function __construct(int $seed)
    {
        // Seed expansion: two xorshift32 walks, one from each half of the seed, combined.
        $x = ($seed & self::MASK) ^ 0x9E3779B9;
        $y = (($seed >> 32) & self::MASK) ^ 0x85EBCA6B;
        $x = $x === 0 ? 0x6D2B79F5 : $x;
        $y = $y === 0 ? 0x6D2B79F5 : $y;
        $this->s = [];
        for ($i = 0; $i < 4; $i++) {
            for ($j = 0; $j < 3; $j++) {
                $x = self::xorshift($x);
                $y = self::xorshift($y);
            }
            $this->s[] = $x ^ self::rotl($y, 16);
        }
        if ($this->s === [0, 0, 0, 0]) {
            $this->s[0] = 1;
        }
    }

    private static function xorshift(int $x): int
    {
        $x ^= ($x << 13) & self::MASK;
        $x ^= $x >> 17;
        return $x ^ (($x << 5) & self::MASK);
    }

    private static function rotl(int $x, int $k): int
    {
        return (($x << $k) & self::MASK) | ($x >> (32 - $k));
    }

    /** The next 32-bit output, 0 .. 2^32-1. */
    public function next(): int
    {
        [$s0, $s1, $s2, $s3] = $this->s;
        $result = (self::rotl(($s1 * 5) & self::MASK, 7) * 9) & self::MASK;
        $t = ($s1 << 9) & self::MASK;
        $s2 ^= $s0;
        $s3 ^= $s1;
        $s1 ^= $s2;
        $s0 ^= $s3;
        $s2 ^= $t;
        $s3 = self::rotl($s3, 11);
        $this->s = [$s0, $s1, $s2, $s3];
        return $result;
    }

    /** An integer in [0, n), 1 <= n <= 2^31. */
    public function below(int $n): int
    {
        if ($n < 1 || $n > 0x80000000) {
            throw new \ValueError('Prng::below() takes 1 <= n <= 2^31');
        }
        return ($this->next() * $n) >> 32;
    }

    /** An integer in [lo, hi]. */
    public function between(int $lo, int $hi): int
    {
        return $lo + $this->below($hi - $lo + 1);
    }

    /** True with probability p (p in [0, 1], compared on a 2^32 grid). */
    public function chance(float $p): bool
    {
        return $this->next() < (int) floor($p * 4294967296.0);
    }

    /**
     * @template T
     * @param list<T> $items
     * @return T
     */
    public function pick(array $items): mixed
    {
        return $items[$this->below(count($items))];
    }

    /**
     * Fisher-Yates.
     * @template T
     * @param list<T> $items
     * @return list<T>
     */
    public function shuffle(array $items): array
    {
        for ($i = count($items) - 1; $i > 0; $i--) {
            $j = $this->below($i + 1);
            [$items[$i], $items[$j]] = [$items[$j], $items[$i]];
        }
        return $items;
    }
}

/** UAI (Unité administrative immatriculée): 7 digits and a check letter. */
final class Uai
{
    private const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

    /** The check letter of the 7 digits: their value modulo 23 in the 23-letter alphabet. */
    public static function letter(string $digits): string
    {
        return self::LETTERS[((int) $digits) % 23];
    }

    public static function make(string $departement, int $serial): string
    {
        $digits = sprintf('%03d%04d', (int) $departement, $serial % 10000);
        return $digits . self::letter($digits);
    }

    public static function isValid(string $uai): bool
    {
        return preg_match('/^[0-9]{7}[A-Z]$/', $uai) === 1 && self::letter(substr($uai, 0, 7)) === $uai[7];
    }
}

/** The vocabulary of the sample: names of people, places, schools, parcours and activities. */
final class Vocabulary
{
    public const FIRST_NAMES = [
        'Hélène', 'Françoise', 'Anaïs', 'Chloé', 'Léa', 'Zoé', 'Maëlle', 'Noémie', 'Cécile', 'Élodie',
        'Amélie', 'Agnès', 'Bérénice', 'Inès', 'Léonie', 'Mélanie', 'Sandrine', 'Nathalie', 'Isabelle',
        'Sophie', 'Camille', 'Claire', 'Aurélie', 'Émilie', 'Véronique', 'Géraldine', 'Joëlle', 'Mylène',
        'Clémence', 'Séverine', 'Aïcha', 'Fatoumata', 'Nadège', 'Océane', 'Solène', 'Gaëlle', 'Laëtitia',
        'Anne-Sophie', 'Marie-Hélène', 'Marie-Noëlle', 'Jérôme', 'François', 'Hervé', 'Sébastien',
        'Frédéric', 'Benoît', 'Grégory', 'Jérémie', 'Cédric', 'Rémi', 'Loïc', 'Gaël', 'Mathéo', 'Théo',
        'Noël', 'Raphaël', 'Joël', 'Stéphane', 'Thierry', 'Julien', 'Nicolas', 'Mehdi', 'Karim',
        'Mamadou', 'Yannick', 'Pierre-Étienne', 'Jean-François', 'Jean-Noël', 'Aurélien', 'Valentin',
        'Lucas', 'Hugo', 'Étienne', 'André', 'Josiane', 'Eloïse', 'Margaux', 'Ophélie', 'Yasmine', 'Léo',
    ];

    public const LAST_NAMES = [
        'Dupont-Moreau', 'Lefèvre', "N'Diaye", 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert',
        'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel',
        'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André',
        'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier',
        'Perrin', 'Robin', 'Clément', 'Morin', 'Henry', 'Roussel', 'Mathieu', 'Masson', 'Marchand',
        'Duval', 'Denis', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier', 'Brun', 'Blanchard',
        'Giraud', 'Joly', 'Rivière', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Roche', 'Renard',
        'Schmitt', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Fabre', 'Aubert', 'Lemoine', 'Renaud',
        'Dumas', 'Lacroix', 'Bourgeois', 'Leclerc', 'Payet', 'Rolland', 'Guillot', 'Hubert', 'Berger',
        "D'Almeida", "L'Hôte", 'Le Goff', 'Le Gall', 'Côté', 'Bénard', 'Lévêque', 'Béranger', 'Ménard',
        'Benhamou', 'Haddad', 'Diallo', 'Traoré', 'Nguyen', 'Ben Saïd', 'Da Silva', 'Ferreira',
        'Müller', 'Martin-Chauvet', 'Saint-Clair', 'Dujardin', 'Crémieux', 'Périer', 'Thévenet',
    ];

    /** Circonscriptions: name, département, towns of its schools. */
    public const CIRCONSCRIPTIONS = [
        ['Lyon 3e - Villeurbanne', '69', ['Lyon', 'Villeurbanne']],
        ['Lyon 8e - Vénissieux', '69', ['Lyon', 'Vénissieux', 'Saint-Fons']],
        ['Vaulx-en-Velin - Bron', '69', ['Vaulx-en-Velin', 'Bron']],
        ['Villefranche-sur-Saône', '69', ['Villefranche-sur-Saône', 'Gleizé', 'Anse']],
        ["Tarare - L'Arbresle", '69', ['Tarare', "L'Arbresle", 'Sain-Bel']],
        ['Saint-Étienne Nord', '42', ['Saint-Étienne', 'Saint-Priest-en-Jarez', 'La Talaudière']],
        ['Saint-Étienne Sud - Firminy', '42', ['Saint-Étienne', 'Firminy', 'Le Chambon-Feugerolles']],
        ['Roanne', '42', ['Roanne', 'Riorges', 'Mably']],
        ['Bourg-en-Bresse', '01', ['Bourg-en-Bresse', 'Viriat', 'Péronnas']],
        ['Oyonnax - Haut-Bugey', '01', ['Oyonnax', 'Nantua', 'Bellignat']],
        ['Pays de Gex', '01', ['Gex', 'Ferney-Voltaire', 'Divonne-les-Bains']],
    ];

    public const SCHOOL_PATRONS_1D = [
        'Jean Jaurès', 'Jules Ferry', 'Louis Pasteur', 'Victor Hugo', 'Les Tilleuls', 'Les Marronniers',
        'Marie Curie', 'Anatole France', 'Jean de La Fontaine', 'Condorcet', 'Paul Bert', 'Jacques Prévert',
        'Lucie Aubrac', 'Simone Veil', 'Albert Camus', 'Les Écureuils', 'Le Petit Prince',
        'Antoine de Saint-Exupéry', 'Joséphine Baker', 'Germaine Tillion', 'Frédéric Mistral',
        'Les Géraniums', 'du Centre', 'des Lilas', 'Pergaud', "Clos d'Or", 'Charles Perrault',
    ];

    public const SCHOOL_PATRONS_2D = [
        'Jean Moulin', 'Ampère', 'Émile Zola', "Honoré d'Urfé", 'Claude Fauriel', 'Lamartine',
        'Pierre Brossolette', 'Édouard Herriot', 'Jean Monnet', 'Albert Thomas', 'Louis Lumière',
        'Marcel Pagnol', 'Georges Brassens', 'Aimé Césaire', 'Olympe de Gouges', 'Rosa Parks',
    ];

    public const SCHOOL_PATRONS_PRIVE = [
        'Saint-Joseph', 'Notre-Dame', 'Sainte-Marie', 'Saint-Vincent-de-Paul', "Jeanne d'Arc",
        'Sainte-Thérèse', 'Saint-Louis', 'La Salle', 'Saint-Marc', 'Champagnat',
    ];

    /** Parcours: title, short code, audience (1D, 2D or both), forecast duration in minutes. */
    public const PARCOURS = [
        ['Enseigner la lecture au cycle 2', 'LECT-C2', '1D', 360],
        ['Laïcité et valeurs de la République', 'LAICITE', 'both', 180],
        ['Évaluer par compétences en mathématiques', 'EVAL-MATHS', 'both', 540],
        ["École inclusive : scolariser les élèves à besoins éducatifs particuliers", 'INCLUSIVE', 'both', 360],
        ['Prévenir le harcèlement scolaire avec le programme pHARe', 'PHARE', 'both', 180],
        ['Comprendre un texte au cycle 3 : le plan français', 'PLAN-FR-C3', '1D', 540],
        ["Enseigner l'oral au collège", 'ORAL-COL', '2D', 360],
        ["Le numérique au service des apprentissages", 'NUMERIQUE', 'both', 180],
        ["Éducation au développement durable : projets d'école et d'établissement", 'EDD', 'both', 360],
        ['Accueillir un élève allophone nouvellement arrivé', 'ALLOPHONE', 'both', 180],
    ];

    /** The parcours under construction: a trainer, sections, no activity, nobody enrolled. */
    public const EMPTY_PARCOURS = ['Premiers secours : les gestes qui sauvent (en préparation)', 'PSC-PREP', 'both', null];

    public const SECTIONS = [
        'Se positionner', 'Apports théoriques', 'Mise en pratique en classe', 'Analyse de pratiques',
        'Ressources pour aller plus loin', 'Bilan et évaluation',
    ];

    /** Activity names by module, as Moodle's modinfo would give them to the plugin. */
    public const ACTIVITY_NAMES = [
        'page' => ['Présentation du parcours', 'Repères institutionnels', 'Synthèse des apports', 'Fiche ressource',
            'Ce que dit la recherche', 'Les programmes en vigueur', 'Glossaire des notions', 'Témoignages de collègues'],
        'quiz' => ['Quiz de positionnement', 'Quiz : vérifier ses acquis', 'Quiz : les notions clés',
            'Quiz : études de cas', 'Quiz : auto-évaluation', 'Évaluation finale'],
        'assign' => ['Déposer une séance conçue pour sa classe', "Analyse d'une production d'élève", 'Bilan réflexif',
            'Carnet de bord', 'Projet de séquence'],
        'forum' => ["Forum d'échanges entre pairs", 'Partager une pratique de classe', 'Questions aux formateurs'],
        'url' => ['Vidéo : une séance filmée en classe', 'Ressource Éduscol', 'Article de recherche',
            'Conférence en ligne', 'Podcast : paroles de praticiens'],
        'scorm' => ['Module interactif', 'Parcours guidé interactif'],
        'h5pactivity' => ['Vidéo interactive', 'Activité H5P : études de cas', 'Frise interactive'],
        'lesson' => ['Leçon : les notions clés', 'Leçon : cas pratiques'],
        'label' => ['Consignes de la séquence'],
        'survey' => ['Questionnaire ATTLS'],
    ];
}

/**
 * Builds the sample académie.
 *
 * generate() returns ['meta' => [...], 'tables' => [...]]: `tables` is what Source::rows() takes
 * (every table keyed by id, as $DB->get_records() returns them); `meta` holds the seed, the
 * instant the sample is set at (give it to the Tracker as setting `now`), the people the demo
 * shows ("cast") and the activity names the plugin would take from Moodle's modinfo.
 */
final class Academie
{
    /** 2026-06-15 12:00 UTC: the instant the sample is set at. */
    public const NOW = 1781524800;
    /** 2025-09-01 08:00 UTC: the start of the school year. */
    private const YEAR_START = 1756713600;
    private const DAY = 86400;

    /** Moodle's standard roles (ids as a fresh install gives them), then m@gistère's. */
    private const ROLES = [
        1 => ['manager', 'manager'], 2 => ['coursecreator', 'coursecreator'],
        3 => ['editingteacher', 'editingteacher'], 4 => ['teacher', 'teacher'], 5 => ['student', 'student'],
        6 => ['guest', 'guest'], 7 => ['user', 'user'], 8 => ['frontpage', 'frontpage'],
        9 => ['formateur', 'editingteacher'], 10 => ['tuteur', 'teacher'], 11 => ['participant', 'student'],
    ];

    /** Moodle's activity modules (ids alphabetical, as a fresh install); chat and survey disabled. */
    private const MODULES = [
        'assign', 'book', 'chat', 'choice', 'data', 'feedback', 'folder', 'forum', 'glossary',
        'h5pactivity', 'imscp', 'label', 'lesson', 'lti', 'page', 'qbank', 'quiz', 'resource', 'scorm',
        'survey', 'url', 'wiki', 'workshop',
    ];
    private const HIDDEN_MODULES = ['chat', 'survey'];

    /** Tracked module types and their weights. */
    private const TRACKED_TYPES = [
        ['page', 5], ['quiz', 4], ['assign', 3], ['forum', 2], ['url', 3], ['scorm', 1],
        ['h5pactivity', 2], ['lesson', 1],
    ];
    /** Modules whose completion depends on a passing grade (states 2 and 3). */
    private const GRADED = ['quiz', 'scorm', 'h5pactivity', 'lesson'];

    private Prng $rng;
    private int $scale;
    private int $seed;
    /** @var array<string, array<int, array<string, mixed>>> */
    private array $t = [];
    /** @var array<string, int> next id per table */
    private array $ids = [];
    /** @var array<int, string> course module id => activity name */
    private array $cmNames = [];
    /** @var array<string, true> */
    private array $usedNames = [];
    /** @var array<string, true> */
    private array $usedUsernames = [];
    /** @var array<string, true> */
    private array $usedUai = [];

    public static function generate(int $seed = 1, int $scale = 1): array
    {
        if ($scale < 1 || $scale > 50) {
            throw new \ValueError('scale must be between 1 and 50');
        }
        return (new self($seed, $scale))->build();
    }

    private function __construct(int $seed, int $scale)
    {
        $this->seed = $seed;
        $this->scale = $scale;
        $this->rng = new Prng($seed);
        foreach (self::TABLES as $name) {
            $this->t[$name] = [];
            $this->ids[$name] = 1;
        }
    }

    /** Every table the generator fills, in the order of docs/api.md. */
    public const TABLES = [
        'course', 'modules', 'course_sections', 'course_modules', 'course_modules_completion', 'enrol',
        'user_enrolments', 'role', 'role_assignments', 'context', 'user', 'user_info_field',
        'user_info_data', 'customfield_field', 'customfield_data', 'local_magistere_mark',
        'local_magistere_school', 'local_magistere_circ', 'local_magistere_inspector',
    ];

    /** Appends a row with the next id of the table; returns the id. */
    private function add(string $table, array $row): int
    {
        $id = $this->ids[$table]++;
        $this->t[$table][$id] = ['id' => $id] + $row;
        return $id;
    }

    private function build(): array
    {
        $r = $this->rng;

        // --- site-wide rows: roles, modules, profile and custom fields, the site course and contexts.
        foreach (self::ROLES as $id => [$shortname, $archetype]) {
            $this->t['role'][$id] = ['id' => $id, 'name' => '', 'shortname' => $shortname,
                'description' => '', 'sortorder' => $id, 'archetype' => $archetype];
        }
        $this->ids['role'] = count(self::ROLES) + 1;
        $roleId = [];
        foreach (self::ROLES as $id => [$shortname]) {
            $roleId[$shortname] = $id;
        }
        $moduleId = [];
        foreach (self::MODULES as $name) {
            $moduleId[$name] = $this->add('modules', ['name' => $name, 'cron' => 0, 'lastcron' => 0,
                'search' => '', 'visible' => in_array($name, self::HIDDEN_MODULES, true) ? 0 : 1]);
        }
        $rneField = $this->add('user_info_field', ['shortname' => 'rne', 'name' => "UAI de l'établissement d'exercice",
            'datatype' => 'text', 'categoryid' => 1, 'sortorder' => 1]);
        $this->add('user_info_field', ['shortname' => 'fonction', 'name' => 'Fonction',
            'datatype' => 'text', 'categoryid' => 1, 'sortorder' => 2]);
        $durationField = $this->add('customfield_field', ['shortname' => 'magistere_duration',
            'name' => 'Durée prévue (minutes)', 'type' => 'number', 'categoryid' => 1, 'sortorder' => 1]);
        $modeField = $this->add('customfield_field', ['shortname' => 'magistere_modalite',
            'name' => 'Modalité', 'type' => 'text', 'categoryid' => 1, 'sortorder' => 2]);
        $this->add('context', ['contextlevel' => 10, 'instanceid' => 0, 'path' => '/1', 'depth' => 1]);
        $categories = [];
        foreach ([1 => 'Premier degré', 2 => 'Second degré', 3 => 'Inter-degrés'] as $cat => $label) {
            $ctx = $this->ids['context'];
            $categories[$cat] = $this->add('context', ['contextlevel' => 40, 'instanceid' => $cat,
                'path' => '/1/' . $ctx, 'depth' => 2]);
        }
        $this->addCourse(0, 'm@gistère - Académie de Lyon', 'magistere-lyon', 1, $categories);

        // --- users that are not teachers: guest, admin.
        $this->add('user', $this->userRow('Invité', 'Utilisateur', 'guest', 'manual'));
        $this->add('user', $this->userRow('Admin', 'Utilisateur', 'admin', 'manual'));

        // --- circonscriptions, inspectors, schools, teachers.
        $circs = [];
        foreach (Vocabulary::CIRCONSCRIPTIONS as $i => [$name, $dep, $towns]) {
            $code = $this->newUai($dep);
            $this->add('local_magistere_circ', ['code' => $code, 'name' => $name, 'departement' => $dep,
                'academie' => 'Lyon']);
            $circs[] = ['code' => $code, 'name' => $name, 'dep' => $dep, 'towns' => $towns, 'schools' => []];
        }
        // One inspector (IEN) per circonscription, except the two small circonscriptions of the
        // Ain, held together by one inspector.
        $inspectors = [];
        foreach ($circs as $i => $c) {
            if ($c['name'] === 'Pays de Gex') {
                $uid = $inspectors[$i - 1];
            } else {
                $uid = $this->addPerson('shibboleth');
                $this->addProfile($uid, $rneField, $c['code']);
            }
            $inspectors[$i] = $uid;
            $this->add('local_magistere_inspector', ['userid' => $uid, 'circonscription' => $c['code']]);
        }

        $schools = [];
        foreach ($circs as $ci => $c) {
            $n = $this->scale * $r->between(4, 6);
            for ($k = 0; $k < $n; $k++) {
                $schools[] = $this->newSchool($ci, $c, $k);
            }
        }

        $teachers = []; // uid => ['school' => index or null, 'degre' => '1D'|'2D']
        foreach ($schools as $si => $s) {
            $n = $s['degre'] === '1D' ? $r->between(3, 10) : $r->between(5, 12);
            for ($k = 0; $k < $n; $k++) {
                $uid = $this->addPerson('shibboleth');
                $this->addProfile($uid, $rneField, $s['uai']);
                $teachers[$uid] = ['school' => $si, 'degre' => $s['degre']];
            }
        }
        // Teachers whose profile names no known school: one blank, one from another académie.
        foreach (['', $this->newUai('38')] as $rne) {
            $uid = $this->addPerson('shibboleth');
            if ($rne !== '') {
                $this->addProfile($uid, $rneField, $rne);
            }
            $teachers[$uid] = ['school' => null, 'degre' => '1D'];
        }

        // Trainers: formateurs (some are also teachers with a school) and tuteurs.
        $formateurs = [];
        $tuteurs = [];
        for ($k = 0; $k < 12 * $this->scale; $k++) {
            $uid = $this->addPerson('shibboleth');
            if ($r->chance(0.5)) {
                $this->addProfile($uid, $rneField, $schools[$r->below(count($schools))]['uai']);
            }
            $formateurs[] = $uid;
        }
        for ($k = 0; $k < 5 * $this->scale; $k++) {
            $tuteurs[] = $this->addPerson('shibboleth');
        }
        // The ministry's statistician: an account with no role in any parcours.
        $statistician = $this->addPerson('manual');

        // --- parcours.
        $courses = [];
        foreach (range(1, $this->scale) as $session) {
            foreach (Vocabulary::PARCOURS as $p) {
                $courses[] = $this->newParcours($p, $session, $categories, $durationField, $modeField, $moduleId);
            }
        }
        $empty = $this->newParcours(Vocabulary::EMPTY_PARCOURS, 1, $categories, $durationField, $modeField, $moduleId);

        // Enrol instances: manual (enabled), self (enabled on some, disabled on others).
        $enrolOf = [];
        foreach (array_merge($courses, [$empty]) as $c) {
            $manual = $this->add('enrol', ['enrol' => 'manual', 'status' => 0, 'courseid' => $c['id'],
                'sortorder' => 0, 'roleid' => $roleId['student']]);
            $self = $this->add('enrol', ['enrol' => 'self', 'status' => $r->chance(0.5) ? 0 : 1,
                'courseid' => $c['id'], 'sortorder' => 1, 'roleid' => $roleId['student']]);
            $enrolOf[$c['id']] = ['manual' => $manual, 'self' => $self,
                'self_enabled' => $this->t['enrol'][$self]['status'] === 0];
        }

        // Trainers of each parcours.
        $trainersOf = [];
        foreach ($courses as $c) {
            $chosen = $this->pickDistinct($formateurs, $r->between(1, 2));
            foreach ($chosen as $uid) {
                $this->enrol($c, $enrolOf, $uid, 'manual', $roleId['formateur'], self::YEAR_START);
            }
            if ($r->chance(0.6)) {
                $tuteur = $r->pick($tuteurs);
                $this->enrol($c, $enrolOf, $tuteur, 'manual', $roleId['tuteur'], self::YEAR_START);
                $chosen[] = $tuteur;
            }
            $trainersOf[$c['id']] = $chosen;
        }
        $this->enrol($empty, $enrolOf, $formateurs[0], 'manual', $roleId['formateur'], self::YEAR_START);
        $trainersOf[$empty['id']] = [$formateurs[0]];

        // The featured parcours and circonscription of the demo.
        $featured = $courses[0];
        $featuredCirc = 0;

        // Participants: each teacher takes part in 0 to 3 parcours open to his degré.
        $participantsOf = []; // course id => [uid => 'active'|why inactive]
        foreach ($teachers as $uid => $info) {
            $open = array_values(array_filter($courses, fn ($c) => $c['audience'] === 'both'
                || $c['audience'] === $info['degre']));
            $n = $r->pick([0, 0, 1, 1, 1, 2, 2, 3]);
            foreach ($this->pickDistinct($open, $n) as $c) {
                $participantsOf[$c['id']][$uid] = $this->enrolParticipant($c, $enrolOf, $uid, $roleId);
            }
        }
        // A formateur who follows another parcours as a participant.
        foreach ($courses as $c) {
            if (!in_array($formateurs[1], $trainersOf[$c['id']], true)) {
                $this->enrol($c, $enrolOf, $formateurs[1], 'manual', $roleId['participant'], self::YEAR_START + 20 * self::DAY);
                $participantsOf[$c['id']][$formateurs[1]] = 'active';
                break;
            }
        }
        // Somebody enrolled without any role: nobody in the parcours.
        foreach ($teachers as $uid => $info) {
            if (!isset($participantsOf[$featured['id']][$uid])) {
                $this->enrol($featured, $enrolOf, $uid, 'manual', null, self::YEAR_START);
                break;
            }
        }

        // A suspended account and a deleted one, both enrolled in the featured parcours.
        $suspended = $this->addPerson('shibboleth', ['suspended' => 1]);
        $deleted = $this->addPerson('shibboleth', ['deleted' => 1]);
        foreach ([$suspended, $deleted] as $uid) {
            $this->addProfile($uid, $rneField, $schools[0]['uai']);
            $this->enrol($featured, $enrolOf, $uid, 'manual', $roleId['participant'], self::YEAR_START);
            $participantsOf[$featured['id']][$uid] = 'user';
        }

        // The participant the demo follows: an active participant of the featured parcours whose
        // school is a public school of the featured circonscription.
        $protagonist = null;
        foreach ($participantsOf[$featured['id']] ?? [] as $uid => $status) {
            $si = $teachers[$uid]['school'] ?? null;
            if ($status === 'active' && $si !== null && $schools[$si]['circ'] === $featuredCirc
                && $schools[$si]['secteur'] === 'public') {
                $protagonist = $uid;
                break;
            }
        }
        if ($protagonist === null) {
            // Guaranteed by construction: enrol a teacher of the first school.
            foreach ($teachers as $uid => $info) {
                if ($info['school'] === 0) {
                    $protagonist = $uid;
                    break;
                }
            }
            if (!isset($participantsOf[$featured['id']][$protagonist])) {
                $this->enrol($featured, $enrolOf, $protagonist, 'manual', $roleId['participant'], self::YEAR_START);
            }
            $participantsOf[$featured['id']][$protagonist] = 'active';
        }

        // --- completions and marks. The protagonist's pattern first: it may turn one of the
        // featured parcours' activities into a quiz.
        $protagonistPattern = $this->protagonistPattern($featured);
        foreach ($courses as $c) {
            $duration = $c['duration'];
            foreach ($participantsOf[$c['id']] ?? [] as $uid => $status) {
                $pattern = $uid === $protagonist && $c['id'] === $featured['id']
                    ? $protagonistPattern : $this->completionPattern($c);
                $done = 0;
                foreach ($pattern as $cmid => [$state, $time]) {
                    $this->add('course_modules_completion', ['coursemoduleid' => $cmid, 'userid' => $uid,
                        'completionstate' => $state, 'overrideby' => null, 'timemodified' => $time]);
                    if (in_array($cmid, $c['tracked'], true) && ($state === 1 || $state === 2)) {
                        $done++;
                    }
                }
                if ($status !== 'active' || $uid === $protagonist) {
                    continue;
                }
                $this->maybeMark($c, $uid, $done, $duration, $trainersOf[$c['id']]);
            }
        }

        ksort($this->cmNames);
        $others = array_values(array_filter(array_column($circs, 'code'),
            fn ($code) => $code !== $circs[$featuredCirc]['code']));
        return [
            'meta' => [
                'generator' => 'magistere demo academie 1',
                'seed' => $this->seed,
                'scale' => $this->scale,
                'now' => self::NOW,
                'academie' => 'Lyon',
                'cast' => [
                    'participant' => ['userid' => $protagonist, 'courseid' => $featured['id'],
                        'other_courseid' => $this->firstCourseWithout($courses,
                            fn ($id) => isset($participantsOf[$id][$protagonist]))],
                    'trainer' => ['userid' => $trainersOf[$featured['id']][0], 'courseid' => $featured['id'],
                        'other_courseid' => $this->firstCourseWithout($courses,
                            fn ($id) => in_array($trainersOf[$featured['id']][0], $trainersOf[$id], true))],
                    'inspector' => ['userid' => $inspectors[$featuredCirc],
                        'circonscription' => $circs[$featuredCirc]['code'],
                        'other_circonscription' => $others[0]],
                    'ministry' => ['userid' => $statistician],
                    'empty_course' => $empty['id'],
                ],
                'activity_names' => $this->cmNames,
            ],
            'tables' => $this->t,
        ];
    }

    /** The id of the first parcours for which $has(id) is false. */
    private function firstCourseWithout(array $courses, callable $has): int
    {
        foreach ($courses as $c) {
            if (!$has($c['id'])) {
                return $c['id'];
            }
        }
        throw new \LogicException('everybody is in every parcours');
    }

    /** @return list<mixed> n distinct items of $items, in a random order. */
    private function pickDistinct(array $items, int $n): array
    {
        return array_slice($this->rng->shuffle(array_values($items)), 0, min($n, count($items)));
    }

    private function newUai(string $dep): string
    {
        do {
            $uai = Uai::make($dep, $this->rng->between(1000, 9999));
        } while (isset($this->usedUai[$uai]));
        $this->usedUai[$uai] = true;
        return $uai;
    }

    private function newSchool(int $ci, array $c, int $k): array
    {
        $r = $this->rng;
        $prive = $r->chance(0.15);
        $degre = $r->chance(0.7) ? '1D' : '2D';
        if ($degre === '1D') {
            $kind = $r->pick(['École maternelle', 'École élémentaire', 'École primaire']);
            $name = $prive ? 'École privée ' . $r->pick(Vocabulary::SCHOOL_PATRONS_PRIVE)
                : $kind . ' ' . $r->pick(Vocabulary::SCHOOL_PATRONS_1D);
        } else {
            $kind = $r->pick(['Collège', 'Collège', 'Lycée', 'Lycée professionnel']);
            $name = $kind . ($prive ? ' privé ' . $r->pick(Vocabulary::SCHOOL_PATRONS_PRIVE)
                : ' ' . $r->pick(Vocabulary::SCHOOL_PATRONS_2D));
        }
        $uai = $this->newUai($c['dep']);
        $this->add('local_magistere_school', ['uai' => $uai, 'name' => $name, 'city' => $r->pick($c['towns']),
            'circonscription' => $c['code'], 'departement' => $c['dep'], 'academie' => 'Lyon',
            'degre' => $degre, 'secteur' => $prive ? 'prive' : 'public']);
        return ['uai' => $uai, 'circ' => $ci, 'degre' => $degre, 'secteur' => $prive ? 'prive' : 'public'];
    }

    private function userRow(string $first, string $last, string $username, string $auth, array $extra = []): array
    {
        return [
            'auth' => $auth, 'confirmed' => 1, 'mnethostid' => 1, 'username' => $username,
            'idnumber' => '', 'firstname' => $first, 'lastname' => $last,
            'email' => $username . '@ac-lyon.example', 'deleted' => $extra['deleted'] ?? 0,
            'suspended' => $extra['suspended'] ?? 0,
            // Moodle's user table has it; the engine never reads it (R6). Present on purpose.
            'lastaccess' => self::NOW - $this->rng->between(0, 90) * self::DAY,
        ];
    }

    /**
     * A new person with a French name, returns the user id. Names are unique while the vocabulary
     * allows (a few tries); at large scales homonyms appear, as in real life.
     */
    private function addPerson(string $auth, array $extra = []): int
    {
        $tries = 0;
        do {
            $first = $this->rng->pick(Vocabulary::FIRST_NAMES);
            $last = $this->rng->pick(Vocabulary::LAST_NAMES);
        } while (isset($this->usedNames[$first . '|' . $last]) && ++$tries < 8);
        $this->usedNames[$first . '|' . $last] = true;
        $base = self::ascii($first) . '.' . self::ascii($last);
        $username = $base;
        for ($n = 2; isset($this->usedUsernames[$username]); $n++) {
            $username = $base . $n;
        }
        $this->usedUsernames[$username] = true;
        return $this->add('user', $this->userRow($first, $last, $username, $auth, $extra));
    }

    /** Lower-case ASCII for usernames, by a fixed table (iconv's transliteration depends on the locale). */
    public static function ascii(string $s): string
    {
        $s = strtr($s, [
            'à' => 'a', 'â' => 'a', 'ä' => 'a', 'ç' => 'c', 'é' => 'e', 'è' => 'e', 'ê' => 'e', 'ë' => 'e',
            'î' => 'i', 'ï' => 'i', 'ô' => 'o', 'ö' => 'o', 'ù' => 'u', 'û' => 'u', 'ü' => 'u', 'ÿ' => 'y',
            'À' => 'a', 'Â' => 'a', 'Ç' => 'c', 'É' => 'e', 'È' => 'e', 'Ê' => 'e', 'Î' => 'i', 'Ô' => 'o',
            'Ö' => 'o', 'Ü' => 'u', 'Œ' => 'oe', 'œ' => 'oe', 'æ' => 'ae',
        ]);
        return preg_replace('/[^a-z0-9-]/', '', strtolower(str_replace([' ', "'"], ['-', ''], $s))) ?? '';
    }

    private function addProfile(int $uid, int $field, string $data): void
    {
        $this->add('user_info_data', ['userid' => $uid, 'fieldid' => $field, 'data' => $data, 'dataformat' => 0]);
    }

    /** Adds a course and its context (level 50); returns the course id. */
    private function addCourse(int $category, string $fullname, string $shortname, int $visible, array $categories): int
    {
        $id = $this->add('course', ['category' => $category, 'sortorder' => 10000 + $this->ids['course'],
            'fullname' => $fullname, 'shortname' => $shortname, 'idnumber' => '', 'format' => 'topics',
            'visible' => $visible, 'enablecompletion' => 1, 'startdate' => self::YEAR_START]);
        $parent = $category > 0 ? $this->t['context'][$categories[$category]]['path'] : '/1';
        $ctx = $this->ids['context'];
        $this->add('context', ['contextlevel' => 50, 'instanceid' => $id, 'path' => $parent . '/' . $ctx,
            'depth' => substr_count($parent, '/') + 1]);
        return $id;
    }

    /**
     * A parcours: the course, its context, sections, activities (tracked and not), its forecast
     * duration. Returns ['id', 'audience', 'duration', 'tracked' => [cmid...], 'untracked' => [...]].
     */
    private function newParcours(array $p, int $session, array $categories, int $durationField,
        int $modeField, array $moduleId): array
    {
        [$title, $code, $audience, $duration] = $p;
        $r = $this->rng;
        $isEmpty = $duration === null;
        $fullname = $session > 1 ? $title . ' (session ' . $session . ')' : $title;
        $shortname = sprintf('LYON-%s-2025-S%d', $code, $session);
        $category = ['1D' => 1, '2D' => 2, 'both' => 3][$audience];
        $courseId = $this->addCourse($category, $fullname, $shortname, $isEmpty ? 0 : 1, $categories);

        if (!$isEmpty) {
            $this->add('customfield_data', ['fieldid' => $durationField, 'instanceid' => $courseId,
                'intvalue' => null, 'decvalue' => $duration, 'shortcharvalue' => null, 'charvalue' => null,
                'value' => (string) $duration, 'valueformat' => 0, 'contextid' => $this->contextOf($courseId)]);
        }
        $this->add('customfield_data', ['fieldid' => $modeField, 'instanceid' => $courseId, 'intvalue' => null,
            'decvalue' => null, 'shortcharvalue' => null, 'charvalue' => null,
            'value' => $r->pick(['hybride', 'distance']), 'valueformat' => 0,
            'contextid' => $this->contextOf($courseId)]);

        $nsections = $r->between(3, 5);
        $sections = []; // section number => ['id', 'visible', 'cms' => []]
        for ($s = 0; $s <= $nsections; $s++) {
            $sections[$s] = ['name' => $s === 0 ? '' : Vocabulary::SECTIONS[($s - 1) % count(Vocabulary::SECTIONS)],
                'visible' => 1, 'cms' => []];
        }
        // The last section of some parcours is hidden: its activities are not tracked.
        $hiddenSection = !$isEmpty && $r->chance(0.4) ? $nsections : null;
        if ($hiddenSection !== null) {
            $sections[$hiddenSection]['visible'] = 0;
        }

        // Activity plan: [module, completion, visible, deletioninprogress, section].
        $plan = [];
        if (!$isEmpty) {
            $plan[] = ['forum', 0, 1, 0, 0];                 // the announcements forum, no completion
            $plan[] = ['page', 1, 1, 0, 0];                  // the parcours' presentation
            $ntracked = $r->between(5, 20) - 1;
            for ($k = 0; $k < $ntracked; $k++) {
                $mod = $this->weightedType();
                $plan[] = [$mod, in_array($mod, self::GRADED, true) || $r->chance(0.5) ? 2 : 1, 1, 0,
                    $r->between(1, $hiddenSection !== null ? $nsections - 1 : $nsections)];
            }
            $plan[] = ['label', 0, 1, 0, 1];                  // instructions, no completion
            if ($r->chance(0.5)) {
                $plan[] = ['assign', 2, 0, 0, $r->between(1, $nsections)];   // hidden activity
            }
            if ($r->chance(0.3)) {
                $plan[] = ['quiz', 2, 1, 1, $r->between(1, $nsections)];     // being deleted
            }
            if ($r->chance(0.3)) {
                $plan[] = ['survey', 1, 1, 0, 1];             // disabled module (survey)
            }
            if ($hiddenSection !== null) {
                $plan[] = ['page', 1, 1, 0, $hiddenSection];  // in the hidden section
                $plan[] = ['quiz', 2, 1, 0, $hiddenSection];
            }
        }

        $sectionIds = [];
        foreach ($sections as $s => $sec) {
            $sectionIds[$s] = $this->add('course_sections', ['course' => $courseId, 'section' => $s,
                'name' => $sec['name'], 'summary' => '', 'summaryformat' => 1, 'sequence' => '',
                'visible' => $sec['visible']]);
        }
        $tracked = [];
        $untracked = [];
        $seq = [];
        $nameCount = [];
        foreach ($plan as [$mod, $completion, $visible, $deleting, $s]) {
            $cmid = $this->add('course_modules', ['course' => $courseId, 'module' => $moduleId[$mod],
                'instance' => $this->ids['course_modules'], 'section' => $sectionIds[$s], 'idnumber' => '',
                'added' => self::YEAR_START - 10 * self::DAY, 'score' => 0, 'indent' => 0,
                'visible' => $visible, 'visibleoncoursepage' => 1, 'visibleold' => $visible, 'groupmode' => 0,
                'completion' => $completion, 'completionexpected' => 0, 'showdescription' => 0,
                'deletioninprogress' => $deleting]);
            $seq[$s][] = $cmid;
            $isTracked = $completion !== 0 && $visible === 1 && $deleting === 0
                && !in_array($mod, self::HIDDEN_MODULES, true) && $sections[$s]['visible'] === 1;
            if ($isTracked) {
                $tracked[] = $cmid;
            } elseif ($completion !== 0) {
                $untracked[] = $cmid;
            }
        }
        // Course order: sections in order, activities in their sequence (shuffled within a section,
        // as teachers move them), so the order of ids is not the order of the course.
        $ordered = [];
        foreach ($sections as $s => $sec) {
            $ids = $this->rng->shuffle($seq[$s] ?? []);
            $this->t['course_sections'][$sectionIds[$s]]['sequence'] = implode(',', $ids);
            foreach ($ids as $cmid) {
                $this->cmNames[$cmid] = $this->activityName($cmid, $nameCount);
                if (in_array($cmid, $tracked, true)) {
                    $ordered[] = $cmid;
                }
            }
        }
        return ['id' => $courseId, 'audience' => $audience, 'duration' => $duration, 'tracked' => $ordered,
            'untracked' => $untracked, 'code' => $code, 'session' => $session];
    }

    /** The name of an activity, the n-th of its module in course order: as modinfo would give it. */
    private function activityName(int $cmid, array &$count): string
    {
        $cm = $this->t['course_modules'][$cmid];
        $mod = self::MODULES[$cm['module'] - 1];
        if ($mod === 'forum' && $cm['completion'] === 0) {
            return 'Annonces';
        }
        $names = Vocabulary::ACTIVITY_NAMES[$mod];
        $n = $count[$mod] = ($count[$mod] ?? 0) + 1;
        $name = $names[($n - 1) % count($names)];
        return $n > count($names) ? $name . ' (' . (intdiv($n - 1, count($names)) + 1) . ')' : $name;
    }

    private function contextOf(int $courseId): int
    {
        foreach ($this->t['context'] as $id => $row) {
            if ($row['contextlevel'] === 50 && $row['instanceid'] === $courseId) {
                return $id;
            }
        }
        throw new \LogicException('no context for course ' . $courseId);
    }

    private function weightedType(): string
    {
        $total = array_sum(array_column(self::TRACKED_TYPES, 1));
        $x = $this->rng->below($total);
        foreach (self::TRACKED_TYPES as [$type, $w]) {
            if ($x < $w) {
                return $type;
            }
            $x -= $w;
        }
        throw new \LogicException('unreachable');
    }

    /**
     * Enrols a user (instance 'manual' or 'self') and assigns a role in the course context
     * (none when $roleid is null). $status/$timeend make the enrolment inactive when asked.
     */
    private function enrol(array $c, array $enrolOf, int $uid, string $via, ?int $roleid, int $start,
        int $status = 0, int $timeend = 0): void
    {
        $this->add('user_enrolments', ['status' => $status, 'enrolid' => $enrolOf[$c['id']][$via], 'userid' => $uid,
            'timestart' => $start, 'timeend' => $timeend, 'modifierid' => 2, 'timecreated' => $start,
            'timemodified' => $start]);
        if ($roleid !== null) {
            $this->add('role_assignments', ['roleid' => $roleid, 'contextid' => $this->contextOf($c['id']),
                'userid' => $uid, 'timemodified' => $start, 'modifierid' => 2, 'component' => '', 'itemid' => 0,
                'sortorder' => 0]);
        }
    }

    /** Enrols a teacher as participant; most enrolments are active, a few are not. Returns why. */
    private function enrolParticipant(array $c, array $enrolOf, int $uid, array $roleId): string
    {
        $r = $this->rng;
        $start = self::YEAR_START + $r->between(0, 150) * self::DAY;
        $role = $r->chance(0.9) ? $roleId['participant'] : $roleId['student'];
        $x = $r->below(100);
        if ($x < 3) {       // enrolment suspended by the trainer
            $this->enrol($c, $enrolOf, $uid, 'manual', $role, $start, 1);
            return 'suspended';
        }
        if ($x < 6) {       // enrolment period over
            $this->enrol($c, $enrolOf, $uid, 'manual', $role, $start, 0, $start + 60 * self::DAY);
            return 'ended';
        }
        if ($x < 8) {       // starts after the sample's instant
            $this->enrol($c, $enrolOf, $uid, 'manual', $role, self::NOW + 30 * self::DAY);
            return 'future';
        }
        if ($x < 25) {      // self-enrolled: active only when that instance is enabled
            $this->enrol($c, $enrolOf, $uid, 'self', $role, $start);
            return $enrolOf[$c['id']]['self_enabled'] ? 'active' : 'disabled-instance';
        }
        $this->enrol($c, $enrolOf, $uid, 'manual', $role, $start);
        return 'active';
    }

    /**
     * Completion rows of one participant: [cmid => [state, time]]. People progress in course
     * order and stop somewhere; graded activities can be passed or failed; a few rows are state 0
     * (unticked); some activities that are not tracked have rows too (they must not count).
     */
    private function completionPattern(array $c): array
    {
        $r = $this->rng;
        $n = count($c['tracked']);
        $x = $r->below(100);
        $reach = $x < 15 ? 0 : ($x < 50 ? $n : $r->between(1, $n));
        $rows = [];
        foreach ($c['tracked'] as $i => $cmid) {
            $time = self::YEAR_START + $r->between(10, 270) * self::DAY;
            if ($i < $reach || $r->chance(0.05)) {
                $rows[$cmid] = [$this->doneState($cmid), $time];
            } elseif ($r->chance(0.03)) {
                $rows[$cmid] = [0, $time];
            }
        }
        foreach ($c['untracked'] as $cmid) {
            if ($reach > 0 && $r->chance(0.4)) {
                $rows[$cmid] = [$this->doneState($cmid), self::YEAR_START + $r->between(10, 270) * self::DAY];
            }
        }
        ksort($rows);
        return $rows;
    }

    private function doneState(int $cmid): int
    {
        $mod = self::MODULES[$this->t['course_modules'][$cmid]['module'] - 1];
        if (in_array($mod, self::GRADED, true) && $this->t['course_modules'][$cmid]['completion'] === 2) {
            return $this->rng->chance(0.8) ? 2 : 3;
        }
        return 1;
    }

    /** The featured participant: about half done (one passed quiz, if any), one failed, the rest to do. */
    private function protagonistPattern(array $c): array
    {
        $rows = [];
        $n = count($c['tracked']);
        $half = max(1, intdiv($n, 2));
        $failed = false;
        foreach ($c['tracked'] as $i => $cmid) {
            $mod = self::MODULES[$this->t['course_modules'][$cmid]['module'] - 1];
            $graded = in_array($mod, self::GRADED, true) && $this->t['course_modules'][$cmid]['completion'] === 2;
            $time = self::YEAR_START + (30 + 7 * $i) * self::DAY;
            if ($i < $half) {
                $rows[$cmid] = [$graded ? 2 : 1, $time];
            } elseif (!$failed && ($graded || $i === $n - 1)) {
                $rows[$cmid] = [$graded ? 3 : 0, $time];
                $failed = $graded;
            }
        }
        if (!$failed && $n >= 3) {
            // No graded activity after the first half: make the second one a failed attempt of a
            // graded module by rewriting its module to a quiz (the plan is ours).
            $cmid = $c['tracked'][$half];
            $this->t['course_modules'][$cmid]['module'] = array_search('quiz', self::MODULES, true) + 1;
            $this->t['course_modules'][$cmid]['completion'] = 2;
            $this->cmNames[$cmid] = 'Quiz : vérifier ses acquis';
            $rows[$cmid] = [3, self::YEAR_START + 60 * self::DAY];
        }
        ksort($rows);
        return $rows;
    }

    /**
     * The trainer's "formation terminée" box (R3, R7): ticked for most who did everything, some
     * who did most, a few others (attested in person); a few ticks were undone (finished = 0).
     * The credited minutes are the forecast at the time of the tick: the evaluation parcours'
     * forecast went from 360 to 540 minutes in March, after the first ticks.
     */
    private function maybeMark(array $c, int $uid, int $done, ?int $duration, array $trainers): void
    {
        $r = $this->rng;
        $n = count($c['tracked']);
        $p = $n > 0 && $done === $n ? 0.8 : ($n > 0 && $done * 10 >= $n * 7 ? 0.35 : 0.03);
        $time = self::YEAR_START + $r->between(60, 280) * self::DAY;
        $by = $trainers[$r->below(count($trainers))];
        if ($r->chance($p)) {
            $credited = $duration;
            if ($c['code'] === 'EVAL-MATHS' && $time < 1772323200) {
                $credited = 360;   // snapshot taken before the forecast changed
            }
            $this->add('local_magistere_mark', ['courseid' => $c['id'], 'userid' => $uid, 'finished' => 1,
                'creditedminutes' => $credited, 'timemodified' => $time, 'modifiedby' => $by]);
        } elseif ($r->chance(0.02)) {
            $this->add('local_magistere_mark', ['courseid' => $c['id'], 'userid' => $uid, 'finished' => 0,
                'creditedminutes' => null, 'timemodified' => $time, 'modifiedby' => $by]);
        }
    }
}
