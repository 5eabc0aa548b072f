#!/usr/bin/env bash
# Suite 60: a smoke run of the benchmark tooling (scripts/bench.sh is too slow for the test run).
# needs: extension mariadb
#
# Generates a tiny académie (S=0.01, bench/generate), loads it under its own table prefix with
# LOAD DATA (bench/load.sh), then checks:
#   - the generator is deterministic (same seed, same files; another seed, other files);
#   - for each view (trainer, inspector, statistics, attestations), the extension's mysql source
#     returns exactly what the plain-PHP reference returns, and the reference exactly what the
#     per-user implementation returns; the extension's resident model, warm, returns the same;
#   - the fetch floor replays the statements the extension sent and gets rows back;
#   - bench/validate accepts the extension's attestation file and refuses a truncated one;
#   - bench/plans.php reads the plans of those statements;
#   - bench/instructions.sh counts the instructions of a cold call and of its floor (trainer view).
# Nothing is timed. Last line: "N passed, N failed".
# shellcheck disable=SC2016 # PHP code in single quotes, for php -r
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
finish() {
	rm -rf "$work"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

work=$(mktemp -d "${TMPDIR:-/tmp}/magistere-bench-smoke.XXXXXX")
if [ -z "${MAGISTERE_SO:-}" ] || [ ! -f "$MAGISTERE_SO" ]; then
	fail "the built extension (MAGISTERE_SO) is missing"
	finish
fi
if [ -z "${MAGISTERE_TEST_DB:-}" ]; then
	fail "no test MariaDB server (MAGISTERE_TEST_*)"
	finish
fi
export MAGISTERE_TEST_PREFIX=bsm_

# ------------------------------------------------------------- generator
if ! cc -O2 -std=c11 -Wall -Wextra -Werror -o "$work/generate" bench/generate.c -lm 2>"$work/cc.log"; then
	fail "bench/generate.c builds with -Wall -Wextra -Werror" "$(head -n 5 "$work/cc.log")"
	finish
fi
# shellcheck disable=SC2046 # mariadb_config prints several flags
if ! cc -O2 -std=c11 -Wall -Wextra -Werror -o "$work/floor" bench/floor.c $(mariadb_config --cflags --libs) \
		2>"$work/cc.log"; then
	fail "bench/floor.c builds with -Wall -Wextra -Werror" "$(head -n 5 "$work/cc.log")"
	finish
fi
# shellcheck disable=SC2046 # pkg-config prints several flags
if ! cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc $(pkg-config --cflags libxml-2.0) \
		-o "$work/validate" bench/validate.c src/xml/*.c src/core/*.c $(pkg-config --libs libxml-2.0) -lm \
		2>"$work/cc.log"; then
	fail "bench/validate.c builds with -Wall -Wextra -Werror" "$(head -n 5 "$work/cc.log")"
	finish
fi
if ! { "$work/generate" -s 0.01 -r 7 -o "$work/a" && "$work/generate" -s 0.01 -r 7 -o "$work/b" &&
		"$work/generate" -s 0.01 -r 8 -o "$work/c"; }; then
	fail "bench/generate runs"
	finish
fi
if diff -r "$work/a" "$work/b" >/dev/null; then
	pass "generator: the same seed gives the same files"
else
	fail "generator: the same seed gives the same files"
fi
if ! diff -q "$work/a/course_modules_completion.tsv" "$work/c/course_modules_completion.tsv" >/dev/null; then
	pass "generator: another seed gives other data"
else
	fail "generator: another seed gives other data"
fi

# ---------------------------------------------------------------- loading
if ! php scripts/sql/schema.php --prefix="$MAGISTERE_TEST_PREFIX" >"$work/schema.log" 2>&1; then
	fail "schema created" "$(tail -n 3 "$work/schema.log")"
	finish
fi
if bench/load.sh "$work/a" 2>"$work/load.log"; then
	pass "bench/load.sh loads the TSV files with LOAD DATA"
else
	fail "bench/load.sh loads the TSV files with LOAD DATA" "$(tail -n 3 "$work/load.log")"
	finish
fi
meta=$work/a/meta.tsv

# ---------------------------------------------------------- same results
for view in trainer inspector statistics attestations; do
	ok=1
	for impl in ext reference peruser; do
		args=(php bench/run.php)
		# (the extension's export file is kept for bench/validate below)
		[ "$impl" = ext ] && args=(php -d "extension=$MAGISTERE_SO" bench/run.php --keep="$work/attestations.xml")
		if ! "${args[@]}" --impl="$impl" --view="$view" --meta="$meta" --runs=1 --warmup=0 \
				--dump="$work/$impl-$view.json" >"$work/run.log" 2>&1; then
			fail "$view: $impl runs" "$(tail -n 3 "$work/run.log")"
			ok=0
		fi
	done
	[ "$ok" = 1 ] || continue
	if d=$(php bench/compare.php "$work/ext-$view.json" "$work/reference-$view.json"); then
		pass "$view: the extension returns what the plain-PHP reference returns"
	else
		fail "$view: the extension returns what the plain-PHP reference returns" "$d"
	fi
	if php -d "extension=$MAGISTERE_SO" bench/run.php --impl=resident --view="$view" --meta="$meta" --runs=1 \
			--warmup=1 --dump="$work/resident-$view.json" >"$work/resident.log" 2>&1 &&
			php -r '$r = json_decode(file_get_contents($argv[1]), true); exit($r["resident_hits"] === 1 ? 0 : 1);' \
				-- "$work/resident.log" &&
			d=$(php bench/compare.php "$work/ext-$view.json" "$work/resident-$view.json"); then
		pass "$view: warm, from the resident model, the extension returns the same"
	else
		fail "$view: warm, from the resident model, the extension returns the same" "${d:-$(tail -n 3 "$work/resident.log")}"
	fi
	if d=$(php bench/compare.php "$work/reference-$view.json" "$work/peruser-$view.json"); then
		pass "$view: the reference returns what the per-user implementation returns"
	else
		fail "$view: the reference returns what the per-user implementation returns" "$d"
	fi
	# The floor replays the extension's statements and reads rows.
	if php -d "extension=$MAGISTERE_SO" bench/capture.php --view="$view" --meta="$meta" \
			--out="$work/statements-$view.sql" 2>"$work/capture.log" &&
			line=$("$work/floor" "$work/statements-$view.sql" 1 0 2>"$work/floor.log") &&
			php -r '$r = json_decode($argv[1], true); exit(($r["rows"] ?? 0) > 0 ? 0 : 1);' -- "$line"; then
		pass "$view: the fetch floor replays the extension's statements"
	else
		fail "$view: the fetch floor replays the extension's statements" \
			"$(tail -n 2 "$work/capture.log" "$work/floor.log" 2>/dev/null)"
	fi
	# The export's validation alone: the extension's file is valid, a truncated copy is not.
	if [ "$view" = attestations ]; then
		if line=$("$work/validate" "$work/attestations.xml" 1 0 2>"$work/validate.log") &&
				php -r '$r = json_decode($argv[1], true); exit(($r["bytes"] ?? 0) === filesize($argv[2]) ? 0 : 1);' \
					-- "$line" "$work/attestations.xml"; then
			pass "$view: bench/validate validates the extension's file"
		else
			fail "$view: bench/validate validates the extension's file" "$(tail -n 2 "$work/validate.log" 2>/dev/null)"
		fi
		head -c "$(($(stat -c %s "$work/attestations.xml" 2>/dev/null || echo 2) / 2))" "$work/attestations.xml" \
			>"$work/truncated.xml" 2>/dev/null
		if ! "$work/validate" "$work/truncated.xml" 1 0 >/dev/null 2>"$work/validate.log" &&
				grep -q "not a valid attestation file" "$work/validate.log"; then
			pass "$view: bench/validate refuses a truncated file"
		else
			fail "$view: bench/validate refuses a truncated file" "$(tail -n 2 "$work/validate.log")"
		fi
	fi
	# The instructions of one cold call and of the floor (callgrind), for one view: the tool runs.
	if [ "$view" = trainer ]; then
		if line=$(bench/instructions.sh "$view" "$meta" "$work/statements-$view.sql" "$work/floor" \
				php -d "extension=$MAGISTERE_SO" 2>"$work/instr.log") &&
				php -r '$r = json_decode($argv[1], true);
					exit(is_int($r["ext"] ?? null) && is_int($r["floor"] ?? null) && $r["ext"] > 0 && $r["floor"] > 0 ? 0 : 1);' \
					-- "$line"; then
			pass "$view: the instructions of a cold call and of its floor are counted"
		else
			fail "$view: the instructions of a cold call and of its floor are counted" "$(tail -n 3 "$work/instr.log")"
		fi
	fi
	# Their plans: one row per statement at least, each naming how the table is reached.
	if [ -s "$work/statements-$view.sql" ] &&
			php bench/plans.php --statements="$work/statements-$view.sql" >"$work/plans-$view.md" 2>"$work/plans.log" &&
			php -r '$n = preg_match_all("/^\\| [0-9]+ \\| [a-z][a-z0-9_]*_[a-z_]+ \\| [a-z_]+ \\|/m", file_get_contents($argv[1]));
				exit($n > 0 ? 0 : 1);' -- "$work/plans-$view.md"; then
		pass "$view: the plans of the extension's statements are read"
	else
		fail "$view: the plans of the extension's statements are read" "$(tail -n 3 "$work/plans.log" "$work/plans-$view.md" 2>/dev/null)"
	fi
done

finish
