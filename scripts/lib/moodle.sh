# shellcheck shell=bash
# A Moodle test site for the plugin's PHPUnit tests (moodle_plugin/ installed as local/magistere), on the
# throwaway MariaDB server of scripts/lib/mariadb.sh.
#
#   source scripts/lib/moodle.sh
#   mg_moodle_source          prints the Moodle checkout to use, or fails with the reason on stderr
#   mg_moodle_prepare SRC     makes the run copy (plugin copied in, vendor/ with PHPUnit, config.php)
#   mg_moodle_init            installs the PHPUnit site into the test server (or restores the cached dump)
#   mg_moodle_phpunit ARGS... runs Moodle's PHPUnit in the run copy, with the extension loaded
#
# Where Moodle comes from, in this order:
#   1. MOODLE_DIR: any Moodle 4.5 / 5.0 checkout (code tree with version.php at its top).
#   2. $MAGISTERE_MOODLE_CACHE/moodle-4.5 (default cache /var/cache/magistere), a checkout kept between runs.
#   3. `composer create-project moodle/moodle` 4.5 into that cache (needs Packagist to serve moodle/moodle).
# The checkout itself is never modified: it is copied (rsync, only changes) into
# $MAGISTERE_MOODLE_CACHE/moodle-run, where the plugin, config.php and vendor/ are added. vendor/ comes from
# the checkout when it has one with PHPUnit, otherwise from `composer install` of Moodle's composer.json
# reduced to PHPUnit (Moodle's Behat packages are not needed for PHPUnit).
#
# Installing the PHPUnit site takes minutes, so the installed database is dumped into the cache, keyed by
# the Moodle and plugin versions and the plugin's db/ files, and restored into the next fresh server.
#
# Needs the MAGISTERE_TEST_* variables of scripts/lib/mariadb.sh. Settings:
#   MOODLE_DIR, MAGISTERE_MOODLE_CACHE, MAGISTERE_MOODLE_DB (default moodle_phpunit),
#   MAGISTERE_SO (the extension loaded by mg_moodle_phpunit).

# shellcheck source=scripts/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=scripts/lib/deps.sh
. "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

MG_MOODLE_CACHE=${MAGISTERE_MOODLE_CACHE:-/var/cache/magistere}
MG_MOODLE_RUN=$MG_MOODLE_CACHE/moodle-run
MG_MOODLE_DB=${MAGISTERE_MOODLE_DB:-moodle_phpunit}
# PHP extensions and locale Moodle's PHPUnit site needs, beyond scripts/lib/deps.sh.
MG_MOODLE_PACKAGES=(php8.2-curl php8.2-zip php8.2-gd php8.2-soap php8.2-mysql php8.2-intl php8.2-mbstring
	php8.2-xml phpunit locales rsync composer)

# True if DIR looks like a Moodle code tree.
_mg_moodle_is_checkout() {
	[ -f "$1/version.php" ] && [ -f "$1/lib/setup.php" ] && [ -d "$1/admin/tool/phpunit" ]
}

# Installs the Debian packages and the en_AU.UTF-8 locale Moodle's PHPUnit needs, only when missing.
mg_moodle_deps() {
	local -a missing
	mapfile -t missing < <(mg_deps_missing "${MG_MOODLE_PACKAGES[@]}")
	if [ "${#missing[@]}" -ne 0 ]; then
		MAGISTERE_DEPS_EXTRA="${MAGISTERE_DEPS_EXTRA:-} ${missing[*]}" mg_deps_install || return 1
	fi
	if ! locale -a 2>/dev/null | grep -qi '^en_AU\.utf-\?8$'; then
		[ "$(id -u)" -eq 0 ] || { mg_log "the en_AU.UTF-8 locale is missing and this is not root"; return 1; }
		grep -q '^en_AU.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'en_AU.UTF-8 UTF-8' >>/etc/locale.gen
		locale-gen >/dev/null 2>&1 || { mg_log "locale-gen failed"; return 1; }
	fi
}

mg_moodle_source() {
	if [ -n "${MOODLE_DIR:-}" ]; then
		_mg_moodle_is_checkout "$MOODLE_DIR" && { (cd "$MOODLE_DIR" && pwd -P); return 0; }
		mg_log "MOODLE_DIR=$MOODLE_DIR is not a Moodle checkout (no version.php, lib/setup.php, admin/tool/phpunit)"
		return 1
	fi
	if _mg_moodle_is_checkout "$MG_MOODLE_CACHE/moodle-4.5"; then
		echo "$MG_MOODLE_CACHE/moodle-4.5"
		return 0
	fi
	mkdir -p "$MG_MOODLE_CACHE" || return 1
	mg_log "getting Moodle 4.5 with composer create-project (once; cached in $MG_MOODLE_CACHE)"
	rm -rf "$MG_MOODLE_CACHE/moodle-4.5.part"
	if composer create-project --no-interaction --no-install --no-scripts --prefer-dist \
		moodle/moodle:~4.5.0 "$MG_MOODLE_CACHE/moodle-4.5.part" >"$MG_MOODLE_CACHE/create-project.log" 2>&1 &&
		_mg_moodle_is_checkout "$MG_MOODLE_CACHE/moodle-4.5.part"; then
		mv "$MG_MOODLE_CACHE/moodle-4.5.part" "$MG_MOODLE_CACHE/moodle-4.5"
		echo "$MG_MOODLE_CACHE/moodle-4.5"
		return 0
	fi
	rm -rf "$MG_MOODLE_CACHE/moodle-4.5.part"
	mg_log "composer cannot get moodle/moodle ($(grep -m1 -i 'could not\|error' "$MG_MOODLE_CACHE/create-project.log" | sed 's/^ *//'))"
	mg_log "set MOODLE_DIR to a Moodle 4.5 or 5.0 checkout to run the plugin's Moodle tests"
	return 1
}

# Gives the run copy a vendor/ with PHPUnit.
_mg_moodle_vendor() {
	local src=$1 run=$MG_MOODLE_RUN
	[ -x "$run/vendor/bin/phpunit" ] && return 0
	if [ -x "$src/vendor/bin/phpunit" ]; then
		rsync -a "$src/vendor/" "$run/vendor/" && return 0
	fi
	mg_log "installing Moodle's PHPUnit with composer"
	# shellcheck disable=SC2016 # PHP code in single quotes
	php -r '
		$d = json_decode(file_get_contents($argv[1]), true);
		$d["require-dev"] = array_intersect_key($d["require-dev"] ?? [],
			["phpunit/phpunit" => 1, "mikey179/vfsstream" => 1]);
		file_put_contents($argv[2], json_encode($d, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES));
	' "$run/composer.json" "$run/composer-magistere.json" || return 1
	(cd "$run" && COMPOSER=composer-magistere.json composer install --no-interaction --prefer-dist \
		>"$MG_MOODLE_CACHE/composer-install.log" 2>&1) || {
		mg_log "composer install failed:"
		tail -n 20 "$MG_MOODLE_CACHE/composer-install.log" >&2
		return 1
	}
}

mg_moodle_prepare() {
	local src=$1 root run=$MG_MOODLE_RUN
	root=$(mg_root)
	mg_moodle_deps || return 1
	mkdir -p "$run" "$MG_MOODLE_CACHE/data/dataroot" "$MG_MOODLE_CACHE/data/phpu_dataroot" || return 1
	rsync -a --delete --exclude=/config.php --exclude=/vendor/ --exclude=/local/magistere/ \
		--exclude=/composer-magistere.json --exclude=/phpunit.xml "$src/" "$run/" || return 1
	rsync -a --delete "$root/moodle_plugin/" "$run/local/magistere/" || return 1
	_mg_moodle_vendor "$src" || return 1
	local socket=""
	[ -n "${MAGISTERE_TEST_SOCKET:-}" ] && socket="'dbsocket' => '$MAGISTERE_TEST_SOCKET', "
	cat >"$run/config.php" <<EOF
<?php // Written by scripts/lib/moodle.sh for the plugin's PHPUnit tests; rewritten on every run.
unset(\$CFG);
global \$CFG;
\$CFG = new stdClass();
\$CFG->dbtype    = 'mariadb';
\$CFG->dblibrary = 'native';
\$CFG->dbhost    = '${MAGISTERE_TEST_HOST:-127.0.0.1}';
\$CFG->dbname    = '$MG_MOODLE_DB';
\$CFG->dbuser    = '${MAGISTERE_TEST_USER:-}';
\$CFG->dbpass    = '${MAGISTERE_TEST_PASSWORD:-}';
\$CFG->prefix    = 'mdl_';
\$CFG->dboptions = [${socket}'dbport' => ${MAGISTERE_TEST_PORT:-3306}, 'dbcollation' => 'utf8mb4_unicode_ci'];
\$CFG->wwwroot   = 'https://magistere.invalid';
\$CFG->dataroot  = '$MG_MOODLE_CACHE/data/dataroot';
\$CFG->admin     = 'admin';
\$CFG->directorypermissions = 02777;
\$CFG->phpunit_prefix = 'phpu_';
\$CFG->phpunit_dataroot = '$MG_MOODLE_CACHE/data/phpu_dataroot';
require_once(__DIR__ . '/lib/setup.php');
EOF
}

# The mariadb client on the test server.
_mg_moodle_sql() {
	mariadb --defaults-file="$MAGISTERE_TEST_CNF" "$@"
}

# A key for the installed site: Moodle's and the plugin's versions and the plugin's schema.
_mg_moodle_key() {
	(cd "$MG_MOODLE_RUN" && { cat version.php; find local/magistere/version.php local/magistere/db -type f \
		-print0 | LC_ALL=C sort -z | xargs -0 cat; } | sha1sum | cut -c1-16)
}

# Runs Moodle's PHPUnit utility (what admin/tool/phpunit/cli/init.php does, without its composer steps).
_mg_moodle_util() {
	(cd "$MG_MOODLE_RUN" && php -d max_input_vars=5000 admin/tool/phpunit/cli/util.php "$@")
}

mg_moodle_init() {
	local key dump rc
	[ -n "${MAGISTERE_TEST_CNF:-}" ] || { mg_log "no test server (MAGISTERE_TEST_* unset)"; return 1; }
	key=$(_mg_moodle_key)
	dump=$MG_MOODLE_CACHE/phpunit-$key.sql.gz
	_mg_moodle_sql -e "CREATE DATABASE IF NOT EXISTS \`$MG_MOODLE_DB\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		return 1
	# The key of the installed site that phpu_dataroot belongs to is kept beside it: Moodle's PHPUnit removes
	# unknown files from the dataroot.
	if [ -f "$dump" ] && [ -f "$MG_MOODLE_CACHE/data/phpu_dataroot.key" ] &&
		[ "$(cat "$MG_MOODLE_CACHE/data/phpu_dataroot.key")" = "$key" ]; then
		mg_log "restoring the installed PHPUnit site ($key)"
		gunzip -c "$dump" | _mg_moodle_sql "$MG_MOODLE_DB" || return 1
	fi
	rc=0
	_mg_moodle_util --diag >/dev/null 2>&1 || rc=$?
	if [ "$rc" -ne 0 ]; then
		mg_log "installing the PHPUnit site (a few minutes; cached afterwards)"
		_mg_moodle_sql -e "DROP DATABASE IF EXISTS \`$MG_MOODLE_DB\`; CREATE DATABASE \`$MG_MOODLE_DB\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
			return 1
		rm -rf "$MG_MOODLE_CACHE/data/phpu_dataroot" "$MG_MOODLE_CACHE/data/phpu_dataroot.key" \
			"$MG_MOODLE_CACHE"/phpunit-*.sql.gz
		mkdir -p "$MG_MOODLE_CACHE/data/phpu_dataroot"
		_mg_moodle_util --install >"$MG_MOODLE_CACHE/phpunit-install.log" 2>&1 || {
			mg_log "installing Moodle's PHPUnit site failed:"
			tail -n 30 "$MG_MOODLE_CACHE/phpunit-install.log" >&2
			return 1
		}
		mariadb-dump --defaults-file="$MAGISTERE_TEST_CNF" --single-transaction --skip-lock-tables "$MG_MOODLE_DB" |
			gzip -1 >"$dump.part" && mv "$dump.part" "$dump"
		echo "$key" >"$MG_MOODLE_CACHE/data/phpu_dataroot.key"
	fi
	_mg_moodle_util --buildcomponentconfigs >/dev/null 2>&1 || true
	_mg_moodle_util --buildconfig >/dev/null || return 1
}

mg_moodle_phpunit() {
	local -a ext=()
	[ -n "${MAGISTERE_SO:-}" ] && ext=(-d "extension=$MAGISTERE_SO")
	(cd "$MG_MOODLE_RUN" && php "${ext[@]}" vendor/bin/phpunit "$@")
}
