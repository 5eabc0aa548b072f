<?php

/**
 * The PHP API of the magistere extension. docs/api.md documents every method and the arrays the
 * views return. Regenerate magistere_arginfo.h with scripts/gen-arginfo.sh after any change.
 *
 * @generate-class-entries
 */

namespace Magistere {

    /**
     * Where the engine reads Moodle's tables from.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Source
    {
        private function __construct() {}

        /** Rows of Moodle's and the plugin's tables, keyed by table name without prefix. */
        public static function rows(array $tables): Source {}

        /** A MariaDB/MySQL Moodle database, read directly (docs/mysql.md). */
        public static function mysql(#[\SensitiveParameter] array $options): Source {}

        /**
         * The same, from Moodle's $CFG (dbtype mysqli, mariadb or auroramysql; read replicas of
         * dboptions['readonly']). $options: "resident" (bool, docs/resident.md).
         */
        public static function fromMoodleConfig(#[\SensitiveParameter] object $cfg, array $options = []): Source {}

        /** "rows" or "mysql". */
        public function kind(): string {}

        /**
         * Every column the engine reads, table (without prefix) => list of columns: the only ones it
         * ever reads (R6).
         */
        public static function columns(): array {}
    }

    /**
     * Progress and the role-filtered views over one source.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Tracker
    {
        /**
         * The smallest statistics threshold k the engine accepts (R5, docs/statistics.md).
         *
         * @var int
         * @cvalue MG_K_MIN
         */
        public const K_MIN = UNKNOWN;

        public function __construct(Source $source, array $settings = []) {}

        public function settings(): array {}

        /** The default settings: every setting but "now" (which defaults to the current time). */
        public static function defaults(): array {}

        /**
         * The memory of the engine in this PHP process (thread, in a ZTS build) and its resident
         * models (docs/resident.md): engine_bytes (held now), engine_peak_bytes (the most held
         * during this request), resident_bytes, resident_models, resident_memory and resident_ttl
         * (the INI settings), resident_hits, resident_misses, resident_evictions.
         */
        public static function memoryUsage(): array {}

        /** Drops every resident model of this process; returns how many there were. */
        public static function residentClear(): int {}

        /** R2: the participant's own view of a parcours. */
        public function participantView(int $viewerId, int $courseId): array {}

        /** R3: the trainer's view of a parcours. */
        public function trainerView(int $viewerId, int $courseId): array {}

        /** R4: the inspector's view of the teachers of his circonscription(s). */
        public function inspectorView(int $viewerId, ?string $circonscription = null): array {}

        /**
         * R5: a statistics release: the tables of the publication plan asked for ("etablissements",
         * "parcours"), under disclosure control, protected together with the earlier releases of
         * this site given (as this method or Statistics::read() returns them). Any other table is
         * refused with AccessDenied (docs/statistics.md).
         */
        public function statistics(array $tables = ["etablissements", "parcours"], array $earlierReleases = [], ?int $k = null): array {}

        /** R9: what each role sees about a participant. */
        public function transparency(int $userId, int $courseId): array {}

        /** "My trainings": every participation of the user (training records included) and the parcours he trains. */
        public function myTrainings(int $userId): array {}

        /** The anomalies of the site's data, for the site administrator only (docs/api.md). */
        public function dataQuality(int $limit = 1000): array {}

        /**
         * The administrative attestation file (docs/xml-attestations.md), streamed to a path or a
         * stream. Returns the number of participants written.
         *
         * @param string|resource $target
         */
        public function writeAttestations(mixed $target, ?array $courseIds = null): int {}

        /**
         * A statistics release as an exchange file (docs/xml-statistics.md, schema version 2) of
         * this site's académie (its code, e.g. "AIX-MARSEILLE", names the file's producer for the
         * ministry), protected together with the earlier releases given. Returns the number of
         * cells.
         *
         * @param string|resource $target
         */
        public function writeStatistics(mixed $target, string $academie, array $earlierReleases = [], ?int $k = null): int {}
    }

    /**
     * The ministry side of the statistics exchange.
     *
     * @strict-properties
     * @not-serializable
     */
    final class Statistics
    {
        private function __construct() {}

        /** Reads and validates one statistics file (a release) into the array statistics() returns. */
        public static function read(string $path): array {}

        /** Reads, validates and merges académie statistics files into the national release. */
        public static function merge(array $paths, ?int $k = null): array {}

        /**
         * Writes a merged national release as a statistics exchange file.
         *
         * @param string|resource $target
         */
        public static function writeMerged(array $table, mixed $target): int {}
    }

    class Exception extends \RuntimeException {}

    /** A rule (R1-R9) refuses the request. */
    final class AccessDenied extends Exception {}

    /** An unknown course, user or circonscription. */
    final class NotFound extends Exception {}

    /** Inconsistent rows; the message names the table, the row and the field. */
    final class DataError extends Exception {}

    /** Invalid settings. */
    final class SettingsError extends Exception {}

    /** The database cannot be reached or refused the connection. */
    final class ConnectionError extends Exception {}

    /** An exchange file is unreadable, hostile or invalid. */
    final class XmlError extends Exception {}

    /** A failure inside magistere itself (out of memory, a broken invariant): a bug to report, never the input's fault. */
    final class InternalError extends Exception {}
}
