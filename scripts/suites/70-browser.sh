#!/usr/bin/env bash
# Suite 70: real-browser tests of local_magistere (scripts/browser/tests/*.test.js), with Debian's chromium driven by
# playwright-core, against a real Moodle web site started for the run (scripts/site/site.sh: nginx, PHP-FPM with the
# built extension, its own throwaway MariaDB).
# needs: extension
#
# MOODLE_DIR names the Moodle checkout (4.5 or 5.0). Without it the suite is skipped, with the reason (it does not
# fall back to a cache: a browser run takes minutes). Given a checkout, a site that cannot start counts as a failure.
#
# 1. Packages: chromium, nodejs and npm when missing (Debian's).
# 2. playwright-core, pinned in scripts/browser/package.json, installed with npm into .build/browser/ (outside the
#    source tree; MAGISTERE_BROWSER_DEPS to change), only when missing or changed. No browser is downloaded.
# 3. The site starts (restored from its cache after the first run), node's test runner runs every test file, the
#    site stops (also on failure or interruption). Screenshots are kept in .build/browser-artifacts/<branch>/.
#
# Environment: MOODLE_DIR, MAGISTERE_SO, MAGISTERE_BROWSER_TESTS (files to run, default every
# scripts/browser/tests/*.test.js), MAGISTERE_BROWSER_ARTIFACTS, MAGISTERE_SITE_* (scripts/site/site.sh).
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
# Stops the site (when this suite started it), then prints the summary: it must be the last line.
summary() {
	if [ "$site_started" -eq 1 ]; then
		"$root/scripts/site/site.sh" stop 2>&1
		site_started=0
	fi
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ]
	exit $?
}

# MAGISTERE_BROWSER_TESTS is a space-separated list of test files: split on purpose.
# shellcheck disable=SC2086
mapfile -t tests < <(if [ -n "${MAGISTERE_BROWSER_TESTS:-}" ]; then printf '%s\n' $MAGISTERE_BROWSER_TESTS;
	else ls scripts/browser/tests/*.test.js; fi)
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

echo "==== site"
export MOODLE_DIR
site=scripts/site/site.sh
site_started=1
trap '[ "$site_started" -eq 0 ] || "$root/$site" stop' EXIT
if ! "$site" start; then
	echo "the Moodle site did not start: counted as 1 failure"
	failed=$((failed + 1))
	summary
fi
eval "$("$site" env)"
# shellcheck disable=SC2016 # PHP code in single quotes
branch=$(php -r 'echo json_decode(file_get_contents($argv[1]), true)["branch"];' "$MAGISTERE_SITE_MANIFEST")
export MAGISTERE_BROWSER_ARTIFACTS=${MAGISTERE_BROWSER_ARTIFACTS:-$root/.build/browser-artifacts/$branch}
rm -rf "$MAGISTERE_BROWSER_ARTIFACTS"
mkdir -p "$MAGISTERE_BROWSER_ARTIFACTS"
echo "Moodle $MAGISTERE_SITE_RELEASE at $MAGISTERE_SITE_URL; screenshots in $MAGISTERE_BROWSER_ARTIFACTS"

echo "==== browser tests"
report=$(mktemp)
NODE_PATH="$deps/node_modules" node --test --test-reporter=tap "${tests[@]}" 2>&1 | tee "$report"
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
if [ "$failed" -gt 0 ]; then
	echo "logs of the site: $MAGISTERE_SITE_LOGS"
	tail -n 20 "$MAGISTERE_SITE_LOGS/php.log" 2>/dev/null
fi
ls "$MAGISTERE_BROWSER_ARTIFACTS"
summary
