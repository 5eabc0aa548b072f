#!/usr/bin/env bash
# Suite 15: a bounded libFuzzer run of the engine (rows -> model -> every view), ASan + UBSan.
# needs: none
#
# MAGISTERE_FUZZ_SECONDS (default 30) sets the length. One test: it passes when the fuzzer ran for
# that long and found no crash, leak or undefined behaviour. scripts/fuzz-core.sh runs it longer.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1
seconds=${MAGISTERE_FUZZ_SECONDS:-30}
if bash scripts/fuzz-core.sh "$seconds"; then
	echo "1 passed, 0 failed, 0 skipped"
else
	echo "0 passed, 1 failed, 0 skipped"
	exit 1
fi
