/*
 * The attack's solver (scripts/attack/attack.php, docs/statistics.md "How it is tested"): a
 * thin driver over GLPK that reads a linear model and questions about it on stdin and answers
 * on stdout, so that the PHP attack can ask thousands of questions of one model cheaply.
 *
 *   model N                    a new model of N variables, each >= 0 and continuous
 *   var J LO HI INT            bounds of variable J (0-based; "-inf"/"inf"), INT 1 for integer
 *   row LO HI NNZ J A ...      LO <= sum A*xJ <= HI ("-inf"/"inf" for none)
 *   mode lp|exact              how ranges are solved: floating-point simplex (with the exact
 *                              rational simplex to confirm the optimum) or exact rational only
 *   range ID NNZ J A ...       prints "range ID MIN MAX": the least and greatest value of the
 *                              form over the model ("-inf"/"inf" when unbounded, "infeasible")
 *   find ID LO HI NNZ J A ...  prints "find ID none", or "find ID J=V ..." with the integer
 *                              variables of a point where LO <= form <= HI (branch and bound)
 *   end
 *
 * Built by scripts/suites/25-attack.sh with -lglpk.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

static glp_prob *P;
static int nvars;
static int exact_mode;

static double parse_bound(const char *s)
{
	if (strcmp(s, "inf") == 0) {
		return HUGE_VAL;
	}
	if (strcmp(s, "-inf") == 0) {
		return -HUGE_VAL;
	}
	return strtod(s, NULL);
}

static int bound_type(double lo, double hi)
{
	if (isinf(lo) && isinf(hi)) {
		return GLP_FR;
	}
	if (isinf(hi)) {
		return GLP_LO;
	}
	if (isinf(lo)) {
		return GLP_UP;
	}
	return lo == hi ? GLP_FX : GLP_DB;
}

/* Reads NNZ pairs into ind/val (1-based for GLPK). */
static int read_form(int nnz, int *ind, double *val)
{
	int i;

	for (i = 1; i <= nnz; i++) {
		int j;
		double a;
		if (scanf("%d %lf", &j, &a) != 2 || j < 0 || j >= nvars) {
			return -1;
		}
		ind[i] = j + 1;
		val[i] = a;
	}
	return 0;
}

static void print_value(double v, int status)
{
	if (status == GLP_UNBND) {
		printf(" unbounded");
	} else {
		printf(" %.9g", fabs(v) < 1e-9 ? 0.0 : v);
	}
}

/* Optimises the objective in direction dir; returns the GLPK status (GLP_OPT, GLP_UNBND,
 * GLP_NOFEAS) and the value in *v. */
static int optimise(int dir, double *v)
{
	glp_smcp parm;
	int rc, st;

	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	glp_set_obj_dir(P, dir);
	if (!exact_mode) {
		rc = glp_simplex(P, &parm);
		if (rc != 0) {
			glp_adv_basis(P, 0);
			rc = glp_simplex(P, &parm);
		}
	}
	/* the exact rational simplex from the floating-point basis: optima to the last bit */
	rc = glp_exact(P, &parm);
	if (rc != 0) {
		return -1;
	}
	st = glp_get_status(P);
	*v = glp_get_obj_val(P);
	if (st == GLP_OPT) {
		return GLP_OPT;
	}
	return st == GLP_UNBND ? GLP_UNBND : GLP_NOFEAS;
}

static void range(const char *id, int nnz, const int *ind, const double *val)
{
	int i, s1, s2;
	double lo = 0, hi = 0;

	if (glp_get_num_rows(P) == 0) {
		/* nothing constrains the form but the variables' own bounds */
		double l = 0, h = 0;
		for (i = 1; i <= nnz; i++) {
			int t = glp_get_col_type(P, ind[i]);
			double cl = glp_get_col_lb(P, ind[i]), cu = glp_get_col_ub(P, ind[i]);
			double a = val[i];
			double mn = a >= 0 ? cl : cu, mx = a >= 0 ? cu : cl;
			int mn_inf = a >= 0 ? (t == GLP_FR || t == GLP_UP) : (t == GLP_FR || t == GLP_LO);
			int mx_inf = a >= 0 ? (t == GLP_FR || t == GLP_LO) : (t == GLP_FR || t == GLP_UP);
			if (a == 0) {
				continue;
			}
			l = (mn_inf || isinf(l)) ? -HUGE_VAL : l + a * mn;
			h = (mx_inf || isinf(h)) ? HUGE_VAL : h + a * mx;
		}
		printf("range %s", id);
		if (isinf(l)) {
			printf(" -inf");
		} else {
			print_value(l, GLP_OPT);
		}
		if (isinf(h)) {
			printf(" inf\n");
		} else {
			print_value(h, GLP_OPT);
			printf("\n");
		}
		fflush(stdout);
		return;
	}

	for (i = 1; i <= nnz; i++) {
		glp_set_obj_coef(P, ind[i], glp_get_obj_coef(P, ind[i]) + val[i]);
	}
	s1 = optimise(GLP_MIN, &lo);
	s2 = optimise(GLP_MAX, &hi);
	for (i = 1; i <= nnz; i++) {
		glp_set_obj_coef(P, ind[i], 0.0);
	}
	printf("range %s", id);
	if (s1 < 0 || s2 < 0) {
		printf(" error error\n");
	} else if (s1 == GLP_NOFEAS || s2 == GLP_NOFEAS) {
		printf(" infeasible infeasible\n");
	} else {
		if (s1 == GLP_UNBND) {
			printf(" -inf");
		} else {
			print_value(lo, s1);
		}
		if (s2 == GLP_UNBND) {
			printf(" inf");
		} else {
			print_value(hi, s2);
		}
		printf("\n");
	}
	fflush(stdout);
}

static void find(const char *id, double lo, double hi, int nnz, const int *ind, const double *val)
{
	glp_iocp parm;
	int row, rc, j, any = 0, st;
	int del[2];

	row = glp_add_rows(P, 1);
	glp_set_mat_row(P, row, nnz, ind, val);
	glp_set_row_bnds(P, row, bound_type(lo, hi), lo, hi);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	parm.tm_lim = 120000;
	glp_set_obj_dir(P, GLP_MIN);
	rc = glp_intopt(P, &parm);
	st = glp_mip_status(P);
	printf("find %s", id);
	if (rc == GLP_ETMLIM) {
		printf(" timeout");
	} else if (rc != 0 && rc != GLP_ENOPFS && rc != GLP_ENODFS) {
		printf(" error");
	} else if (rc != 0 || st == GLP_NOFEAS || (st != GLP_OPT && st != GLP_FEAS)) {
		printf(" none");
	} else {
		for (j = 1; j <= nvars; j++) {
			if (glp_get_col_kind(P, j) != GLP_CV) {
				double v = glp_mip_col_val(P, j);
				if (fabs(v) > 0.5) {
					printf(" %d=%.0f", j - 1, v);
					any = 1;
				}
			}
		}
		if (!any) {
			printf(" empty");
		}
	}
	printf("\n");
	fflush(stdout);
	del[1] = row;
	glp_del_rows(P, 1, del);
}

int main(void)
{
	char cmd[32], id[64], a[32], b[32];
	int *ind = NULL;
	double *val = NULL;

	glp_term_out(GLP_OFF);
	while (scanf("%31s", cmd) == 1) {
		int nnz, j, isint;
		if (strcmp(cmd, "model") == 0) {
			if (P != NULL) {
				glp_delete_prob(P);
			}
			if (scanf("%d", &nvars) != 1 || nvars <= 0) {
				return 2;
			}
			P = glp_create_prob();
			glp_add_cols(P, nvars);
			for (j = 1; j <= nvars; j++) {
				glp_set_col_bnds(P, j, GLP_LO, 0.0, 0.0);
			}
			free(ind);
			free(val);
			ind = malloc((size_t)(nvars + 1) * sizeof(int));
			val = malloc((size_t)(nvars + 1) * sizeof(double));
			if (ind == NULL || val == NULL) {
				return 2;
			}
		} else if (strcmp(cmd, "var") == 0) {
			double lo, hi;
			if (scanf("%d %31s %31s %d", &j, a, b, &isint) != 4 || j < 0 || j >= nvars) {
				return 2;
			}
			lo = parse_bound(a);
			hi = parse_bound(b);
			glp_set_col_bnds(P, j + 1, bound_type(lo, hi), lo, hi);
			glp_set_col_kind(P, j + 1, isint ? GLP_IV : GLP_CV);
		} else if (strcmp(cmd, "row") == 0) {
			double lo, hi;
			int row;
			if (scanf("%31s %31s %d", a, b, &nnz) != 3 || nnz < 0 || nnz > nvars || read_form(nnz, ind, val) != 0) {
				return 2;
			}
			lo = parse_bound(a);
			hi = parse_bound(b);
			row = glp_add_rows(P, 1);
			glp_set_mat_row(P, row, nnz, ind, val);
			glp_set_row_bnds(P, row, bound_type(lo, hi), lo, hi);
		} else if (strcmp(cmd, "mode") == 0) {
			if (scanf("%31s", a) != 1) {
				return 2;
			}
			exact_mode = strcmp(a, "exact") == 0;
		} else if (strcmp(cmd, "range") == 0) {
			if (scanf("%63s %d", id, &nnz) != 2 || nnz < 0 || nnz > nvars || read_form(nnz, ind, val) != 0) {
				return 2;
			}
			range(id, nnz, ind, val);
		} else if (strcmp(cmd, "find") == 0) {
			if (scanf("%63s %31s %31s %d", id, a, b, &nnz) != 4 || nnz < 0 || nnz > nvars
					|| read_form(nnz, ind, val) != 0) {
				return 2;
			}
			find(id, parse_bound(a), parse_bound(b), nnz, ind, val);
		} else if (strcmp(cmd, "end") == 0) {
			break;
		} else {
			fprintf(stderr, "solver: unknown command %s\n", cmd);
			return 2;
		}
	}
	if (P != NULL) {
		glp_delete_prob(P);
	}
	free(ind);
	free(val);
	return 0;
}
