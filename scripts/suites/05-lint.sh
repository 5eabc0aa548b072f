#!/usr/bin/env bash
# Suite 05: the lint stage. Each check below counts as one test: passed, failed, or skipped when a
# tool it needs is absent (the reason printed, never counted as passed).
# needs: none
#
#   php-lint          php -l on every tracked PHP file (.php, .inc, PHP scripts, the PHP sections of the .phpt)
#   shell             Debian's shellcheck (every level) on every tracked shell script
#   moodle-cs         PHP_CodeSniffer with the moodle standard over moodle_plugin/, no error and no warning
#                     (moodle-plugin-ci's --max-warnings 0). phpcs comes from MAGISTERE_PHPCS (the phpcs
#                     executable) or the cache /var/cache/magistere/phpcs/vendor/bin/phpcs, an install made
#                     by hand; it is never part of the repository
#   plugin-structure  scripts/lint/plugin_structure.php (moodle-plugin-ci validate, and the project's rules)
#   savepoints        scripts/lint/savepoints.php (moodle-plugin-ci savepoints)
#   xmldb             scripts/lint/xmldb.php: db/install.xml through Moodle's own XMLDB classes
#   mustache          scripts/lint/mustache.php: every template rendered from its example context, en and fr,
#                     with the Mustache engine of Moodle (lib/mustache of the checkout)
#   package           scripts/package.sh, then the plugin ZIP checked by Moodle's plugin installer code
#                     (\core\update\validator; scripts/lint/validate_zip.php)
#   sources           scripts/lint/sources.php: config.m4 and config.w32 list the same C files
#   boundaries        src/core compiles without PHP, libmariadb and libxml2 headers; src/store and src/xml
#                     without PHP's (each with its own library only)
#   facts             scripts/lint/facts.php: one version, nothing pointing outside the repository
#   composer          scripts/lint/composer.php: composer.json as Composer and PIE read it
#
# The checks that need Moodle's code (xmldb, mustache, package) run once per checkout: MOODLE_DIR when
# set, else each of MAGISTERE_MOODLE_CHECKOUTS (default: /var/cache/magistere/moodle-4.5 and moodle-5.0)
# that exists; with none they are skipped. The Composer >= 2.7 schema the composer check needs when the
# composer on PATH is older comes from MAGISTERE_COMPOSER_SCHEMA, else the cache
# /var/cache/magistere/composer-schema (filled once with `composer create-project --no-install
# composer/composer`).
#
# Last line: "N passed, N failed, N skipped"; exits non-zero when a check failed.
# shellcheck disable=SC2317 # the check functions are called through check()
set -uo pipefail

# One compound command, read whole before it runs (editing this file mid-run is harmless).
{
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
cd "$root" || exit 1

passed=0
failed=0
skipped=0
work=$(mktemp -d "${TMPDIR:-/tmp}/magistere-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT

# check NAME COMMAND...: runs COMMAND; exit 0 passes, 77 skips (its last line says why), anything
# else fails and shows the output.
check() {
	local name=$1 rc=0 log start=$SECONDS
	shift
	log="$work/check.log"
	"$@" >"$log" 2>&1 || rc=$?
	name="$name ($((SECONDS - start))s)"
	if [ "$rc" -eq 0 ]; then
		echo "ok   $name: $(tail -n 1 "$log")"
		passed=$((passed + 1))
	elif [ "$rc" -eq 77 ]; then
		echo "SKIP $name: $(tail -n 1 "$log" | sed 's/^SKIPPED: //')"
		skipped=$((skipped + 1))
	else
		echo "FAIL $name (exit $rc):"
		sed 's/^/     /' "$log" | head -n 200
		failed=$((failed + 1))
	fi
}

skip() {
	echo "SKIP $1: $2"
	skipped=$((skipped + 1))
}

tracked() {
	git ls-files -z "$@" 2>/dev/null
}

# ------------------------------------------------------------------ php -l
lint_php() {
	local f rc=0
	: >"$work/php-files"
	while IFS= read -r -d '' f; do
		[ -f "$f" ] || continue
		case "$f" in
		*.php|*.inc) printf '%s\0' "$f" >>"$work/php-files" ;;
		*) head -n 1 "$f" | grep -q '^#!.*\bphp\b' && printf '%s\0' "$f" >>"$work/php-files" ;;
		esac
	done < <(tracked)
	# The PHP sections of the phpt tests, each in a file of its own.
	mkdir -p "$work/phpt"
	# shellcheck disable=SC2016 # PHP code in single quotes
	tracked 'php_tests/*.phpt' | xargs -0 -r php -n -r '
		$dir = $argv[1];
		foreach (array_slice($argv, 2) as $phpt) {
			$section = null;
			$parts = [];
			foreach (file($phpt) as $line) {
				if (preg_match("/^--([A-Z_]+)--\s*$/", $line, $m)) {
					$section = $m[1];
					continue;
				}
				if ($section !== null) {
					$parts[$section] = ($parts[$section] ?? "") . $line;
				}
			}
			foreach (["SKIPIF", "FILE", "CLEAN"] as $s) {
				if (isset($parts[$s])) {
					file_put_contents("$dir/" . strtr($phpt, "/", "_") . ".$s.php", $parts[$s]);
				}
			}
		}
	' "$work/phpt" || return 1
	find "$work/phpt" -name '*.php' -print0 >>"$work/php-files"
	# php -l takes one file; two at a time (the machine has two cores).
	xargs -0 -n 1 -P 2 php -n -l <"$work/php-files" >"$work/php-lint.log" 2>&1 || rc=$?
	grep -v '^No syntax errors detected in ' "$work/php-lint.log"
	[ "$rc" -eq 0 ] && echo "$(tr -cd '\0' <"$work/php-files" | wc -c) files and phpt sections parse"
	[ "$rc" -eq 0 ]
}
check php-lint lint_php

# ------------------------------------------------------------------ shellcheck
lint_shell() {
	local files=() f
	while IFS= read -r -d '' f; do
		[ -f "$f" ] || continue
		case "$f" in
		*.sh) files+=("$f") ;;
		*) head -n 1 "$f" | grep -q -E '^#!.*\b(ba)?sh\b' && files+=("$f") ;;
		esac
	done < <(tracked)
	shellcheck -x "${files[@]}" && echo "${#files[@]} shell scripts, no finding"
}
if command -v shellcheck >/dev/null 2>&1; then
	check shell lint_shell
else
	skip shell "shellcheck is not installed (Debian: apt-get install shellcheck)"
fi

# ------------------------------------------------------------------ moodle-cs
phpcs=${MAGISTERE_PHPCS:-/var/cache/magistere/phpcs/vendor/bin/phpcs}
lint_moodle_cs() {
	local report
	report="$work/phpcs.json"
	"$phpcs" --standard=moodle --report=json --report-file="$report" -q moodle_plugin >/dev/null 2>&1
	# shellcheck disable=SC2016 # PHP code in single quotes
	php -r '
		$r = json_decode((string) file_get_contents($argv[1]), true);
		if (!is_array($r) || !isset($r["totals"])) { echo "phpcs wrote no report\n"; exit(1); }
		$e = $r["totals"]["errors"]; $w = $r["totals"]["warnings"];
		echo count($r["files"]), " files, $e errors, $w warnings\n";
		exit($e + $w === 0 ? 0 : 1);
	' "$report" || { "$phpcs" --standard=moodle --report=full -q moodle_plugin; return 1; }
}
if [ -x "$phpcs" ] && "$phpcs" -i 2>/dev/null | grep -q -w moodle; then
	check moodle-cs lint_moodle_cs
else
	skip moodle-cs "no PHP_CodeSniffer with the moodle standard ($phpcs; set MAGISTERE_PHPCS to a phpcs that has moodle-cs)"
fi

# ------------------------------------------------------------------ the plugin's structure
check plugin-structure php scripts/lint/plugin_structure.php moodle_plugin
check savepoints php scripts/lint/savepoints.php moodle_plugin

# ------------------------------------------------------------------ with Moodle's code
checkouts=()
if [ -n "${MOODLE_DIR:-}" ]; then
	checkouts=("$MOODLE_DIR")
else
	for d in ${MAGISTERE_MOODLE_CHECKOUTS:-/var/cache/magistere/moodle-4.5 /var/cache/magistere/moodle-5.0}; do
		[ -f "$d/version.php" ] && [ -f "$d/lib/setup.php" ] && checkouts+=("$d")
	done
fi

package_and_validate() {
	local moodle=$1 zip tgz
	if [ ! -f "$work/dist/.built" ]; then
		scripts/package.sh --out "$work/dist" >"$work/package.log" 2>&1 || { cat "$work/package.log"; return 1; }
		touch "$work/dist/.built"
	fi
	for zip in "$work"/dist/local_magistere-*.zip; do
		break
	done
	[ -f "$zip" ] || { echo "scripts/package.sh made no local_magistere-*.zip"; return 1; }
	for tgz in "$work"/dist/php_magistere-*-src.tgz; do
		[ -f "$tgz" ] || { echo "scripts/package.sh made no source tarball"; return 1; }
	done
	php scripts/lint/validate_zip.php "$moodle" "$zip"
}

if [ "${#checkouts[@]}" -eq 0 ]; then
	why="no Moodle checkout (set MOODLE_DIR, or MAGISTERE_MOODLE_CHECKOUTS)"
	skip xmldb "$why"
	skip mustache "$why"
	skip package "$why: the ZIP is not checked by Moodle's validator"
else
	for moodle in "${checkouts[@]}"; do
		label=$(sed -n "s/^\$release *= *'\([0-9.]*\).*/\1/p" "$moodle/version.php")
		check "xmldb (Moodle $label)" php scripts/lint/xmldb.php "$moodle" moodle_plugin
		check "mustache (Moodle $label)" php scripts/lint/mustache.php "$moodle" moodle_plugin
		if php -r 'exit(class_exists("ZipArchive") ? 0 : 1);'; then
			check "package (Moodle $label's validator)" package_and_validate "$moodle"
		else
			skip "package (Moodle $label)" "php's zip extension is missing (Debian: php8.2-zip)"
		fi
	done
fi

# ------------------------------------------------------------------ the extension
check sources php scripts/lint/sources.php

boundaries() {
	local cc=${CC:-cc} flags f store_flags xml_flags n=0
	flags=(-std=c11 -D_POSIX_C_SOURCE=200809L -fsyntax-only -Wall -Wextra -Werror -Wno-unused-parameter
		-Wno-missing-field-initializers -Isrc)
	store_flags=$(pkg-config --cflags libmariadb 2>/dev/null || mariadb_config --cflags 2>/dev/null || mysql_config --cflags)
	xml_flags=$(pkg-config --cflags libxml-2.0)
	for f in src/core/*.c; do
		"$cc" "${flags[@]}" "$f" || return 1
		n=$((n + 1))
	done
	for f in src/store/*.c; do
		# shellcheck disable=SC2086 # a list of compiler flags
		"$cc" "${flags[@]}" $store_flags "$f" || return 1
		n=$((n + 1))
	done
	for f in src/xml/*.c; do
		# shellcheck disable=SC2086 # a list of compiler flags
		"$cc" "${flags[@]}" $xml_flags "$f" || return 1
		n=$((n + 1))
	done
	echo "$n files: src/core with no library header, src/store with the MySQL client's only, src/xml with libxml2's only; none needs PHP's"
}
if command -v "${CC:-cc}" >/dev/null 2>&1 && pkg-config --exists libxml-2.0 2>/dev/null; then
	check boundaries boundaries
else
	skip boundaries "no C compiler or no libxml2 development files"
fi

check facts php scripts/lint/facts.php

composer_schema() {
	local cache=/var/cache/magistere/composer-schema
	if [ -n "${MAGISTERE_COMPOSER_SCHEMA:-}" ]; then
		echo "$MAGISTERE_COMPOSER_SCHEMA"
		return
	fi
	if [ ! -f "$cache/composer/res/composer-schema.json" ] && command -v composer >/dev/null 2>&1; then
		mkdir -p "$cache" 2>/dev/null && rm -rf "$cache/composer.part" &&
			timeout 300 composer create-project --no-interaction --no-install --no-scripts --no-progress \
				'composer/composer:^2.8' "$cache/composer.part" >"$cache/create-project.log" 2>&1 &&
			mv "$cache/composer.part" "$cache/composer"
		rm -rf "$cache/composer.part"
	fi
	[ -f "$cache/composer/res/composer-schema.json" ] && echo "$cache/composer/res/composer-schema.json"
}
if command -v composer >/dev/null 2>&1; then
	check composer php scripts/lint/composer.php "$(composer_schema)"
else
	skip composer "composer is not installed (Debian: apt-get install composer)"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
exit
}
