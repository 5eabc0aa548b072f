/*
 * bench/generate: a synthetic académie in Moodle's schema, as TSV files for
 * LOAD DATA, at a scale factor, deterministic from a seed.
 *
 *   generate -s SCALE -r SEED -o OUTDIR
 *
 * At scale 1: 60,000 teachers in 1,200 schools and 40 circonscriptions,
 * 1,500 parcours of 10 to 60 activities, about 300,000 participant
 * enrolments and about 6 million course_modules_completion rows. Every
 * count scales linearly with SCALE (minimum one of each).
 *
 * The data exercises the rules the views implement: inactive enrolments
 * (disabled instance, suspended enrolment, window ended or not started),
 * deleted and suspended users, role assignments without enrolment and
 * enrolments without role, a participant who is also a trainer, untracked,
 * hidden and being-deleted course modules, hidden sections, a hidden module
 * type, teachers without a school or with an unknown school code, failed
 * activities, unticked marks and credited durations that differ from the
 * current forecast (R7 snapshots).
 *
 * Output: one <table>.tsv per table (columns in the order of the first line
 * of <table>.cols) and meta.tsv (key<TAB>value: the ids the benchmark uses).
 * Strings never contain a tab, a newline or a backslash, so the files load
 * with LOAD DATA's default field and line terminators.
 *
 * Build: cc -O2 -std=c11 -Wall -Wextra -Werror -o generate generate.c -lm
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The instant the benchmark evaluates enrolment windows at ("now"). */
#define GEN_NOW INT64_C(1780000000)
#define GEN_T0 (GEN_NOW - INT64_C(200) * 86400)

/* Role ids, as a fresh Moodle install numbers them, plus m@gistère's. */
enum { ROLE_MANAGER = 1, ROLE_COURSECREATOR = 2, ROLE_EDITINGTEACHER = 3, ROLE_TEACHER = 4,
	ROLE_STUDENT = 5, ROLE_GUEST = 6, ROLE_USER = 7, ROLE_FRONTPAGE = 8,
	ROLE_PARTICIPANT = 9, ROLE_FORMATEUR = 10, ROLE_TUTEUR = 11 };

/* ------------------------------------------------------------- random */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0. */
static int64_t rng_below(int64_t n)
{
	return (int64_t)(rng_next() % (uint64_t)n);
}

/* Uniform in [0, 1). */
static double rng_unit(void)
{
	return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* True with probability p. */
static int rng_chance(double p)
{
	return rng_unit() < p;
}

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b != 0) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* ------------------------------------------------------------ output */

typedef struct out_file {
	FILE *f;
	const char *name;
	int64_t rows;
} out_file;

static const char *out_dir;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("generate: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (p == NULL) {
		die("out of memory (%zu x %zu)", n, size);
	}
	return p;
}

/* Opens <dir>/<table>.tsv and writes <dir>/<table>.cols (the column list). */
static void out_open(out_file *o, const char *table, const char *cols)
{
	char path[4096];
	FILE *c;
	snprintf(path, sizeof path, "%s/%s.cols", out_dir, table);
	c = fopen(path, "w");
	if (c == NULL) {
		die("%s: %s", path, strerror(errno));
	}
	fprintf(c, "%s\n", cols);
	if (fclose(c) != 0) {
		die("%s: %s", path, strerror(errno));
	}
	snprintf(path, sizeof path, "%s/%s.tsv", out_dir, table);
	o->f = fopen(path, "w");
	if (o->f == NULL) {
		die("%s: %s", path, strerror(errno));
	}
	setvbuf(o->f, NULL, _IOFBF, 1 << 20);
	o->name = table;
	o->rows = 0;
}

static void out_close(out_file *o)
{
	if (ferror(o->f) || fclose(o->f) != 0) {
		die("%s.tsv: write failed", o->name);
	}
	o->f = NULL;
}

static void row(out_file *o, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void row(out_file *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(o->f, fmt, ap);
	va_end(ap);
	fputc('\n', o->f);
	o->rows++;
}

/* Fast path for the big table: four integers. */
static char *put_i64(char *p, int64_t v)
{
	char tmp[24];
	int n = 0;
	uint64_t u;
	if (v < 0) {
		*p++ = '-';
		u = (uint64_t)0 - (uint64_t)v;
	} else {
		u = (uint64_t)v;
	}
	do {
		tmp[n++] = (char)('0' + (u % 10));
		u /= 10;
	} while (u != 0);
	while (n > 0) {
		*p++ = tmp[--n];
	}
	return p;
}

/* ------------------------------------------------------------- names */

static const char *const first_names[] = {
	"Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura", "Marie",
	"Anaïs", "Pauline", "Mathilde", "Clémence", "Hélène", "Élodie", "Céline", "Nathalie", "Sophie", "Isabelle",
	"Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Hugo", "Lucas", "Théo", "Louis", "Paul",
	"Jérôme", "François", "Stéphane", "Sébastien", "Olivier", "Benoît", "Cédric", "Aurélien", "Grégoire", "Noël",
};
static const char *const last_names[] = {
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
	"Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
	"Morel", "Girard", "André", "Lefèbvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
	"Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
	"Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
	"Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Gautier",
	"Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
	"Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
	"Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
	"Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis",
	"Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall", "Guillaume",
	"Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier",
	"Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault", "Jacquet",
	"Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul",
	"Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin",
};
static const char *const cities[] = {
	"Marseille", "Aix-en-Provence", "Avignon", "Arles", "Martigues", "Aubagne", "Salon-de-Provence",
	"Istres", "Vitrolles", "Carpentras", "Orange", "Cavaillon", "Digne-les-Bains", "Manosque", "Gap",
	"Briançon", "Sisteron", "Pertuis", "La Ciotat", "Marignane",
};
static const char *const school_kinds_1d[] = { "École élémentaire", "École maternelle", "École primaire" };
static const char *const school_kinds_2d[] = { "Collège", "Lycée", "Lycée professionnel" };
static const char *const topics[] = {
	"Enseigner les mathématiques au cycle 2", "Lecture et compréhension de l'écrit", "Le numérique en classe",
	"École inclusive : adapter son enseignement", "Laïcité et valeurs de la République",
	"Évaluer pour faire progresser", "Les sciences à l'école", "Enseigner l'oral", "Éducation au développement durable",
	"Gestion de classe et climat scolaire", "Langues vivantes au primaire", "Le plan français",
	"Accueillir un élève allophone", "Éducation physique et sportive", "Arts plastiques et culture",
	"Former les tuteurs", "Prévenir le harcèlement", "Orientation au lycée", "Enseigner l'histoire des arts",
	"Les fondamentaux du calcul mental",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Moodle module types: name, visible. `chat` is disabled on the site. */
static const struct { const char *name; int visible; } module_types[] = {
	{ "assign", 1 }, { "quiz", 1 }, { "page", 1 }, { "forum", 1 }, { "url", 1 }, { "resource", 1 },
	{ "scorm", 1 }, { "h5pactivity", 1 }, { "lesson", 1 }, { "glossary", 1 }, { "chat", 0 }, { "label", 1 },
};

/* ------------------------------------------------------------- model */

typedef struct school {
	char uai[9];
	int circ;
	int degre2; /* 0: 1D, 1: 2D */
	int prive;
} school;

typedef struct course_info {
	int64_t id;
	int64_t ctxid;
	int64_t enrol_manual, enrol_self;
	int enrol_self_disabled;
	int64_t first_cm;    /* ids first_cm .. first_cm + ncm - 1 */
	int ncm;
	int64_t duration;    /* minutes; 0 = no duration recorded */
	int64_t trainers[3];
	int ntrainers;
} course_info;

static int64_t scale_count(double base, double scale, int64_t min)
{
	double v = base * scale + 0.5;
	int64_t n = (int64_t)v;
	return n < min ? min : n;
}

static void usage(void)
{
	fputs("usage: generate -s SCALE -r SEED -o OUTDIR\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	double scale = 0.1;
	uint64_t seed = 42;
	int i;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
			char *end;
			scale = strtod(argv[++i], &end);
			if (*end != '\0' || !(scale > 0.0) || scale > 100.0) {
				die("bad scale %s", argv[i]);
			}
		} else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
			char *end;
			seed = strtoull(argv[++i], &end, 10);
			if (*end != '\0') {
				die("bad seed %s", argv[i]);
			}
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			out_dir = argv[++i];
		} else {
			usage();
		}
	}
	if (out_dir == NULL) {
		usage();
	}
	if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) {
		die("%s: %s", out_dir, strerror(errno));
	}
	rng_state = seed;

	const int64_t nteachers = scale_count(60000, scale, 40);
	const int64_t nschools = scale_count(1200, scale, 4);
	const int64_t ncircs = scale_count(40, scale, 1);
	const int64_t ndepts = ncircs / 10 > 0 ? ncircs / 10 : 1;
	const int64_t ncourses = scale_count(1500, scale, 4);
	const int64_t nenrol_target = scale_count(300000, scale, 200);
	const int64_t ntrainers = scale_count(1000, scale, 4);
	const int64_t big_size = nteachers / 2 < 1000 ? nteachers / 2 : 1000;

	/* Users: 1 guest, 2 admin, then teachers, trainers, inspectors. */
	const int64_t uid_teacher0 = 3;
	const int64_t uid_trainer0 = uid_teacher0 + nteachers;
	const int64_t uid_insp0 = uid_trainer0 + ntrainers;
	const int64_t ninspectors = ncircs;
	const int64_t nusers = uid_insp0 + ninspectors - 1;

	out_file f_user, f_uif, f_uid, f_course, f_ctx, f_role, f_ra, f_enrol, f_ue, f_mod, f_cs, f_cm,
		f_cmc, f_cff, f_cfd, f_mark, f_school, f_circ, f_insp, f_meta;

	/* ---------------------------------------------------- reference data */
	out_open(&f_role, "role", "id,name,shortname,description,sortorder,archetype");
	{
		static const char *const roles[][3] = {
			{ "manager", "manager", "Gestionnaire" }, { "coursecreator", "coursecreator", "Créateur de cours" },
			{ "editingteacher", "editingteacher", "Enseignant" }, { "teacher", "teacher", "Enseignant non éditeur" },
			{ "student", "student", "Étudiant" }, { "guest", "guest", "Invité" }, { "user", "user", "Utilisateur authentifié" },
			{ "frontpage", "frontpage", "Utilisateur authentifié sur la page d'accueil" },
			{ "participant", "student", "Participant" }, { "formateur", "editingteacher", "Formateur" },
			{ "tuteur", "teacher", "Tuteur" },
		};
		size_t r;
		for (r = 0; r < COUNT_OF(roles); r++) {
			row(&f_role, "%zu\t%s\t%s\t\t%zu\t%s", r + 1, roles[r][2], roles[r][0], r + 1, roles[r][1]);
		}
	}
	out_close(&f_role);

	out_open(&f_mod, "modules", "id,name,cron,lastcron,search,visible");
	{
		size_t m;
		for (m = 0; m < COUNT_OF(module_types); m++) {
			row(&f_mod, "%zu\t%s\t0\t0\t\t%d", m + 1, module_types[m].name, module_types[m].visible);
		}
	}
	out_close(&f_mod);

	out_open(&f_uif, "user_info_field",
		"id,shortname,name,datatype,description,descriptionformat,categoryid,sortorder,required,locked,visible,forceunique,signup,defaultdata,defaultdataformat");
	row(&f_uif, "1\trne\tÉtablissement (UAI)\ttext\t\t1\t1\t1\t0\t1\t2\t0\t0\t\t0");
	row(&f_uif, "2\tFrEduFonctAdm\tFonction administrative\ttext\t\t1\t1\t2\t0\t1\t0\t0\t0\t\t0");
	out_close(&f_uif);

	out_open(&f_cff, "customfield_field",
		"id,shortname,name,type,description,descriptionformat,sortorder,categoryid,configdata,timecreated,timemodified");
	row(&f_cff, "1\tmagistere_duration\tDurée prévisionnelle (minutes)\tnumber\t\t1\t1\t1\t{}\t%" PRId64 "\t%" PRId64,
		GEN_T0, GEN_T0);
	row(&f_cff, "2\tmagistere_origin\tOrigine\ttext\t\t1\t2\t1\t{}\t%" PRId64 "\t%" PRId64, GEN_T0, GEN_T0);
	out_close(&f_cff);


	/* ---------------------------------------------- circonscriptions */
	out_open(&f_circ, "local_magistere_circ", "id,code,name,departement,academie");
	char (*circ_code)[9] = xcalloc((size_t)ncircs, sizeof *circ_code);
	char (*dept_code)[4] = xcalloc((size_t)ndepts, sizeof *dept_code);
	{
		int64_t d, c;
		static const char *const depts[] = { "013", "084", "004", "005" };
		for (d = 0; d < ndepts; d++) {
			if (d < (int64_t)COUNT_OF(depts)) {
				snprintf(dept_code[d], sizeof dept_code[d], "%s", depts[d]);
			} else {
				snprintf(dept_code[d], sizeof dept_code[d], "%03d", (int)(100 + d % 800));
			}
		}
		for (c = 0; c < ncircs; c++) {
			int64_t d = c * ndepts / ncircs;
			snprintf(circ_code[c], sizeof circ_code[c], "%s9%03dZ", dept_code[d], (int)(c % 1000));
			row(&f_circ, "%" PRId64 "\t%s\tCirconscription %s %" PRId64 "\t%s\tAIX-MARSEILLE", c + 1, circ_code[c],
				cities[c % (int64_t)COUNT_OF(cities)], c + 1, dept_code[d]);
		}
	}
	out_close(&f_circ);

	/* ---------------------------------------------------------- schools */
	out_open(&f_school, "local_magistere_school",
		"id,uai,name,city,circonscription,departement,academie,degre,secteur");
	school *schools = xcalloc((size_t)nschools, sizeof *schools);
	{
		int64_t s;
		for (s = 0; s < nschools; s++) {
			school *sc = &schools[s];
			int64_t c = s * ncircs / nschools;
			int64_t d = c * ndepts / ncircs;
			const char *kind;
			sc->circ = (int)c;
			sc->degre2 = rng_chance(0.2);
			sc->prive = rng_chance(0.15);
			snprintf(sc->uai, sizeof sc->uai, "%s%04d%c", dept_code[d], (int)(s % 10000),
				(char)('A' + (int)(s % 25)));
			kind = sc->degre2 ? school_kinds_2d[rng_below(3)] : school_kinds_1d[rng_below(3)];
			row(&f_school, "%" PRId64 "\t%s\t%s %s\t%s\t%s\t%s\tAIX-MARSEILLE\t%s\t%s", s + 1, sc->uai, kind,
				last_names[rng_below((int64_t)COUNT_OF(last_names))], cities[rng_below((int64_t)COUNT_OF(cities))],
				circ_code[c], dept_code[d], sc->degre2 ? "2D" : "1D", sc->prive ? "prive" : "public");
		}
	}
	out_close(&f_school);

	/* ------------------------------------------------------------ users */
	out_open(&f_user, "user",
		"id,auth,confirmed,mnethostid,username,idnumber,firstname,lastname,email,deleted,suspended,timecreated,timemodified");
	out_open(&f_uid, "user_info_data", "id,userid,fieldid,data,dataformat");
	{
		int64_t u, uidid = 0;
		row(&f_user, "1\tmanual\t1\t1\tguest\t\tGuest user\t \troot@localhost\t0\t0\t0\t%" PRId64, GEN_T0);
		row(&f_user, "2\tmanual\t1\t1\tadmin\t\tAdmin\tUser\tadmin@example.invalid\t0\t0\t0\t%" PRId64, GEN_T0);
		for (u = 1; u <= nusers - 2; u++) {
			int64_t id = u + 2;
			const char *fn = first_names[rng_below((int64_t)COUNT_OF(first_names))];
			const char *ln = last_names[rng_below((int64_t)COUNT_OF(last_names))];
			int deleted = rng_chance(0.002);
			int suspended = !deleted && rng_chance(0.003);
			if (deleted) {
				/* Moodle renames deleted accounts. */
				row(&f_user, "%" PRId64 "\tshibboleth\t1\t1\tdeleted.%" PRId64 "\t\t%s\t%s\t\t1\t0\t%" PRId64 "\t%" PRId64,
					id, id, fn, ln, GEN_T0, GEN_T0);
			} else {
				row(&f_user,
					"%" PRId64 "\tshibboleth\t1\t1\tu%07" PRId64 "\tN%09" PRId64 "\t%s\t%s\tu%07" PRId64
					"@ac-example.invalid\t0\t%d\t%" PRId64 "\t%" PRId64,
					id, id, id, fn, ln, id, suspended, GEN_T0, GEN_T0);
			}
			if (id < uid_trainer0) {
				/* A teacher: 50 per school, in order; 1.5% without a school,
				 * 0.5% with a code that names no known school. */
				int64_t t = id - uid_teacher0;
				int64_t s = t * nschools / nteachers;
				double r = rng_unit();
				if (r < 0.015) {
					if (rng_chance(0.5)) {
						row(&f_uid, "%" PRId64 "\t%" PRId64 "\t1\t\t0", ++uidid, id);
					}
				} else if (r < 0.02) {
					row(&f_uid, "%" PRId64 "\t%" PRId64 "\t1\t9999%03dZ\t0", ++uidid, id, (int)rng_below(1000));
				} else {
					row(&f_uid, "%" PRId64 "\t%" PRId64 "\t1\t%s\t0", ++uidid, id, schools[s].uai);
				}
			} else if (id >= uid_insp0) {
				int64_t c = id - uid_insp0;
				row(&f_uid, "%" PRId64 "\t%" PRId64 "\t1\t%s\t0", ++uidid, id, circ_code[c]);
				row(&f_uid, "%" PRId64 "\t%" PRId64 "\t2\tIEN1D\t0", ++uidid, id);
			} else if (rng_chance(0.7)) {
				/* Trainers are teachers too, in some school. */
				row(&f_uid, "%" PRId64 "\t%" PRId64 "\t1\t%s\t0", ++uidid, id, schools[rng_below(nschools)].uai);
			}
		}
	}
	out_close(&f_user);
	out_close(&f_uid);

	out_open(&f_insp, "local_magistere_inspector", "id,userid,circonscription");
	{
		int64_t c, n = 0;
		for (c = 0; c < ncircs; c++) {
			row(&f_insp, "%" PRId64 "\t%" PRId64 "\t%s", ++n, uid_insp0 + c, circ_code[c]);
		}
		/* The first inspector also holds the second circonscription. */
		if (ncircs > 1) {
			row(&f_insp, "%" PRId64 "\t%" PRId64 "\t%s", ++n, uid_insp0, circ_code[1]);
		}
	}
	out_close(&f_insp);

	/* ---------------------------------------------------------- courses */
	course_info *courses = xcalloc((size_t)ncourses, sizeof *courses);
	out_open(&f_course, "course",
		"id,category,sortorder,fullname,shortname,idnumber,summary,summaryformat,format,startdate,enddate,visible,enablecompletion,timecreated,timemodified");
	out_open(&f_ctx, "context", "id,contextlevel,instanceid,path,depth,locked");
	out_open(&f_enrol, "enrol", "id,enrol,status,courseid,sortorder,roleid,timecreated,timemodified");
	out_open(&f_cs, "course_sections", "id,course,section,name,summary,summaryformat,sequence,visible,timemodified");
	out_open(&f_cm, "course_modules",
		"id,course,module,instance,section,idnumber,added,visible,visibleold,groupmode,completion,deletioninprogress");
	out_open(&f_cfd, "customfield_data",
		"id,fieldid,instanceid,intvalue,decvalue,shortcharvalue,charvalue,value,valueformat,timecreated,timemodified,contextid");
	int64_t ctxid = 0, enrolid = 0, csid = 0, cmid = 0, cfdid = 0;
	row(&f_ctx, "%" PRId64 "\t10\t0\t/1\t1\t0", ++ctxid);
	row(&f_course, "1\t0\t1\tAcadémie de démonstration\tm@gistère\t\t\t1\tsite\t0\t0\t1\t0\t%" PRId64 "\t%" PRId64,
		GEN_T0, GEN_T0);
	row(&f_ctx, "%" PRId64 "\t50\t1\t/1/%" PRId64 "\t2\t0", ctxid + 1, ctxid + 1);
	ctxid++;
	{
		int64_t c;
		for (c = 0; c < ncourses; c++) {
			course_info *ci = &courses[c];
			int nsections, s, a, hidden_section;
			int64_t sec_first_id;
			ci->id = c + 2;
			ci->ctxid = ++ctxid;
			ci->ncm = 10 + (int)rng_below(51);
			ci->duration = rng_chance(0.92) ? 30 * (2 + rng_below(59)) : 0;
			row(&f_course,
				"%" PRId64 "\t1\t%" PRId64 "\t%s (session %" PRId64 ")\tPARC-%05" PRId64 "\t\t\t1\ttopics\t%" PRId64
				"\t0\t%d\t1\t%" PRId64 "\t%" PRId64,
				ci->id, 10000 + c, topics[c % (int64_t)COUNT_OF(topics)], c / (int64_t)COUNT_OF(topics) + 1, c + 1,
				GEN_T0, rng_chance(0.97) ? 1 : 0, GEN_T0, GEN_T0);
			row(&f_ctx, "%" PRId64 "\t50\t%" PRId64 "\t/1/%" PRId64 "\t2\t0", ci->ctxid, ci->id, ci->ctxid);
			ci->enrol_manual = ++enrolid;
			row(&f_enrol, "%" PRId64 "\tmanual\t0\t%" PRId64 "\t0\t%d\t%" PRId64 "\t%" PRId64, enrolid, ci->id,
				ROLE_PARTICIPANT, GEN_T0, GEN_T0);
			ci->enrol_self = ++enrolid;
			ci->enrol_self_disabled = rng_chance(0.1);
			row(&f_enrol, "%" PRId64 "\tself\t%d\t%" PRId64 "\t1\t%d\t%" PRId64 "\t%" PRId64, enrolid,
				ci->enrol_self_disabled, ci->id, ROLE_PARTICIPANT, GEN_T0, GEN_T0);
			if (ci->duration > 0) {
				row(&f_cfd, "%" PRId64 "\t1\t%" PRId64 "\t\t%" PRId64 ".00000\t\t\t%" PRId64 "\t0\t%" PRId64
					"\t%" PRId64 "\t%" PRId64,
					++cfdid, ci->id, ci->duration, ci->duration, GEN_T0, GEN_T0, ci->ctxid);
			}
			row(&f_cfd, "%" PRId64 "\t2\t%" PRId64 "\t\t\t\tGAIA\tGAIA\t0\t%" PRId64 "\t%" PRId64 "\t%" PRId64, ++cfdid,
				ci->id, GEN_T0, GEN_T0, ci->ctxid);

			/* Sections 0..nsections-1, about 8 activities each; the activities
			 * of a section are listed in its sequence in an order that is not
			 * the id order (the views follow the sequence). */
			nsections = 1 + (ci->ncm + 7) / 8;
			hidden_section = rng_chance(0.05) ? 1 + (int)rng_below(nsections - 1) : -1;
			sec_first_id = csid + 1;
			ci->first_cm = cmid + 1;
			for (s = 0; s < nsections; s++) {
				char seq[1024];
				size_t len = 0;
				int from = s == 0 ? 0 : (s - 1) * 8, to = s == 0 ? 0 : (s * 8 < ci->ncm ? s * 8 : ci->ncm);
				seq[0] = '\0';
				for (a = to - 1; a >= from; a--) {
					len += (size_t)snprintf(seq + len, sizeof seq - len, "%s%" PRId64, len ? "," : "",
						ci->first_cm + a);
				}
				row(&f_cs, "%" PRId64 "\t%" PRId64 "\t%d\t\t\t1\t%s\t%d\t%" PRId64, sec_first_id + s, ci->id, s, seq,
					s == hidden_section ? 0 : 1, GEN_T0);
			}
			csid += nsections;
			for (a = 0; a < ci->ncm; a++) {
				int mod = (int)rng_below((int64_t)COUNT_OF(module_types));
				int completion = rng_chance(0.05) ? 0 : (rng_chance(0.5) ? 1 : 2);
				int visible = rng_chance(0.02) ? 0 : 1;
				int deleting = rng_chance(0.005);
				if (mod == 10 && !rng_chance(0.2)) {
					mod = 0; /* keep the disabled module type rare */
				}
				cmid++;
				row(&f_cm, "%" PRId64 "\t%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t\t%" PRId64 "\t%d\t%d\t0\t%d\t%d",
					cmid, ci->id, mod + 1, cmid, sec_first_id + 1 + a / 8, GEN_T0, visible, visible, completion,
					deleting);
				row(&f_ctx, "%" PRId64 "\t70\t%" PRId64 "\t/1/%" PRId64 "/%" PRId64 "\t3\t0", ctxid + 1, cmid, ci->ctxid,
					ctxid + 1);
				ctxid++;
			}
			ci->ntrainers = 1 + (int)rng_below(3);
			for (a = 0; a < ci->ntrainers; a++) {
				ci->trainers[a] = uid_trainer0 + rng_below(ntrainers);
			}
		}
	}
	out_close(&f_course);
	out_close(&f_enrol);
	out_close(&f_cs);
	out_close(&f_cm);
	out_close(&f_cfd);

	/* User contexts (level 30), as Moodle creates them. */
	{
		int64_t u;
		for (u = 1; u <= nusers; u++) {
			row(&f_ctx, "%" PRId64 "\t30\t%" PRId64 "\t/1/%" PRId64 "\t2\t0", ctxid + 1, u, ctxid + 1);
			ctxid++;
		}
	}
	out_close(&f_ctx);

	/* ------------------------------------------- enrolments, completions */
	out_open(&f_ue, "user_enrolments", "id,status,enrolid,userid,timestart,timeend,modifierid,timecreated,timemodified");
	out_open(&f_ra, "role_assignments", "id,roleid,contextid,userid,timemodified,modifierid,component,itemid,sortorder");
	out_open(&f_cmc, "course_modules_completion",
		"id,coursemoduleid,userid,completionstate,overrideby,timemodified");
	out_open(&f_mark, "local_magistere_mark", "id,courseid,userid,finished,creditedminutes,timemodified,modifiedby");
	int64_t ueid = 0, raid = 0, cmcid = 0, markid = 0;
	int64_t participants_enrolled = 0;
	char *cmcbuf = xcalloc(1 << 16, 1);
	{
		/* Course sizes: the first parcours has big_size participants (the
		 * trainer view the benchmark times); the others share the rest with
		 * weights drawn from a skewed distribution. */
		double *weights = xcalloc((size_t)ncourses, sizeof *weights);
		int64_t *sizes = xcalloc((size_t)ncourses, sizeof *sizes);
		double wsum = 0.0;
		int64_t c, rest = nenrol_target - big_size;
		for (c = 1; c < ncourses; c++) {
			double u = rng_unit();
			weights[c] = 0.2 + u * u * u * 4.0;
			wsum += weights[c];
		}
		sizes[0] = big_size;
		for (c = 1; c < ncourses; c++) {
			int64_t n = (int64_t)(weights[c] / wsum * (double)rest + 0.5);
			if (n < 3) {
				n = 3;
			}
			if (n > nteachers * 9 / 10) {
				n = nteachers * 9 / 10;
			}
			if (n > big_size - 1 && ncourses > 1) {
				n = big_size - 1; /* the benchmark course stays the biggest */
			}
			sizes[c] = n;
		}
		for (c = 0; c < ncourses; c++) {
			course_info *ci = &courses[c];
			int64_t start = rng_below(nteachers), stride, j;
			int t;
			/* Distinct teachers: start + j * stride mod nteachers, stride
			 * coprime with nteachers. */
			do {
				stride = 1 + rng_below(nteachers - 1 > 0 ? nteachers - 1 : 1);
			} while (gcd64(stride, nteachers) != 1);
			/* Trainers: enrolled (manual) with the formateur role, except the
			 * second trainer of a parcours, who is a tuteur. */
			for (t = 0; t < ci->ntrainers; t++) {
				int dup = 0, k;
				for (k = 0; k < t; k++) {
					dup |= ci->trainers[k] == ci->trainers[t];
				}
				if (dup) {
					continue;
				}
				row(&f_ue, "%" PRId64 "\t0\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t0\t2\t%" PRId64 "\t%" PRId64, ++ueid,
					ci->enrol_manual, ci->trainers[t], GEN_T0, GEN_T0, GEN_T0);
				row(&f_ra, "%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t2\t\t0\t0", ++raid,
					t == 1 ? ROLE_TUTEUR : ROLE_FORMATEUR, ci->ctxid, ci->trainers[t], GEN_T0);
			}
			for (j = 0; j < sizes[c]; j++) {
				int64_t t = (start + j * stride) % nteachers;
				int64_t uid = uid_teacher0 + t;
				int64_t enrol = ci->enrol_manual, timestart = GEN_T0 + rng_below(100) * 86400, timeend = 0;
				int status = 0, role = ROLE_PARTICIPANT, has_role = 1, a, touched;
				double r = rng_unit(), p;
				if (rng_chance(0.15)) {
					enrol = ci->enrol_self;
				}
				if (r < 0.01) {
					status = 1; /* suspended enrolment */
				} else if (r < 0.02) {
					timeend = GEN_NOW - 86400 * (1 + rng_below(30)); /* ended */
				} else if (r < 0.025) {
					timestart = GEN_NOW + 86400 * (1 + rng_below(30)); /* not started */
				} else if (r < 0.07) {
					timeend = GEN_NOW + 86400 * (1 + rng_below(100)); /* ends later */
				}
				if (rng_chance(0.1)) {
					role = ROLE_STUDENT;
				}
				if (rng_chance(0.005)) {
					has_role = 0; /* enrolled without a role: nobody in the parcours */
				}
				row(&f_ue, "%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t2\t%" PRId64 "\t%" PRId64,
					++ueid, status, enrol, uid, timestart, timeend, GEN_T0, GEN_T0);
				if (has_role) {
					row(&f_ra, "%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t2\t\t0\t0", ++raid, role,
						ci->ctxid, uid, GEN_T0);
				}
				participants_enrolled++;
				/* In the benchmark parcours, one participant is also a tutor
				 * (he is then a trainer, not a participant). */
				if (c == 0 && j == 7) {
					row(&f_ra, "%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t2\t\t0\t0", ++raid,
						ROLE_TUTEUR, ci->ctxid, uid, GEN_T0);
				}
				/* Completions: the participant touched the first `touched`
				 * activities (p^0.75 of them on average 4/7). */
				p = rng_unit();
				p = p > 0.0 ? pow(p, 0.75) : 0.0;
				touched = (int)(p * ci->ncm + 0.5);
				for (a = 0; a < touched; a++) {
					char *q = cmcbuf;
					double s = rng_unit();
					int state = s < 0.78 ? 1 : (s < 0.88 ? 2 : (s < 0.93 ? 3 : 0));
					q = put_i64(q, ++cmcid);
					*q++ = '\t';
					q = put_i64(q, ci->first_cm + a);
					*q++ = '\t';
					q = put_i64(q, uid);
					*q++ = '\t';
					*q++ = (char)('0' + state);
					*q++ = '\t';
					*q++ = '\\';
					*q++ = 'N';
					*q++ = '\t';
					q = put_i64(q, GEN_T0 + rng_below(150) * 86400);
					*q++ = '\n';
					fwrite(cmcbuf, 1, (size_t)(q - cmcbuf), f_cmc.f);
					f_cmc.rows++;
				}
				/* Marks: most of those who went far are ticked finished; a few
				 * were ticked then unticked; the credited minutes are the
				 * forecast at the time (sometimes an older forecast). */
				if ((p > 0.8 && rng_chance(0.75)) || rng_chance(0.05)) {
					int64_t credited = ci->duration > 0 ? ci->duration : -1;
					int64_t by = ci->trainers[0];
					if (credited > 0 && rng_chance(0.1)) {
						credited += 30;
					}
					if (rng_chance(0.06)) {
						row(&f_mark, "%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t0\t\\N\t%" PRId64 "\t%" PRId64, ++markid,
							ci->id, uid, GEN_T0 + rng_below(150) * 86400, by);
					} else if (credited < 0) {
						row(&f_mark, "%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t1\t\\N\t%" PRId64 "\t%" PRId64, ++markid,
							ci->id, uid, GEN_T0 + rng_below(150) * 86400, by);
					} else {
						row(&f_mark, "%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t1\t%" PRId64 "\t%" PRId64 "\t%" PRId64,
							++markid, ci->id, uid, credited, GEN_T0 + rng_below(150) * 86400, by);
					}
				}
			}
			/* A role assignment left behind by an unenrolment: not in the
			 * parcours. */
			if (rng_chance(0.3)) {
				int64_t uid = uid_teacher0 + (start + sizes[c] * stride) % nteachers;
				if (sizes[c] < nteachers) {
					row(&f_ra, "%" PRId64 "\t%d\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t2\t\t0\t0", ++raid,
						ROLE_PARTICIPANT, ci->ctxid, uid, GEN_T0);
				}
			}
		}
		free(weights);
		free(sizes);
	}
	/* The site administrator, manager at system level. */
	row(&f_ra, "%" PRId64 "\t%d\t1\t2\t%" PRId64 "\t2\t\t0\t0", ++raid, ROLE_MANAGER, GEN_T0);
	out_close(&f_ue);
	out_close(&f_ra);
	out_close(&f_cmc);
	out_close(&f_mark);

	/* --------------------------------------------------------------- meta */
	out_open(&f_meta, "meta", "key,value");
	row(&f_meta, "scale\t%g", scale);
	row(&f_meta, "seed\t%" PRIu64, seed);
	row(&f_meta, "now\t%" PRId64, GEN_NOW);
	row(&f_meta, "trainer_course\t%" PRId64, courses[0].id);
	row(&f_meta, "trainer_viewer\t%" PRId64, courses[0].trainers[0]);
	row(&f_meta, "inspector_viewer\t%" PRId64, uid_insp0);
	row(&f_meta, "inspector_circ\t%s", circ_code[0]);
	row(&f_meta, "teachers\t%" PRId64, nteachers);
	row(&f_meta, "schools\t%" PRId64, nschools);
	row(&f_meta, "circonscriptions\t%" PRId64, ncircs);
	row(&f_meta, "parcours\t%" PRId64, ncourses);
	row(&f_meta, "course_modules\t%" PRId64, cmid);
	row(&f_meta, "participant_enrolments\t%" PRId64, participants_enrolled);
	row(&f_meta, "user_enrolments\t%" PRId64, ueid);
	row(&f_meta, "course_modules_completion\t%" PRId64, cmcid);
	row(&f_meta, "marks\t%" PRId64, markid);
	row(&f_meta, "users\t%" PRId64, nusers);
	out_close(&f_meta);

	free(cmcbuf);
	free(courses);
	free(schools);
	free(circ_code);
	free(dept_code);
	return 0;
}
