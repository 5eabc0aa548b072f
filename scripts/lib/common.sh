# shellcheck shell=bash
# Shared helpers of the magistere scripts. Source it; it defines functions only.
#
#   mg_root            prints the absolute path of the repository (the parent of scripts/)
#   mg_log MSG...      prints "[magistere] MSG" on stderr
#   mg_die MSG...      prints "[magistere] error: MSG" on stderr and exits 1
#   mg_php_version     prints the MAJOR.MINOR version of the php on PATH

mg_root() {
	(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
}

mg_log() {
	printf '[magistere] %s\n' "$*" >&2
}

mg_die() {
	printf '[magistere] error: %s\n' "$*" >&2
	exit 1
}

mg_php_version() {
	php -n -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;'
}
