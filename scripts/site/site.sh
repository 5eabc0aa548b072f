#!/usr/bin/env bash
# A real Moodle web site with local_magistere, on loopback only, for browser, load and page-timing tests:
# nginx + PHP-FPM (Debian's php8.2-fpm) with the built magistere extension loaded by the pool, a throwaway MariaDB
# server (scripts/lib/mariadb.sh), Moodle installed from a checkout with the plugin as local/magistere, and test data
# created through Moodle's APIs (scripts/site/setup.php).
#
#   MOODLE_DIR=/path/to/moodle scripts/site/site.sh start    installs (or restores) and starts the site, prints its URL
#   scripts/site/site.sh status                                running or not, URL and PIDs
#   scripts/site/site.sh url                                   the URL (fails when not running)
#   scripts/site/site.sh env                                   the site's variables, for `eval "$(... env)"`
#   scripts/site/site.sh php SCRIPT [ARGS...]                  runs a PHP CLI script of the Moodle tree, extension loaded
#   scripts/site/site.sh stop                                  stops nginx, PHP-FPM and MariaDB (by PID)
#   MOODLE_DIR=... scripts/site/site.sh run CMD [ARGS...]      start, run CMD with the variables exported, always stop
#
# Everything runs as the calling user (root on a fresh Debian 12; missing packages are installed with apt-get,
# without starting Debian's own nginx or PHP-FPM services). Nothing listens beyond 127.0.0.1.
#
# MAGISTERE_SITE_PLUGIN=no gives a bare site instead: Moodle without local_magistere and without test data, with
# Moodle's plugin installer enabled, for the test that installs the plugin's ZIP through it (its own state folder
# and cache entry, so both sites can be installed side by side).
#
# The installed site (database dump and data folder) is cached, keyed by Moodle's version.php, the plugin's
# version.php and db/ files and scripts/site/setup.php: the first start installs Moodle (minutes), later starts
# restore it (seconds). A start on a running site only prints its URL. Each start gives a fresh copy of the cached
# site: what a test changed is gone.
#
# Settings:
#   MOODLE_DIR                     Moodle 4.5 or 5.0 code tree (version.php at its top); required by start and run
#   MAGISTERE_SITE_PLUGIN          yes (default): the plugin and the test data; no: a bare site (see above)
#   MAGISTERE_SITE_DIR             state folder (default .build/site/<Moodle branch>, e.g. .build/site/405, and
#                                  .build/site/<branch>-bare for a bare site)
#   MAGISTERE_SITE_CACHE           cache of installed sites (default /var/cache/magistere/site)
#   MAGISTERE_SITE_PORT            port to listen on (default: a free one, the previous one when free)
#   MAGISTERE_SITE_FPM_CHILDREN    PHP-FPM workers (default 4, static)
#   MAGISTERE_SO                   the magistere extension to load (default: built by scripts/build.sh)
#   MAGISTERE_SITE_DATA            size of the test data: small (default) or a number of participants per parcours
# Variables of a running site (site.env in the state folder, printed by `env`):
#   MAGISTERE_SITE_URL, MAGISTERE_SITE_MANIFEST (JSON: users and passwords, courses, groups), MAGISTERE_SITE_CODE
#   (the Moodle tree served), MAGISTERE_SITE_DATAROOT, MAGISTERE_SITE_LOGS (folder of the nginx, PHP-FPM and PHP
#   logs), MAGISTERE_SITE_NGINX_PID, MAGISTERE_SITE_FPM_PID, and the MAGISTERE_TEST_* variables of its MariaDB.
set -uo pipefail

{
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"
# shellcheck source=scripts/lib/deps.sh
. "$root/scripts/lib/deps.sh"
# shellcheck source=scripts/lib/mariadb.sh
. "$root/scripts/lib/mariadb.sh"

SITE_CACHE=${MAGISTERE_SITE_CACHE:-/var/cache/magistere/site}
SITE_DB=moodle_site
SITE_ADMIN_PASSWORD='Admin-pass-1'
# Debian packages of the site, beyond scripts/lib/deps.sh.
SITE_PACKAGES=(nginx-light php8.2-fpm php8.2-cli php8.2-curl php8.2-zip php8.2-gd php8.2-soap php8.2-mysql
	php8.2-intl php8.2-mbstring php8.2-xml php8.2-opcache curl rsync locales)

# ------------------------------------------------------------ helpers
is_checkout() {
	[ -f "$1/version.php" ] && [ -f "$1/lib/setup.php" ] && [ -f "$1/admin/cli/install_database.php" ]
}

# The Moodle branch of a checkout (405, 500...).
moodle_branch() {
	sed -n "s/^\$branch *= *'\([0-9]*\)'.*/\1/p" "$1/version.php"
}

# True for a bare site (MAGISTERE_SITE_PLUGIN=no).
bare() {
	case "${MAGISTERE_SITE_PLUGIN:-yes}" in
	yes) return 1 ;;
	no) return 0 ;;
	*) mg_die "MAGISTERE_SITE_PLUGIN must be yes or no, not ${MAGISTERE_SITE_PLUGIN}" ;;
	esac
}

state_dir() {
	local src=${1:-} suffix=""
	bare && suffix=-bare
	if [ -n "${MAGISTERE_SITE_DIR:-}" ]; then
		echo "$MAGISTERE_SITE_DIR"
	elif [ -n "$src" ]; then
		echo "$root/.build/site/$(moodle_branch "$src")$suffix"
	else
		echo "$root/.build/site/${MAGISTERE_SITE_BRANCH:-default}$suffix"
	fi
}

# True if PID is alive and runs COMMAND (its /proc comm starts with it).
alive() {
	local pid=$1 comm=$2 c
	[ -n "$pid" ] && [ -r "/proc/$pid/comm" ] || return 1
	c=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
	[[ "$c" == "$comm"* ]] || return 1
	[ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

# Waits (at most 10 s) until PID, just started in a subshell, has exec'd COMMAND; false if it died first.
started() {
	local pid=$1 comm=$2 deadline=$((SECONDS + 10))
	while [ "$SECONDS" -lt "$deadline" ]; do
		alive "$pid" "$comm" && return 0
		[ -d "/proc/$pid" ] || return 1
		sleep 0.1
	done
	return 1
}

# Sends TERM to PID, waits up to 20 s, then KILL.
stop_pid() {
	local pid=$1 comm=$2 deadline
	alive "$pid" "$comm" || return 0
	kill -TERM "$pid" 2>/dev/null || true
	deadline=$((SECONDS + 20))
	while alive "$pid" "$comm" && [ "$SECONDS" -lt "$deadline" ]; do
		sleep 0.2
	done
	if alive "$pid" "$comm"; then
		mg_log "$comm (pid $pid) did not stop: KILL"
		kill -KILL "$pid" 2>/dev/null || true
	fi
}

free_port() {
	local want=${1:-}
	# shellcheck disable=SC2016 # PHP code in single quotes
	php -n -r '
		$want = (int) ($argv[1] ?? 0);
		$try = $want ? [$want] : [];
		for ($i = 0; $i < 50; $i++) { $try[] = random_int(20000, 32000); }
		foreach ($try as $port) {
			$s = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
			if ($s !== false) { fclose($s); echo $port; exit(0); }
		}
		exit(1);' "$want"
}

# Installs the missing Debian packages. Debian starts a service when its package is installed (nginx on port 80
# of every interface): a policy-rc.d that refuses every start is in place during the install, and removed after.
site_deps() {
	local -a missing
	local policy=/usr/sbin/policy-rc.d made=0 rc=0
	mapfile -t missing < <(mg_deps_missing "${SITE_PACKAGES[@]}" "${MG_DEPS_PACKAGES[@]}")
	[ "${#missing[@]}" -eq 0 ] && return 0
	if [ "$(id -u)" -eq 0 ] && [ ! -e "$policy" ]; then
		printf '#!/bin/sh\n# Written by magistere scripts/site/site.sh during apt-get install; removed after.\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		made=1
	fi
	MAGISTERE_DEPS_EXTRA="${MAGISTERE_DEPS_EXTRA:-} ${missing[*]}" mg_deps_install || rc=$?
	[ "$made" -eq 1 ] && rm -f "$policy"
	return "$rc"
}

# The key of an installed site: Moodle's version, the plugin's version and schema, the setup script, the data size;
# for a bare site, Moodle's version only.
site_key() {
	local src=$1
	{
		cat "$src/version.php"
		if bare; then
			echo bare
		else
			(cd "$root/moodle_plugin" && find version.php db -type f -print0 | LC_ALL=C sort -z | xargs -0 cat)
			cat "$here/setup.php"
			echo "${MAGISTERE_SITE_DATA:-small}"
		fi
	} | sha1sum | cut -c1-16
}

write_env() {
	local f=$STATE/site.env
	{
		printf 'MAGISTERE_SITE_URL=%q\n' "$URL"
		printf 'MAGISTERE_SITE_PORT=%q\n' "$PORT"
		printf 'MAGISTERE_SITE_DIR=%q\n' "$STATE"
		printf 'MAGISTERE_SITE_CODE=%q\n' "$STATE/code"
		printf 'MAGISTERE_SITE_DATAROOT=%q\n' "$STATE/dataroot"
		printf 'MAGISTERE_SITE_LOGS=%q\n' "$STATE/logs"
		printf 'MAGISTERE_SITE_MANIFEST=%q\n' "$STATE/manifest.json"
		printf 'MAGISTERE_SITE_MOODLE=%q\n' "$SRC"
		printf 'MAGISTERE_SITE_RELEASE=%q\n' "$RELEASE"
		printf 'MAGISTERE_SITE_SO=%q\n' "$SO"
		printf 'MAGISTERE_SITE_NGINX_PID=%q\n' "${NGINX_PID:-}"
		printf 'MAGISTERE_SITE_FPM_PID=%q\n' "${FPM_PID:-}"
		printf 'MAGISTERE_SITE_ADMIN_PASSWORD=%q\n' "$SITE_ADMIN_PASSWORD"
		local v
		for v in MAGISTERE_MARIADB_DIR MAGISTERE_MARIADB_PID MAGISTERE_TEST_HOST MAGISTERE_TEST_PORT \
			MAGISTERE_TEST_SOCKET MAGISTERE_TEST_USER MAGISTERE_TEST_PASSWORD MAGISTERE_TEST_DB MAGISTERE_TEST_CNF; do
			printf '%s=%q\n' "$v" "${!v:-}"
		done
	} >"$f.part" && mv "$f.part" "$f"
}

load_env() {
	local f=$STATE/site.env
	[ -f "$f" ] || return 1
	# shellcheck disable=SC1090
	. "$f"
	export MAGISTERE_MARIADB_DIR MAGISTERE_MARIADB_PID MAGISTERE_TEST_HOST MAGISTERE_TEST_PORT MAGISTERE_TEST_SOCKET \
		MAGISTERE_TEST_USER MAGISTERE_TEST_PASSWORD MAGISTERE_TEST_DB MAGISTERE_TEST_CNF
}

# True if the site of STATE runs (its nginx, PHP-FPM and MariaDB are alive).
running() {
	load_env 2>/dev/null || return 1
	alive "${MAGISTERE_SITE_NGINX_PID:-}" nginx && alive "${MAGISTERE_SITE_FPM_PID:-}" php-fpm &&
		_mg_mariadb_alive "${MAGISTERE_MARIADB_PID:-}"
}

sql() {
	mariadb --defaults-file="$MAGISTERE_TEST_CNF" "$@"
}

# PHP CLI on the site's tree, with the extension.
site_php() {
	(cd "$STATE/code" && php -d "extension=$SO" -d max_input_vars=5000 -d memory_limit=512M "$@")
}

write_config() {
	cat >"$STATE/code/config.php" <<EOF
<?php // Written by scripts/site/site.sh at each start; throwaway test site on loopback.
unset(\$CFG);
global \$CFG;
\$CFG = new stdClass();
\$CFG->dbtype    = 'mariadb';
\$CFG->dblibrary = 'native';
\$CFG->dbhost    = '127.0.0.1';
\$CFG->dbname    = '$SITE_DB';
\$CFG->dbuser    = '$MAGISTERE_TEST_USER';
\$CFG->dbpass    = '$MAGISTERE_TEST_PASSWORD';
\$CFG->prefix    = 'mdl_';
\$CFG->dboptions = ['dbport' => $MAGISTERE_TEST_PORT, 'dbcollation' => 'utf8mb4_unicode_ci'];
\$CFG->wwwroot   = '$URL';
\$CFG->dataroot  = '$STATE/dataroot';
\$CFG->admin     = 'admin';
\$CFG->directorypermissions = 02777;
\$CFG->noemailever = true;
\$CFG->debug = E_ALL;
\$CFG->debugdisplay = 0;
\$CFG->preventexecpath = true;
\$CFG->disableupdatenotifications = true;
$(bare || echo "\$CFG->disableupdateautodeploy = true;")
require_once(__DIR__ . '/lib/setup.php');
EOF
}

write_server_configs() {
	mkdir -p "$STATE/logs" "$STATE/run/nginx"
	cat >"$STATE/run/fpm.conf" <<EOF
; Written by scripts/site/site.sh: the pool of the magistere test site.
[global]
pid = $STATE/run/fpm.pid
error_log = $STATE/logs/fpm.log
daemonize = no

[magistere]
user = $(id -un)
group = $(id -gn)
listen = $STATE/run/fpm.sock
listen.mode = 0600
pm = static
pm.max_children = ${MAGISTERE_SITE_FPM_CHILDREN:-4}
catch_workers_output = yes
clear_env = yes
; One line per request: end time, worker PID, status, milliseconds, peak memory (KB), method and URI (load tests).
access.log = $STATE/logs/fpm-access.log
access.format = "%{%s}T %p %s %{mili}d %{kilo}M %m %r%Q%q"
php_admin_value[extension] = $SO
php_admin_value[max_input_vars] = 5000
php_admin_value[memory_limit] = 256M
php_admin_value[error_log] = $STATE/logs/php.log
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
EOF
	cat >"$STATE/run/nginx.conf" <<EOF
# Written by scripts/site/site.sh: the magistere test site, on 127.0.0.1 only.
worker_processes 2;
pid $STATE/run/nginx.pid;
error_log $STATE/logs/nginx-error.log warn;
$( [ "$(id -u)" -eq 0 ] && echo "user root root;" )
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $STATE/logs/nginx-access.log;
    client_body_temp_path $STATE/run/nginx/body;
    fastcgi_temp_path $STATE/run/nginx/fastcgi;
    proxy_temp_path $STATE/run/nginx/proxy;
    uwsgi_temp_path $STATE/run/nginx/uwsgi;
    scgi_temp_path $STATE/run/nginx/scgi;
    client_max_body_size 64m;
    sendfile on;
    server {
        listen 127.0.0.1:$PORT;
        server_name 127.0.0.1;
        root $STATE/code;
        index index.php;
        location ~ /\. { return 404; }
        location ~ (/vendor/|/node_modules/|composer\.json|composer\.lock|/readme|/README|readme\.txt|/upgrade\.txt|/UPGRADING\.md|/db/install\.xml|/fixtures/|/behat/|phpunit\.xml|environment\.xml|/config\.php\.) { return 404; }
        location ~ [^/]\.php(/|\$) {
            fastcgi_split_path_info ^(.+\.php)(/.+)\$;
            fastcgi_index index.php;
            fastcgi_pass unix:$STATE/run/fpm.sock;
            include /etc/nginx/fastcgi_params;
            fastcgi_param PATH_INFO \$fastcgi_path_info;
            fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
            fastcgi_read_timeout 300;
        }
        location / { try_files \$uri \$uri/ =404; }
    }
}
EOF
}

# Stops what this script started (or what the state file records): nginx, PHP-FPM, MariaDB.
stop_all() {
	# The processes this run started (their PIDs are in the shell), then those the state file records.
	stop_pid "${NGINX_PID:-}" nginx
	stop_pid "${FPM_PID:-}" php-fpm
	if [ -n "${MAGISTERE_MARIADB_DIR:-}" ]; then
		mg_mariadb_stop
	fi
	if load_env 2>/dev/null; then
		stop_pid "${MAGISTERE_SITE_NGINX_PID:-}" nginx
		stop_pid "${MAGISTERE_SITE_FPM_PID:-}" php-fpm
		if [ -n "${MAGISTERE_MARIADB_DIR:-}" ]; then
			mg_mariadb_stop
		fi
	fi
	unset MAGISTERE_SITE_NGINX_PID MAGISTERE_SITE_FPM_PID NGINX_PID FPM_PID
	rm -f "$STATE/site.env" "$STATE/run/fpm.sock"
}

# ------------------------------------------------------------ start
start() {
	local key dump datatar marker
	SRC=${MOODLE_DIR:-}
	[ -n "$SRC" ] || mg_die "MOODLE_DIR must name a Moodle 4.5 or 5.0 checkout"
	is_checkout "$SRC" || mg_die "MOODLE_DIR=$SRC is not a Moodle checkout (no version.php, lib/setup.php, admin/cli/install_database.php)"
	SRC=$(cd "$SRC" && pwd -P)
	STATE=$(state_dir "$SRC")
	mkdir -p "$STATE" || return 1
	STATE=$(cd "$STATE" && pwd -P)
	if running; then
		echo "$MAGISTERE_SITE_URL"
		return 0
	fi
	stop_all   # leftovers of a site that died
	RELEASE=$(sed -n "s/^\$release *= *'\([^']*\)'.*/\1/p" "$SRC/version.php")
	mg_log "Moodle $RELEASE from $SRC, state in $STATE"

	site_deps || return 1
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || mg_die "nginx is not installed"
	command -v php-fpm8.2 >/dev/null 2>&1 || [ -x /usr/sbin/php-fpm8.2 ] || mg_die "php-fpm8.2 is not installed"
	if ! locale -a 2>/dev/null | grep -qi '^en_AU\.utf-\?8$' && [ "$(id -u)" -eq 0 ]; then
		grep -q '^en_AU.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'en_AU.UTF-8 UTF-8' >>/etc/locale.gen
		locale-gen >/dev/null 2>&1 || true
	fi
	SO=${MAGISTERE_SO:-}
	if [ -z "$SO" ]; then
		SO=$("$root/scripts/build.sh") || mg_die "the magistere extension does not build"
	fi
	[ -f "$SO" ] || mg_die "no extension at $SO"

	trap 'stop_all' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mg_mariadb_start || return 1
	local previous=""
	[ -f "$STATE/port" ] && previous=$(cat "$STATE/port")
	PORT=${MAGISTERE_SITE_PORT:-$(free_port "$previous")} || mg_die "no free port on 127.0.0.1"
	echo "$PORT" >"$STATE/port"
	URL="http://127.0.0.1:$PORT"

	# The code: the checkout with the plugin as local/magistere (rsync: only changes).
	mkdir -p "$STATE/code"
	rsync -a --delete --exclude=/config.php --exclude=/local/magistere/ "$SRC/" "$STATE/code/" || return 1
	if bare; then
		# The plugin's installer writes it there: nothing of an earlier run stays.
		rm -rf "$STATE/code/local/magistere"
	else
		rsync -a --delete "$root/moodle_plugin/" "$STATE/code/local/magistere/" || return 1
	fi
	[ -d "$STATE/code/vendor" ] || [ ! -f "$STATE/code/composer.json" ] ||
		mg_log "note: the checkout has no vendor/ folder; Moodle runs without its development packages"
	write_config

	sql -e "DROP DATABASE IF EXISTS \`$SITE_DB\`; CREATE DATABASE \`$SITE_DB\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" ||
		return 1
	key=$(site_key "$SRC")
	mkdir -p "$SITE_CACHE"
	dump=$SITE_CACHE/site-$key.sql.gz
	datatar=$SITE_CACHE/site-$key.dataroot.tar.gz
	marker=$SITE_CACHE/site-$key.manifest.json
	rm -rf "$STATE/dataroot"
	# logs/ too: a new state folder restored from the cache writes its first log here.
	mkdir -p "$STATE/dataroot" "$STATE/logs"
	if [ -f "$dump" ] && [ -f "$datatar" ] && [ -f "$marker" ]; then
		mg_log "restoring the installed site ($key)"
		gunzip -c "$dump" | sql "$SITE_DB" || return 1
		tar -xzf "$datatar" -C "$STATE/dataroot" || return 1
		cp "$marker" "$STATE/manifest.json"
		site_php admin/cli/purge_caches.php >"$STATE/logs/purge.log" 2>&1 || {
			mg_log "purging the caches failed:"; tail -n 20 "$STATE/logs/purge.log" >&2; return 1; }
	else
		mg_log "installing Moodle (a few minutes; cached afterwards)"
		site_php admin/cli/install_database.php --agree-license --lang=en --adminuser=admin \
			--adminpass="$SITE_ADMIN_PASSWORD" --adminemail=admin@example.invalid \
			--fullname="magistere test site" --shortname=magistere --summary="Throwaway test site" \
			>"$STATE/logs/install.log" 2>&1 || {
			mg_log "installing Moodle failed:"; tail -n 30 "$STATE/logs/install.log" >&2; return 1; }
		if bare; then
			# shellcheck disable=SC2016 # PHP code in single quotes
			php -n -r 'echo json_encode(["bare" => true, "users" => [], "courses" => [], "release" => $argv[1],
				"branch" => $argv[2]], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";' \
				"$RELEASE" "$(moodle_branch "$SRC")-bare" >"$STATE/manifest.json" || return 1
		else
			mg_log "creating the test data (scripts/site/setup.php)"
			site_php "$here/setup.php" --moodle="$STATE/code" --manifest="$STATE/manifest.json" \
				--size="${MAGISTERE_SITE_DATA:-small}" >"$STATE/logs/setup.log" 2>&1 || {
				mg_log "the setup script failed:"; tail -n 30 "$STATE/logs/setup.log" >&2; return 1; }
		fi
		mariadb-dump --defaults-file="$MAGISTERE_TEST_CNF" --single-transaction --skip-lock-tables "$SITE_DB" |
			gzip -1 >"$dump.part" && mv "$dump.part" "$dump"
		tar -czf "$datatar.part" -C "$STATE/dataroot" --exclude=./cache --exclude=./localcache --exclude=./sessions \
			--exclude=./temp --exclude=./trashdir . && mv "$datatar.part" "$datatar"
		cp "$STATE/manifest.json" "$marker"
	fi

	write_server_configs
	: >"$STATE/logs/fpm.log"
	(exec setsid php-fpm8.2 --nodaemonize -R --fpm-config "$STATE/run/fpm.conf" </dev/null >>"$STATE/logs/fpm.log" 2>&1) &
	FPM_PID=$!
	(exec setsid nginx -c "$STATE/run/nginx.conf" -g 'daemon off;' </dev/null >>"$STATE/logs/nginx-error.log" 2>&1) &
	NGINX_PID=$!
	write_env
	if ! started "$FPM_PID" php-fpm; then
		mg_log "PHP-FPM did not start:"; tail -n 20 "$STATE/logs/fpm.log" >&2; return 1
	fi
	if ! started "$NGINX_PID" nginx; then
		mg_log "nginx did not start:"; tail -n 20 "$STATE/logs/nginx-error.log" >&2; return 1
	fi
	local deadline=$((SECONDS + 60)) code=""
	while [ "$SECONDS" -lt "$deadline" ]; do
		if ! alive "$FPM_PID" php-fpm; then
			mg_log "PHP-FPM stopped:"; tail -n 20 "$STATE/logs/fpm.log" >&2; return 1
		fi
		if ! alive "$NGINX_PID" nginx; then
			mg_log "nginx stopped:"; tail -n 20 "$STATE/logs/nginx-error.log" >&2; return 1
		fi
		code=$(curl -s -o "$STATE/logs/first-page.html" -w '%{http_code}' --max-time 30 "$URL/login/index.php" || true)
		[ "$code" = 200 ] && break
		sleep 0.3
	done
	if [ "$code" != 200 ]; then
		mg_log "the site does not answer (HTTP ${code:-none} on $URL/login/index.php); logs in $STATE/logs"
		tail -n 20 "$STATE/logs/php.log" "$STATE/logs/nginx-error.log" 2>/dev/null >&2
		return 1
	fi
	if ! grep -q 'magistere test site\|login' "$STATE/logs/first-page.html"; then
		mg_log "the login page does not look like Moodle's; see $STATE/logs/first-page.html"
		return 1
	fi
	trap - EXIT INT TERM
	mg_log "Moodle $RELEASE $(bare && echo "(bare, without local_magistere)" || echo "with local_magistere") at $URL" \
		"(nginx $NGINX_PID, PHP-FPM $FPM_PID, MariaDB $MAGISTERE_MARIADB_PID)"
	echo "$URL"
}

# ------------------------------------------------------------ commands
cmd=${1:-}
[ $# -gt 0 ] && shift
if [ -n "${MOODLE_DIR:-}" ] && is_checkout "$MOODLE_DIR"; then
	STATE=$(state_dir "$(cd "$MOODLE_DIR" && pwd -P)")
elif [ -z "${MAGISTERE_SITE_DIR:-}" ] && [ "$(find "$root/.build/site" -mindepth 2 -maxdepth 2 -name site.env 2>/dev/null | wc -l)" -eq 1 ]; then
	# Without MOODLE_DIR: the one site that runs.
	STATE=$(dirname "$(find "$root/.build/site" -mindepth 2 -maxdepth 2 -name site.env)")
else
	STATE=$(state_dir "")
fi
case "$cmd" in
start)
	start
	exit $?
	;;
stop)
	[ -d "$STATE" ] || exit 0
	STATE=$(cd "$STATE" && pwd -P)
	stop_all
	mg_log "stopped ($STATE)"
	;;
status)
	if running; then
		echo "running: $MAGISTERE_SITE_URL (Moodle $MAGISTERE_SITE_RELEASE; nginx $MAGISTERE_SITE_NGINX_PID," \
			"PHP-FPM $MAGISTERE_SITE_FPM_PID, MariaDB $MAGISTERE_MARIADB_PID; state $STATE)"
	else
		echo "stopped ($STATE)"
		exit 1
	fi
	;;
url)
	running || mg_die "the site of $STATE is not running"
	echo "$MAGISTERE_SITE_URL"
	;;
env)
	running || mg_die "the site of $STATE is not running"
	sed 's/^/export /' "$STATE/site.env"
	;;
php)
	running || mg_die "the site of $STATE is not running"
	SO=$MAGISTERE_SITE_SO
	site_php "$@"
	;;
run)
	[ $# -gt 0 ] || mg_die "usage: site.sh run CMD [ARGS...]"
	"$0" start >/dev/null || { "$0" stop; exit 1; }
	rc=0
	(
		# shellcheck disable=SC1091
		eval "$("$0" env)"
		"$@"
	) || rc=$?
	"$0" stop
	exit "$rc"
	;;
-h|--help|help|"")
	sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
	[ -n "$cmd" ]
	exit $?
	;;
*)
	mg_die "unknown command $cmd (start, stop, status, url, env, php, run)"
	;;
esac
exit 0
}
