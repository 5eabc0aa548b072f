#!/usr/bin/env bash
# Fuzzes the XML side with libFuzzer under ASan and UBSan, for a bounded time. Two targets, pure
# C + libxml2, linked with src/xml/*.c and src/core/*.c:
#   stats_reader   (src/xml/fuzz/fuzz_stats_reader.c, the default): every input read as a
#                  statistics file; an accepted file must merge, be written back valid and read
#                  back the same;
#   attest_writer  (src/xml/fuzz/fuzz_attest_writer.c): every input decoded into a site's rows;
#                  every model the engine builds must give a valid attestation file and
#                  statistics file (a bad row is an anomaly, never a failed export).
#
#   scripts/fuzz.sh                      the statistics reader for 600 seconds
#   scripts/fuzz.sh 60                   for 60 seconds
#   scripts/fuzz.sh 60 attest_writer     the writers for 60 seconds
#   MAGISTERE_FUZZ_JOBS=2 scripts/fuzz.sh 3600
#
# Builds into .build/fuzz; the growing corpus is kept in .build/fuzz/corpus (the reader's, seeded
# from src/xml/fuzz/seeds) or .build/fuzz/corpus-attest_writer, crashes go to
# .build/fuzz/artifacts. Installs clang and libFuzzer with apt-get when missing. Last line:
# "fuzzed N s, N runs, N crashes"; exits non-zero on a crash or a build failure.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
# shellcheck source=scripts/lib/deps.sh
. "$here/lib/deps.sh"
cd "$root"

seconds=${1:-600}
target=${2:-stats_reader}
case "$seconds" in
''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds] [stats_reader|attest_writer]" >&2; exit 2 ;;
esac
case "$target" in
stats_reader) corpus_name=corpus max_len=65536 seeds=seeds dict=(-dict="$root/src/xml/fuzz/stats.dict") ;;
attest_writer) corpus_name=corpus-attest_writer max_len=4096 seeds=seeds-attest_writer dict=() ;;
*) echo "usage: scripts/fuzz.sh [seconds] [stats_reader|attest_writer]" >&2; exit 2 ;;
esac
if [ "${MAGISTERE_SKIP_DEPS:-0}" != 1 ]; then
	MAGISTERE_DEPS_EXTRA="clang libclang-rt-14-dev libxml2-dev pkg-config" mg_deps_install
fi

out=$root/.build/fuzz
corpus=$out/$corpus_name
mkdir -p "$corpus" "$out/artifacts"
bin=$out/fuzz_$target
cc=${MAGISTERE_FUZZ_CC:-clang}

# shellcheck disable=SC2046 # word splitting of pkg-config output is wanted
"$cc" -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -DMG_ARENA_TRACK \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
	-Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers \
	-I"$root/src" $(pkg-config --cflags libxml-2.0) \
	"src/xml/fuzz/fuzz_$target.c" src/xml/*.c src/core/*.c \
	$(pkg-config --libs libxml-2.0) -lm -o "$bin"

# Inputs that once found something are replayed first.
cp -n "src/xml/fuzz/$seeds"/* "$corpus/" 2>/dev/null || true
log=$out/$target.log
jobs=${MAGISTERE_FUZZ_JOBS:-1}
parallel=()
if [ "$jobs" -gt 1 ]; then
	# libFuzzer then writes one fuzz-N.log per job in the current folder.
	parallel=(-jobs="$jobs" -workers="$jobs")
fi
rm -f "$out"/fuzz-*.log
rc=0
# -rss_limit_mb: the reader must stay small whatever the input; -max_len: statistics files of
# real size are covered by the phpt tests, the fuzzer explores structure (for the writers, a few
# hundred rows).
(
	cd "$out" &&
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -max_len="$max_len" \
		"${dict[@]}" -artifact_prefix="$out/artifacts/" \
		"${parallel[@]}" -print_final_stats=1 "$corpus"
) >"$log" 2>&1 || rc=$?
cat "$out"/fuzz-*.log >>"$log" 2>/dev/null || true

runs=$(grep -a -E '^stat::number_of_executed_units:' "$log" | awk '{s += $2} END {print s + 0}')
crashes=$(find "$out/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer "$bin" | wc -l)
tail -n 25 "$log"
if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
	crashes=1
fi
echo "fuzzed $target $seconds s, $runs runs, $crashes crashes (corpus: $(find "$corpus" -type f | wc -l) files)"
[ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ]
