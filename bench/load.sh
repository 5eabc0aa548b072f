#!/usr/bin/env bash
# Loads the TSV files written by bench/generate into a database whose Moodle
# tables already exist (empty), with LOAD DATA LOCAL INFILE.
#
#   bench/load.sh DATADIR
#
# Connection: MAGISTERE_TEST_HOST, _PORT, _SOCKET, _USER, _PASSWORD, _DB, and
# MAGISTERE_TEST_PREFIX (default mdl_), as scripts/lib/mariadb.sh exports them.
set -euo pipefail

datadir=${1:?usage: bench/load.sh DATADIR}
prefix=${MAGISTERE_TEST_PREFIX:-mdl_}
if [[ ! $prefix =~ ^[a-z][a-z0-9_]{0,9}$ ]]; then
	echo "load.sh: bad table prefix '$prefix'" >&2
	exit 2
fi

mysql_args=()
# The option file of scripts/lib/mariadb.sh, when there is one, must come first.
[[ -n ${MAGISTERE_TEST_CNF:-} ]] && mysql_args+=(--defaults-file="$MAGISTERE_TEST_CNF")
mysql_args+=(--local-infile=1 --batch --skip-column-names --default-character-set=utf8mb4)
[[ -n ${MAGISTERE_TEST_SOCKET:-} ]] && mysql_args+=(--socket="$MAGISTERE_TEST_SOCKET")
[[ -n ${MAGISTERE_TEST_HOST:-} ]] && mysql_args+=(--host="$MAGISTERE_TEST_HOST")
[[ -n ${MAGISTERE_TEST_PORT:-} ]] && mysql_args+=(--port="$MAGISTERE_TEST_PORT")
mysql_args+=(--user="${MAGISTERE_TEST_USER:-root}")
export MYSQL_PWD=${MAGISTERE_TEST_PASSWORD:-}

# The big tables (the completion table is 90 % of the rows at every scale) are loaded without their
# secondary indexes, which are then built once, sorted (one ALTER TABLE per table): inserting 6 million
# rows into a unique (userid, coursemoduleid) index and a coursemoduleid index row by row is what made
# the load slow. They load in a second connection, next to the other tables.
big=(course_modules_completion user_enrolments role_assignments)
session="SET SESSION unique_checks = 0; SET SESSION foreign_key_checks = 0; SET SESSION sql_log_bin = 0;"
db=${MAGISTERE_TEST_DB:?MAGISTERE_TEST_DB is not set}

# "LOAD DATA" of one generated file.
load_sql() {
	local table=$1 cols path
	cols=$(head -n 1 "$datadir/$table.cols")
	if [[ ! $cols =~ ^[a-z0-9_,]+$ ]]; then
		echo "load.sh: bad column list in $datadir/$table.cols" >&2
		return 2
	fi
	# The file name is ours (generated under DATADIR); quote it for SQL.
	path=$(realpath "$datadir/$table.tsv")
	path=${path//\\/\\\\}
	path=${path//\'/\\\'}
	echo "TRUNCATE TABLE \`${prefix}${table}\`; LOAD DATA LOCAL INFILE '$path' INTO TABLE \`${prefix}${table}\` CHARACTER SET utf8mb4 ($cols);"
}

# The statements that drop (1) and rebuild (2) a table's secondary indexes, from the server's own
# description of them.
index_sql() {
	local table=$1 what=$2 drop="" add="" name unique cols
	while IFS=$'\t' read -r name unique cols; do
		[[ $name =~ ^[A-Za-z0-9_]+$ && $cols =~ ^[a-z0-9_,]+$ ]] || { echo "load.sh: unexpected index $name" >&2; return 2; }
		drop+="${drop:+, }DROP INDEX \`$name\`"
		cols=${cols//,/\`, \`}
		if [ "$unique" = 0 ]; then
			add+="${add:+, }ADD UNIQUE INDEX \`$name\` (\`$cols\`)"
		else
			add+="${add:+, }ADD INDEX \`$name\` (\`$cols\`)"
		fi
	done < <(mariadb "${mysql_args[@]}" "$db" -e "SELECT INDEX_NAME, NON_UNIQUE,
			GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS
			WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '${prefix}${table}' AND INDEX_NAME <> 'PRIMARY'
			GROUP BY INDEX_NAME, NON_UNIQUE")
	[ -n "$drop" ] || return 0
	if [ "$what" = drop ]; then
		echo "ALTER TABLE \`${prefix}${table}\` $drop;"
	else
		echo "ALTER TABLE \`${prefix}${table}\` $add;"
	fi
}

small="$session"
for tsv in "$datadir"/*.tsv; do
	table=$(basename "$tsv" .tsv)
	[[ $table == meta ]] && continue
	if [[ ! $table =~ ^[a-z_]+$ ]]; then
		echo "load.sh: unexpected file $tsv" >&2
		exit 2
	fi
	[[ " ${big[*]} " == *" $table "* ]] && continue
	small+=" $(load_sql "$table")"
done
large="$session"
for table in "${big[@]}"; do
	[ -f "$datadir/$table.tsv" ] || continue
	large+=" $(index_sql "$table" drop) $(load_sql "$table") $(index_sql "$table" add)"
done

mariadb "${mysql_args[@]}" "$db" -e "$large" >/dev/null &
large_pid=$!
status=0
mariadb "${mysql_args[@]}" "$db" -e "$small" >/dev/null || status=$?
wait "$large_pid" || status=$?
[ "$status" -eq 0 ] || exit "$status"
mariadb "${mysql_args[@]}" "$db" -e "ANALYZE TABLE ${prefix}course_modules_completion, ${prefix}user_enrolments, ${prefix}role_assignments, ${prefix}user, ${prefix}context, ${prefix}course_modules, ${prefix}local_magistere_mark, ${prefix}user_info_data;" >/dev/null
