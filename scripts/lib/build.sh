# shellcheck shell=bash
# mg_build: builds the magistere extension out of tree and exports MAGISTERE_SO (absolute path of
# the built modules/magistere.so). Progress and compiler messages go to stderr.
#
# The tracked sources (config.m4 config.w32 Makefile.frag magistere.c php_magistere.h magistere_arginfo.h src/)
# are copied with `rsync -c` (only files whose content changed are rewritten) into the build
# folder, which is kept between runs, so make recompiles only what changed:
#   - a changed .c file is recompiled by make (its copy is newer than its object);
#   - a changed header triggers `make clean` (PHP's build system tracks no header dependency);
#   - a changed config.m4 or Makefile.frag, a .c file added or removed, other MAGISTERE_CFLAGS/MAGISTERE_LDFLAGS
#     or another PHP re-run phpize and ./configure.
# Configured with --enable-magistere-dev (-Wall -Wextra -Werror ...).
#
# Environment:
#   MAGISTERE_BUILD_DIR      build folder (default .build/ext at the root of the repository)
#   MAGISTERE_CFLAGS         added to CFLAGS (e.g. "-fsanitize=address" or "-DMG_ARENA_TRACK");
#                            its -fsanitize* flags are also added to LDFLAGS
#   MAGISTERE_LDFLAGS        added to LDFLAGS
#   MAGISTERE_CONFIGURE_ARGS more ./configure arguments (e.g. --with-magistere-mysql=DIR)
#   MAGISTERE_BUILD_VERBOSE=1  show the full phpize/configure/make output

# shellcheck source=scripts/lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

MG_BUILD_TOP_FILES=(config.m4 config.w32 Makefile.frag magistere.c php_magistere.h magistere_arginfo.h)

# Runs "$@" in the build folder, output to LOG (and to stderr when verbose); on failure shows it.
_mg_build_run() {
	local log=$1 rc=0
	shift
	if [ "${MAGISTERE_BUILD_VERBOSE:-0}" = 1 ]; then
		"$@" 2>&1 | tee -a "$log" >&2 || rc=${PIPESTATUS[0]}
	else
		"$@" >>"$log" 2>&1 || rc=$?
	fi
	return "$rc"
}

# Shows the interesting part of a failed make log: compiler diagnostics, not command lines.
_mg_build_show_errors() {
	local log=$1
	echo "[magistere] build failed; compiler messages (full log: $log):" >&2
	grep -v -E '^(/bin/(ba)?sh |/usr/bin/libtool |mkdir |cc |gcc |clang |libtool: (compile|link):|\(CDPATH=)' "$log" \
		| tail -n 120 >&2
}

mg_build() {
	local root bdir lockfd stamp_new stamp_old changes extra_ld flag f log reconfigure=0 cflags ldflags
	root=$(mg_root)
	bdir=${MAGISTERE_BUILD_DIR:-$root/.build/ext}
	mkdir -p "$bdir/src" || return 1
	bdir=$(cd "$bdir" && pwd -P)

	# One build at a time in a given folder (several engineers may run the tests at once).
	exec {lockfd}>"$bdir/.lock"
	flock "$lockfd"

	for f in config.m4 magistere.c; do
		[ -f "$root/$f" ] || { echo "[magistere] error: $f is missing" >&2; exec {lockfd}>&-; return 1; }
	done

	# Copy the sources; --itemize-changes lists what really changed.
	changes=$(
		{
			for f in "${MG_BUILD_TOP_FILES[@]}"; do
				if [ -f "$root/$f" ]; then
					rsync -c --itemize-changes "$root/$f" "$bdir/$f"
				elif [ -f "$bdir/$f" ]; then
					rm -f "$bdir/$f" && echo "*deleting   $f"
				fi
			done
			rsync -rc --delete --itemize-changes \
				--exclude='/core/tests/' \
				--exclude='*.o' --exclude='*.lo' --exclude='*.la' --exclude='*.so' \
				--exclude='*.dep' --exclude='.libs/' --exclude='.deps/' \
				--exclude='*.gcno' --exclude='*.gcda' \
				"$root/src/" "$bdir/src/" | sed -e 's|^\([^ ]* *\)|\1src/|'
		}
	) || { echo "[magistere] error: copying the sources to $bdir failed" >&2; exec {lockfd}>&-; return 1; }

	cflags="-g -O2 ${MAGISTERE_CFLAGS:-}"
	extra_ld=""
	for flag in ${MAGISTERE_CFLAGS:-}; do
		case "$flag" in -fsanitize*|-fno-sanitize*) extra_ld="$extra_ld $flag" ;; esac
	done
	ldflags="${MAGISTERE_LDFLAGS:-}$extra_ld"

	stamp_new=$(
		{
			cat "$bdir/config.m4" "$bdir/Makefile.frag" 2>/dev/null
			(cd "$bdir" && find src -name '*.c' -not -path 'src/core/tests/*' | LC_ALL=C sort)
			echo "CFLAGS=$cflags LDFLAGS=$ldflags ARGS=${MAGISTERE_CONFIGURE_ARGS:-}"
			command -v php-config; php-config --version; php-config --extension-dir
		} | sha256sum | cut -d' ' -f1
	)
	stamp_old=$(cat "$bdir/.configure-stamp" 2>/dev/null || true)
	if [ "$stamp_new" != "$stamp_old" ] || [ ! -f "$bdir/Makefile" ]; then
		reconfigure=1
	fi

	log="$bdir/build.log"
	: >"$log"
	if [ "$reconfigure" -eq 1 ]; then
		echo "[magistere] configuring in $bdir" >&2
		rm -f "$bdir/.configure-stamp"
		if [ -f "$bdir/Makefile" ]; then
			(cd "$bdir" && make clean) >/dev/null 2>&1 || true
		fi
		# shellcheck disable=SC2086 # MAGISTERE_CONFIGURE_ARGS is a list of arguments
		if ! (cd "$bdir" && _mg_build_run "$log" phpize &&
			_mg_build_run "$log" ./configure --enable-magistere-dev ${MAGISTERE_CONFIGURE_ARGS:-} \
				CFLAGS="$cflags" LDFLAGS="$ldflags"); then
			echo "[magistere] error: phpize/configure failed; the end of $log:" >&2
			tail -n 40 "$log" >&2
			exec {lockfd}>&-
			return 1
		fi
		echo "$stamp_new" >"$bdir/.configure-stamp"
	else
		# The marker survives an interrupted run, so the clean is not forgotten.
		if printf "%s\n" "$changes" | grep -q -E "\.h$"; then
			: >"$bdir/.clean-pending"
		fi
		if [ -f "$bdir/.clean-pending" ]; then
			echo "[magistere] a header changed: full rebuild" >&2
			(cd "$bdir" && make clean) >/dev/null 2>&1 || true
			rm -f "$bdir/.clean-pending"
		fi
	fi

	if ! (cd "$bdir" && _mg_build_run "$log" make -j2); then
		_mg_build_show_errors "$log"
		exec {lockfd}>&-
		return 1
	fi
	exec {lockfd}>&-

	if [ ! -f "$bdir/modules/magistere.so" ]; then
		echo "[magistere] error: make succeeded but $bdir/modules/magistere.so is missing" >&2
		return 1
	fi
	# The module must load in a bare PHP (no php.ini): it needs only built-in extensions.
	# LD_BIND_NOW makes an undefined symbol fail here rather than at its first call.
	if ! f=$(LD_BIND_NOW=1 php -n -d display_startup_errors=1 -d extension="$bdir/modules/magistere.so" \
			-r 'echo extension_loaded("magistere") ? "ok" : "not loaded";' 2>&1) || [ "$f" != "ok" ]; then
		echo "[magistere] error: the built module does not load: $f" >&2
		return 1
	fi
	export MAGISTERE_SO="$bdir/modules/magistere.so"
}
