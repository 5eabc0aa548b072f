#!/usr/bin/env bash
# The load and fault test of issue 14 (docs/reliability.md): a real Moodle site with local_magistere under PHP-FPM
# (scripts/site/site.sh: nginx + php8.2-fpm + a throwaway MariaDB, on 127.0.0.1 only), many users at once, and the
# faults a production site meets, while the load runs.
#
#   MOODLE_DIR=/var/cache/magistere/moodle-5.0 scripts/loadtest.sh
#   MOODLE_DIR=... MAGISTERE_LOAD_DURATION=120 MAGISTERE_LOAD_FAULTS=0 scripts/loadtest.sh    a short run, no fault
#
# What it does:
#  1. starts the site with MAGISTERE_SITE_DATA participants per parcours (default 1000: "lecture" and "maths" have
#     1,000 participants each, 1,500 teachers in all; the first start installs it, minutes, then it is cached);
#  2. makes it look like a production site: Moodle and the extension connect with an account of their own that has
#     the privileges of the site's database only (so that read_only applies to it), with persistent links
#     (dboptions['dbpersist']); the export folder is a small tmpfs mounted for the run;
#  3. runs scripts/load/loadgen.php: 20 trainers, 150 participants, 10 inspectors and 2 statisticians, each logged
#     in through Moodle's login form with his own session (the logins spread over MAGISTERE_LOAD_RAMP seconds,
#     default 300), then MAGISTERE_LOAD_DURATION seconds of load (default 600), with think times (below), and a
#     race of two trainers on the same marks every MAGISTERE_LOAD_RACE_EVERY seconds; meanwhile the export tasks
#     run every 30 s from the command line, as cron runs them;
#  4. samples every 5 s the memory of each PHP-FPM worker (RSS, PSS), every 10 s the engine's own memory in each
#     worker (scripts/load/probe.php, served by the pool for the run only: RSS and the resident models' bytes of the
#     worker that answers, asked 3 times per worker so that each one answers), every 2 s the server's connections;
#  5. MAGISTERE_LOAD_FAULTS_AT seconds after the logins (default 240), one fault after the other, each in its window:
#     KILL of the site's connections, a lock wait timeout (row locks held, innodb_lock_wait_timeout 2 s),
#     the server read-only, max_connections reached, MariaDB restarted, the export folder full, then read-only;
#  6. checks the marks' audit in the database, the PHP-FPM log (no worker died on a signal), the export folder (no
#     temporary file left, every export file complete), and writes the report (scripts/load/report.php).
#
# Exit status 0 when every check passed. Results in MAGISTERE_LOAD_OUT (default .build/loadtest/<time>-<branch>):
# report.md, requests.csv, marks.csv, faults.csv, rss.csv, probe.csv, connections.csv, exports.csv, audit.json, logs/.
#
# Settings (environment):
#   MOODLE_DIR                      Moodle 4.5 or 5.0 checkout (required)
#   MAGISTERE_LOAD_RAMP             seconds over which the users log in (default 300)
#   MAGISTERE_LOAD_DURATION         seconds of load after the logins (default 600)
#   MAGISTERE_LOAD_MAX_REQUESTS     bound on the requests sent (default 100000)
#   MAGISTERE_LOAD_FAULTS           1 (default) runs the fault matrix, 0 does not
#   MAGISTERE_LOAD_FAULTS_AT        seconds after the logins when the first fault starts (default 240)
#   MAGISTERE_LOAD_USERS            "trainers participants inspectors statisticians" (default "20 150 10 2")
#   MAGISTERE_LOAD_THINK            mean think times in seconds, same order (default "60 180 90 120")
#   MAGISTERE_LOAD_RACE_EVERY       seconds between two races of trainers on the same marks (default 30)
#   MAGISTERE_LOAD_DBPERSIST        1 (default): persistent links (Moodle's and the extension's); 0: not
#   MAGISTERE_LOAD_RESIDENT_MEMORY  magistere.resident_memory of the workers for the run, in MB with an M (default
#                                   24M: a budget the run fills, so that it shows where a worker's memory levels off
#                                   and runs the eviction under load; docs/reliability.md); "default": the
#                                   extension's own default (128M), which a 20-minute run on this data does not fill
#   MAGISTERE_LOAD_KEEP             1: leave the site running at the end (stop it with scripts/site/site.sh stop)
#   MAGISTERE_LOAD_OUT              results folder
#   MAGISTERE_SITE_FPM_CHILDREN     PHP-FPM workers (default 4 here: 2 cores, see docs/reliability.md)
#   MAGISTERE_SITE_DATA             participants per parcours (default 1000)
# shellcheck disable=SC2317 # the fault_* functions are called through "fault_$name"
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
# shellcheck source=scripts/lib/common.sh
. "$root/scripts/lib/common.sh"

[ -n "${MOODLE_DIR:-}" ] || mg_die "MOODLE_DIR must name a Moodle 4.5 or 5.0 checkout"
[ "$(id -u)" -eq 0 ] || mg_die "the load test mounts a tmpfs for the export folder: run it as root"

export MAGISTERE_SITE_DATA=${MAGISTERE_SITE_DATA:-1000}
export MAGISTERE_SITE_FPM_CHILDREN=${MAGISTERE_SITE_FPM_CHILDREN:-4}
RAMP=${MAGISTERE_LOAD_RAMP:-300}
DURATION=${MAGISTERE_LOAD_DURATION:-600}
MAXREQ=${MAGISTERE_LOAD_MAX_REQUESTS:-100000}
FAULTS=${MAGISTERE_LOAD_FAULTS:-1}
FAULTS_AT=${MAGISTERE_LOAD_FAULTS_AT:-240}
read -r N_TRAINERS N_PARTICIPANTS N_INSPECTORS N_STATS <<<"${MAGISTERE_LOAD_USERS:-20 150 10 2}"
read -r T_TRAINER T_PARTICIPANT T_INSPECTOR T_STATS <<<"${MAGISTERE_LOAD_THINK:-60 180 90 120}"
RACE_EVERY=${MAGISTERE_LOAD_RACE_EVERY:-30}
# The export faults last long enough for one export run (every 30 s, up to ~15 s long on a busy machine) to start
# and end inside them: 45 s was too short once (the run that overlapped the start failed cleanly, the next one
# overlapped the end).
EXPORT_HOLD=75
DBPERSIST=${MAGISTERE_LOAD_DBPERSIST:-1}
RESIDENT=${MAGISTERE_LOAD_RESIDENT_MEMORY:-24M}
[[ "$RESIDENT" =~ ^([0-9]+M|default)$ ]] || mg_die "MAGISTERE_LOAD_RESIDENT_MEMORY must be a number of MB with an M (24M) or default"
branch=$(sed -n "s/^\$branch *= *'\([0-9]*\)'.*/\1/p" "$MOODLE_DIR/version.php")
OUT=${MAGISTERE_LOAD_OUT:-$root/.build/loadtest/$(date +%Y%m%d-%H%M%S)-$branch}
mkdir -p "$OUT/logs" || exit 1
OUT=$(cd "$OUT" && pwd -P)
SITE="$root/scripts/site/site.sh"
DBACCOUNT=moodle_load
EXPORTS=""
PROBE=""
USERINI=""
pids=()

log() {
	printf '[loadtest %s] %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$OUT/loadtest.log" >&2
}

# MariaDB as its root, through the socket (a SUPER account: it still connects when max_connections is reached).
# shellcheck disable=SC2153 # MAGISTERE_MARIADB_DIR comes from "site.sh env", checked after it
sqlroot() {
	mariadb --no-defaults --protocol=socket --socket="$MAGISTERE_MARIADB_DIR/mariadbd.sock" -uroot --batch \
		--skip-column-names --connect-timeout=5 "$@"
}

cleanup() {
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	pids=()
	if [ -n "$PROBE" ]; then
		rm -f "$PROBE"
		PROBE=""
	fi
	if [ -n "$USERINI" ]; then
		rm -f "$USERINI"
		USERINI=""
	fi
	if [ -n "$EXPORTS" ] && mountpoint -q "$EXPORTS"; then
		rm -f "$EXPORTS/filler"
		mount -o remount,rw "$EXPORTS" 2>/dev/null || true
		# Keep what the exports left for the report, then unmount.
		mkdir -p "$OUT/exports"
		cp -a "$EXPORTS/." "$OUT/exports/" 2>/dev/null || true
		umount "$EXPORTS" || log "cannot unmount $EXPORTS"
	fi
	if [ "${MAGISTERE_LOAD_KEEP:-0}" != 1 ]; then
		"$SITE" stop >/dev/null 2>&1 || true
	fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ the site
log "starting the site (Moodle $(sed -n "s/^\$release *= *'\([^']*\)'.*/\1/p" "$MOODLE_DIR/version.php")," \
	"$MAGISTERE_SITE_DATA participants per parcours, $MAGISTERE_SITE_FPM_CHILDREN PHP-FPM workers)"
"$SITE" stop >/dev/null 2>&1 || true
"$SITE" start >"$OUT/logs/site-start.log" 2>&1 || { cat "$OUT/logs/site-start.log" >&2; mg_die "the site does not start"; }
eval "$("$SITE" env)"
: "${MAGISTERE_MARIADB_DIR:?the site gave no MariaDB folder}" "${MAGISTERE_MARIADB_PID:?the site gave no MariaDB pid}"
log "site $MAGISTERE_SITE_URL, PHP-FPM $MAGISTERE_SITE_FPM_PID, MariaDB $MAGISTERE_MARIADB_PID"

# The site's own database account: privileges on its database only (read_only applies to it, it is counted in
# max_connections like any web server), the way a production Moodle connects.
DBPASS=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
sqlroot <<SQL || mg_die "cannot create the site's database account"
CREATE USER '$DBACCOUNT'@'127.0.0.1' IDENTIFIED BY '$DBPASS';
GRANT ALL PRIVILEGES ON \`moodle_site\`.* TO '$DBACCOUNT'@'127.0.0.1';
CREATE USER 'load_filler'@'localhost';
SQL
persist=false
[ "$DBPERSIST" = 1 ] && persist=true
# shellcheck disable=SC2016 # PHP code in single quotes
php -r '
	[$file, $user, $pass, $persist] = array_slice($argv, 1);
	$config = file_get_contents($file);
	$extra = "// Added by scripts/loadtest.sh: the site'\''s own account, persistent links.\n" .
		"\$CFG->dbuser = " . var_export($user, true) . ";\n\$CFG->dbpass = " . var_export($pass, true) . ";\n" .
		"\$CFG->dboptions[\x27dbpersist\x27] = $persist;\n";
	$marker = "require_once(__DIR__ . \x27/lib/setup.php\x27);";
	if (!str_contains($config, $marker)) { exit(1); }
	file_put_contents($file, str_replace($marker, $extra . $marker, $config));
' "$MAGISTERE_SITE_CODE/config.php" "$DBACCOUNT" "$DBPASS" "$persist" || mg_die "cannot adapt config.php"

# The export folder: a 16 MB tmpfs of this run (a full disk and a read-only one are simulated on it, nowhere else).
EXPORTS=$MAGISTERE_SITE_DIR/loadtest-exports
mkdir -p "$EXPORTS"
mountpoint -q "$EXPORTS" && umount "$EXPORTS"
mount -t tmpfs -o size=16m,mode=0750 tmpfs "$EXPORTS" || mg_die "cannot mount a tmpfs on $EXPORTS"
for setting in "exportfolder=$EXPORTS" "academie=LYON" "exportretention=3600"; do
	"$SITE" php admin/cli/cfg.php --component=local_magistere --name="${setting%%=*}" --set="${setting#*=}" \
		>>"$OUT/logs/setup.log" 2>&1 || mg_die "cannot set ${setting%%=*}"
done
"$SITE" php admin/cli/cfg.php --name=cron_enabled --set=1 >>"$OUT/logs/setup.log" 2>&1
"$SITE" php admin/cli/purge_caches.php >>"$OUT/logs/setup.log" 2>&1
# The site answers with the new account.
curl -s -o /dev/null -w '%{http_code}' "$MAGISTERE_SITE_URL/login/index.php" | grep -q 200 ||
	mg_die "the site does not answer with its own database account"
[ "$(sqlroot -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER='$DBACCOUNT'")" -ge 1 ] ||
	[ "$DBPERSIST" != 1 ] || log "note: no persistent link of $DBACCOUNT yet"

# The memory probe (scripts/load/probe.php): in the web root for this run only, under a name drawn at random, so
# that the pool's own workers report the engine's memory (Tracker::memoryUsage()) next to their RSS. It answers
# 127.0.0.1 only and prints numbers only; cleanup() deletes it.
PROBE=$MAGISTERE_SITE_CODE/loadprobe-$(head -c 12 /dev/urandom | od -An -tx1 | tr -dc '0-9a-f').php
install -m 0644 "$here/load/probe.php" "$PROBE" || mg_die "cannot install the memory probe"
PROBE_URL=$MAGISTERE_SITE_URL/$(basename "$PROBE")
# The resident models' budget of the run: a .user.ini at the top of the web root, read by PHP-FPM for every script
# below it (nginx serves no dot file), deleted by cleanup(). PHP-FPM keeps what it read of a folder for
# user_ini.cache_ttl (300 s): only /login/, asked before this point, may go on without it for that long, and the
# login page keeps no model. The probe reports the budget each worker applies.
budget=""
if [ "$RESIDENT" != default ]; then
	USERINI=$MAGISTERE_SITE_CODE/.user.ini
	[ -e "$USERINI" ] && mg_die "the web root already has a .user.ini"
	printf '; Written by scripts/loadtest.sh for the run only.\nmagistere.resident_memory = %s\n' "$RESIDENT" >"$USERINI" ||
		mg_die "cannot write $USERINI"
	budget=$(( ${RESIDENT%M} * 1048576 ))
fi
for _ in $(seq 1 $((3 * MAGISTERE_SITE_FPM_CHILDREN))); do
	answer=$(curl -s --max-time 10 "$PROBE_URL")
	grep -q "\"resident_memory\":${budget:-[0-9][0-9]*}," <<<"$answer" ||
		mg_die "the memory probe does not answer with the extension's figures and a budget of $RESIDENT ($PROBE_URL: $answer)"
done
log "resident models' budget per worker: $(sed -n 's/.*"resident_memory":\([0-9]*\).*/\1/p' <<<"$answer") bytes"

# ------------------------------------------------------------------ monitors
# Memory of each PHP-FPM worker (children of the master) every 5 s: RSS and PSS (shared pages counted once).
(
	echo "time,pid,rss_kb,pss_kb"
	while :; do
		now=$(date +%s)
		for pid in $(pgrep -P "$MAGISTERE_SITE_FPM_PID" 2>/dev/null); do
			rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null)
			pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null)
			[ -n "$rss" ] && echo "$now,$pid,$rss,$pss"
		done
		sleep 5
	done
) >"$OUT/rss.csv" 2>/dev/null &
pids+=($!)
# The engine's memory in each worker every 10 s: the probe asked 3 times per worker one after the other (PHP-FPM
# gives each request to a free worker, in turn; a worker busy for the whole burst is missed this time). One line
# per answer; the JSON holds numbers only, in a fixed order (probe.php), so its digits are the CSV line.
(
	echo "time,pid,rss_kb,hwm_kb,php_bytes,php_real_bytes,engine_bytes,resident_bytes,resident_models,resident_memory,resident_hits,resident_misses,resident_evictions"
	while :; do
		for _ in $(seq 1 $((3 * MAGISTERE_SITE_FPM_CHILDREN))); do
			now=$(date +%s.%N)
			line=$(curl -s --max-time 5 "$PROBE_URL" | tr -dc '0-9,-')
			[ "$(tr -cd ',' <<<"$line" | wc -c)" -eq 11 ] && printf '%.3f,%s\n' "$now" "$line"
		done
		sleep 10
	done
) >"$OUT/probe.csv" 2>/dev/null &
pids+=($!)
# The server's connections every 2 s: the site's account, in all, and the connections opened since the start.
(
	echo "time,site,threads_connected,connections_total,max_used"
	while :; do
		now=$(date +%s)
		line=$(sqlroot -e "SELECT (SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER='$DBACCOUNT'),
			(SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='THREADS_CONNECTED'),
			(SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='CONNECTIONS'),
			(SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME='MAX_USED_CONNECTIONS')" \
			2>/dev/null | tr '\t' ',')
		echo "$now,${line:-,,,}"
		sleep 2
	done
) >"$OUT/connections.csv" &
pids+=($!)
# The export tasks every 30 s, as cron runs them (the command line, not PHP-FPM); after each run, what the folder
# holds that is not a complete export file (a temporary or partial file).
(
	echo "start,end,task,outcome,leftovers,detail"
	n=0
	while :; do
		task='\local_magistere\task\export_attestations'
		[ $((n % 4)) -eq 3 ] && task='\local_magistere\task\export_statistics'
		n=$((n + 1))
		t0=$(date +%s.%N)
		output=$("$SITE" php admin/cli/scheduled_task.php --execute="$task" --force 2>&1)
		t1=$(date +%s.%N)
		if grep -q 'Scheduled task complete' <<<"$output"; then
			outcome=ok
		elif grep -q 'Scheduled task failed' <<<"$output"; then
			outcome=failed
		else
			outcome=error
		fi
		leftovers=$(find "$EXPORTS" -maxdepth 1 -type f ! -name filler -regextype posix-extended \
			! -regex '.*/(attestations|statistics)-[0-9]{8}-[0-9]{6}(-[0-9]+)?\.xml' -printf '%f ' 2>/dev/null)
		detail=$(grep -v '^\s*$' <<<"$output" | grep -i 'error\|fail\|exception\|cannot\|!!!' | head -n 2 | tr '\n,"' '  ' | cut -c1-300)
		printf '%.3f,%.3f,%s,%s,%s,"%s"\n' "$t0" "$t1" "${task##*\\}" "$outcome" "$leftovers" "$detail"
		echo "$output" >>"$OUT/logs/exports.log"
		sleep 30
	done
) >"$OUT/exports.csv" &
pids+=($!)

# ------------------------------------------------------------------ faults
faultlog() {
	# name,start,end,what
	echo "$1,$2,$3,\"$4\"" >>"$OUT/faults.csv"
	log "fault $1: $4 ($(awk -v a="$2" -v b="$3" "BEGIN {printf \"%.1f\", b - a}") s)"
}

kill_site_connections() {
	local id
	for id in $(sqlroot -e "SELECT ID FROM information_schema.PROCESSLIST WHERE USER='$DBACCOUNT'" 2>/dev/null); do
		sqlroot -e "KILL $id" 2>/dev/null || true
	done
}

fault_kill() {
	local t0 t1
	t0=$(date +%s.%N)
	for _ in 1 2 3; do
		kill_site_connections
		sleep 1
	done
	t1=$(date +%s.%N)
	faultlog kill "$t0" "$t1" "KILL of every connection of the site's account, three times, 1 s apart"
}

fault_lockwait() {
	local t0 t1 hold=20 blocker
	sqlroot -e "SET GLOBAL innodb_lock_wait_timeout = 2"
	t0=$(date +%s.%N)
	# Another session holds the rows every write of the pages needs: the marks of the parcours (ticks), the users
	# (Moodle's last access, logins). Writers wait 2 s, then get "Lock wait timeout exceeded".
	sqlroot moodle_site -e "START TRANSACTION;
		SELECT COUNT(*) FROM mdl_local_magistere_mark FOR UPDATE;
		SELECT COUNT(*) FROM mdl_local_magistere_mark_hist FOR UPDATE;
		SELECT COUNT(*) FROM mdl_user FOR UPDATE;
		SELECT SLEEP($hold); ROLLBACK;" >/dev/null 2>&1 &
	blocker=$!
	wait "$blocker"
	sqlroot -e "SET GLOBAL innodb_lock_wait_timeout = 50"
	t1=$(date +%s.%N)
	faultlog lockwait "$t0" "$t1" "rows of marks, audit and users locked by another transaction, innodb_lock_wait_timeout 2 s"
}

fault_readonly() {
	local t0 t1
	t0=$(date +%s.%N)
	sqlroot -e "SET GLOBAL read_only = ON"
	sleep 20
	sqlroot -e "SET GLOBAL read_only = OFF"
	t1=$(date +%s.%N)
	faultlog readonly "$t0" "$t1" "server read-only (SET GLOBAL read_only)"
}

fault_maxconn() {
	local t0 t1 hold=20 end n id kills
	# Twelve other clients connect (and sleep) while there is room; then the limit drops to 10, below what is
	# connected: nobody without SUPER can connect any more. The site's links are killed, so its workers must
	# connect again, and cannot until the end of the window.
	for _ in $(seq 1 12); do
		mariadb --no-defaults --protocol=socket --socket="$MAGISTERE_MARIADB_DIR/mariadbd.sock" -uload_filler \
			-e "SELECT SLEEP($((hold + 10)))" >/dev/null 2>&1 &
	done
	for _ in $(seq 1 50); do
		n=$(sqlroot -e "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER='load_filler'" 2>/dev/null)
		[ "${n:-0}" -ge 12 ] && break
		sleep 0.1
	done
	[ "${n:-0}" -ge 12 ] || { log "the other clients could not connect ($n)"; return 1; }
	# One session lowers the limit and kills the site's links: once the limit is down, root has only one connection
	# beyond it (SUPER), which the monitor may hold at that instant.
	kills=""
	for id in $(sqlroot -e "SELECT ID FROM information_schema.PROCESSLIST WHERE USER='$DBACCOUNT'" 2>/dev/null); do
		kills="$kills KILL $id;"
	done
	# The window starts before the fault is applied: a request that fails while this statement runs is inside it.
	t0=$(date +%s.%N)
	sqlroot --force -e "SET GLOBAL max_connections = 10; $kills" 2>/dev/null
	end=$((SECONDS + hold))
	while [ "$SECONDS" -lt "$end" ]; do sleep 0.5; done
	# Root has one connection beyond the limit (SUPER); retry if a monitor holds it at this instant.
	for _ in $(seq 1 20); do
		sqlroot -e "SET GLOBAL max_connections = 200" 2>/dev/null && break
		sleep 0.5
	done
	t1=$(date +%s.%N)
	for id in $(sqlroot -e "SELECT ID FROM information_schema.PROCESSLIST WHERE USER='load_filler'" 2>/dev/null); do
		sqlroot -e "KILL $id" 2>/dev/null || true
	done
	faultlog maxconn "$t0" "$t1" "max_connections reached (lowered to 10 below 12 other clients), the site's links killed"
}

fault_restart() {
	local t0 t1 pid cmd dir newpid deadline
	pid=$MAGISTERE_MARIADB_PID
	dir=$MAGISTERE_MARIADB_DIR
	mapfile -d '' -t cmd <"/proc/$pid/cmdline"
	t0=$(date +%s.%N)
	kill -TERM "$pid"
	deadline=$((SECONDS + 60))
	while [ -e "/proc/$pid" ] && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
	[ -e "/proc/$pid" ] && { log "MariaDB does not stop"; return 1; }
	sleep 5
	(exec setsid "${cmd[@]}" </dev/null >>"$dir/mariadbd.out" 2>&1) &
	newpid=$!
	deadline=$((SECONDS + 60))
	until mariadb-admin --no-defaults --protocol=socket --socket="$dir/mariadbd.sock" -uroot --connect-timeout=2 ping \
		>/dev/null 2>&1; do
		[ "$SECONDS" -lt "$deadline" ] || { log "MariaDB does not start again"; return 1; }
		sleep 0.2
	done
	t1=$(date +%s.%N)
	# The site's state file names the new server, so that site.sh stops it.
	sed -i "s/^MAGISTERE_MARIADB_PID=.*/MAGISTERE_MARIADB_PID=$newpid/" "$MAGISTERE_SITE_DIR/site.env"
	export MAGISTERE_MARIADB_PID=$newpid
	faultlog restart "$t0" "$t1" "MariaDB stopped (SIGTERM), down 5 s, started again (pid $newpid)"
}

# The export folder full for EXPORT_HOLD s, then read-only for as long: each window holds at least one whole run of the tasks.
fault_export_full() {
	local t0 t1 avail
	t0=$(date +%s.%N)
	dd if=/dev/zero of="$EXPORTS/filler" bs=64k >/dev/null 2>&1 || true
	avail=$(df --output=avail -B1 "$EXPORTS" | tail -n 1 | tr -d ' ')
	if [ "$avail" != 0 ]; then
		rm -f "$EXPORTS/filler"
		log "the export folder could not be filled ($avail bytes left)"
		return 1
	fi
	sleep "$EXPORT_HOLD"
	rm -f "$EXPORTS/filler"
	t1=$(date +%s.%N)
	faultlog export_full "$t0" "$t1" "export folder full (tmpfs filled, 0 bytes left)"
}

fault_export_readonly() {
	local t0 t1
	# A remount fails while a file is open for writing (an export in progress): retry until it is done.
	# The window starts just before the remount that succeeds.
	for _ in $(seq 1 120); do
		t0=$(date +%s.%N)
		mount -o remount,ro "$EXPORTS" 2>/dev/null && break
		sleep 0.5
	done
	touch "$EXPORTS/.probe" 2>/dev/null && { rm -f "$EXPORTS/.probe"; log "the export folder is still writable"; return 1; }
	sleep "$EXPORT_HOLD"
	mount -o remount,rw "$EXPORTS"
	t1=$(date +%s.%N)
	faultlog export_readonly "$t0" "$t1" "export folder unwritable (tmpfs remounted read-only)"
}

# ------------------------------------------------------------------ the load
echo "name,start,end,what" >"$OUT/faults.csv"
log "load: $N_TRAINERS trainers, $N_PARTICIPANTS participants, $N_INSPECTORS inspectors, $N_STATS statisticians," \
	"think times $T_TRAINER/$T_PARTICIPANT/$T_INSPECTOR/$T_STATS s, a race every $RACE_EVERY s," \
	"logins over $RAMP s, then $DURATION s"
load_start=$(date +%s)
php "$here/load/loadgen.php" --url="$MAGISTERE_SITE_URL" --manifest="$MAGISTERE_SITE_MANIFEST" --out="$OUT" \
	--ramp="$RAMP" --duration="$DURATION" --max-requests="$MAXREQ" --trainers="$N_TRAINERS" --participants="$N_PARTICIPANTS" \
	--inspectors="$N_INSPECTORS" --statisticians="$N_STATS" --think-trainer="$T_TRAINER" \
	--think-participant="$T_PARTICIPANT" --think-inspector="$T_INSPECTOR" --think-statistician="$T_STATS" \
	--race-every="$RACE_EVERY" 2>&1 | tee "$OUT/logs/loadgen.log" >&2 &
loadgen=$!

at() {
	# Waits until $1 seconds after the start of the load; false when the load has ended before.
	while [ $(($(date +%s) - load_start)) -lt "$1" ]; do
		kill -0 "$loadgen" 2>/dev/null || return 1
		sleep 1
	done
	kill -0 "$loadgen" 2>/dev/null
}

if [ "$FAULTS" = 1 ]; then
	# Each fault, then at least 20 s of load without a fault before the next one.
	t=$((RAMP + FAULTS_AT))
	for fault in kill lockwait readonly maxconn restart export_full export_readonly; do
		at "$t" || { log "the load ended before the fault $fault"; break; }
		"fault_$fault" || { log "fault $fault could not be applied"; echo "$fault" >>"$OUT/faults-failed.txt"; }
		t=$(( $(date +%s) - load_start + 20 ))
	done
fi
wait "$loadgen"
log "load finished"
# Let the last export run end, then stop the monitors.
sleep 2
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
pids=()

# ------------------------------------------------------------------ checks
# The marks: every mark's audit numbered 1..n without gap or double, the mark equal to its last audit row; the
# audit rows the load trainers wrote during the run, to compare with what their pages reported.
"$SITE" php "$here/load/audit.php" --since="$load_start" >"$OUT/audit.json" 2>"$OUT/logs/audit.log" ||
	log "the audit check failed to run (logs/audit.log)"
cp "$MAGISTERE_SITE_LOGS/fpm.log" "$MAGISTERE_SITE_LOGS/php.log" "$MAGISTERE_SITE_LOGS/fpm-access.log" \
	"$MAGISTERE_SITE_LOGS/nginx-error.log" "$OUT/logs/" 2>/dev/null
cp "$MAGISTERE_MARIADB_DIR/error.log" "$OUT/logs/mariadb-error.log" 2>/dev/null
# Connections still open after the load, and the link of each worker: one page per worker after everything.
sqlroot -e "SELECT ID, USER, COMMAND, TIME FROM information_schema.PROCESSLIST WHERE USER='$DBACCOUNT'" \
	>"$OUT/connections-after.txt" 2>&1
cleanup
trap - EXIT

php "$here/load/report.php" --out="$OUT" --workers="$MAGISTERE_SITE_FPM_CHILDREN" \
	--dbpersist="$DBPERSIST" --faults="$FAULTS"
rc=$?
log "report: $OUT/report.md"
exit "$rc"
