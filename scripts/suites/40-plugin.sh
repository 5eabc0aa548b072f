#!/usr/bin/env bash
# Suite 40: the Moodle plugin local_magistere (moodle_plugin/).
# needs: extension mariadb
# timeout: 3600
#
# 1. Always: PHP lint of every plugin file, then the tests of the plugin's pure-PHP classes
#    (moodle_plugin/tests/local/{participant_list,record_validator,inspector_filter}_test.php) with Debian's
#    PHPUnit alone and a small bootstrap: they need no Moodle.
# 2. When a Moodle checkout is available (MOODLE_DIR, the cache, or composer: see scripts/lib/moodle.sh):
#    Moodle's PHPUnit site is installed on the test MariaDB server with the plugin as local/magistere, and
#    every plugin test runs in Moodle's framework, with the built extension loaded (MAGISTERE_SO). Without a
#    checkout these tests are counted as skipped, with the reason printed; a checkout that fails to install
#    counts as a failure. The tests of the missing-extension behaviour then run once more without it.
#
# Environment: MOODLE_DIR, MAGISTERE_MOODLE_CACHE (scripts/lib/moodle.sh), MAGISTERE_SO, MAGISTERE_TEST_*,
# MAGISTERE_PLUGIN_FILTER (a PHPUnit --filter for the Moodle tests).
# Last line: "N passed, N failed, N skipped".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1
# shellcheck source=scripts/lib/moodle.sh
. "$root/scripts/lib/moodle.sh"

passed=0
failed=0
skipped=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Adds the counts of a JUnit XML report: tests, failures + errors, skipped.
count_junit() {
	local report=$1 counts
	if [ ! -s "$report" ]; then
		echo "no PHPUnit report: counted as 1 failure"
		failed=$((failed + 1))
		return
	fi
	# shellcheck disable=SC2016 # PHP code in single quotes
	counts=$(php -r '
		$x = simplexml_load_file($argv[1]);
		$s = $x->testsuite ?: $x;
		$a = $s->attributes();
		$t = (int) $a["tests"]; $f = (int) $a["failures"] + (int) $a["errors"];
		$k = (int) $a["skipped"];
		echo ($t - $f - $k), " ", $f, " ", $k;
	' "$report") || { echo "unreadable PHPUnit report: counted as 1 failure"; failed=$((failed + 1)); return; }
	read -r p f k <<<"$counts"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + k))
}

summary() {
	echo "$passed passed, $failed failed, $skipped skipped"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

echo "==== dependencies"
if ! mg_moodle_deps; then
	echo "the packages the plugin's tests need could not be installed: counted as 1 failure"
	failed=$((failed + 1))
	summary
fi

echo "==== php -l"
lint_failed=0
while IFS= read -r -d '' file; do
	if ! out=$(php -l "$file" 2>&1); then
		echo "$out"
		lint_failed=$((lint_failed + 1))
	fi
done < <(find moodle_plugin -name '*.php' -print0)
if [ "$lint_failed" -eq 0 ]; then
	echo "every plugin file parses"
	passed=$((passed + 1))
else
	failed=$((failed + lint_failed))
fi

echo "==== pure-PHP tests (no Moodle)"
for t in participant_list record_validator inspector_filter; do
	phpunit --bootstrap moodle_plugin/tests/fixtures/standalone_bootstrap.php --colors=never --do-not-cache-result \
		--log-junit "$work/standalone-$t.xml" "moodle_plugin/tests/local/${t}_test.php" >>"$work/standalone.log" 2>&1
	count_junit "$work/standalone-$t.xml"
done
cat "$work/standalone.log"

echo "==== Moodle PHPUnit tests"
if ! src=$(mg_moodle_source); then
	n=$(grep -rl 'extends \\\(advanced\|local_magistere\\tests\\\|core_privacy\\tests\\provider_\)' \
		moodle_plugin/tests --include='*_test.php' | wc -l)
	echo "SKIPPED: no Moodle checkout (see above); the $n Moodle test files of the plugin did not run"
	skipped=$((skipped + n))
	summary
fi
echo "Moodle: $src ($(sed -n "s/^\$release *= *'\([^']*\)'.*/\1/p" "$src/version.php"))"
if [ -z "${MAGISTERE_SO:-}" ] || [ ! -f "$MAGISTERE_SO" ]; then
	echo "the magistere extension is not built (MAGISTERE_SO unset): the Moodle tests would all skip: 1 failure"
	failed=$((failed + 1))
	summary
fi
# One run at a time uses the cached Moodle copy and its test site (two test runs may share the machine).
mkdir -p "$MG_MOODLE_CACHE"
exec 9>"$MG_MOODLE_CACHE/moodle-run.lock"
if ! flock -n 9; then
	echo "waiting for another test run that uses $MG_MOODLE_CACHE/moodle-run"
	flock 9
fi
if ! mg_moodle_prepare "$src" || ! mg_moodle_init; then
	echo "the Moodle test site could not be prepared: counted as 1 failure"
	failed=$((failed + 1))
	summary
fi
if ! php -n -d "extension=$MAGISTERE_SO" -r 'exit(extension_loaded("magistere") ? 0 : 1);' 2>/dev/null; then
	echo "PHP cannot load $MAGISTERE_SO: the Moodle tests would all skip: 1 failure"
	failed=$((failed + 1))
	summary
fi
filter=()
[ -n "${MAGISTERE_PLUGIN_FILTER:-}" ] && filter=(--filter "$MAGISTERE_PLUGIN_FILTER")
mg_moodle_phpunit --testsuite local_magistere_testsuite --log-junit "$work/moodle.xml" --colors=never \
	"${filter[@]}" 2>&1 | tee "$work/moodle.log"
count_junit "$work/moodle.xml"

echo "==== Moodle PHPUnit tests of the missing-extension behaviour (without the extension)"
(cd "$MG_MOODLE_RUN" && php vendor/bin/phpunit --testsuite local_magistere_testsuite --colors=never \
	--filter '(engine_test|extension_test)' --log-junit "$work/noext.xml") 2>&1 | tee "$work/noext.log"
count_junit "$work/noext.xml"
summary
