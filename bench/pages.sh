#!/usr/bin/env bash
# Page timings in a real Moodle site (docs/benchmarks.md, "Pages"): the site of scripts/site/site.sh
# (nginx + PHP-FPM + MariaDB, the plugin installed, the extension loaded by the pool) with
# MAGISTERE_SITE_DATA participants per parcours, and these pages, each requested over HTTP by a
# logged-in user with curl:
#
#   trainer page    /local/magistere/course.php?id=LECTURE&perpage=50   as trainer1 (50 a page)
#   inspector page  /local/magistere/circonscription.php                 as ien1
#   statistics page /local/magistere/statistics.php                      as stats1 (the latest release)
#   Moodle's own    /report/progress/index.php?course=LECTURE            as trainer1 (25 a page: Moodle's size)
#   completion report of the same course
#
# The statistics page shows published releases (docs/statistics.md): before it is timed, one release
# is published through the same page by the site administrator (a POST with his session key), and
# that one request, which computes the release, is timed once ("publish a release"): a release is
# final and every later one is protected with it, so it is not repeated.
#
# For each page: WARMUP requests (so that every PHP-FPM worker has served it), then RUNS timed ones;
# the plugin's pages are timed with resident models on (the plugin's default) and off (every request
# reads the database). Each response must be HTTP 200 and hold the text the page shows (checked).
# One JSON line per page and mode: the first request's time (a worker building its model), the
# median, min and max of the timed ones (curl's time_total: the whole request, Moodle's page and the
# network included) and the 1-minute load average when they ended (the machine may be shared).
#
#   MOODLE_DIR=/var/cache/magistere/moodle-4.5 bench/pages.sh
#
# Environment: MOODLE_DIR (required), MAGISTERE_SITE_DATA (participants per parcours, default 1000),
# MAGISTERE_PAGES_RUNS (default 10), MAGISTERE_PAGES_WARMUP (default 12), MAGISTERE_PAGES_OUT (default
# .build/bench/pages.jsonl). The site is stopped at the end unless MAGISTERE_PAGES_KEEP_SITE=1.
# shellcheck disable=SC2016 # PHP code in single quotes, for php -r
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
cd "$root"
: "${MOODLE_DIR:?MOODLE_DIR must name a Moodle checkout}"
export MAGISTERE_SITE_DATA=${MAGISTERE_SITE_DATA:-1000}
runs=${MAGISTERE_PAGES_RUNS:-10}
warmup=${MAGISTERE_PAGES_WARMUP:-12}
out=${MAGISTERE_PAGES_OUT:-$root/.build/bench/pages.jsonl}
mkdir -p "$(dirname "$out")"
: >"$out"

work=$(mktemp -d)
trap 'rm -rf "$work"; [ "${MAGISTERE_PAGES_KEEP_SITE:-0}" = 1 ] || scripts/site/site.sh stop >&2' EXIT
scripts/site/site.sh start >&2
eval "$(scripts/site/site.sh env)"
url=$MAGISTERE_SITE_URL
manifest=$MAGISTERE_SITE_MANIFEST
password=$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["password"];' -- "$manifest")
lecture=$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["courses"]["lecture"]["id"];' -- "$manifest")
participants=$(php -r 'echo count(json_decode(file_get_contents($argv[1]), true)["courses"]["lecture"]["participants"]);' -- "$manifest")
[[ $lecture =~ ^[0-9]+$ ]] || { echo "pages.sh: no parcours 'lecture' in the manifest" >&2; exit 1; }

# Logs a user in (cookie jar $work/$1.jar).
login() {
	local user=$1 pass=${2:-$password} token
	rm -f "$work/$user.jar"
	token=$(curl -s -c "$work/$user.jar" -b "$work/$user.jar" "$url/login/index.php" |
		sed -n 's/.*name="logintoken" value="\([^"]*\)".*/\1/p' | head -n 1)
	curl -s -o /dev/null -c "$work/$user.jar" -b "$work/$user.jar" \
		--data-urlencode "username=$user" --data-urlencode "password=$pass" \
		--data-urlencode "logintoken=$token" "$url/login/index.php"
}

# Publishes a statistics release through the statistics page, as the administrator; prints a JSON
# line with the time of that one request.
publish() {
	local sesskey code t
	sesskey=$(curl -s -b "$work/admin.jar" "$url/local/magistere/statistics.php" |
		sed -n 's/.*"sesskey":"\([^"]*\)".*/\1/p' | head -n 1)
	read -r code t < <(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}\n' -b "$work/admin.jar" \
		--data-urlencode "publish=1" --data-urlencode "sesskey=$sesskey" "$url/local/magistere/statistics.php")
	if [ "$code" != 303 ]; then
		echo "pages.sh: publishing a release: HTTP $code, not the redirection to the new release" >&2
		cp "$work/page.html" "$root/.build/bench/pages-failed.html"
		exit 1
	fi
	php -r 'echo json_encode(["page" => "publish a release (statistics page, POST)", "mode" => "once", "user" => "admin",
		"first" => (float) $argv[1], "median" => (float) $argv[1], "min" => (float) $argv[1], "max" => (float) $argv[1],
		"runs" => 1, "times" => [(float) $argv[1]], "loadavg" => sys_getloadavg()[0]]), "\n";' -- "$t" | tee -a "$out"
}

# Sets a plugin setting through Moodle's CLI (caches purged by it).
plugin_config() {
	scripts/site/site.sh php admin/cli/cfg.php --component=local_magistere --name="$1" --set="$2" >/dev/null
}

# Times one page: prints a JSON line. $1 label, $2 user, $3 path, $4 text the page must hold, $5 mode.
page() {
	local label=$1 user=$2 path=$3 expect=$4 mode=$5 i t code times=() first=""
	for ((i = 0; i < warmup + runs; i++)); do
		read -r code t < <(curl -s -o "$work/page.html" -w '%{http_code} %{time_total}\n' -b "$work/$user.jar" "$url$path")
		if [ "$code" != 200 ] || ! grep -qF -- "$expect" "$work/page.html"; then
			echo "pages.sh: $label ($mode) as $user: HTTP $code, or no \"$expect\" in the page" >&2
			cp "$work/page.html" "$root/.build/bench/pages-failed.html"
			exit 1
		fi
		[ -z "$first" ] && first=$t
		[ "$i" -ge "$warmup" ] && times+=("$t")
	done
	php -r '
		$t = array_map("floatval", array_slice($argv, 5));
		sort($t);
		$n = count($t);
		$median = $n % 2 ? $t[intdiv($n, 2)] : ($t[$n / 2 - 1] + $t[$n / 2]) / 2;
		echo json_encode(["page" => $argv[1], "mode" => $argv[2], "user" => $argv[3], "first" => (float) $argv[4],
			"median" => $median, "min" => $t[0], "max" => $t[$n - 1], "runs" => $n, "times" => $t,
			"loadavg" => sys_getloadavg()[0]]), "\n";' \
		-- "$label" "$mode" "$user" "$first" "${times[@]}" | tee -a "$out"
}

for user in trainer1 ien1 stats1; do
	login "$user"
done
login admin "$MAGISTERE_SITE_ADMIN_PASSWORD"
echo "site: $url, $participants participants in the parcours 'lecture' (id $lecture)" >&2
plugin_config resident 1
# A release names the site's académie (the test site's schools are in Lyon's).
plugin_config academie LYON
publish
for mode in resident cold; do
	plugin_config resident "$([ "$mode" = resident ] && echo 1 || echo 0)"
	page "trainer page (50 a page)" trainer1 "/local/magistere/course.php?id=$lecture&perpage=50" "Enseigner la lecture" "$mode"
	page "inspector page" ien1 "/local/magistere/circonscription.php" "teacher(s)" "$mode"
	page "statistics page (the latest release)" stats1 "/local/magistere/statistics.php" "Download the statistics exchange file" "$mode"
done
page "Moodle's completion report (report/progress, 25 a page)" trainer1 "/report/progress/index.php?course=$lecture" "Activité 1" "moodle"
plugin_config resident 1
