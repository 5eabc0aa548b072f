#!/usr/bin/env bash
# Suite 50: a short bounded libFuzzer run of the statistics reader (scripts/fuzz.sh), one test.
# needs: none
#
# Checks that src/xml/schemas_embedded.h matches src/xml/schemas/*.xsd, then fuzzes for
# MAGISTERE_FUZZ_SECONDS (default 60) from the seeds of src/xml/fuzz/seeds and the
# corpus kept in .build/fuzz/corpus, under ASan and UBSan. Passes when the target builds, runs
# and finds nothing (no crash, leak, timeout or broken property); a finding is left in
# .build/fuzz/artifacts. Longer runs: scripts/fuzz.sh SECONDS.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

seconds=${MAGISTERE_FUZZ_SECONDS:-60}
# The extension and the target validate against the schemas compiled in: they must be current.
if ! src/xml/gen-schemas.sh --check; then
	echo "0 passed, 1 failed, 0 skipped"
	exit 1
fi
echo "==== fuzzing the statistics reader for $seconds s"
if scripts/fuzz.sh "$seconds"; then
	echo "1 passed, 0 failed, 0 skipped"
	exit 0
fi
echo "the fuzz run failed (build failure or finding; see .build/fuzz/fuzz.log and .build/fuzz/artifacts)"
echo "0 passed, 1 failed, 0 skipped"
exit 1
