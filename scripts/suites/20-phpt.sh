#!/usr/bin/env bash
# Suite 20: the extension's phpt tests (php_tests/, recursively) with PHP's run-tests.php.
# needs: extension mariadb
#
# PHP runs with -n (no php.ini, so the machine's settings and extensions do not leak in) plus
# -d extension=<built magistere.so>. A test declares every shared extension it needs in
# --EXTENSIONS-- (magistere always; dom, simplexml, mysqlnd + mysqli... when used); run-tests.php
# loads those from PHP's extension folder.
#
# The tests run in a copy of php_tests/ under .build/phpt-run.XXXXXX, beside symbolic links to the
# rest of the repository (so __DIR__ . '/../../scripts' still works): run-tests.php's artefacts
# stay out of the source tree, and two runs at once do not trample each other's files. The copy
# is removed after a clean run and kept (its path printed) after a failure.
#
# Before the real run, a generated smoke test checks that magistere is really loaded (a test
# skipped because the extension is missing would otherwise look harmless).
#
# Environment:
#   MAGISTERE_SO          the built module (built by scripts/lib/build.sh when unset)
#   MAGISTERE_VALGRIND=1  run under valgrind memcheck (run-tests.php -m, USE_ZEND_ALLOC=0,
#                         ZEND_DONT_UNLOAD_MODULES=1, VALGRIND_OPTS with --leak-check=full);
#                         a definite or indirect leak counts as a failure; PCRE's JIT is off
#   MAGISTERE_PHPT_TESTS  files or folders to run (default: php_tests)
#   MAGISTERE_PHPT_ARGS   more run-tests.php arguments (e.g. "--set-timeout 300")
#   MAGISTERE_PHPT_JOBS   parallel workers (default 2)
#   MAGISTERE_PHPT_INPLACE=1  run in php_tests/ itself, not in a copy
#   MAGISTERE_PHPT_PHP    the PHP to run (default: php-config --php-binary); scripts/asan-phpt.sh sets it
#   MAGISTERE_PHPT_GC_AT_EXIT=1  collect PHP's garbage cycles at shutdown, as under valgrind (set by asan-phpt.sh)
#   MAGISTERE_TEST_*      the test MariaDB server (from scripts/lib/mariadb.sh), passed through
#
# Last line: "N passed, N failed, N skipped". Warned, leaked, borked and expected-fail tests count
# as failed, and so does a test skipped because magistere is missing. Exits non-zero on any
# failure, or when no test ran.
set -uo pipefail

# One compound command, read whole before it runs (editing this file mid-run is harmless).
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
# shellcheck source=scripts/lib/build.sh
. "$root/scripts/lib/build.sh"
cd "$root" || exit 1

summary() {
	echo "$1 passed, $2 failed, $3 skipped"
	[ "$2" -eq 0 ] && [ "$1" -gt 0 ]
	exit $?
}

if [ "${MAGISTERE_BUILD_FAILED:-0}" = 1 ]; then
	echo "the extension did not build"
	summary 0 1 0
fi
if [ -z "${MAGISTERE_SO:-}" ]; then
	mg_build || { echo "the extension does not build"; summary 0 1 0; }
fi
[ -f "$MAGISTERE_SO" ] || { echo "MAGISTERE_SO=$MAGISTERE_SO: no such file"; summary 0 1 0; }

# MAGISTERE_PHPT_PHP: another PHP command (scripts/asan-phpt.sh gives a wrapper that preloads the ASan runtime).
php_bin=${MAGISTERE_PHPT_PHP:-$(php-config --php-binary 2>/dev/null || command -v php)}
runtests="$(php-config --extension-dir 2>/dev/null)/build/run-tests.php"
if [ ! -f "$runtests" ]; then
	for runtests in /usr/lib/php/*/build/run-tests.php; do
		break
	done
fi
if [ -z "$runtests" ] || [ ! -f "$runtests" ]; then
	echo "run-tests.php not found (Debian: php8.2-dev)"
	summary 0 1 0
fi

args=(-n -q --show-diff -j"${MAGISTERE_PHPT_JOBS:-2}" -d "extension=$MAGISTERE_SO")
if [ ! -t 1 ] || [ -n "${CI:-}" ]; then
	args+=(--no-color --no-progress)
fi
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TEST_PHP_EXECUTABLE="$php_bin"
unset TEST_PHP_ARGS TEST_PHP_CGI_EXECUTABLE
if [ "${MAGISTERE_VALGRIND:-0}" = 1 ]; then
	command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found"; summary 0 1 0; }
	# PCRE's JIT code is opaque to valgrind and gives false reports: it is turned off.
	args+=(-m -d pcre.jit=0)
	export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
	# run-tests.php does not ask valgrind for leaks; without these a lost block goes unreported.
	export VALGRIND_OPTS="--leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --num-callers=30 ${VALGRIND_OPTS:-}"
fi
# shellcheck disable=SC2206 # a space separated list of arguments
args+=(${MAGISTERE_PHPT_ARGS:-})

work=$(mktemp -d "${TMPDIR:-/tmp}/magistere-phpt.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ "${MAGISTERE_VALGRIND:-0}" = 1 ] || [ "${MAGISTERE_PHPT_GC_AT_EXIT:-0}" = 1 ]; then
	# A debug PHP collects garbage cycles at shutdown; a release PHP (Debian's) does not, and with
	# USE_ZEND_ALLOC=0 valgrind (or LeakSanitizer, scripts/asan-phpt.sh) then reports a PHP-level
	# cycle (a closure that uses itself by reference...) as lost. This collects them at shutdown as a
	# debug build does. It cannot hide a leak in C: a block the extension forgot to free is no
	# garbage cycle.
	printf '%s\n' '<?php' 'register_shutdown_function(static function (): void { gc_collect_cycles(); });' \
		>"$work/valgrind-prepend.inc"
	args+=(-d "auto_prepend_file=$work/valgrind-prepend.inc")
fi

# Reads run-tests.php's "Tests xxx : N" summary line from a log (0 when absent).
count() {
	local n
	n=$(sed -n "s/^$1 *: *\([0-9][0-9]*\).*/\1/p" "$2" | tail -n 1)
	echo "${n:-0}"
}

# 1. Smoke test: the extension is found and loaded by run-tests.php itself.
mkdir "$work/smoke"
cat >"$work/smoke/magistere_loaded.phpt" <<'PHPT'
--TEST--
run-tests.php loads the magistere extension under test
--EXTENSIONS--
magistere
--FILE--
<?php
var_dump(extension_loaded('magistere'));
$r = new ReflectionExtension('magistere');
var_dump($r->getName());
?>
--EXPECT--
bool(true)
string(9) "magistere"
PHPT
"$php_bin" -n "$runtests" "${args[@]}" "$work/smoke" >"$work/smoke.log" 2>&1
if [ "$(count 'Tests passed' "$work/smoke.log")" != 1 ]; then
	echo "the smoke test did not pass: magistere is not loaded by run-tests.php"
	cat "$work/smoke.log"
	summary 0 1 0
fi
echo "smoke test passed: magistere ($MAGISTERE_SO) is loaded"

# 2. The real run, in a copy of php_tests/ (see the top of this file).
if [ "${MAGISTERE_PHPT_INPLACE:-0}" = 1 ]; then
	run_root=$root
else
	mkdir -p "$root/.build"
	# Copies left by earlier failed runs are removed after six hours.
	find "$root/.build" -maxdepth 1 -name 'phpt-run.*' -type d -mmin +360 -exec rm -rf {} + 2>/dev/null
	run_root=$(mktemp -d "$root/.build/phpt-run.XXXXXX")
	rsync -a --exclude='*.diff' --exclude='*.exp' --exclude='*.log' --exclude='*.mem' \
		--exclude='*.out' --exclude='*.php' --exclude='*.sh' php_tests/ "$run_root/php_tests/"
	for entry in "$root"/* "$root"/.[!.]*; do
		case "${entry##*/}" in
		php_tests|.build|.git|'.[!.]*'|'*') continue ;;
		esac
		ln -s "$entry" "$run_root/${entry##*/}"
	done
fi
# shellcheck disable=SC2206 # a space separated list of paths
tests=(${MAGISTERE_PHPT_TESTS:-php_tests})
for i in "${!tests[@]}"; do
	case "${tests[$i]}" in
	"$root"/php_tests|"$root"/php_tests/*) tests[i]=$run_root/${tests[$i]#"$root"/} ;;
	esac
done
rc=0
(cd "$run_root" && "$php_bin" -n "$runtests" "${args[@]}" "${tests[@]}") 2>&1 | tee "$work/run.log" || rc=${PIPESTATUS[0]}

passed=$(count 'Tests passed' "$work/run.log")
skipped=$(count 'Tests skipped' "$work/run.log")
failed=0
for kind in 'Tests failed' 'Tests warned' 'Tests leaked' 'Tests borked' 'Expected fail'; do
	failed=$((failed + $(count "$kind" "$work/run.log")))
done
# Show valgrind's report of each leaking test (run-tests.php only names them).
while IFS= read -r t; do
	mem="$run_root/${t%.phpt}.mem"
	case "$t" in /*) mem="${t%.phpt}.mem" ;; esac
	if [ -s "$mem" ]; then
		echo "==== valgrind report of $t"
		head -n 200 "$mem"
	fi
done < <(sed -n 's/^\(LEAK\|LEAK&FAIL\) .*\[\([^]]*\.phpt\)\].*/\2/p' "$work/run.log" | sort -u)
# A test skipped because magistere is missing is a failure, not a skip.
missing=$(grep -c -E 'reason: Required extensions? missing: .*\bmagistere\b' "$work/run.log" || true)
if [ "$missing" -gt 0 ]; then
	echo "$missing test(s) skipped because magistere is missing: counted as failures"
	skipped=$((skipped - missing))
	failed=$((failed + missing))
fi
if ! grep -q -E '^Number of tests *:' "$work/run.log"; then
	echo "run-tests.php printed no summary (exit status $rc)"
	failed=$((failed + 1))
elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
	echo "run-tests.php exited with status $rc and no failed test: counted as 1 failure"
	failed=1
fi
if [ $((passed + failed)) -eq 0 ]; then
	echo "no phpt test ran"
fi
if [ "$run_root" != "$root" ]; then
	if [ "$failed" -eq 0 ]; then
		rm -rf "$run_root"
	else
		echo "the artefacts of the failed tests (.diff .out .mem ...) are in ${run_root#"$root"/}/php_tests"
	fi
fi
summary "$passed" "$failed" "$skipped"
# shellcheck disable=SC2317 # summary exits; this one ends the block whatever follows
exit
}
