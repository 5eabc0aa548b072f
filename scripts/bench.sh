#!/usr/bin/env bash
# Benchmarks at m@gistère scale (issue 6, docs/benchmarks.md). Not part of scripts/test.sh: it
# takes from minutes (S=0.1) to the better part of an hour (S=3).
#
#   scripts/bench.sh                     scales 0.1 and 1
#   scripts/bench.sh 0.1 1 3             the given scales
#
# For each scale: generates a synthetic académie (bench/generate, deterministic from the seed),
# loads it into a throwaway MariaDB server (scripts/lib/mariadb.sh) with LOAD DATA, then for each
# view (trainer, inspector, statistics, attestations):
#   1. checks that the extension, the plain-PHP reference (bench/reference.php) and, where it is
#      run, the per-user implementation (bench/peruser.php) return the same result; a view whose
#      results differ is reported as such and not timed;
#   2. captures the SQL the extension sends for the view (bench/capture.php) for the fetch floor;
#   3. times each implementation in its own process: one warm-up run, then the median of RUNS
#      runs, with the process's peak resident set size; the floor (bench/floor.c) replays the
#      captured statements and discards the rows. The reference's own statements are replayed
#      the same way, to show how much of its time is the database's. For the attestation
#      export, the file the extension wrote is also validated on its own by the extension's
#      validator (bench/validate.c): what validating costs, no row read;
#   4. up to scale MAGISTERE_BENCH_INSTRUCTIONS, counts the instructions of one cold call of the
#      extension and of the floor's replay (bench/instructions.sh), which the machine's load does
#      not change.
# The results go to .build/bench/results.jsonl and, as Markdown tables, to .build/bench/results.md
# (printed at the end).
#
# Environment:
#   MAGISTERE_BENCH_RUNS           timed runs per implementation (default 5)
#   MAGISTERE_BENCH_SEED           generator seed (default 42)
#   MAGISTERE_BENCH_PERUSER        1 (default) or 0: run the per-user implementation at all
#   MAGISTERE_BENCH_PERUSER_FULL   largest scale at which the per-user statistics and attestation
#                                  export (one query per enrolment) are run (default 0.1)
#   MAGISTERE_BENCH_MEMORY_LIMIT   memory_limit of the extra run of the statistics and the export
#                                  that shows they fit in a web request's limit (default 256M)
#   MAGISTERE_BENCH_INSTRUCTIONS   largest scale at which the instructions of one cold call of each
#                                  view and of its floor are counted under callgrind
#                                  (bench/instructions.sh; default 1; 0: never)
#   MAGISTERE_BENCH_KEEP_DATA=1    keep the generated TSV files in .build/bench/data-S
#   MAGISTERE_MARIADB_BUFFER_POOL  the server's InnoDB buffer pool (default here 4G)
#   MAGISTERE_SKIP_DEPS=1          do not check the Debian packages
# shellcheck disable=SC2016 # PHP code in single quotes, for php -r
set -euo pipefail

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
cd "$root"

scales=("$@")
[ "${#scales[@]}" -eq 0 ] && scales=(0.1 1)
for s in "${scales[@]}"; do
	[[ $s =~ ^[0-9]+(\.[0-9]+)?$ ]] || mg_die "bad scale '$s' (a number such as 0.1, 1 or 3)"
done
runs=${MAGISTERE_BENCH_RUNS:-5}
seed=${MAGISTERE_BENCH_SEED:-42}
peruser=${MAGISTERE_BENCH_PERUSER:-1}
peruser_full=${MAGISTERE_BENCH_PERUSER_FULL:-0.1}
mem_limit=${MAGISTERE_BENCH_MEMORY_LIMIT:-256M}
instr_max=${MAGISTERE_BENCH_INSTRUCTIONS:-1}
[[ $instr_max =~ ^[0-9]+(\.[0-9]+)?$ ]] || mg_die "bad MAGISTERE_BENCH_INSTRUCTIONS '$instr_max' (a scale, or 0)"
export MAGISTERE_MARIADB_BUFFER_POOL=${MAGISTERE_MARIADB_BUFFER_POOL:-4G}
export MAGISTERE_TEST_PREFIX=mdl_

if [ "${MAGISTERE_SKIP_DEPS:-0}" != 1 ]; then
	mg_deps_install || mg_die "cannot install the Debian packages"
fi

out=$root/.build/bench
mkdir -p "$out"
results=$out/results.jsonl
: >"$results"
: >"$out/plans.md"

# ------------------------------------------------------------------ build
# A build folder of its own, so that a benchmark never races a test build.
export MAGISTERE_BUILD_DIR=${MAGISTERE_BUILD_DIR:-$root/.build/ext-bench}
mg_log "building the extension"
mg_build >&2 || mg_die "the extension does not build"
so=$MAGISTERE_SO
mg_log "building bench/generate, bench/floor and bench/validate"
cc -O2 -std=c11 -Wall -Wextra -Werror -o "$out/generate" bench/generate.c -lm
# shellcheck disable=SC2046 # mariadb_config prints several flags
cc -O2 -std=c11 -Wall -Wextra -Werror -o "$out/floor" bench/floor.c $(mariadb_config --cflags --libs)
# shellcheck disable=SC2046 # pkg-config prints several flags
cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc $(pkg-config --cflags libxml-2.0) \
	-o "$out/validate" bench/validate.c src/xml/*.c src/core/*.c $(pkg-config --libs libxml-2.0) -lm

php_ext=(php -d "extension=$so")

# Adds scale, view and check to a JSON line and appends it to the results.
record() {
	php -r '$r = json_decode($argv[1], true, 512, JSON_THROW_ON_ERROR);
		$r["scale"] = $argv[2]; $r["view"] = $argv[3] !== "" ? $argv[3] : ($r["view"] ?? "");
		if ($argv[4] !== "") { $r["check"] = $argv[4]; }
		echo json_encode($r, JSON_UNESCAPED_UNICODE), "\n";' -- "$1" "$2" "$3" "$4" >>"$results"
}

# Is scale $1 at most $2?
scale_le() {
	php -r 'exit((float) $argv[1] <= (float) $argv[2] ? 0 : 1);' -- "$1" "$2"
}

# ------------------------------------------------------------------ server
mg_mariadb_start || mg_die "cannot start MariaDB"
trap 'mg_mariadb_stop' EXIT INT TERM
mariadb --defaults-file="$MAGISTERE_TEST_CNF" --batch -e \
	"SET GLOBAL innodb_log_file_size = 1073741824; SET GLOBAL local_infile = 1" ||
	mg_die "cannot configure the server for loading"

failures=0
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# How busy the (shared) machine was: the 1-minute load average, every 30 s.
(while sleep 30; do cut -d' ' -f1 /proc/loadavg; done) >"$out/loadavg.log" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null; mg_mariadb_stop' EXIT INT TERM
for scale in "${scales[@]}"; do
	data=$out/data-$scale
	rm -rf "$data"
	mg_log "S=$scale: generating (seed $seed)"
	t0=$(date +%s.%N)
	"$out/generate" -s "$scale" -r "$seed" -o "$data"
	t1=$(date +%s.%N)
	mg_log "S=$scale: creating the schema and loading"
	php scripts/sql/schema.php --prefix=mdl_ >/dev/null
	bench/load.sh "$data"
	t2=$(date +%s.%N)
	meta=$data/meta.tsv
	record "$(php -r '
		$m = [];
		foreach (file($argv[1], FILE_IGNORE_NEW_LINES) as $l) { [$k, $v] = explode("\t", $l, 2); $m[$k] = $v; }
		$m["impl"] = "dataset"; $m["generate_s"] = (float) $argv[3] - (float) $argv[2];
		$m["load_s"] = (float) $argv[4] - (float) $argv[3];
		$m["times"] = []; echo json_encode($m);' -- "$meta" "$t0" "$t1" "$t2")" \
		"$scale" "" ""
	mg_log "S=$scale: $(tr '\t\n' '= ' <"$meta")"

	for view in trainer inspector statistics attestations; do
		run_peruser=0
		if [ "$peruser" = 1 ]; then
			case $view in
			trainer|inspector) run_peruser=1 ;;
			*) scale_le "$scale" "$peruser_full" && run_peruser=1 ;;
			esac
		fi
		# 1. the same result from every implementation
		mg_log "S=$scale $view: checking results"
		check="equal"
		# (the export's file is kept for its validation alone, step 3)
		"${php_ext[@]}" bench/run.php --impl=ext --view="$view" --meta="$meta" --runs=1 --warmup=0 \
			--dump="$out/ext.json" --keep="$out/attestations.xml" >/dev/null
		php bench/run.php --impl=reference --view="$view" --meta="$meta" --runs=1 --warmup=0 \
			--dump="$out/reference.json" >/dev/null
		if ! diff_line=$(php bench/compare.php "$out/ext.json" "$out/reference.json"); then
			check="DIFFERENT from the reference: $diff_line"
		fi
		if [ "$run_peruser" = 1 ] && [ "$check" = equal ]; then
			php bench/run.php --impl=peruser --view="$view" --meta="$meta" --runs=1 --warmup=0 \
				--dump="$out/peruser.json" >"$out/peruser-check.json"
			if ! diff_line=$(php bench/compare.php "$out/ext.json" "$out/peruser.json"); then
				check="DIFFERENT from the per-user implementation: $diff_line"
			fi
		fi
		rm -f "$out/ext.json" "$out/reference.json" "$out/peruser.json"
		if [ "$check" != equal ]; then
			mg_log "S=$scale $view: $check"
			failures=$((failures + 1))
			record '{"impl":"ext","runs":0,"times":[0],"median":0,"peak_rss_kb":0}' "$scale" "$view" "$check"
			continue
		fi
		# the resident model serves the same (its second run is warm)
		if [ "$check" = equal ]; then
			"${php_ext[@]}" bench/run.php --impl=resident --view="$view" --meta="$meta" --runs=1 --warmup=1 \
				--dump="$out/resident.json" >/dev/null
			"${php_ext[@]}" bench/run.php --impl=ext --view="$view" --meta="$meta" --runs=1 --warmup=0 \
				--dump="$out/ext.json" >/dev/null
			if ! diff_line=$(php bench/compare.php "$out/ext.json" "$out/resident.json"); then
				check="DIFFERENT warm (resident model): $diff_line"
			fi
			rm -f "$out/ext.json" "$out/resident.json"
		fi
		if [ "$check" != equal ]; then
			mg_log "S=$scale $view: $check"
			failures=$((failures + 1))
			record '{"impl":"ext","runs":0,"times":[0],"median":0,"peak_rss_kb":0}' "$scale" "$view" "$check"
			continue
		fi
		# 2. the extension's statements, for the floor
		"${php_ext[@]}" bench/capture.php --view="$view" --meta="$meta" --out="$out/statements-$view.sql"
		# and their plans: each statement run once more under ANALYZE FORMAT=JSON (bench/plans.php)
		{
			php bench/plans.php --statements="$out/statements-$view.sql" --title="the extension's $view view at S=$scale"
			echo
		} >>"$out/plans.md"
		# 3. timings, each in its own process
		mg_log "S=$scale $view: timing"
		record "$("${php_ext[@]}" bench/run.php --impl=ext --view="$view" --meta="$meta" --runs="$runs")" \
			"$scale" "$view" "equal"
		record "$("${php_ext[@]}" bench/run.php --impl=resident --view="$view" --meta="$meta" --runs="$runs")" \
			"$scale" "$view" "equal"
		record "$(php bench/run.php --impl=reference --view="$view" --meta="$meta" --runs="$runs")" \
			"$scale" "$view" "equal"
		record "$("$out/floor" "$out/statements-$view.sql" "$runs" 1)" "$scale" "$view" "same rows as the extension"
		if [ "$view" = attestations ]; then
			# The validation the export promises, alone: the extension's file (from its check
			# run, step 1), its validator.
			record "$("$out/validate" "$out/attestations.xml" "$runs" 1)" "$scale" "$view" "the extension's file, valid"
			rm -f "$out/attestations.xml"
		fi
		# The reference's own statements replayed the same way: the database's share of its time.
		php bench/capture.php --impl=reference --view="$view" --meta="$meta" --out="$out/statements-ref-$view.sql"
		record "$("$out/floor" "$out/statements-ref-$view.sql" "$runs" 1 | sed 's/"impl":"floor"/"impl":"floor-ref"/')" \
			"$scale" "$view" "the reference's statements"
		# 4. the instructions of one cold call and of the floor's replay: unlike the times,
		# not moved by the other jobs of a shared machine
		if [ "$instr_max" != 0 ] && scale_le "$scale" "$instr_max"; then
			mg_log "S=$scale $view: counting instructions (callgrind)"
			if counted=$(bench/instructions.sh "$view" "$meta" "$out/statements-$view.sql" "$out/floor" "${php_ext[@]}"); then
				record "$counted" "$scale" "$view" ""
			else
				failures=$((failures + 1))
				record '{"impl":"instructions","skipped":"FAILED to count (bench/instructions.sh)","times":[0]}' \
					"$scale" "$view" ""
			fi
		fi
		if [ "$view" = statistics ] || [ "$view" = attestations ]; then
			# The whole-site views as a web request runs them: under PHP's
			# memory_limit (the engine's allocations count against it).
			if limited=$("${php_ext[@]}" -d memory_limit="$mem_limit" bench/run.php --impl=ext --view="$view" \
				--meta="$meta" --runs=1 --warmup=0 2>"$out/limit.err"); then
				record "${limited/\"impl\":\"ext\"/\"impl\":\"ext-limit\"}" "$scale" "$view" \
					"ran under memory_limit=$mem_limit"
			else
				mg_log "S=$scale $view: failed under memory_limit=$mem_limit: $(tail -c 300 "$out/limit.err")"
				failures=$((failures + 1))
				record "{\"impl\":\"ext-limit\",\"skipped\":\"FAILED under memory_limit=$mem_limit\",\"times\":[0]}" \
					"$scale" "$view" ""
			fi
		fi
		if [ "$view" = statistics ]; then
			# What a release still shows the ministry, against the method used before issue 9.
			mg_log "S=$scale statistics: what the ministry still learns"
			record "$("${php_ext[@]}" -d memory_limit=8G bench/disclosure.php --meta="$meta")" "$scale" "$view" ""
		fi
		if [ "$run_peruser" = 1 ]; then
			# One run: it is the slow one. The check run above was its warm-up.
			record "$(php bench/run.php --impl=peruser --view="$view" --meta="$meta" --runs=1 --warmup=0)" \
				"$scale" "$view" "equal"
		elif [ "$peruser" != 1 ]; then
			record '{"impl":"peruser","skipped":"disabled (MAGISTERE_BENCH_PERUSER=0)","times":[0]}' "$scale" "$view" ""
		else
			record "{\"impl\":\"peruser\",\"skipped\":\"one query per enrolment: run at S <= $peruser_full only\",\"times\":[0]}" \
				"$scale" "$view" ""
		fi
	done
	[ "${MAGISTERE_BENCH_KEEP_DATA:-0}" = 1 ] || rm -rf "$data"
done

{
	echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(php -r 'echo "PHP ", PHP_VERSION;'); MariaDB $(mariadb --defaults-file="$MAGISTERE_TEST_CNF" --batch --skip-column-names -e 'SELECT VERSION()'); load average at the start: $load_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load average during the run (every 30 s): $(php bench/loadavg.php "$out/loadavg.log")."
	echo
	php bench/report.php "$results"
	echo
	cat "$out/plans.md"
} >"$out/results.md"
cat "$out/results.md"
if [ "$failures" -gt 0 ]; then
	mg_log "$failures check(s) failed: a view whose results differ is not timed; a view that fails under memory_limit=$mem_limit is reported so"
	exit 1
fi
