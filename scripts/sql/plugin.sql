-- The tables of local_magistere (moodle_plugin/db/install.xml) as Moodle's XMLDB MySQL generator
-- creates them. Keep in step with install.xml. {prefix}: see moodle.sql.

CREATE TABLE `{prefix}local_magistere_mark` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `courseid` BIGINT(10) NOT NULL,
  `userid` BIGINT(10) NOT NULL,
  `finished` TINYINT(1) NOT NULL DEFAULT 0,
  `creditedminutes` BIGINT(10),
  `timemodified` BIGINT(10) NOT NULL DEFAULT 0,
  `modifiedby` BIGINT(10) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}locamagimark_couuse_uix` (`courseid`, `userid`),
  KEY `{prefix}locamagimark_cou_ix` (`courseid`),
  KEY `{prefix}locamagimark_use_ix` (`userid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='The trainer''s formation terminee mark, one row per participant and parcours (R3, R7)'
;
CREATE TABLE `{prefix}local_magistere_mark_hist` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `courseid` BIGINT(10) NOT NULL,
  `userid` BIGINT(10) NOT NULL,
  `finished` TINYINT(1) NOT NULL DEFAULT 0,
  `creditedminutes` BIGINT(10),
  `timemodified` BIGINT(10) NOT NULL DEFAULT 0,
  `modifiedby` BIGINT(10) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `{prefix}locamagimarkhist_couuse_ix` (`courseid`, `userid`),
  KEY `{prefix}locamagimarkhist_mod_ix` (`modifiedby`),
  KEY `{prefix}locamagimarkhist_cou_ix` (`courseid`),
  KEY `{prefix}locamagimarkhist_use_ix` (`userid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='Audit trail: every change of a mark, who and when (R3)'
;
CREATE TABLE `{prefix}local_magistere_school` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `uai` VARCHAR(10) NOT NULL DEFAULT '',
  `name` VARCHAR(255) NOT NULL DEFAULT '',
  `city` VARCHAR(255) NOT NULL DEFAULT '',
  `circonscription` VARCHAR(20) NOT NULL DEFAULT '',
  `departement` VARCHAR(10) NOT NULL DEFAULT '',
  `academie` VARCHAR(100) NOT NULL DEFAULT '',
  `degre` VARCHAR(2) NOT NULL DEFAULT '',
  `secteur` VARCHAR(10) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}locamagischo_uai_uix` (`uai`),
  KEY `{prefix}locamagischo_cir_ix` (`circonscription`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='Schools (etablissements), keyed by their UAI'
;
CREATE TABLE `{prefix}local_magistere_circ` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `code` VARCHAR(20) NOT NULL DEFAULT '',
  `name` VARCHAR(255) NOT NULL DEFAULT '',
  `departement` VARCHAR(10) NOT NULL DEFAULT '',
  `academie` VARCHAR(100) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}locamagicirc_cod_uix` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='Circonscriptions (districts of an IEN)'
;
CREATE TABLE `{prefix}local_magistere_inspector` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `userid` BIGINT(10) NOT NULL,
  `circonscription` VARCHAR(20) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}locamagiinsp_usecir_uix` (`userid`, `circonscription`),
  KEY `{prefix}locamagiinsp_cir_ix` (`circonscription`),
  KEY `{prefix}locamagiinsp_use_ix` (`userid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='Which user inspects which circonscription (R4)'
;
CREATE TABLE `{prefix}local_magistere_stamp` (
  `id` BIGINT(10) NOT NULL AUTO_INCREMENT,
  `itemtype` BIGINT(4) NOT NULL DEFAULT 0,
  `itemid` BIGINT(10) NOT NULL DEFAULT 0,
  `stamp` BIGINT(10) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}locamagistam_iteite_uix` (`itemtype`, `itemid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=Dynamic COMMENT='Change stamps of the resident models: one counter for the site (itemtype 0), one per course (1), one for the memberships of everybody (2)'
;
