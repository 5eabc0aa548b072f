#!/usr/bin/env bash
# Suite 10: unit tests of the pure-C core (src/core/tests), under ASan and UBSan.
# needs: none
#
# Runs `make -s -C src/core/tests check` once per compiler of MAGISTERE_CORE_CC (default "cc clang":
# the core must build warning-free with both). Last line: "N passed, N failed, 0 skipped", summed
# over the compilers; a build that fails or a run that prints no summary counts as one failure.
set -uo pipefail

# One compound command, read whole before it runs (editing this file mid-run is harmless).
{
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

passed=0
failed=0
for cc in ${MAGISTERE_CORE_CC:-cc clang}; do
	echo "==== core tests built with $cc"
	if ! command -v "$cc" >/dev/null 2>&1; then
		echo "$cc: compiler not found: counted as 1 failure"
		failed=$((failed + 1))
		continue
	fi
	log=$(mktemp)
	rc=0
	make -s -C src/core/tests check CC="$cc" 2>&1 | tee "$log" || rc=${PIPESTATUS[0]}
	last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
	rm -f "$log"
	if [ -z "$last" ]; then
		echo "$cc: no summary (the tests did not build?): counted as 1 failure"
		failed=$((failed + 1))
		continue
	fi
	p=${last%% passed*}
	f=${last#* passed, }
	f=${f%% failed}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$cc: make exited with status $rc and no failed test: counted as 1 failure"
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "$passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
exit
}
