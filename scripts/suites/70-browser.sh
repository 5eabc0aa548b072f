#!/usr/bin/env bash
# Suite 70: real-browser tests of local_magistere, with Debian's chromium driven by playwright-core, against real
# Moodle web sites started for the run (scripts/site/site.sh: nginx, PHP-FPM with the built extension, their own
# throwaway MariaDB):
#   scripts/browser/tests/*.test.js     on the site with the plugin and the test data (scripts/site/setup.php)
#   scripts/browser/install/*.test.js   on a bare site (MAGISTERE_SITE_PLUGIN=no), with the plugin's ZIP built by
#                                       scripts/package.sh (MAGISTERE_PLUGIN_ZIP) for Moodle's plugin installer
# needs: extension
# timeout: 3600
#
# MOODLE_DIR names the Moodle checkout (4.5 or 5.0). Without it the suite is skipped, with the reason (it does not
# fall back to a cache: a browser run takes minutes). Given a checkout, a site that cannot start counts as a failure.
#
# 1. Packages: chromium, nodejs and npm when missing (Debian's).
# 2. playwright-core, pinned in scripts/browser/package.json, installed with npm into .build/browser/ (outside the
#    source tree; MAGISTERE_BROWSER_DEPS to change), only when missing or changed. No browser is downloaded.
# 3. The site starts (restored from its cache after the first run), node's test runner runs its test files one at a
#    time (they share the site), the site stops (also on failure or interruption). Then the same with the bare site.
#    Screenshots and downloaded files are kept in .build/browser-artifacts/<Moodle branch>/ (install/ for the bare
#    site's) and listed at the end. The first run installs both sites (minutes each; give the suite time with
#    MAGISTERE_SUITE_TIMEOUT); later runs restore them from the cache in seconds.
#
# Environment: MOODLE_DIR, MAGISTERE_SO, MAGISTERE_BROWSER_TESTS (files to run, default every
# scripts/browser/tests/*.test.js and scripts/browser/install/*.test.js; each runs on the site of its folder),
# MAGISTERE_PLUGIN_ZIP (default: built by scripts/package.sh), MAGISTERE_BROWSER_ARTIFACTS, MAGISTERE_SITE_*
# (scripts/site/site.sh).
# Last line: "N passed, N failed, N skipped".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/deps.sh
. "$root/scripts/lib/deps.sh"

passed=0
failed=0
skipped=0
site_started=0
site_plugin=yes
# Stops the site this suite started (the kind it started last: with the plugin or bare).
stop_site() {
	if [ "$site_started" -eq 1 ]; then
		MAGISTERE_SITE_PLUGIN=$site_plugin "$root/scripts/site/site.sh" stop 2>&1
		site_started=0
	fi
}

# Stops the site (when this suite started it), then prints the summary: it must be the last line.
summary() {
	stop_site
	[ -z "${MAGISTERE_BROWSER_ARTIFACTS:-}" ] || [ ! -d "$MAGISTERE_BROWSER_ARTIFACTS" ] ||
		(cd "$MAGISTERE_BROWSER_ARTIFACTS" && find . -type f | LC_ALL=C sort | sed "s|^\./|artefact: $MAGISTERE_BROWSER_ARTIFACTS/|")
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit $?
}

# MAGISTERE_BROWSER_TESTS is a space-separated list of test files: split on purpose.
# shellcheck disable=SC2086
mapfile -t tests < <(if [ -n "${MAGISTERE_BROWSER_TESTS:-}" ]; then printf '%s\n' $MAGISTERE_BROWSER_TESTS;
	else ls scripts/browser/tests/*.test.js scripts/browser/install/*.test.js; fi)
sitetests=()
installtests=()
for t in "${tests[@]}"; do
	case "$t" in
	*/install/*) installtests+=("$t") ;;
	*) sitetests+=("$t") ;;
	esac
done
if [ -z "${MOODLE_DIR:-}" ]; then
	echo "SKIPPED: MOODLE_DIR is not set: the ${#tests[@]} browser test file(s) need a Moodle 4.5 or 5.0 checkout"
	echo "(e.g. MOODLE_DIR=/var/cache/magistere/moodle-4.5 scripts/test.sh 70)"
	skipped=${#tests[@]}
	summary
fi

echo "==== packages"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
	if ! MAGISTERE_DEPS_EXTRA="${MAGISTERE_DEPS_EXTRA:-} ${missing[*]}" mg_deps_install; then
		echo "chromium, nodejs or npm could not be installed: counted as 1 failure"
		failed=$((failed + 1))
		summary
	fi
fi
echo "$(chromium --version 2>/dev/null | head -n 1); node $(node --version)"

echo "==== playwright-core"
deps=${MAGISTERE_BROWSER_DEPS:-$root/.build/browser}
mkdir -p "$deps"
if ! cmp -s scripts/browser/package.json "$deps/package.json" || [ ! -d "$deps/node_modules/playwright-core" ]; then
	cp scripts/browser/package.json "$deps/package.json"
	if ! (cd "$deps" && npm install --no-audit --no-fund --loglevel=error >"$deps/npm-install.log" 2>&1); then
		cat "$deps/npm-install.log"
		echo "npm could not install playwright-core: counted as 1 failure"
		rm -f "$deps/package.json"
		failed=$((failed + 1))
		summary
	fi
fi
echo "playwright-core $(node -p "require('$deps/node_modules/playwright-core/package.json').version")"

# Starts the site of MAGISTERE_SITE_PLUGIN (yes: with the plugin, no: bare) and exports its variables.
start_site() {
	site_plugin=$1
	site_started=1
	# The previous site's variables (site.sh env) must not choose this one's state folder or port.
	export MAGISTERE_SITE_DIR=$given_dir MAGISTERE_SITE_PORT=$given_port
	if [ "$1" = no ] && [ -n "$given_dir" ]; then
		MAGISTERE_SITE_DIR=$given_dir-bare
	fi
	if ! MAGISTERE_SITE_PLUGIN=$1 scripts/site/site.sh start; then
		echo "the Moodle site (plugin: $1) did not start: counted as 1 failure"
		failed=$((failed + 1))
		return 1
	fi
	eval "$(MAGISTERE_SITE_PLUGIN=$1 scripts/site/site.sh env)"
	echo "Moodle $MAGISTERE_SITE_RELEASE at $MAGISTERE_SITE_URL (plugin: $1)"
}

# Runs test files with node's test runner, one file at a time, and adds up their results.
run_tests() {
	local report counts p f s
	report=$(mktemp)
	NODE_PATH="$deps/node_modules" node --test --test-concurrency=1 --test-reporter=tap "$@" 2>&1 | tee "$report"
	counts=$(awk '/^# pass /{p=$3} /^# fail /{f=$3} /^# skipped /{s=$3} /^# cancelled /{c=$3}
		END {print (p==""?-1:p), (f==""?0:f) + (c==""?0:c), (s==""?0:s)}' "$report")
	read -r p f s <<<"$counts"
	rm -f "$report"
	if [ "$p" -lt 0 ]; then
		echo "node's test runner printed no result: counted as 1 failure"
		failed=$((failed + 1))
	else
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
	fi
	if [ "$f" != 0 ] || [ "$p" -lt 0 ]; then
		echo "logs of the site: $MAGISTERE_SITE_LOGS"
		tail -n 20 "$MAGISTERE_SITE_LOGS/php.log" 2>/dev/null
	fi
}

export MOODLE_DIR
# What the caller gave (scripts/site/site.sh's settings), before any site's variables are read.
given_dir=${MAGISTERE_SITE_DIR:-}
given_port=${MAGISTERE_SITE_PORT:-}
trap 'stop_site' EXIT
export MAGISTERE_BROWSER_ARTIFACTS=${MAGISTERE_BROWSER_ARTIFACTS:-$root/.build/browser-artifacts/$(sed -n "s/^\$branch *= *'\([0-9]*\)'.*/\1/p" "$MOODLE_DIR/version.php")}
rm -rf "$MAGISTERE_BROWSER_ARTIFACTS"
mkdir -p "$MAGISTERE_BROWSER_ARTIFACTS"
echo "screenshots and downloads in $MAGISTERE_BROWSER_ARTIFACTS"
artifacts=$MAGISTERE_BROWSER_ARTIFACTS

if [ "${#sitetests[@]}" -gt 0 ]; then
	echo "==== site with the plugin and the test data"
	if start_site yes; then
		echo "==== browser tests: ${sitetests[*]}"
		run_tests "${sitetests[@]}"
	fi
	stop_site
fi

if [ "${#installtests[@]}" -gt 0 ]; then
	echo "==== the plugin's ZIP (scripts/package.sh)"
	zip=${MAGISTERE_PLUGIN_ZIP:-}
	if [ -z "$zip" ]; then
		zip=$(scripts/package.sh --out "$root/.build/browser-dist" | grep '/local_magistere-.*\.zip$')
	fi
	if [ -z "$zip" ] || [ ! -f "$zip" ]; then
		echo "scripts/package.sh built no plugin ZIP: counted as 1 failure"
		failed=$((failed + 1))
	else
		export MAGISTERE_PLUGIN_ZIP=$zip
		echo "$zip"
		echo "==== bare site (no plugin)"
		if start_site no; then
			export MAGISTERE_BROWSER_ARTIFACTS=$artifacts/install
			echo "==== browser tests: ${installtests[*]}"
			run_tests "${installtests[@]}"
			export MAGISTERE_BROWSER_ARTIFACTS=$artifacts
		fi
		stop_site
	fi
fi
summary
