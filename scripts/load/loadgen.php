<?php
// This file is part of magistere: the load generator of scripts/loadtest.sh.
//
// Drives a real Moodle site (scripts/site/site.sh) with many users at once, each with his own Moodle session:
// it logs every user in through Moodle's login form (with its logintoken), then each virtual user opens the pages
// of his role one after the other, with a think time between two pages, and now and then two trainers change the
// marks of the same participants at the same instant (the real HTTP race of issue 14). Every response is checked:
// the page asked for (its own markup), not Moodle's error page, not a login page, not a web server error.
//
// One process, no threads: curl_multi keeps every user's request in flight at once (one at a time per user, two
// for a double submit). Bounded in time (--duration) and requests (--max-requests); loopback only (the URL must be
// http://127.0.0.1:PORT).
//
// Usage: php loadgen.php --url=http://127.0.0.1:PORT --manifest=FILE --out=DIR [--ramp=240] [--duration=600] [--max-requests=N]
//        [--trainers=20] [--participants=150] [--inspectors=10] [--statisticians=2] [--seed=1]
//        [--think-trainer=S] [--think-participant=S] [--think-inspector=S] [--think-statistician=S]
//        [--race-every=S] [--ramp=S] [--timeout=S]
//
// Writes into DIR:
//   requests.csv  one line per HTTP request: start, end (unix seconds), user, role, page, method, HTTP code,
//                 outcome (ok, moodle_error, loggedout, other), milliseconds, bytes, internal (1: the page shows
//                 the extension's own error message, which names the database server, port and database), detail
//   marks.csv     one line per mark request (confirmation submitted or undo): start, end, user, parcours, scenario,
//                 action, outcome, changed (the count the page reported), redirected (1: mark.php answered with its
//                 redirect to the parcours page, so its change was committed), message
//   summary.json  counts, for scripts/load/report.php
//   bodies/       the first 50 responses that were neither the page nor Moodle's error page, or showed internals
//
// @copyright  2026 magistere contributors
// @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later

declare(strict_types=1);

if (PHP_SAPI !== 'cli') {
    exit(1);
}
if (!function_exists('curl_multi_init')) {
    fwrite(STDERR, "loadgen: PHP's curl extension is missing (Debian: php8.2-curl)\n");
    exit(2);
}

$opt = getopt('', ['url:', 'manifest:', 'out:', 'duration:', 'max-requests:', 'trainers:', 'participants:',
    'inspectors:', 'statisticians:', 'seed:', 'think-trainer:', 'think-participant:', 'think-inspector:',
    'think-statistician:', 'race-every:', 'ramp:', 'timeout:']);
foreach (['url', 'manifest', 'out'] as $required) {
    if (empty($opt[$required])) {
        fwrite(STDERR, "usage: php loadgen.php --url=http://127.0.0.1:PORT --manifest=FILE --out=DIR [options]\n");
        exit(2);
    }
}
$base = rtrim($opt['url'], '/');
if (!preg_match('~^http://(127\.0\.0\.1|localhost)(:\d+)?$~', $base)) {
    fwrite(STDERR, "loadgen: refusing $base: only a site on loopback (http://127.0.0.1:PORT) is load tested\n");
    exit(2);
}
$manifest = json_decode((string) file_get_contents($opt['manifest']), true);
if (!is_array($manifest)) {
    fwrite(STDERR, "loadgen: cannot read the manifest {$opt['manifest']}\n");
    exit(2);
}
$out = rtrim($opt['out'], '/');
@mkdir($out, 0755, true);

// The logins are spread over the ramp; the load then lasts --duration seconds more.
$duration = (float) ($opt['duration'] ?? 600);
$maxrequests = (int) ($opt['max-requests'] ?? 200000);
$timeout = (int) ($opt['timeout'] ?? 300);
$ramp = (float) ($opt['ramp'] ?? 240);
$raceevery = (float) ($opt['race-every'] ?? 30);
$think = [
    'trainer' => (float) ($opt['think-trainer'] ?? 60),
    'participant' => (float) ($opt['think-participant'] ?? 180),
    'inspector' => (float) ($opt['think-inspector'] ?? 90),
    'statistician' => (float) ($opt['think-statistician'] ?? 120),
];
mt_srand((int) ($opt['seed'] ?? 1));

// ------------------------------------------------------------------ the users

$byrole = ['trainer' => [], 'participant' => [], 'inspector' => [], 'statistician' => []];
foreach ($manifest['users'] as $username => $user) {
    if ($user['kind'] === 'trainer' && str_starts_with($username, 'loadtrainer')) {
        $byrole['trainer'][] = $username;
    } else if ($user['kind'] === 'participant') {
        $byrole['participant'][] = $username;
    } else if ($user['kind'] === 'inspector') {
        $byrole['inspector'][] = $username;
    } else if ($user['kind'] === 'statistician') {
        $byrole['statistician'][] = $username;
    }
}
foreach ($byrole as $role => $list) {
    sort($list);
    $byrole[$role] = $list;
}
$wanted = ['trainer' => (int) ($opt['trainers'] ?? 20), 'participant' => (int) ($opt['participants'] ?? 150),
    'inspector' => (int) ($opt['inspectors'] ?? 10), 'statistician' => (int) ($opt['statisticians'] ?? 2)];
$big = array_values(array_filter(['lecture', 'maths'], fn($c) => isset($manifest['courses'][$c])));
// The participants' parcours among the two big visible ones ("sciences" is hidden: Moodle tells its students it is
// unavailable, which is right, but not the page this test measures).
$incourse = [];
foreach ($big as $short) {
    foreach ($manifest['courses'][$short]['participants'] as $username) {
        $incourse[$username][] = $short;
    }
}

/** A virtual user: one Moodle session (a cookie jar shared by his curl handles). */
final class vu {
    /** @var string */
    public $name;
    /** @var string */
    public $role;
    /** @var \CurlShareHandle */
    public $share;
    /** @var \CurlHandle[] */
    public $handles = [];
    /** @var string|null */
    public $sesskey = null;
    /** @var bool */
    public $loggedin = false;
    /** @var \Generator|null the action in progress */
    public $action = null;
    /** @var float when the next action starts */
    public $next = 0.0;
    /** @var bool reserved for a race */
    public $reserved = false;
    /** @var array|null what the action waits for: requests in flight, a barrier, a time */
    public $waiting = null;
    /** @var string[] parcours he takes part in */
    public $courses = [];
}

$vus = [];
foreach ($wanted as $role => $count) {
    if (count($byrole[$role]) < $count) {
        fwrite(STDERR, "loadgen: the site has " . count($byrole[$role]) . " $role accounts, $count wanted " .
            "(start it with MAGISTERE_SITE_DATA=1000)\n");
        exit(2);
    }
    foreach (array_slice($byrole[$role], 0, $count) as $username) {
        $vu = new vu();
        $vu->name = $username;
        $vu->role = $role;
        $vu->courses = $role === 'trainer' ? $big : ($incourse[$username] ?? []);
        $vu->share = curl_share_init();
        curl_share_setopt($vu->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
        $vus[] = $vu;
    }
}

// ------------------------------------------------------------------ responses

/**
 * What a response is: the page asked for, Moodle's error page, the login page, or something else.
 *
 * @param int $code
 * @param string $body
 * @param string $contenttype
 * @param array $req the request (expect: a regex the page must match; download: a content type prefix)
 * @return array [outcome, detail]
 */
function classify(int $code, string $body, string $contenttype, array $req): array {
    if ($code === 0) {
        return ['other', 'no response'];
    }
    if (!empty($req['download'])) {
        if ($code === 200 && str_starts_with($contenttype, $req['download']) && strlen($body) > 0) {
            return ['ok', ''];
        }
    }
    // Moodle's error pages: the themed one ($OUTPUT->fatal_error) and the early one (bootstrap_renderer, e.g. the
    // database cannot be reached).
    if (str_contains($body, 'data-rel="fatalerror"')) {
        return ['moodle_error', message_of($body, '~<p class="errormessage">(.*?)</p>~s') . " (HTTP $code)"];
    }
    if (preg_match('~<div id="region-main">\s*<h1>[^<]*</h1>\s*<div class=.alert-danger.>~', $body)) {
        return ['moodle_error', message_of($body, "~<div class=.alert-danger.>(.*?)</div>~s") . " (HTTP $code)"];
    }
    // Moodle's last resort (default_exception_handler): when the themed error page itself fails (the database went
    // away while it was being drawn), Moodle prints the error and the second one with bootstrap_renderer's
    // early_error_content(), after whatever was already sent.
    if (str_contains($body, "<div class='alert-danger'>")) {
        return ['moodle_error', '[fallback] ' . message_of($body, "~<div class='alert-danger'>(.*?)</div>~s") . " (HTTP $code)"];
    }
    if (empty($req['loginform']) && str_contains($body, 'name="logintoken"')) {
        return ['loggedout', "login page instead of {$req['page']} (HTTP $code)"];
    }
    if ($code === 200 && empty($req['download']) && preg_match($req['expect'], $body)) {
        return ['ok', ''];
    }
    $text = trim(preg_replace('/\s+/', ' ', strip_tags($body)));
    return ['other', "HTTP $code " . $contenttype . ': ' . substr($text, 0, 120)];
}

/**
 * The text of the first match, tags stripped, on one line.
 *
 * @param string $body
 * @param string $regex
 * @return string
 */
function message_of(string $body, string $regex): string {
    if (!preg_match($regex, $body, $m)) {
        return '';
    }
    return substr(trim(preg_replace('/\s+/', ' ', html_entity_decode(strip_tags($m[1])))), 0, 200);
}

/**
 * A request.
 *
 * @param string $page label in the report
 * @param string $path
 * @param string $expect regex of the page's own markup
 * @param array|null $post
 * @param array $more
 * @return array
 */
function req(string $page, string $path, string $expect, ?array $post = null, array $more = []): array {
    return ['page' => $page, 'path' => $path, 'expect' => $expect, 'post' => $post] + $more;
}

// ------------------------------------------------------------------ actions (generators)

const M_TRAINER = '~class="local-magistere local-magistere-trainer"~';
const M_PARTICIPANT = '~class="local-magistere local-magistere-participant"~';
const M_TRANSPARENCY = '~class="local-magistere local-magistere-transparency"~';
const M_MYTRAININGS = '~class="local-magistere local-magistere-mytrainings"~';
const M_CIRC = '~class="local-magistere local-magistere-circonscription"~';
const M_STATS = '~class="local-magistere local-magistere-statistics"~';
/** Moodle's login page for a user already logged in (error/alreadyloggedin). */
const ALREADY_LOGGED_IN = 'you need to log out before logging in as different user';
const M_CONFIRM = '~local/magistere/mark\.php.*name="confirm" value="1"~s';

/**
 * Logs a user in through Moodle's form, with its logintoken.
 *
 * @param vu $vu
 * @param string $password
 * @return \Generator
 */
function login_action(vu $vu, string $password): \Generator {
    // The login page, or Moodle's "already logged in" confirmation: a login whose response failed (a fault during
    // the redirect after the session was made) still logged the user in.
    $r = yield req('login_form', '/login/index.php', '~name="logintoken"|' . ALREADY_LOGGED_IN . '~', null,
        ['loginform' => true]);
    if ($r['outcome'] === 'ok' && preg_match('~' . ALREADY_LOGGED_IN . '~', $r['body'])) {
        $vu->loggedin = true;
        return;
    }
    if ($r['outcome'] !== 'ok' || !preg_match('~name="logintoken" value="([^"]+)"~', $r['body'], $m)) {
        return;
    }
    $r = yield req('login', '/login/index.php', '~"sesskey":"[^"]+"~', ['username' => $vu->name,
        'password' => $password, 'logintoken' => $m[1], 'anchor' => ''], ['follow' => true]);
    if ($r['outcome'] === 'ok' && !str_contains($r['body'], 'name="logintoken"')) {
        $vu->loggedin = true;
    }
}

/**
 * One page of the user's role, chosen at random with the weights of what each role does.
 *
 * @param vu $vu
 * @param array $manifest
 * @return \Generator
 */
function page_action(vu $vu, array $manifest): \Generator {
    $pick = function (array $weights) {
        $total = array_sum($weights);
        $x = mt_rand() / mt_getrandmax() * $total;
        foreach ($weights as $key => $w) {
            $x -= $w;
            if ($x <= 0) {
                return $key;
            }
        }
        return array_key_last($weights);
    };
    $course = $vu->courses ? $vu->courses[mt_rand(0, count($vu->courses) - 1)] : null;
    $id = $course !== null ? $manifest['courses'][$course]['id'] : 0;
    switch ($vu->role) {
        case 'trainer':
            $what = $pick(['view' => 6, 'page' => 2, 'sort' => 1, 'perpage500' => 1, 'csv' => 0.5]);
            if ($what === 'view') {
                yield req('trainer', "/local/magistere/course.php?id=$id&perpage=50", M_TRAINER);
            } else if ($what === 'page') {
                yield req('trainer', "/local/magistere/course.php?id=$id&perpage=50&page=" . mt_rand(1, 19), M_TRAINER);
            } else if ($what === 'sort') {
                yield req('trainer', "/local/magistere/course.php?id=$id&perpage=50&sort=firstname&dir=desc", M_TRAINER);
            } else if ($what === 'perpage500') {
                yield req('trainer_500', "/local/magistere/course.php?id=$id&perpage=500", M_TRAINER);
            } else {
                yield req('trainer_csv', "/local/magistere/course.php?id=$id&download=csv", '~~', null,
                    ['download' => 'text/csv']);
            }
            return;
        case 'participant':
            $what = $pick(['parcours' => $id ? 5 : 0, 'transparency' => $id ? 1 : 0, 'mytrainings' => 2]);
            if ($what === 'parcours') {
                yield req('participant', "/local/magistere/course.php?id=$id", M_PARTICIPANT);
            } else if ($what === 'transparency') {
                yield req('transparency', "/local/magistere/transparency.php?id=$id", M_TRANSPARENCY);
            } else {
                yield req('mytrainings', '/local/magistere/index.php', M_MYTRAININGS);
            }
            return;
        case 'inspector':
            $what = $pick(['all' => 4, 'course' => 1, 'csv' => 0.5]);
            if ($what === 'all') {
                yield req('inspector', '/local/magistere/circonscription.php', M_CIRC);
            } else if ($what === 'course') {
                $cid = $manifest['courses'][$GLOBALS['big'][mt_rand(0, count($GLOBALS['big']) - 1)]]['id'];
                yield req('inspector', "/local/magistere/circonscription.php?course=$cid", M_CIRC);
            } else {
                yield req('inspector_csv', '/local/magistere/circonscription.php?download=csv', '~~', null,
                    ['download' => 'text/csv']);
            }
            return;
        default:
            // The statistics page serves published releases only (docs/statistics.md): the latest one,
            // a table of it as CSV, or the exchange file as published.
            $what = $pick(['page' => 4, 'csv' => 0.5, 'xml' => 0.25]);
            if ($what === 'page') {
                yield req('statistics', '/local/magistere/statistics.php', M_STATS);
            } else if ($what === 'csv') {
                $table = $pick(['etablissements' => 1, 'parcours' => 1]);
                yield req('statistics_csv', "/local/magistere/statistics.php?table=$table&download=csv", '~~', null,
                    ['download' => 'text/csv']);
            } else {
                yield req('statistics_xml', '/local/magistere/statistics.php?xml=1', '~urn:magistere:statistics:2~', null,
                    ['download' => 'application/xml']);
            }
    }
}

/**
 * The number of mark changes a page's notification reports.
 *
 * @param string $body
 * @return array [changed, message]
 */
function reported_changes(string $body): array {
    $changed = 0;
    $message = '';
    if (preg_match_all('~(\d+) participant\(s\) marked as (?:not )?finished~', $body, $m)) {
        $changed += array_sum(array_map('intval', $m[1]));
    }
    if (preg_match_all('~The change was undone for (\d+) participant~', $body, $m)) {
        $changed += array_sum(array_map('intval', $m[1]));
    }
    if (preg_match('~<div class="alert[^"]*"[^>]*role="alert"[^>]*>(.*?)</div>~s', $body, $m)) {
        $message = message_of($m[0], '~^(.*)$~s');
    }
    return [$changed, $message];
}

/**
 * A trainer's change of marks, as his browser makes it: the form of the parcours page posted to mark.php, the
 * confirmation page, then the confirmation posted (twice at once for a double submit), which redirects to the
 * parcours page with the result; then, for some scenarios, the undo link. The confirmation waits at a barrier
 * shared with the other trainer of the race, so that both confirmations reach the server at the same instant.
 *
 * @param vu $vu
 * @param array $race
 * @param string $action finish|unfinish
 * @param bool $double submit the confirmation twice at once
 * @param bool $undo follow with the undo link
 * @return \Generator
 */
function mark_action(vu $vu, array $race, string $action, bool $double, bool $undo): \Generator {
    global $marklog;
    $id = $race['courseid'];
    $post = ['id' => $id, 'sesskey' => (string) $vu->sesskey, 'action' => $action];
    foreach ($race['users'] as $i => $userid) {
        $post["userids[$i]"] = $userid;
    }
    // The confirmation page, or the parcours page when there is nothing to change ("already finished").
    $r = yield req('mark_form', '/local/magistere/mark.php', '~local/magistere/mark\.php.*name="confirm" value="1"|' .
        'class="local-magistere local-magistere-trainer"~s', $post, ['follow' => true]);
    if ($r['outcome'] !== 'ok' || !preg_match(M_CONFIRM, $r['body'])) {
        // An error, or nothing to change (redirected to the parcours page with "already ..."): nothing to confirm.
        yield ['leave' => $race['barrier']];
        return;
    }
    yield ['barrier' => $race['barrier']];
    $confirm = $post + ['confirm' => 1];
    $t0 = microtime(true);
    $requests = [req('mark_confirm', '/local/magistere/mark.php', M_TRAINER, $confirm, ['follow' => true])];
    if ($double) {
        $requests[] = $requests[0];
    }
    $responses = yield ['parallel' => $requests];
    foreach ($responses as $n => $response) {
        [$changed, $message] = $response['outcome'] === 'ok' ? reported_changes($response['body']) : [0, $response['detail']];
        $marklog[] = [$t0, microtime(true), $vu->name, $race['course'], $race['scenario'] . ($n ? '-second' : ''),
            $action, $response['outcome'], $changed, $response['redirected'], $message];
    }
    if (!$undo || $responses[0]['outcome'] !== 'ok') {
        return;
    }
    $t0 = microtime(true);
    $r = yield req('mark_undo', "/local/magistere/mark.php?id=$id&action=undo&sesskey=" . urlencode((string) $vu->sesskey),
        M_TRAINER, null, ['follow' => true]);
    [$changed, $message] = $r['outcome'] === 'ok' ? reported_changes($r['body']) : [0, $r['detail']];
    $marklog[] = [$t0, microtime(true), $vu->name, $race['course'], $race['scenario'], 'undo', $r['outcome'], $changed,
        $r['redirected'], $message];
}

// ------------------------------------------------------------------ the scheduler

$marklog = [];
$keptbodies = 0;
$reqlog = fopen("$out/requests.csv", 'w');
fputcsv($reqlog, ['start', 'end', 'user', 'role', 'page', 'method', 'code', 'outcome', 'ms', 'bytes', 'internal',
    'detail']);
$mh = curl_multi_init();
$inflight = [];        // spl_object_id(handle) => [vu, request, start, slot]
$barriers = [];
$count = 0;
$start = microtime(true);
$end = $start + $ramp + $duration;
$racecount = 0;
$nextrace = $start + $ramp + $raceevery;
$stopping = false;
pcntl_async_signals(true);
foreach ([SIGINT, SIGTERM] as $signal) {
    pcntl_signal($signal, function () use (&$stopping) {
        $stopping = true;
    });
}

/**
 * A curl handle of the user (slot 0, or 1 for the second request of a double submit).
 *
 * @param vu $vu
 * @param int $slot
 * @return \CurlHandle
 */
function handle_of(vu $vu, int $slot): \CurlHandle {
    global $timeout;
    if (!isset($vu->handles[$slot])) {
        $ch = curl_init();
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_SHARE => $vu->share, CURLOPT_COOKIEFILE => '',
            CURLOPT_ENCODING => '', CURLOPT_TIMEOUT => $timeout, CURLOPT_CONNECTTIMEOUT => 10,
            CURLOPT_USERAGENT => 'magistere-loadtest', CURLOPT_MAXREDIRS => 5]);
        $vu->handles[$slot] = $ch;
    }
    return $vu->handles[$slot];
}

/**
 * Sends a request of a user.
 *
 * @param vu $vu
 * @param array $req
 * @param int $slot
 */
function send(vu $vu, array $req, int $slot): void {
    global $mh, $inflight, $base, $count;
    $ch = handle_of($vu, $slot);
    curl_setopt($ch, CURLOPT_URL, $base . $req['path']);
    curl_setopt($ch, CURLOPT_FOLLOWLOCATION, !empty($req['follow']));
    if ($req['post'] !== null) {
        curl_setopt($ch, CURLOPT_POST, true);
        curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($req['post']));
    } else {
        curl_setopt($ch, CURLOPT_HTTPGET, true);
    }
    curl_multi_add_handle($mh, $ch);
    $inflight[spl_object_id($ch)] = [$vu, $req, microtime(true), $slot];
    $count++;
}

/**
 * Runs the user's action until it waits for something (requests, a barrier) or ends.
 *
 * @param vu $vu
 * @param mixed $value what the action waited for
 * @param bool $first
 */
function advance(vu $vu, $value = null, bool $first = false): void {
    global $think, $barriers;
    $gen = $vu->action;
    while (true) {
        $yielded = $first ? $gen->current() : $gen->send($value);
        $first = false;
        if (!$gen->valid()) {
            $vu->action = null;
            $vu->waiting = null;
            $vu->reserved = false;
            $vu->next = microtime(true) + think_time($think[$vu->role]);
            return;
        }
        if (isset($yielded['leave'])) {
            barrier_leave($yielded['leave']);
            $value = null;
            continue;
        }
        if (isset($yielded['barrier'])) {
            $vu->waiting = ['barrier' => $yielded['barrier']];
            barrier_arrive($yielded['barrier'], $vu);
            return;
        }
        if (isset($yielded['parallel'])) {
            $vu->waiting = ['parallel' => count($yielded['parallel']), 'responses' => []];
            foreach ($yielded['parallel'] as $slot => $req) {
                send($vu, $req, $slot);
            }
            return;
        }
        $vu->waiting = ['single' => true];
        send($vu, $yielded, 0);
        return;
    }
}

/**
 * An exponential think time around a mean, bounded to [mean/10, 4 mean].
 *
 * @param float $mean
 * @return float
 */
function think_time(float $mean): float {
    $u = max(1e-9, mt_rand() / mt_getrandmax());
    return min(4 * $mean, max($mean / 10, -log($u) * $mean));
}

/**
 * A barrier for the users of a race.
 *
 * @param int $parties
 * @return int its id
 */
function barrier_new(int $parties): int {
    global $barriers;
    $barriers[] = ['parties' => $parties, 'waiting' => []];
    return array_key_last($barriers);
}

/**
 * A user arrives at a barrier; the last one releases everybody.
 *
 * @param int $id
 * @param vu $vu
 */
function barrier_arrive(int $id, vu $vu): void {
    global $barriers;
    $barriers[$id]['waiting'][] = $vu;
    barrier_check($id);
}

/**
 * A user of the race will not come (his form ended in an error or had nothing to confirm).
 *
 * @param int $id
 */
function barrier_leave(int $id): void {
    global $barriers;
    $barriers[$id]['parties']--;
    barrier_check($id);
}

/**
 * Releases the barrier when everybody still in the race is there.
 *
 * @param int $id
 */
function barrier_check(int $id): void {
    global $barriers;
    if (count($barriers[$id]['waiting']) < $barriers[$id]['parties']) {
        return;
    }
    $waiting = $barriers[$id]['waiting'];
    $barriers[$id]['waiting'] = [];
    $barriers[$id]['parties'] = 0;
    foreach ($waiting as $vu) {
        $vu->waiting = null;
        advance($vu);
    }
}

/**
 * Starts a race: two idle trainers change the marks of the same participants of a parcours at the same instant.
 *
 * @param vu[] $trainers idle trainers
 * @return bool whether it started
 */
function start_race(array $trainers): bool {
    global $manifest, $big, $racecount;
    if (count($trainers) < 2) {
        return false;
    }
    shuffle($trainers);
    [$a, $b] = $trainers;
    $course = $big[$racecount % count($big)];
    $scenarios = ['opposite', 'same', 'double', 'undo'];
    $scenario = $scenarios[$racecount % count($scenarios)];
    $racecount++;
    // A small pool of participants per parcours, so that races and undos meet each other's changes.
    $pool = array_slice($manifest['courses'][$course]['participants'], 0, 30);
    shuffle($pool);
    $users = array_map(fn($u) => $manifest['users'][$u]['id'], array_slice($pool, 0, mt_rand(3, 8)));
    $race = ['course' => $course, 'courseid' => $manifest['courses'][$course]['id'], 'users' => $users,
        'scenario' => $scenario, 'barrier' => barrier_new(2)];
    $first = mt_rand(0, 1) ? 'finish' : 'unfinish';
    $other = $first === 'finish' ? 'unfinish' : 'finish';
    $plans = [
        'opposite' => [[$first, false, false], [$other, false, false]],
        'same' => [[$first, false, false], [$first, false, false]],
        'double' => [[$first, true, false], [$other, false, false]],
        'undo' => [[$first, false, true], [$other, false, false]],
    ][$scenario];
    foreach ([$a, $b] as $n => $vu) {
        [$action, $double, $undo] = $plans[$n];
        $vu->reserved = true;
        $vu->action = mark_action($vu, $race, $action, $double, $undo);
        advance($vu, null, true);
    }
    return true;
}

// Logins spread over the ramp, then each user's first page at a random time within his think time.
$order = range(0, count($vus) - 1);
shuffle($order);
foreach ($order as $i => $n) {
    $vus[$n]->next = $start + $ramp * $i / max(1, count($vus));
}
$password = $manifest['password'];
fwrite(STDERR, sprintf("loadgen: %d users (%s) on %s: logins over %ds, then %ds of load\n", count($vus),
    implode(', ', array_map(fn($r) => "$wanted[$r] $r" . 's', array_keys($wanted))), $base, (int) $ramp, (int) $duration));
$lastreport = $start;

while (true) {
    $now = microtime(true);
    $open = !$stopping && $now < $end && $count < $maxrequests;
    if (!$open && !$inflight) {
        break;
    }
    if ($open) {
        if ($now >= $nextrace) {
            $idle = array_filter($vus, fn($vu) => $vu->role === 'trainer' && $vu->loggedin && $vu->action === null &&
                !$vu->reserved);
            if (start_race(array_values($idle))) {
                $nextrace = $now + $raceevery;
            }
        }
        foreach ($vus as $vu) {
            if ($vu->action !== null || $vu->reserved || $vu->next > $now) {
                continue;
            }
            $vu->action = $vu->loggedin ? page_action($vu, $manifest) : login_action($vu, $password);
            advance($vu, null, true);
        }
    }
    do {
        $status = curl_multi_exec($mh, $active);
    } while ($status === CURLM_CALL_MULTI_PERFORM);
    while ($info = curl_multi_info_read($mh)) {
        $ch = $info['handle'];
        [$vu, $req, $t0, $slot] = $inflight[spl_object_id($ch)];
        unset($inflight[spl_object_id($ch)]);
        $t1 = microtime(true);
        $body = (string) curl_multi_getcontent($ch);
        $code = $info['result'] === CURLE_OK ? (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE) : 0;
        $contenttype = (string) curl_getinfo($ch, CURLINFO_CONTENT_TYPE);
        curl_multi_remove_handle($mh, $ch);
        [$outcome, $detail] = classify($code, $body, $contenttype, $req);
        // The extension's own error messages name the database server, its port and the database: the plugin must
        // keep them from users (engine::map() puts them in the debug information of site administrators only).
        $leak = (int) preg_match("~mysql: [^<]*on (host|socket) '[^']*'[^<]*database '~", $body);
        if ($info['result'] !== CURLE_OK) {
            $detail = 'curl: ' . curl_strerror($info['result']);
        }
        if (preg_match('~"sesskey":"([^"]+)"~', $body, $m)) {
            $vu->sesskey = $m[1];
        }
        if ($outcome === 'loggedout') {
            $vu->loggedin = false;
        }
        if ((($outcome !== 'ok' && $outcome !== 'moodle_error') || $leak) && $keptbodies < 50) {
            // What the user got instead of a page, to look at.
            $keptbodies++;
            @mkdir("$out/bodies");
            file_put_contents(sprintf('%s/bodies/%.3f-%s-%s.html', $out, $t0, $vu->name, $req['page']),
                "<!-- HTTP $code, " . curl_getinfo($ch, CURLINFO_EFFECTIVE_URL) . " -->\n" . $body);
        }
        fputcsv($reqlog, [sprintf('%.3f', $t0), sprintf('%.3f', $t1), $vu->name, $vu->role, $req['page'],
            $req['post'] !== null ? 'POST' : 'GET', $code, $outcome, (int) round(($t1 - $t0) * 1000), strlen($body),
            $leak, $detail]);
        // Whether a POST to mark.php got as far as its redirect to the parcours page: its change was committed,
        // even when the page after the redirect failed.
        $redirected = (int) str_contains((string) parse_url((string) curl_getinfo($ch, CURLINFO_EFFECTIVE_URL), PHP_URL_PATH),
            '/local/magistere/course.php');
        $response = ['code' => $code, 'body' => $body, 'outcome' => $outcome, 'detail' => $detail,
            'redirected' => $redirected];
        if (isset($vu->waiting['parallel'])) {
            $vu->waiting['responses'][$slot] = $response;
            if (count($vu->waiting['responses']) < $vu->waiting['parallel']) {
                continue;
            }
            $responses = $vu->waiting['responses'];
            ksort($responses);
            $vu->waiting = null;
            advance($vu, $responses);
        } else {
            $vu->waiting = null;
            advance($vu, $response);
        }
    }
    if ($now - $lastreport >= 30) {
        $lastreport = $now;
        fwrite(STDERR, sprintf("loadgen: %4ds %6d requests, %d in flight\n", (int) ($now - $start), $count, count($inflight)));
    }
    if ($active || $inflight) {
        curl_multi_select($mh, 0.05);
    } else {
        usleep(20000);
    }
}
fclose($reqlog);

$marks = fopen("$out/marks.csv", 'w');
fputcsv($marks, ['start', 'end', 'user', 'parcours', 'scenario', 'action', 'outcome', 'changed', 'redirected', 'message']);
foreach ($marklog as $line) {
    $line[0] = sprintf('%.3f', $line[0]);
    $line[1] = sprintf('%.3f', $line[1]);
    fputcsv($marks, $line);
}
fclose($marks);
file_put_contents("$out/summary.json", json_encode(['start' => $start, 'ramp' => $ramp, 'end' => microtime(true),
    'requests' => $count,
    'users' => $wanted,
    'races' => $racecount, 'think' => $think, 'duration' => $duration, 'stopped' => $stopping], JSON_PRETTY_PRINT) . "\n");
fwrite(STDERR, sprintf("loadgen: done, %d requests in %.0fs, %d races\n", $count, microtime(true) - $start, $racecount));
