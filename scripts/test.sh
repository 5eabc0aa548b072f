#!/usr/bin/env bash
# Runs every test of magistere: installs the Debian packages it needs (only when missing), builds
# the extension, starts a throwaway MariaDB server, runs the suites scripts/suites/NN-*.sh in order,
# stops the server (also on failure or interruption), prints a per-suite table and, as its very
# last line, the total "N passed, N failed, N skipped". Exits non-zero if anything failed.
#
#   scripts/test.sh                      all suites
#   scripts/test.sh 10 20                only suites 10 and 20 (same as MAGISTERE_SUITES="10 20")
#   MAGISTERE_VALGRIND=1 scripts/test.sh 20
#
# Environment (docs/testing.md has the details):
#   MAGISTERE_SUITES         suites to run, by number or name (default: all)
#   MAGISTERE_VALGRIND=1     phpt suite under valgrind; the extension is then built with
#                            -DMG_ARENA_TRACK in .build/ext-valgrind
#   MAGISTERE_SUITE_TIMEOUT  seconds before a suite is stopped (default 900, or the suite's own
#                            "# timeout: N" line)
#   MAGISTERE_SKIP_DEPS=1    do not check the Debian packages
#   MAGISTERE_SUMMARY_FILE   also write the total line to this file
#   MAGISTERE_CFLAGS, MAGISTERE_BUILD_DIR ...  see scripts/lib/build.sh
#
# A suite is a bash script scripts/suites/NN-name.sh, run from the root of the repository with
# stdin closed. Its last output line is "N passed, N failed[, N skipped]" and its exit status is
# non-zero on failure. A line "# needs: ..." in it says what it needs among "extension" (the
# built module, MAGISTERE_SO) and "mariadb" (the MAGISTERE_TEST_* server), or "none"; without
# that line it gets both. A suite passes only if it exits 0, prints its summary, reports no
# failure and ran at least one test; a suite that ran none but skipped some (with its reason,
# e.g. no Moodle checkout given) is SKIP; otherwise it fails, and a failure it did not count itself
# adds one to the total.
set -uo pipefail

# The whole script is one compound command, read before it runs: editing this file during a run
# does not change the run.
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
# shellcheck source=scripts/lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=scripts/lib/deps.sh
. "$here/lib/deps.sh"
# shellcheck source=scripts/lib/build.sh
. "$here/lib/build.sh"
# shellcheck source=scripts/lib/mariadb.sh
. "$here/lib/mariadb.sh"
cd "$root" || exit 1

case "${1:-}" in
-h|--help)
	sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
	exit 0
	;;
esac
if [ "$#" -gt 0 ]; then
	MAGISTERE_SUITES="$*"
fi

export MAGISTERE_ROOT=$root
export MAGISTERE_VALGRIND=${MAGISTERE_VALGRIND:-0}
default_timeout=${MAGISTERE_SUITE_TIMEOUT:-900}
# One log folder per run (several runs may share the tree): .build/test-logs/<date>-<pid>, with
# .build/test-logs/latest pointing to the newest; the 10 newest are kept.
mkdir -p "$root/.build/test-logs"
logdir=$root/.build/test-logs/$(date -u +%Y%m%d-%H%M%S)-$$
mkdir -p "$logdir"
ln -sfn "${logdir##*/}" "$root/.build/test-logs/latest"
find "$root/.build/test-logs" -mindepth 1 -maxdepth 1 -type d -name '20*' -printf '%f\n' 2>/dev/null |
	LC_ALL=C sort -r | tail -n +11 | while IFS= read -r old; do rm -rf "$root/.build/test-logs/$old"; done

# ------------------------------------------------------------ results
rows=()          # "name|result|passed|failed|skipped|seconds|note"
total_passed=0
total_failed=0
total_skipped=0
current_pid=""   # the running suite (its `timeout` process)
tail_pid=""
current_name=""
current_start=0

add_row() {
	rows+=("$1|$2|$3|$4|$5|$6|$7")
	total_passed=$((total_passed + $3))
	total_failed=$((total_failed + $4))
	total_skipped=$((total_skipped + $5))
}

print_table() {
	local row name result p f s t note
	echo
	echo "==== summary"
	printf '%-22s %-6s %7s %7s %8s %7s  %s\n' suite result passed failed skipped time note
	for row in "${rows[@]}"; do
		IFS='|' read -r name result p f s t note <<<"$row"
		printf '%-22s %-6s %7s %7s %8s %6ss  %s\n' "$name" "$result" "$p" "$f" "$s" "$t" "$note"
	done
	echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
	if [ -n "${MAGISTERE_SUMMARY_FILE:-}" ]; then
		echo "$total_passed passed, $total_failed failed, $total_skipped skipped" >"$MAGISTERE_SUMMARY_FILE"
	fi
}

# ------------------------------------------------------------ cleanup
finished=0
# shellcheck disable=SC2317 # called by the exit trap
cleanup() {
	local rc=$?
	trap - EXIT INT TERM HUP
	if [ -n "$current_pid" ]; then
		kill -TERM "$current_pid" 2>/dev/null || true
		wait "$current_pid" 2>/dev/null || true
		add_row "$current_name" FAIL 0 1 0 $((SECONDS - current_start)) "interrupted"
	fi
	if [ -n "$tail_pid" ]; then
		kill "$tail_pid" 2>/dev/null || true
		wait "$tail_pid" 2>/dev/null || true
	fi
	if [ -n "${MAGISTERE_MARIADB_DIR:-}" ]; then
		mg_mariadb_stop
	fi
	if [ "$finished" -eq 0 ]; then
		echo "[magistere] interrupted" >&2
		print_table
		[ "$rc" -eq 0 ] && rc=1
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ------------------------------------------------------------ suites
mapfile -t all_suites < <(cd scripts/suites && for s in [0-9][0-9]-*.sh; do [ -f "$s" ] && echo "$s"; done | LC_ALL=C sort)
suites=()
if [ -n "${MAGISTERE_SUITES:-}" ]; then
	for want in $MAGISTERE_SUITES; do
		found=0
		for s in "${all_suites[@]}"; do
			case "$s" in
			"$want"-*|"$want"|"$want".sh) suites+=("$s"); found=1 ;;
			esac
		done
		if [ "$found" -eq 0 ]; then
			echo "[magistere] no suite matches \"$want\" (suites: ${all_suites[*]})" >&2
			add_row "$want" FAIL 0 1 0 0 "no such suite"
		fi
	done
else
	suites=("${all_suites[@]}")
fi
if [ "${#suites[@]}" -eq 0 ]; then
	add_row "(none)" FAIL 0 1 0 0 "no suite to run"
fi

# What the selected suites need.
need_ext=0
need_db=0
for s in "${suites[@]}"; do
	needs=$(sed -n 's/^# needs: *//p' "scripts/suites/$s" | head -n 1)
	[ -z "$needs" ] && needs="extension mariadb"
	case " $needs " in *" extension "*) need_ext=1 ;; esac
	case " $needs " in *" mariadb "*) need_db=1 ;; esac
done

# ------------------------------------------------------------ deps, build, server
if [ "${MAGISTERE_SKIP_DEPS:-0}" != 1 ]; then
	start=$SECONDS
	if ! mg_deps_install; then
		add_row "(packages)" FAIL 0 1 0 $((SECONDS - start)) "apt-get failed"
		finished=1
		print_table
		exit 1
	fi
fi

export MAGISTERE_SO=""
export MAGISTERE_BUILD_FAILED=0
if [ "$need_ext" -eq 1 ]; then
	if [ "$MAGISTERE_VALGRIND" = 1 ]; then
		export MAGISTERE_CFLAGS="${MAGISTERE_CFLAGS:-} -DMG_ARENA_TRACK"
		export MAGISTERE_BUILD_DIR=${MAGISTERE_BUILD_DIR:-$root/.build/ext-valgrind}
	fi
	echo "==== build"
	start=$SECONDS
	if mg_build; then
		echo "built $MAGISTERE_SO"
	else
		MAGISTERE_SO=""
		MAGISTERE_BUILD_FAILED=1
		add_row "(build)" FAIL 0 1 0 $((SECONDS - start)) "the extension does not build"
	fi
fi

if [ "$need_db" -eq 1 ]; then
	echo "==== MariaDB"
	start=$SECONDS
	if ! mg_mariadb_start; then
		add_row "(mariadb)" FAIL 0 1 0 $((SECONDS - start)) "the test server did not start"
	fi
fi

# Runs one suite in the background (so a signal reaches this script at once), streams its
# output, and records its row.
run_suite() {
	local s=$1 name=${1%.sh} log rc last p f k result note suite_timeout
	log="$logdir/$name.log"
	# A suite may need longer than the default (the browser suite installs two Moodle sites): a line
	# "# timeout: SECONDS" in it sets its own, unless MAGISTERE_SUITE_TIMEOUT is given.
	suite_timeout=$default_timeout
	if [ -z "${MAGISTERE_SUITE_TIMEOUT:-}" ]; then
		suite_timeout=$(sed -n 's/^# timeout: *\([0-9][0-9]*\)$/\1/p' "scripts/suites/$s" | head -n 1)
		suite_timeout=${suite_timeout:-$default_timeout}
	fi
	echo
	echo "==== suite $name"
	current_name=$name
	current_start=$SECONDS
	: >"$log"   # exists before tail opens it
	timeout -k 10 "$suite_timeout" bash "scripts/suites/$s" </dev/null >>"$log" 2>&1 &
	current_pid=$!
	tail -n +1 -f --pid="$current_pid" "$log" &
	tail_pid=$!
	rc=0
	wait "$current_pid" || rc=$?
	current_pid=""
	wait "$tail_pid" 2>/dev/null || true
	tail_pid=""

	last=$(sed -e 's/[[:space:]]*$//' "$log" | awk 'NF { l = $0 } END { print l }')
	p=0 f=0 k=0 note=""
	if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
		p=${BASH_REMATCH[1]}
		f=${BASH_REMATCH[2]}
		k=${BASH_REMATCH[4]:-0}
		if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
			note="timed out after ${suite_timeout}s"
			f=$((f + 1))
		elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			note="exit status $rc with no failed test"
			f=1
		elif [ "$rc" -eq 0 ] && [ "$f" -ne 0 ]; then
			note="reported failures but exited 0"
		elif [ $((p + f)) -eq 0 ] && [ "$k" -gt 0 ] && [ "$rc" -eq 0 ]; then
			note="skipped (its log says why)"
		elif [ $((p + f)) -eq 0 ]; then
			note="no test ran"
			f=1
		fi
	else
		if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
			note="timed out after ${suite_timeout}s, no summary"
		else
			note="no summary line (exit status $rc)"
		fi
		f=1
	fi
	if [ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ]; then
		result=PASS
	elif [ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$k" -gt 0 ]; then
		result=SKIP
	else
		result=FAIL
	fi
	add_row "$name" "$result" "$p" "$f" "$k" $((SECONDS - current_start)) "$note"
}

for s in "${suites[@]}"; do
	run_suite "$s"
done

if [ -n "${MAGISTERE_MARIADB_DIR:-}" ]; then
	mg_mariadb_stop
fi
finished=1
print_table
[ "$total_failed" -eq 0 ] && [ "$total_passed" -gt 0 ]
exit
}
