# Makefile fragment of the magistere extension, added by config.m4 (PHP_ADD_MAKEFILE_FRAGMENT).
#
# `make test` (PHP's own target, from Makefile.global) runs run-tests.php over $(TESTS). Without this
# fragment TESTS is empty and run-tests.php looks for a tests/ folder that magistere does not have
# ("No tests were run"). The phpt tests live in php_tests/:
#
#   make test                                    every phpt of php_tests/, recursively
#   make test TESTS=php_tests/rules              one folder
#   make test TESTS="php_tests/rows php_tests/xml/xml_hostile_xxe-001.phpt"
#
# The tests that need a MariaDB/MySQL server skip, saying so, unless the MAGISTERE_TEST_* variables
# name one (docs/testing.md); scripts/test.sh 20 starts a throwaway server and runs them all.
TESTS = $(top_srcdir)/php_tests

# Besides magistere, the tests load dom and simplexml (the XML exchanges) and mysqlnd + mysqli (to
# prepare the test database). PHP's `make test` points extension_dir at modules/, where only
# magistere.so is, so run-tests.php would skip those tests as "Required extension missing". Each of
# these extensions that is shared (not built into PHP) and present in PHP's extension folder is
# therefore loaded by its full path, mysqlnd before mysqli.
MAGISTERE_TEST_SHARED_DEPS = mysqlnd mysqli dom simplexml
PHP_TEST_SHARED_EXTENSIONS += `for ext in $(MAGISTERE_TEST_SHARED_DEPS); do \
		so="$(EXTENSION_DIR)/$$ext.$(SHLIB_DL_SUFFIX_NAME)"; \
		if test -f "$$so" && ! $(PHP_EXECUTABLE) -n -r "exit(extension_loaded('$$ext') ? 0 : 1);" 2>/dev/null; then \
			printf ' -d extension=%s' "$$so"; \
		fi; \
	done`
