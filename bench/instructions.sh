#!/usr/bin/env bash
# The instructions the client executes for one cold call of a view, and for the fetch floor's
# replay of the same statements: counted by valgrind's callgrind inside those calls only
# (--toggle-collect: the extension's Tracker method, the floor's run_once()). Times on a shared
# machine move with the other jobs on it; these counts do not, so their ratio says how much
# work the extension adds to handing over its rows, whatever the machine's load.
#
#   bench/instructions.sh VIEW META STATEMENTS FLOOR PHP [PHP-ARGS...]
#
# VIEW and META as for bench/run.php; STATEMENTS the file bench/capture.php wrote for that view;
# FLOOR the built bench/floor.c; PHP and its arguments the command that runs PHP with the
# extension loaded. The database is the one of the MAGISTERE_TEST_* variables. Prints one JSON
# line: {"impl":"instructions","ext":N,"floor":N,"times":[0]}. Exits non-zero (and prints
# nothing) when a count is missing or zero.
set -euo pipefail

[ "$#" -ge 5 ] || { echo "usage: bench/instructions.sh VIEW META STATEMENTS FLOOR PHP [PHP-ARGS...]" >&2; exit 2; }
view=$1 meta=$2 statements=$3 floor=$4
shift 4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/magistere-instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT

# count OUT TOGGLE COMMAND...: the instructions inside TOGGLE's calls
count() {
	local f=$1 toggle=$2 n
	shift 2
	if ! valgrind --tool=callgrind --callgrind-out-file="$f" --toggle-collect="$toggle" "$@" >/dev/null 2>"$f.err"; then
		echo "bench/instructions.sh: failed under callgrind: $* ($(tail -n 3 "$f.err" | tr '\n' ' '))" >&2
		return 1
	fi
	n=$(callgrind_annotate "$f" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }')
	if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" = 0 ]; then
		echo "bench/instructions.sh: no instruction counted inside $toggle: $*" >&2
		return 1
	fi
	echo "$n"
}

ext=$(count "$work/ext" 'zim_Magistere_Tracker_*' "$@" "$here/run.php" --impl=ext --view="$view" --meta="$meta" \
	--runs=1 --warmup=0)
# (run_once* : the compiler may name its copy run_once.constprop.0)
fl=$(count "$work/floor" 'run_once*' "$floor" "$statements" 1 0)
printf '{"impl":"instructions","ext":%s,"floor":%s,"times":[0]}\n' "$ext" "$fl"
