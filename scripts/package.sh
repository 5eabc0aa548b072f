#!/usr/bin/env bash
# Builds the release packages of magistere, with the version taken from its one source, MG_VERSION in
# src/core/core.h:
#
#   local_magistere-X.Y.Z.zip     the Moodle plugin, as Moodle's plugin installer expects it: every file
#                                 under one top folder, magistere/ (the plugin's name), with
#                                 version.php, lang/en/local_magistere.php...
#   php_magistere-X.Y.Z-src.tgz   the extension's sources under magistere-X.Y.Z/: phpize && ./configure
#                                 && make && make test work in it (the name is the one PIE looks for
#                                 among a release's assets, "php_{extension}-{version}-src.tgz")
#
#   scripts/package.sh [--out DIR]      (default .build/dist)
#
# The packages hold the files git tracks (their content in the working tree; a warning names the
# packaged files that differ from the last commit), so build them from a clean checkout of the
# release's tag. Left out:
#   - of the plugin: tests/fixtures/standalone_bootstrap.php (it runs some plugin tests without
#     Moodle, for scripts/suites/40-plugin.sh only);
#   - of the sources: moodle_plugin/ (its own package), bench/, .ci/, the development scripts
#     (scripts/*.sh, scripts/lib, scripts/suites, scripts/lint, scripts/site, scripts/browser) and the
#     git files; kept: scripts/demo, scripts/sql and scripts/magistere-stats, which php_tests/ uses.
# The archives are reproducible: files sorted, owner root, every date the last commit's
# (SOURCE_DATE_EPOCH when set).
#
# Prints the path of each package on stdout. Needs git, tar, gzip and php with the zip extension.
set -euo pipefail

# One compound command, read whole before it runs (editing this file mid-run is harmless).
{
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
out=$root/.build/dist
while [ "$#" -gt 0 ]; do
	case "$1" in
	--out) out=$2; shift 2 ;;
	--out=*) out=${1#--out=}; shift ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "[magistere] error: unknown argument $1" >&2; exit 2 ;;
	esac
done
cd "$root"

die() { echo "[magistere] error: $*" >&2; exit 1; }

version=$(sed -n 's/^#define MG_VERSION "\([^"]*\)"$/\1/p' src/core/core.h)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-.][0-9A-Za-z.]+)?$ ]] || die "no MG_VERSION \"X.Y.Z\" in src/core/core.h"
release=$(sed -n "s/^\$plugin->release *= *'\([^']*\)';.*/\1/p" moodle_plugin/version.php)
[ "$release" = "$version" ] || die "moodle_plugin/version.php has release '$release', src/core/core.h MG_VERSION '$version'"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || die "not a git checkout: the packages are made of the files git tracks"
php -r 'exit(class_exists("ZipArchive") ? 0 : 1);' || die "php's zip extension is missing (Debian: php8.2-zip)"

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
mkdir -p "$out"
out=$(cd "$out" && pwd -P)
stage=$(mktemp -d "${TMPDIR:-/tmp}/magistere-package.XXXXXX")
trap 'rm -rf "$stage"' EXIT

# Copies the tracked files of "$@" (paths) into $1 (a folder), keeping their relative paths.
# Files listed in $exclude (regexes on the path) are left out.
stage_files() {
	local dest=$1 list
	shift
	list=$(git ls-files -z -- "$@" | tr '\0' '\n' | grep -v -E "${exclude:-^$}" || true)
	[ -n "$list" ] || die "nothing to package in $*"
	changed=$(git status --porcelain -- "$@" | sed 's/^...//' | grep -v -E "${exclude:-^$}" || true)
	if [ -n "$changed" ]; then
		echo "[magistere] warning: packaging files that differ from the last commit:" >&2
		printf '%s\n' "$changed" | sed 's/^/  /' >&2
	fi
	mkdir -p "$dest"
	printf '%s\n' "$list" | rsync -a --files-from=- ./ "$dest/"
}

# ---------------------------------------------------------------- the Moodle plugin
exclude='^moodle_plugin/tests/fixtures/standalone_bootstrap\.php$'
stage_files "$stage/plugin" moodle_plugin
mv "$stage/plugin/moodle_plugin" "$stage/plugin/magistere"
zip=$out/local_magistere-$version.zip
rm -f "$zip"
# shellcheck disable=SC2016 # PHP code in single quotes
php -r '
	[, $dir, $zipfile, $epoch] = $argv;
	$zip = new ZipArchive();
	if ($zip->open($zipfile, ZipArchive::CREATE | ZipArchive::EXCL) !== true) {
		fwrite(STDERR, "cannot create $zipfile\n");
		exit(1);
	}
	$entries = [];
	$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS),
		RecursiveIteratorIterator::SELF_FIRST);
	foreach ($it as $path => $info) {
		$entries[substr($path, strlen($dir) + 1) . ($info->isDir() ? "/" : "")] = $path;
	}
	ksort($entries, SORT_STRING);
	foreach ($entries as $name => $path) {
		$ok = str_ends_with($name, "/") ? $zip->addEmptyDir(rtrim($name, "/")) : $zip->addFile($path, $name);
		$ok = $ok && $zip->setMtimeName(rtrim($name, "/") . (str_ends_with($name, "/") ? "/" : ""), (int) $epoch);
		if (!$ok) {
			fwrite(STDERR, "cannot add $name\n");
			exit(1);
		}
	}
	exit($zip->close() ? 0 : 1);
' "$stage/plugin" "$zip" "$epoch" || die "the plugin ZIP could not be written"
echo "$zip"

# ---------------------------------------------------------------- the extension's sources
exclude='^scripts/[^/]*\.sh$|^scripts/(lib|suites|lint|site|browser)/'
top=magistere-$version
stage_files "$stage/src/$top" config.m4 config.w32 Makefile.frag magistere.c php_magistere.h magistere.stub.php \
	magistere_arginfo.h composer.json src php_tests scripts docs README.md CHANGELOG.md CONTRIBUTING.md LICENSE
tgz=$out/php_magistere-$version-src.tgz
rm -f "$tgz"
(cd "$stage/src" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$top") |
	gzip -9 -n >"$tgz" || die "the source tarball could not be written"
echo "$tgz"
exit
}
