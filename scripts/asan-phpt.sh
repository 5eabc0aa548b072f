#!/usr/bin/env bash
# The phpt suite (scripts/suites/20-phpt.sh) with the extension built under AddressSanitizer and
# UndefinedBehaviorSanitizer, on a throwaway MariaDB server: the real extension, loaded by the real PHP CLI,
# through every test of php_tests/ (the mysql source included).
#
#   scripts/asan-phpt.sh                                    every test
#   MAGISTERE_PHPT_TESTS=php_tests/mysql scripts/asan-phpt.sh   one folder
#   MAGISTERE_ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 ...   other ASan options (this one: full stacks in
#                                                           leak reports, through PHP's frames; slower)
#
# How the extension is loaded into PHP (Debian's php8.2, a release build without sanitizers):
#   - built with gcc: -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
#     -DMG_ARENA_TRACK (every arena allocation a separate malloc, so that ASan sees each one), into .build/ext-asan;
#   - PHP is not instrumented, so the ASan runtime must be loaded with the process, not dlopen()ed with the module
#     (an ASan runtime brought in by dlopen() crashes PHP at exit): every PHP the suite starts (run-tests.php
#     itself, each test, each SKIPIF) is started through a wrapper, .build/asan-tools/php-asan, which sets LD_PRELOAD
#     to gcc's libasan.so and libubsan.so, then execs the real PHP; the wrapper is given to the suite as
#     MAGISTERE_PHPT_PHP, only PHP gets the preload (not bash, rsync or MariaDB); the build's own load check runs
#     through it too;
#   - PHP dlopen()s extensions with RTLD_DEEPBIND, which the ASan runtime refuses (it aborts: a deep-bound library
#     would bypass its interceptors); a shim of a few lines, .build/asan-tools/nodeepbind.so (written and compiled
#     here, not instrumented), comes first in LD_PRELOAD and clears that flag before passing the call on; ASan's
#     check that it comes first in the library list is therefore off (verify_asan_link_order=0): the shim defines
#     dlopen() alone, every other interceptor (malloc, free, string functions) is still ASan's;
#   - USE_ZEND_ALLOC=0: PHP's own allocator is off, every emalloc() is a malloc() that ASan checks (overflow,
#     use after free) and LeakSanitizer accounts for; ZEND_DONT_UNLOAD_MODULES=1 keeps the module mapped at exit
#     so that leak reports name its functions;
#   - ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:
#     strict_string_checks=1:check_initialization_order=1 and UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1;
#   - as under valgrind (MAGISTERE_VALGRIND=1), a shutdown function collects PHP's garbage cycles
#     (MAGISTERE_PHPT_GC_AT_EXIT=1): Debian's release PHP does not at exit, and LeakSanitizer would report a cycle
#     of PHP objects made by a test's own PHP code as a leak of object_init_ex(); a block the extension forgot to
#     free is no garbage cycle and is still reported. The tests that skip themselves under USE_ZEND_ALLOC=0 (too
#     slow without PHP's allocator: a 256 MiB file, 3,000 participants x 50 views) skip here too.
# A report of ASan, UBSan or LeakSanitizer is written to the test's output, which then differs from the expected
# one: the test fails. The suite's summary counts it; run-tests.php's timeouts are tripled (--set-timeout 180).
#
# Last line: the suite's "N passed, N failed, N skipped"; exit status non-zero on any failure.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd "$here/.." && pwd -P)
# shellcheck source=scripts/lib/build.sh
. "$root/scripts/lib/build.sh"
# shellcheck source=scripts/lib/deps.sh
. "$root/scripts/lib/deps.sh"
# shellcheck source=scripts/lib/mariadb.sh
. "$root/scripts/lib/mariadb.sh"
cd "$root" || exit 1

[ "${MAGISTERE_SKIP_DEPS:-0}" = 1 ] || mg_deps_install || exit 1

libasan=$(cc -print-file-name=libasan.so)
libubsan=$(cc -print-file-name=libubsan.so)
if [ ! -e "$libasan" ] || [ ! -e "$libubsan" ]; then
	mg_die "gcc's libasan.so / libubsan.so not found (Debian: gcc)"
fi
libasan=$(readlink -f "$libasan")
libubsan=$(readlink -f "$libubsan")

export MAGISTERE_BUILD_DIR=$root/.build/ext-asan
export MAGISTERE_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -DMG_ARENA_TRACK"
# The shim and the wrapper live outside the build folder, which the build cleans ("make clean" removes every .so).
tools=$root/.build/asan-tools
mkdir -p "$tools/bin" || exit 1

# The shim: dlopen() without RTLD_DEEPBIND (see above).
shim=$tools/nodeepbind.so
cat >"$tools/nodeepbind.c" <<'SHIM'
/* Written by scripts/asan-phpt.sh: PHP's dlopen() of extensions without RTLD_DEEPBIND, which ASan refuses. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);

	if (next == NULL) {
		*(void **) &next = dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
SHIM
cc -std=c11 -Wall -Wextra -Werror -O2 -shared -fPIC -o "$shim" "$tools/nodeepbind.c" -ldl ||
	mg_die "cannot compile $shim"

php_real=$(php-config --php-binary 2>/dev/null || command -v php)
wrapper=$tools/php-asan
cat >"$wrapper" <<WRAPPER
#!/bin/sh
# Written by scripts/asan-phpt.sh: PHP with the ASan and UBSan runtimes preloaded, for the ASan build of magistere.
export LD_PRELOAD="$shim $libasan $libubsan\${LD_PRELOAD:+ \$LD_PRELOAD}"
export USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1
export ASAN_OPTIONS="verify_asan_link_order=0:\${MAGISTERE_ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
exec "$php_real" "\$@"
WRAPPER
chmod 755 "$wrapper"

# The build checks that the module loads in "php": it finds the wrapper under that name, first in its PATH.
ln -sf "$wrapper" "$tools/bin/php" || exit 1
PATH="$tools/bin:$PATH" mg_build || mg_die "the ASan build failed"
echo "built $MAGISTERE_SO with: $MAGISTERE_CFLAGS"

# The module really runs under ASan: a heap overflow in PHP code itself would not prove it; ask the runtime.
probe=$("$wrapper" -n -d "extension=$MAGISTERE_SO" -r 'echo extension_loaded("magistere") ? "loaded" : "missing";' 2>&1)
[ "$probe" = loaded ] || mg_die "the ASan build does not load through $wrapper: $probe"
if ! "$wrapper" -n -r 'echo file_get_contents("/proc/self/maps");' | grep -q 'libasan'; then
	mg_die "the wrapper does not preload libasan"
fi

trap 'mg_mariadb_stop' EXIT
mg_mariadb_start || exit 1
export MAGISTERE_PHPT_PHP=$wrapper MAGISTERE_PHPT_GC_AT_EXIT=1
export MAGISTERE_PHPT_ARGS="${MAGISTERE_PHPT_ARGS:-} --set-timeout 180"
bash "$root/scripts/suites/20-phpt.sh"
