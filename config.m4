dnl config.m4 for the magistere extension.
dnl
dnl   phpize && ./configure [--with-magistere-mysql=DIR|mysql_config] [--enable-magistere-dev] && make
dnl
dnl The extension always links libxml2 (PHP's own, through PHP_SETUP_LIBXML) and exactly one MySQL
dnl client library: MariaDB Connector/C or libmysqlclient, found in this order:
dnl   1. --with-magistere-mysql=DIR (a prefix holding bin/mariadb_config or bin/mysql_config, or
dnl      include/ and lib/) or =PATH/TO/mysql_config;
dnl   2. pkg-config libmariadb, then pkg-config mysqlclient;
dnl   3. mariadb_config, then mysql_config, on PATH.
dnl The sources are listed below, folder by folder (src/core, src/store, src/xml, src/php).

PHP_ARG_WITH([magistere],
  [for magistere support],
  [AS_HELP_STRING([--with-magistere],
    [Include the magistere progress tracking extension])],
  [yes])

PHP_ARG_WITH([magistere-mysql],
  [for the MariaDB/MySQL client library of magistere],
  [AS_HELP_STRING([[--with-magistere-mysql[=DIR]]],
    [magistere: prefix of MariaDB Connector/C or libmysqlclient, or path to mariadb_config/mysql_config])],
  [yes],
  [no])

PHP_ARG_ENABLE([magistere-dev],
  [whether to build magistere with development warnings as errors],
  [AS_HELP_STRING([--enable-magistere-dev],
    [magistere: compile with -Wall -Wextra -Werror and friends])],
  [no],
  [no])

if test "$PHP_MAGISTERE" != "no"; then
  dnl ---------------------------------------------------------------- libxml2
  PHP_SETUP_LIBXML([MAGISTERE_SHARED_LIBADD], [], [
    AC_MSG_ERROR([magistere needs libxml2 (Debian: libxml2-dev)])
  ])

  dnl ------------------------------------------------- MySQL client library
  MG_MYSQL_CFLAGS=""
  MG_MYSQL_LIBS=""
  MG_MYSQL_FROM=""
  MG_MYSQL_CONFIG=""

  if test "$PHP_MAGISTERE_MYSQL" != "yes" && test "$PHP_MAGISTERE_MYSQL" != "no"; then
    if test -f "$PHP_MAGISTERE_MYSQL" && test -x "$PHP_MAGISTERE_MYSQL"; then
      MG_MYSQL_CONFIG="$PHP_MAGISTERE_MYSQL"
    elif test -x "$PHP_MAGISTERE_MYSQL/bin/mariadb_config"; then
      MG_MYSQL_CONFIG="$PHP_MAGISTERE_MYSQL/bin/mariadb_config"
    elif test -x "$PHP_MAGISTERE_MYSQL/bin/mysql_config"; then
      MG_MYSQL_CONFIG="$PHP_MAGISTERE_MYSQL/bin/mysql_config"
    else
      for inc in include/mariadb include/mysql include; do
        if test -f "$PHP_MAGISTERE_MYSQL/$inc/mysql.h"; then
          MG_MYSQL_CFLAGS="-I$PHP_MAGISTERE_MYSQL/$inc"
          break
        fi
      done
      for lib in mariadb mysqlclient; do
        for libdir in $PHP_LIBDIR lib lib64 lib/mariadb lib/mysql; do
          if test -f "$PHP_MAGISTERE_MYSQL/$libdir/lib$lib.$SHLIB_SUFFIX_NAME" || test -f "$PHP_MAGISTERE_MYSQL/$libdir/lib$lib.a"; then
            MG_MYSQL_LIBS="-L$PHP_MAGISTERE_MYSQL/$libdir -l$lib"
            break 2
          fi
        done
      done
      if test -z "$MG_MYSQL_CFLAGS" || test -z "$MG_MYSQL_LIBS"; then
        AC_MSG_ERROR([no mysql.h and libmariadb/libmysqlclient under $PHP_MAGISTERE_MYSQL])
      fi
      MG_MYSQL_FROM="$PHP_MAGISTERE_MYSQL"
    fi
  fi

  if test -z "$MG_MYSQL_FROM" && test -z "$MG_MYSQL_CONFIG"; then
    PKG_CHECK_MODULES([MG_MARIADB], [libmariadb], [
      MG_MYSQL_CFLAGS="$MG_MARIADB_CFLAGS"
      MG_MYSQL_LIBS="$MG_MARIADB_LIBS"
      MG_MYSQL_FROM="pkg-config libmariadb"
    ], [
      PKG_CHECK_MODULES([MG_MYSQLCLIENT], [mysqlclient], [
        MG_MYSQL_CFLAGS="$MG_MYSQLCLIENT_CFLAGS"
        MG_MYSQL_LIBS="$MG_MYSQLCLIENT_LIBS"
        MG_MYSQL_FROM="pkg-config mysqlclient"
      ], [
        AC_PATH_PROGS([MG_MYSQL_CONFIG], [mariadb_config mysql_config])
      ])
    ])
  fi

  if test -z "$MG_MYSQL_FROM"; then
    if test -z "$MG_MYSQL_CONFIG"; then
      AC_MSG_ERROR([magistere needs MariaDB Connector/C or libmysqlclient (Debian: libmariadb-dev), or --with-magistere-mysql=DIR])
    fi
    MG_MYSQL_CFLAGS=`$MG_MYSQL_CONFIG --cflags | $SED -e "s/'//g"`
    MG_MYSQL_LIBS=`$MG_MYSQL_CONFIG --libs | $SED -e "s/'//g"`
    MG_MYSQL_FROM="$MG_MYSQL_CONFIG"
  fi

  AC_MSG_CHECKING([for the MySQL client library of magistere])
  AC_MSG_RESULT([$MG_MYSQL_FROM: $MG_MYSQL_LIBS])

  PHP_EVAL_INCLINE($MG_MYSQL_CFLAGS)
  PHP_EVAL_LIBLINE($MG_MYSQL_LIBS, MAGISTERE_SHARED_LIBADD)

  old_CFLAGS="$CFLAGS"; old_LIBS="$LIBS"
  CFLAGS="$CFLAGS $MG_MYSQL_CFLAGS"; LIBS="$LIBS $MG_MYSQL_LIBS"
  AC_LINK_IFELSE([AC_LANG_PROGRAM([[#include <mysql.h>]],
      [[MYSQL *m = mysql_init(0); mysql_stmt_init(m); return mysql_get_client_version() == 0;]])],
    [], [AC_MSG_ERROR([cannot link a program with $MG_MYSQL_LIBS (mysql.h from $MG_MYSQL_CFLAGS)])])
  CFLAGS="$old_CFLAGS"; LIBS="$old_LIBS"
  AC_DEFINE_UNQUOTED([MAGISTERE_MYSQL_FROM], ["$MG_MYSQL_FROM"], [Where the MySQL client library was found])

  dnl ----------------------------------------------------------- warnings
  MG_CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  if test "$PHP_MAGISTERE_DEV" != "no"; then
    MG_CFLAGS="$MG_CFLAGS -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers -Wformat-security -Wstrict-prototypes -Wimplicit-fallthrough"
  fi

  dnl ------------------------------------------------------------ sources
  dnl Listed folder by folder, as config.w32 lists them; the lint stage (scripts/lint/sources.php)
  dnl fails when the two lists and the .c files of the folders differ.
  MG_SOURCES_CORE="attest.c json.c model.c stats.c tables.c util.c views.c"
  MG_SOURCES_STORE="mysql.c rowset.c"
  MG_SOURCES_XML="attest_writer.c schema.c stats_merge.c stats_reader.c stats_writer.c"
  MG_SOURCES_PHP="glue.c resident.c rows.c source.c source_mysql.c tracker.c xml.c"
  MG_SOURCES="magistere.c"
  for f in $MG_SOURCES_CORE; do MG_SOURCES="$MG_SOURCES src/core/$f"; done
  for f in $MG_SOURCES_STORE; do MG_SOURCES="$MG_SOURCES src/store/$f"; done
  for f in $MG_SOURCES_XML; do MG_SOURCES="$MG_SOURCES src/xml/$f"; done
  for f in $MG_SOURCES_PHP; do MG_SOURCES="$MG_SOURCES src/php/$f"; done

  PHP_NEW_EXTENSION(magistere, $MG_SOURCES, $ext_shared,, $MG_CFLAGS)
  PHP_ADD_EXTENSION_DEP(magistere, libxml)
  PHP_ADD_EXTENSION_DEP(magistere, spl)
  for dir in src/core src/store src/xml src/php; do
    PHP_ADD_BUILD_DIR($ext_builddir/$dir, 1)
  done
  PHP_ADD_INCLUDE($ext_srcdir/src)
  PHP_SUBST(MAGISTERE_SHARED_LIBADD)
  dnl `make test` runs the phpt tests of php_tests/ (Makefile.frag)
  PHP_ADD_MAKEFILE_FRAGMENT
fi
