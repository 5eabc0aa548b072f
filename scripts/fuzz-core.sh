#!/usr/bin/env bash
# Fuzzes the engine (rows -> model -> every view) with libFuzzer under ASan and UBSan.
#   scripts/fuzz-core.sh [seconds]      default 60; the corpus grows in .build/fuzz-core/corpus
# Prints what it ran and exits non-zero when the fuzzer found a crash, a leak or undefined behaviour.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build/fuzz-core
mkdir -p "$out/corpus"
command -v clang >/dev/null || { echo "clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -DMG_ARENA_TRACK \
	-D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc \
	src/core/fuzz/fuzz_model.c src/core/*.c -o "$out/fuzz_model"
"$out/fuzz_model" -max_total_time="$seconds" -max_len=2048 -timeout=20 -rss_limit_mb=2048 \
	-print_final_stats=1 "$out/corpus" 2> "$out/last.log" && status=0 || status=$?
grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)" "$out/last.log" || true
if [ "$status" -ne 0 ]; then
	tail -n 40 "$out/last.log"
	echo "fuzz-core: the fuzzer found a problem (see $out/last.log and the crash- file it wrote)" >&2
	exit 1
fi
echo "fuzz-core: ${seconds}s, no crash, leak or undefined behaviour; corpus: $(find "$out/corpus" -type f | wc -l) inputs"
