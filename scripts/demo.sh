#!/usr/bin/env bash
# The magistere demo: builds the extension, generates a deterministic sample académie and shows
# what each role sees (participant, trainer, inspector, ministry, and the participant's
# transparency page) in the terminal and as static HTML pages.
#
#   scripts/demo.sh [--out DIR] [--seed N] [--scale N] [--lang en|fr]
#
#   --out DIR    where the HTML pages and the generated sample go (default demo-output/)
#   --seed N     the sample's seed (default 1): the same seed gives the same académie
#   --scale N    multiplies schools, teachers, trainers and parcours (default 1)
#   --lang L     language of the terminal output, en or fr (default en); the HTML is in both
#
# On a fresh Debian 12 machine run as root it installs what is missing (PHP 8.2 and its build
# tools, libxml2 and MariaDB Connector/C headers), only when missing. Running it again rebuilds
# only what changed and rewrites the output. See docs/demo.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)

out="$root/demo-output"
seed=1
scale=1
lang=en
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case "$1" in
		--out|--seed|--scale|--lang)
			if [ $# -lt 2 ] || [ -z "$2" ]; then
				echo "demo.sh: $1 needs a value" >&2
				exit 2
			fi
			case "$1" in
				--out) out=$2 ;;
				--seed) seed=$2 ;;
				--scale) scale=$2 ;;
				--lang) lang=$2 ;;
			esac
			shift 2 ;;
		--out=*) out=${1#*=}; shift ;;
		--seed=*) seed=${1#*=}; shift ;;
		--scale=*) scale=${1#*=}; shift ;;
		--lang=*) lang=${1#*=}; shift ;;
		-h|--help) usage; exit 0 ;;
		*) echo "demo.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	esac
done
[[ "$seed" =~ ^-?[0-9]{1,18}$ ]] || { echo "demo.sh: --seed takes an integer" >&2; exit 2; }
[[ "$scale" =~ ^[0-9]{1,2}$ ]] || { echo "demo.sh: --scale takes an integer from 1 to 50" >&2; exit 2; }
case "$lang" in en|fr) ;; *) echo "demo.sh: --lang takes en or fr" >&2; exit 2 ;; esac

say() { echo "[demo] $*" >&2; }

# --- 1. What the demo needs: PHP 8.2 with its development files, a C toolchain, libxml2 and the
# MariaDB client headers (config.m4 looks for them even though the demo reads no database).
demo_packages=(php8.2-cli php8.2-dev libxml2-dev libmariadb-dev pkg-config make gcc rsync)
if [ -f "$here/lib/deps.sh" ]; then
	# shellcheck source=scripts/lib/deps.sh
	. "$here/lib/deps.sh"
	# Only what the demo needs (the test suite's list also brings MariaDB server, valgrind...).
	MG_DEPS_PACKAGES=("${demo_packages[@]}")
	mg_deps_install
else
	missing=()
	for pkg in "${demo_packages[@]}"; do
		[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" = installed ] || missing+=("$pkg")
	done
	if [ "${#missing[@]}" -gt 0 ]; then
		[ "$(id -u)" -eq 0 ] || { echo "demo.sh: missing packages (${missing[*]}); run as root" >&2; exit 1; }
		say "installing: ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
	fi
fi

# --- 2. Build the extension (incremental: a second run recompiles only what changed).
say "building the magistere extension"
if [ -x "$here/build.sh" ] || [ -f "$here/build.sh" ]; then
	so=$(MAGISTERE_SKIP_DEPS=1 bash "$here/build.sh" | tail -n 1)
else
	bdir="$root/.build/demo-ext"
	mkdir -p "$bdir"
	rsync -a --delete --exclude='/core/tests/' "$root/src/" "$bdir/src/"
	cp "$root"/config.m4 "$root"/magistere.c "$root"/php_magistere.h "$root"/magistere_arginfo.h "$bdir/"
	(cd "$bdir" && { [ -f Makefile ] || { phpize && ./configure --enable-magistere-dev; }; } && make -j2) >"$bdir/build.log" 2>&1 \
		|| { tail -n 40 "$bdir/build.log" >&2; exit 1; }
	so="$bdir/modules/magistere.so"
fi
[ -f "$so" ] || { echo "demo.sh: the build gave no module ($so)" >&2; exit 1; }

# --- 3. Generate the sample académie, then show every role's view. php -n: no php.ini, so the
# demo depends on nothing but PHP's built-in extensions and magistere.
mkdir -p "$out"
out_abs=$(cd "$out" && pwd -P)
say "generating the sample académie (seed $seed, scale $scale) into $out/academie.json"
php -n "$root/scripts/demo/generate.php" --seed "$seed" --scale "$scale" --json --out "$out_abs/academie.json"
php -n -d extension="$so" "$root/scripts/demo/show.php" --data "$out_abs/academie.json" --out "$out_abs" --lang "$lang"

echo
echo "Demo done. HTML pages: $out_abs/index.html (French: $out_abs/index.fr.html)"
