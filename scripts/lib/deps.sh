# shellcheck shell=bash
# mg_deps_install: installs, only when missing, the Debian 12 packages that magistere needs to be
# built and tested. Runs `apt-get update` once, and only if something is missing. Quiet when
# everything is there; on failure prints apt-get's output and returns non-zero.
# Needs root (or sudo) only when something is missing.
#
# MAGISTERE_DEPS_EXTRA may name more packages (space separated).

MG_DEPS_PACKAGES=(
	php8.2-cli php8.2-dev php8.2-xml php8.2-mysql php8.2-mbstring php8.2-intl php8.2-zip
	libxml2-dev libmariadb-dev
	mariadb-server mariadb-client
	valgrind clang libclang-rt-14-dev
	pkg-config make gcc composer
	rsync shellcheck
	libglpk-dev
)

# Prints the packages of "$@" that are not installed.
mg_deps_missing() {
	local pkg status
	for pkg in "$@"; do
		status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
		if [ "$status" != "installed" ]; then
			printf '%s\n' "$pkg"
		fi
	done
}

mg_deps_install() {
	local -a wanted missing
	local sudo="" log rc
	# shellcheck disable=SC2206 # MAGISTERE_DEPS_EXTRA is a space separated list
	wanted=("${MG_DEPS_PACKAGES[@]}" ${MAGISTERE_DEPS_EXTRA:-})
	command -v dpkg-query >/dev/null 2>&1 || { echo "[magistere] error: dpkg-query not found: a Debian system is needed" >&2; return 1; }
	mapfile -t missing < <(mg_deps_missing "${wanted[@]}")
	[ "${#missing[@]}" -eq 0 ] && return 0

	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || { echo "[magistere] error: missing packages (${missing[*]}) and not root" >&2; return 1; }
		sudo="sudo"
	fi
	echo "[magistere] installing: ${missing[*]}" >&2
	log=$(mktemp)
	rc=0
	{
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
	} >"$log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "[magistere] error: apt-get failed (exit $rc):" >&2
		cat "$log" >&2
		rm -f "$log"
		return 1
	fi
	rm -f "$log"
	mapfile -t missing < <(mg_deps_missing "${wanted[@]}")
	if [ "${#missing[@]}" -ne 0 ]; then
		echo "[magistere] error: still missing after apt-get install: ${missing[*]}" >&2
		return 1
	fi
}
