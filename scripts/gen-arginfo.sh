#!/usr/bin/env bash
# Regenerates magistere_arginfo.h from magistere.stub.php with PHP's own gen_stub.php.
# gen_stub.php needs nikic/php-parser 4.15.1; it is installed with composer into a temporary folder.
# Only needed after a change to the stub: the generated header is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
gen=$(php-config --prefix >/dev/null 2>&1 && dirname "$(command -v phpize)")/../lib/php/$(php-config --extension-dir | xargs basename)/build/gen_stub.php
if [ ! -f "$gen" ]; then
	for gen in /usr/lib/php/*/build/gen_stub.php; do
		break
	done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen" "$work/gen_stub.php"
(cd "$work" && composer -q --no-interaction require nikic/php-parser:4.15.1 >/dev/null)
ln -s "$work/vendor/nikic/php-parser" "$work/PHP-Parser-4.15.1"
php "$work/gen_stub.php" -f magistere.stub.php
echo "magistere_arginfo.h regenerated"
