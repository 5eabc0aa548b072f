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
#
# The server writes a binary log (server id 1, row format), so that a test can start a read replica
# of it:
#
#   mg_mariadb_replica_start 'mgt_mysql_replica%'   # prints "PORT SOCKET DIR PID" of a second server
#   mg_mariadb_replica_stop DIR PID                  # stops it and removes its folder
#
# The replica replicates the databases matching the pattern (LIKE syntax), from the primary's
# current position (so only what is written after it starts), and has the primary's admin account
# (MAGISTERE_TEST_USER/PASSWORD). Its root account is reachable through its socket, as the
# primary's: a test may write to it directly (a row only the replica has) or stop its replication
# (STOP SLAVE), to see which server a read goes to and how a lagging replica is handled.

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
				--log-bin="$dir/tmp/binlog" --server-id=1 --binlog-format=ROW --expire-logs-days=1 \
				--max-allowed-packet=64M --max-connections=200 \
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

# Starts a read replica of the running test server (see the header). Needs mg_mariadb_start's
# variables (MAGISTERE_MARIADB_DIR, MAGISTERE_TEST_*); prints "PORT SOCKET DIR PID".
mg_mariadb_replica_start() {
	local pattern=${1:?usage: mg_mariadb_replica_start DB_PATTERN} primary=${MAGISTERE_MARIADB_DIR:-}
	local dir port pid pw file pos deadline started=0 mariadbd_bin
	local -a user_opt=()

	if [ -z "$primary" ] || [ ! -S "$primary/mariadbd.sock" ]; then
		echo "[magistere] error: no test MariaDB server to replicate (run mg_mariadb_start)" >&2
		return 1
	fi
	[[ $pattern =~ ^[a-z0-9_%]+$ ]] || { echo "[magistere] error: bad replication pattern '$pattern'" >&2; return 1; }
	mariadbd_bin=$(command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd)
	[ "$(id -u)" -eq 0 ] && user_opt=(--user=root)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/magistere-mariadb.XXXXXX") || return 1
	: >"$dir/.magistere-mariadb"
	mkdir "$dir/data" "$dir/tmp"
	if ! mariadb-install-db --no-defaults "${user_opt[@]}" --datadir="$dir/data" \
			--auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
			--innodb-log-file-size=48M >"$dir/install.log" 2>&1; then
		echo "[magistere] error: mariadb-install-db failed for the replica:" >&2
		cat "$dir/install.log" >&2
		rm -rf -- "$dir"
		return 1
	fi
	port=$(_mg_mariadb_free_port) || { rm -rf -- "$dir"; return 1; }
	(
		exec setsid "$mariadbd_bin" --no-defaults "${user_opt[@]}" \
			--datadir="$dir/data" --tmpdir="$dir/tmp" \
			--socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
			--port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
			--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
			--innodb-buffer-pool-size=128M --innodb-log-file-size=48M \
			--innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --skip-log-bin \
			--server-id=2 --replicate-wild-do-table="$pattern.%" --max-connections=100 \
			</dev/null >"$dir/mariadbd.out" 2>&1
	) &
	pid=$!
	deadline=$((SECONDS + ${MAGISTERE_MARIADB_START_TIMEOUT:-60}))
	while [ "$SECONDS" -lt "$deadline" ]; do
		if mariadb-admin --no-defaults --protocol=socket --socket="$dir/mariadbd.sock" \
				-uroot --connect-timeout=2 ping >/dev/null 2>&1; then
			started=1
			break
		fi
		_mg_mariadb_alive "$pid" || { sleep 0.2; _mg_mariadb_alive "$pid" || break; }
		sleep 0.2
	done
	if [ "$started" -ne 1 ]; then
		echo "[magistere] error: the replica did not start; its log:" >&2
		cat "$dir/error.log" >&2
		mg_mariadb_replica_stop "$dir" "$pid"
		return 1
	fi
	pw=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
	# The replication account on the primary; the admin account on the replica (its password is
	# made of [A-Za-z0-9] by mg_mariadb_start). Nothing from outside reaches this SQL.
	[[ $MAGISTERE_TEST_PASSWORD =~ ^[A-Za-z0-9]+$ ]] || { mg_mariadb_replica_stop "$dir" "$pid"; return 1; }
	if ! _mg_mariadb_client >"$dir/primary.log" 2>&1 <<SQL
CREATE USER IF NOT EXISTS 'magistere_repl'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER 'magistere_repl'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT REPLICATION SLAVE ON *.* TO 'magistere_repl'@'127.0.0.1';
SQL
	then
		cat "$dir/primary.log" >&2
		mg_mariadb_replica_stop "$dir" "$pid"
		return 1
	fi
	read -r file pos < <(_mg_mariadb_client -e 'SHOW MASTER STATUS' | cut -f1,2)
	[[ $file =~ ^[A-Za-z0-9._-]+$ && $pos =~ ^[0-9]+$ ]] || {
		echo "[magistere] error: the primary writes no binary log" >&2
		mg_mariadb_replica_stop "$dir" "$pid"
		return 1
	}
	if ! mariadb --no-defaults --protocol=socket --socket="$dir/mariadbd.sock" -uroot --batch \
			>"$dir/setup.log" 2>&1 <<SQL
CREATE USER 'magistere_admin'@'127.0.0.1' IDENTIFIED BY '$MAGISTERE_TEST_PASSWORD';
CREATE USER 'magistere_admin'@'localhost' IDENTIFIED BY '$MAGISTERE_TEST_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO 'magistere_admin'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'magistere_admin'@'localhost' WITH GRANT OPTION;
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$MAGISTERE_TEST_PORT, MASTER_USER='magistere_repl',
	MASTER_PASSWORD='$pw', MASTER_LOG_FILE='$file', MASTER_LOG_POS=$pos, MASTER_CONNECT_RETRY=1;
START SLAVE;
SQL
	then
		cat "$dir/setup.log" >&2
		mg_mariadb_replica_stop "$dir" "$pid"
		return 1
	fi
	echo "$port $dir/mariadbd.sock $dir $pid"
}

# Stops a replica started by mg_mariadb_replica_start and removes its folder.
mg_mariadb_replica_stop() {
	local dir=${1:?usage: mg_mariadb_replica_stop DIR PID} pid=${2:?usage: mg_mariadb_replica_stop DIR PID} deadline
	if _mg_mariadb_alive "$pid"; then
		kill -TERM "$pid" 2>/dev/null || true
		deadline=$((SECONDS + ${MAGISTERE_MARIADB_STOP_TIMEOUT:-30}))
		while _mg_mariadb_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do
			sleep 0.2
		done
		_mg_mariadb_alive "$pid" && kill -KILL "$pid" 2>/dev/null
	fi
	if [ -d "$dir" ] && [ -f "$dir/.magistere-mariadb" ]; then
		rm -rf -- "$dir"
	fi
	return 0
}
