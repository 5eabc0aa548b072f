#!/usr/bin/env bash
# Suite 25: the attack on the ministry's statistics (rule R5, docs/statistics.md "How it is tested").
# needs: extension
#
# Builds scripts/attack/solver.c against GLPK (libglpk-dev, installed by scripts/lib/deps.sh) and
# runs scripts/attack/attack.php with the built extension: for generated académies of three sizes
# and MAGISTERE_ATTACK_SEEDS seeds (default 1 2 3 4 5), two successive releases, their files and
# the national merge are attacked with exact linear algebra, linear programming and integer
# programming; the same attack must find the disclosures of the method used before issue 9.
# Last line: "N passed, N failed".
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

if [ -z "${MAGISTERE_SO:-}" ] || [ ! -f "$MAGISTERE_SO" ]; then
	echo "the built extension (MAGISTERE_SO) is missing"
	echo "0 passed, 1 failed"
	exit 1
fi
out=$root/.build/attack
mkdir -p "$out"
if ! cc -O2 -std=c11 -Wall -Wextra -Werror -o "$out/solver" scripts/attack/solver.c -lglpk -lm 2>"$out/cc.log"; then
	echo "scripts/attack/solver.c does not build with GLPK:"
	head -n 20 "$out/cc.log"
	echo "0 passed, 1 failed"
	exit 1
fi
seeds=${MAGISTERE_ATTACK_SEEDS:-1 2 3 4 5}
read -r -a args <<<"${MAGISTERE_ATTACK_ARGS:-}"
php -n -d "extension=$MAGISTERE_SO" -d memory_limit=1G scripts/attack/attack.php \
	--solver="$out/solver" --seeds="${seeds// /,}" "${args[@]}"
