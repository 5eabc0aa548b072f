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

sql="SET SESSION unique_checks = 0; SET SESSION foreign_key_checks = 0; SET SESSION sql_log_bin = 0;"
for tsv in "$datadir"/*.tsv; do
	table=$(basename "$tsv" .tsv)
	[[ $table == meta ]] && continue
	if [[ ! $table =~ ^[a-z_]+$ ]]; then
		echo "load.sh: unexpected file $tsv" >&2
		exit 2
	fi
	cols=$(head -n 1 "$datadir/$table.cols")
	if [[ ! $cols =~ ^[a-z0-9_,]+$ ]]; then
		echo "load.sh: bad column list in $datadir/$table.cols" >&2
		exit 2
	fi
	# The file name is ours (generated under DATADIR); quote it for SQL.
	path=$(realpath "$tsv")
	path=${path//\\/\\\\}
	path=${path//\'/\\\'}
	sql+=" TRUNCATE TABLE \`${prefix}${table}\`;"
	sql+=" LOAD DATA LOCAL INFILE '$path' INTO TABLE \`${prefix}${table}\` CHARACTER SET utf8mb4 ($cols);"
done
sql+=" ANALYZE TABLE ${prefix}course_modules_completion, ${prefix}user_enrolments, ${prefix}role_assignments, ${prefix}user, ${prefix}context, ${prefix}course_modules, ${prefix}local_magistere_mark, ${prefix}user_info_data;"
mariadb "${mysql_args[@]}" "${MAGISTERE_TEST_DB:?MAGISTERE_TEST_DB is not set}" -e "$sql" >/dev/null
