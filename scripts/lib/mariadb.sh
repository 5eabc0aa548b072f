# shellcheck shell=bash
# A throwaway MariaDB server for the tests, from Debian's mariadb-server package (no systemd).
#
#   source scripts/lib/mariadb.sh
#   mg_mariadb_start    # starts it, exports the MAGISTERE_TEST_* variables below
#   ...
#   mg_mariadb_stop     # stops it (TERM, then KILL) and removes its folder; safe to call twice
#
# The server lives in a fresh `mktemp -d` folder (data, socket, pid file, error log, tmp), listens
# on 127.0.0.1 on a free port, and runs as the calling user (as root: --user=root). The MariaDB root
# account is reachable only through the unix socket by the calling system user. A real admin
# account is created with a random password, and an empty database:
#
#   MAGISTERE_TEST_HOST=127.0.0.1  MAGISTERE_TEST_PORT  MAGISTERE_TEST_SOCKET
#   MAGISTERE_TEST_USER=magistere_admin (ALL PRIVILEGES WITH GRANT OPTION, from 127.0.0.1 and localhost)
#   MAGISTERE_TEST_PASSWORD  MAGISTERE_TEST_DB=magistere_test (utf8mb4, utf8mb4_unicode_ci)
#   MAGISTERE_TEST_CNF       a client option file ([client] host, port, user, password), for
#                            `mariadb --defaults-file="$MAGISTERE_TEST_CNF" "$MAGISTERE_TEST_DB"`
#
# Settings: MAGISTERE_MARIADB_BUFFER_POOL (default 256M), MAGISTERE_MARIADB_START_TIMEOUT (seconds,
# default 60), MAGISTERE_MARIADB_STOP_TIMEOUT (seconds before KILL, default 30).
# Internal state: MAGISTERE_MARIADB_DIR, MAGISTERE_MARIADB_PID.

# True if PID is a live (not zombie) mariadbd process.
_mg_mariadb_alive() {
	local pid=$1 stat comm
	[ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
	comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
	[ "$comm" = "mariadbd" ] || [ "$comm" = "mysqld" ] || return 1
	stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
	stat=${stat##*) }
	[ "${stat%% *}" != "Z" ]
}

# Prints a TCP port of 127.0.0.1 that nothing listens on, below Linux's ephemeral range.
_mg_mariadb_free_port() {
	# shellcheck disable=SC2016 # PHP code in single quotes
	php -n -r '
		for ($i = 0; $i < 50; $i++) {
			$port = random_int(20000, 32000);
			$s = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr);
			if ($s !== false) {
				fclose($s);
				echo $port;
				exit(0);
			}
		}
		exit(1);'
}

_mg_mariadb_client() {
	mariadb --no-defaults --protocol=socket --socket="$MAGISTERE_MARIADB_DIR/mariadbd.sock" \
		-uroot --batch --skip-column-names "$@"
}

mg_mariadb_start() {
	local dir port pid pw attempt deadline cmd started=0
	local pool=${MAGISTERE_MARIADB_BUFFER_POOL:-256M}
	local start_timeout=${MAGISTERE_MARIADB_START_TIMEOUT:-60}
	local -a user_opt=()

	if [ -n "${MAGISTERE_MARIADB_PID:-}" ] && _mg_mariadb_alive "$MAGISTERE_MARIADB_PID"; then
		echo "[magistere] error: a test MariaDB server is already running (pid $MAGISTERE_MARIADB_PID)" >&2
		return 1
	fi
	for cmd in mariadbd mariadb-install-db mariadb mariadb-admin php; do
		command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || {
			echo "[magistere] error: $cmd not found (Debian: mariadb-server mariadb-client php8.2-cli)" >&2
			return 1
		}
	done
	local mariadbd_bin
	mariadbd_bin=$(command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd)
	[ "$(id -u)" -eq 0 ] && user_opt=(--user=root)

	dir=$(mktemp -d "${TMPDIR:-/tmp}/magistere-mariadb.XXXXXX") || return 1
	: >"$dir/.magistere-mariadb"
	mkdir "$dir/data" "$dir/tmp"
	export MAGISTERE_MARIADB_DIR=$dir

	if ! mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$dir/data" \
			--auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
			--innodb-log-file-size=48M \
			>"$dir/install.log" 2>&1; then
		echo "[magistere] error: mariadb-install-db failed:" >&2
		cat "$dir/install.log" >&2
		mg_mariadb_stop
		return 1
	fi

	for attempt in 1 2 3; do
		[ "$attempt" -gt 1 ] && echo "[magistere] start attempt $attempt" >&2
		if ! port=$(_mg_mariadb_free_port); then
			echo "[magistere] error: no free TCP port found on 127.0.0.1" >&2
			mg_mariadb_stop
			return 1
		fi
		: >"$dir/error.log"
		# A subshell: the server is not a child of this shell (so no zombie to reap), and
		# setsid keeps a Ctrl-C on the terminal away from it; mg_mariadb_stop stops it.
		(
			exec setsid "$mariadbd_bin" --no-defaults "${user_opt[@]}" \
				--datadir="$dir/data" --tmpdir="$dir/tmp" \
				--socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid" \
				--log-error="$dir/error.log" \
				--port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
				--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
				--innodb-buffer-pool-size="$pool" --innodb-log-file-size=48M \
				--innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 \
				--innodb-buffer-pool-dump-at-shutdown=0 --innodb-buffer-pool-load-at-startup=0 \
				--skip-log-bin --max-allowed-packet=64M --max-connections=200 \
				</dev/null >"$dir/mariadbd.out" 2>&1
		) &
		pid=$!
		export MAGISTERE_MARIADB_PID=$pid

		deadline=$((SECONDS + start_timeout))
		while [ "$SECONDS" -lt "$deadline" ]; do
			if ! _mg_mariadb_alive "$pid"; then
				# The subshell may still be exec'ing: give it a moment before judging.
				sleep 0.2
				_mg_mariadb_alive "$pid" || break
			fi
			if mariadb-admin --no-defaults --protocol=socket --socket="$dir/mariadbd.sock" \
					-uroot --connect-timeout=2 ping >/dev/null 2>&1; then
				started=1
				break
			fi
			sleep 0.2
		done
		[ "$started" -eq 1 ] && break
		if _mg_mariadb_alive "$pid"; then
			echo "[magistere] error: MariaDB did not answer within ${start_timeout}s; its log:" >&2
			cat "$dir/error.log" >&2
			mg_mariadb_stop
			return 1
		fi
		wait "$pid" 2>/dev/null || true
		if grep -qi "address already in use" "$dir/error.log"; then
			echo "[magistere] port $port is taken, trying another one" >&2
			continue
		fi
		echo "[magistere] error: MariaDB exited at start; its log:" >&2
		cat "$dir/error.log" "$dir/mariadbd.out" >&2
		mg_mariadb_stop
		return 1
	done
	if [ "$started" -ne 1 ]; then
		echo "[magistere] error: MariaDB could not start (ports in use)" >&2
		mg_mariadb_stop
		return 1
	fi

	pw=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
	[ "${#pw}" -eq 24 ] || { echo "[magistere] error: cannot make a password" >&2; mg_mariadb_stop; return 1; }
	# The password is made here of [A-Za-z0-9] only; nothing from outside reaches this SQL.
	if ! _mg_mariadb_client >"$dir/setup.log" 2>&1 <<SQL
CREATE USER 'magistere_admin'@'127.0.0.1' IDENTIFIED BY '$pw';
CREATE USER 'magistere_admin'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'magistere_admin'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'magistere_admin'@'localhost' WITH GRANT OPTION;
CREATE DATABASE magistere_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
	then
		echo "[magistere] error: cannot create the test account and database:" >&2
		cat "$dir/setup.log" >&2
		mg_mariadb_stop
		return 1
	fi

	(umask 077 && printf '[client]\nhost=127.0.0.1\nport=%s\nuser=magistere_admin\npassword=%s\n' \
		"$port" "$pw" >"$dir/client.cnf")

	export MAGISTERE_TEST_HOST=127.0.0.1
	export MAGISTERE_TEST_PORT=$port
	export MAGISTERE_TEST_SOCKET=$dir/mariadbd.sock
	export MAGISTERE_TEST_USER=magistere_admin
	export MAGISTERE_TEST_PASSWORD=$pw
	export MAGISTERE_TEST_DB=magistere_test
	export MAGISTERE_TEST_CNF=$dir/client.cnf

	# The admin account works over TCP, with its password, on the new database.
	if ! mariadb --defaults-file="$dir/client.cnf" --protocol=tcp --batch --skip-column-names \
			-e 'SELECT @@character_set_database, @@collation_database' magistere_test \
			>"$dir/check.log" 2>&1 ||
			! grep -q '^utf8mb4[[:space:]]utf8mb4_unicode_ci$' "$dir/check.log"; then
		echo "[magistere] error: the test account cannot use magistere_test over TCP:" >&2
		cat "$dir/check.log" >&2
		mg_mariadb_stop
		return 1
	fi
	echo "[magistere] MariaDB $(_mg_mariadb_client -e 'SELECT VERSION()') on 127.0.0.1:$port (pid $pid, $dir)" >&2
}

mg_mariadb_stop() {
	local dir=${MAGISTERE_MARIADB_DIR:-} pid=${MAGISTERE_MARIADB_PID:-}
	local stop_timeout=${MAGISTERE_MARIADB_STOP_TIMEOUT:-30} deadline

	if [ -n "$pid" ] && _mg_mariadb_alive "$pid"; then
		kill -TERM "$pid" 2>/dev/null || true
		deadline=$((SECONDS + stop_timeout))
		while _mg_mariadb_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do
			sleep 0.2
		done
		if _mg_mariadb_alive "$pid"; then
			echo "[magistere] MariaDB (pid $pid) did not stop within ${stop_timeout}s: KILL" >&2
			kill -KILL "$pid" 2>/dev/null || true
			deadline=$((SECONDS + 10))
			while _mg_mariadb_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do
				sleep 0.2
			done
		fi
	fi
	if [ -n "$pid" ]; then
		wait "$pid" 2>/dev/null || true
	fi
	# Only a folder made by mg_mariadb_start (it holds the marker file) is removed.
	if [ -n "$dir" ] && [ -d "$dir" ] && [ -f "$dir/.magistere-mariadb" ]; then
		rm -rf -- "$dir"
	fi
	unset MAGISTERE_MARIADB_DIR MAGISTERE_MARIADB_PID MAGISTERE_TEST_HOST MAGISTERE_TEST_PORT \
		MAGISTERE_TEST_SOCKET MAGISTERE_TEST_USER MAGISTERE_TEST_PASSWORD MAGISTERE_TEST_DB \
		MAGISTERE_TEST_CNF
	return 0
}
