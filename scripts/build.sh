#!/usr/bin/env bash
# Builds the magistere extension out of tree, in .build/ext (kept between runs, so a second run
# recompiles only what changed), with --enable-magistere-dev (warnings as errors).
# Prints the absolute path of the built magistere.so on stdout (and nothing else); progress and
# compiler messages go to stderr.
#
#   scripts/build.sh
#   MAGISTERE_CFLAGS="-fsanitize=address" MAGISTERE_BUILD_DIR=.build/ext-asan scripts/build.sh
#
# See scripts/lib/build.sh for the environment variables. Set MAGISTERE_SKIP_DEPS=1 to skip the
# check of the Debian packages.
set -euo pipefail

# One compound command, read whole before it runs (editing this file mid-run is harmless).
{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=scripts/lib/deps.sh
. "$here/lib/deps.sh"
# shellcheck source=scripts/lib/build.sh
. "$here/lib/build.sh"

if [ "${MAGISTERE_SKIP_DEPS:-0}" != 1 ]; then
	mg_deps_install
fi
if [ -n "${MAGISTERE_BUILD_DIR:-}" ]; then
	mkdir -p "$MAGISTERE_BUILD_DIR"
	MAGISTERE_BUILD_DIR=$(cd "$MAGISTERE_BUILD_DIR" && pwd -P)
fi
mg_build
echo "$MAGISTERE_SO"
exit
}
