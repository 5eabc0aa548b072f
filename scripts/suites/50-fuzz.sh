#!/usr/bin/env bash
# Suite 50: short bounded libFuzzer runs of the XML side (scripts/fuzz.sh), one test per target:
# the statistics reader, and the two writers fed every model the engine builds from rows.
# needs: none
#
# Checks that src/xml/schemas_embedded.h matches src/xml/schemas/*.xsd, then fuzzes each target for
# MAGISTERE_FUZZ_SECONDS (default 60) from the corpus kept in .build/fuzz (the reader's seeded from
# src/xml/fuzz/seeds), under ASan and UBSan. A target passes when it builds, runs and finds nothing
# (no crash, leak, timeout or broken property); a finding is left in .build/fuzz/artifacts.
# Longer runs: scripts/fuzz.sh SECONDS [TARGET].
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

seconds=${MAGISTERE_FUZZ_SECONDS:-60}
# The extension and the target validate against the schemas compiled in: they must be current.
if ! src/xml/gen-schemas.sh --check; then
	echo "0 passed, 1 failed, 0 skipped"
	exit 1
fi
passed=0 failed=0
for target in stats_reader attest_writer; do
	echo "==== fuzzing $target for $seconds s"
	if scripts/fuzz.sh "$seconds" "$target"; then
		passed=$((passed + 1))
	else
		echo "the $target fuzz run failed (build failure or finding; see .build/fuzz/$target.log and .build/fuzz/artifacts)"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]
