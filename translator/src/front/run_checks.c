/*
 * front/run_checks.c: the client-side checks of docker/cli's parse() and
 * runRun, in their order, and the fields they write (RestartPolicy,
 * SecurityOpt, StorageOpt, Healthcheck) (run_int.h).
 */
#include "run_int.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "front/tree.h"
#include "goquote.h"
#include "load/load.h"

/* opts.ParseRestartPolicy -> HostConfig.RestartPolicy. */
enum hcsc_rc run_restart(struct build *b, bool *none)
{
	const struct rf_value *v = rf_last(&b->p, RF_RESTART);
	const char *colon, *name;
	struct node *m;
	int64_t count = 0;

	*none = true;
	if (!v || !*v->text)
		return HCSC_OK;
	colon = strchr(v->text, ':');
	name = colon ? arena_strndup(b->a, v->text, (size_t)(colon - v->text))
		     : v->text;
	if (colon && !*name)
		return diag_error(b->d, v->pos,
				  "invalid restart policy format: no "
				  "policy provided before colon");
	if (colon && colon[1]) {
		const char *p =
			colon + 1 + (colon[1] == '-' || colon[1] == '+');
		bool ok = *p != '\0';

		for (; *p && ok; p++)
			ok = ascii_isdigit(*p) && count < 100000000000000000;
		for (p = colon + 1 + (colon[1] == '-' || colon[1] == '+');
		     ok && *p; p++)
			count = count * 10 + (*p - '0');
		if (!ok)
			return diag_error(b->d, v->pos,
					  "invalid restart policy "
					  "format: maximum retry "
					  "count must be an integer");
		count = colon[1] == '-' ? -count : count;
	}
	*none = !strcmp(name, "no");
	m = tree_map(b->a, v->pos);
	tree_put(b->a, m, "Name", tree_str(b->a, v->pos, name));
	if (count)
		tree_put(b->a, m, "MaximumRetryCount",
			 tree_int(b->a, v->pos, count));
	tree_put(b->a, b->host, "RestartPolicy", m);
	return HCSC_OK;
}

/* parseSecurityOpts: each needs a value after `=` (or `:`), except
 * no-new-privileges; systempaths=unconfined empties the masked paths. */
enum hcsc_rc run_security_opts(struct build *b)
{
	struct node *seq = NULL;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *t = v->text, *sep = strchr(t, '=');
		size_t kn;

		if (v->flag->id != RF_SECURITY_OPT)
			continue;
		if (!sep && strcmp(t, "no-new-privileges"))
			sep = strchr(t, ':');
		kn = sep ? (size_t)(sep - t) : strlen(t);
		if ((!sep || !sep[1]) &&
		    !(kn == 17 && !strncmp(t, "no-new-privileges", 17)))
			return diag_error(b->d, v->pos,
					  "invalid --security-opt: %s",
					  go_quote(b->a, t));
		if (!strcmp(t, "systempaths=unconfined")) {
			tree_put(b->a, b->host, "MaskedPaths",
				 tree_seq(b->a, v->pos));
			tree_put(b->a, b->host, "ReadonlyPaths",
				 tree_seq(b->a, v->pos));
			continue;
		}
		if (!seq)
			tree_put(b->a, b->host, "SecurityOpt",
				 seq = tree_seq(b->a, v->pos));
		tree_push(b->a, seq, tree_str(b->a, v->pos, t));
	}
	return HCSC_OK;
}

enum hcsc_rc run_storage_opts(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *eq = strchr(v->text, '=');

		if (v->flag->id != RF_STORAGE_OPT)
			continue;
		if (!eq)
			return diag_error(b->d, v->pos,
					  "invalid storage option");
		tree_put(b->a, tree_child(b->a, b->host, "StorageOpt", v->pos),
			 arena_strndup(b->a, v->text, (size_t)(eq - v->text)),
			 tree_str(b->a, v->pos, eq + 1));
	}
	return HCSC_OK;
}

/* The --health-* flags and --no-healthcheck: Config.Healthcheck. */
enum hcsc_rc run_healthcheck(struct build *b)
{
	static const struct {
		enum rf_id id;
		const char *flag, *key;
	} h[] = {
		{ RF_HEALTH_INTERVAL, "health-interval", "Interval" },
		{ RF_HEALTH_TIMEOUT, "health-timeout", "Timeout" },
		{ RF_HEALTH_RETRIES, "health-retries", "Retries" },
		{ RF_HEALTH_START_PERIOD, "health-start-period",
		  "StartPeriod" },
		{ RF_HEALTH_START_INTERVAL, "health-start-interval",
		  "StartInterval" },
	};
	const struct rf_value *cmd = rf_last(&b->p, RF_HEALTH_CMD);
	const struct rf_value *no = rf_last(&b->p, RF_NO_HEALTHCHECK);
	const struct rf_value *any = cmd && *cmd->text ? cmd : NULL;
	struct node *m, *test;

	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		const struct rf_value *v = rf_last(&b->p, h[i].id);

		if (v && v->i)
			any = v;
	}
	if (no && no->b) {
		if (any)
			return diag_error(b->d, no->pos,
					  "--no-healthcheck conflicts "
					  "with --health-* options");
		m = tree_child(b->a, b->config, "Healthcheck", no->pos);
		tree_put(b->a, m, "Test", test = tree_seq(b->a, no->pos));
		tree_push(b->a, test, tree_str(b->a, no->pos, "NONE"));
		return HCSC_OK;
	}
	if (!any)
		return HCSC_OK;
	m = tree_child(b->a, b->config, "Healthcheck", any->pos);
	if (cmd && *cmd->text) {
		tree_put(b->a, m, "Test", test = tree_seq(b->a, cmd->pos));
		tree_push(b->a, test, tree_str(b->a, cmd->pos, "CMD-SHELL"));
		tree_push(b->a, test, tree_str(b->a, cmd->pos, cmd->text));
	}
	for (size_t i = 0; i < sizeof(h) / sizeof(h[0]); i++) {
		const struct rf_value *v = rf_last(&b->p, h[i].id);

		if (v && v->i < 0)
			return diag_error(b->d, v->pos,
					  "--%s cannot be negative", h[i].flag);
		if (v && v->i)
			tree_put(b->a, m, h[i].key,
				 tree_int(b->a, v->pos, v->i));
	}
	return HCSC_OK;
}

/* moby/term ToBytes: comma-separated single characters, ctrl-X, DEL. */
static enum hcsc_rc detach_keys(struct build *b)
{
	const struct rf_value *v = rf_last(&b->p, RF_DETACH_KEYS);
	const char *p;

	if (!v || !*v->text)
		return HCSC_OK;
	for (p = v->text;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		bool ok = n == 1 || (n == 3 && !strncmp(p, "DEL", 3)) ||
			  (n == 6 && !strncmp(p, "ctrl-", 5) &&
			   ((p[5] >= 'a' && p[5] <= 'z') ||
			    strchr("@[\\]^_", p[5])));

		if (!ok)
			return diag_error(b->d, v->pos,
					  "invalid detach keys (%s): "
					  "Unknown character: '%.*s'",
					  v->text, (int)n, p);
		if (!e)
			return HCSC_OK;
		p = e + 1;
	}
}

enum hcsc_rc run_pull_and_swappiness(struct build *b)
{
	const struct rf_value *pull = rf_last(&b->p, RF_PULL);
	const struct rf_value *sw = rf_last(&b->p, RF_MEMORY_SWAPPINESS);

	if (pull && *pull->text && strcmp(pull->text, "always") &&
	    strcmp(pull->text, "missing") && strcmp(pull->text, "never"))
		return diag_error(b->d, pull->pos,
				  "invalid pull option: '%s': must "
				  "be one of \"always\", \"missing\" "
				  "or \"never\"",
				  pull->text);
	if (sw && sw->i != -1 && (sw->i < 0 || sw->i > 100))
		return diag_error(b->d, sw->pos,
				  "invalid value: %lld. Valid memory "
				  "swappiness range is 0-100",
				  (long long)sw->i);
	if (sw && sw->i != -1)
		tree_put(b->a, b->host, "MemorySwappiness",
			 tree_int(b->a, sw->pos, sw->i));
	return HCSC_OK;
}

enum hcsc_rc run_conflicts(struct build *b, bool restart_none)
{
	const struct rf_value *rm = rf_last(&b->p, RF_RM);
	const struct rf_value *d = rf_last(&b->p, RF_DETACH);
	const struct rf_value *drv = rf_last(&b->p, RF_LOG_DRIVER);
	const struct rf_value *lo = rf_last(&b->p, RF_LOG_OPT);
	const struct rf_value *at = rf_last(&b->p, RF_ATTACH);

	if (drv && !strcmp(drv->text, "none") && lo)
		return diag_error(b->d, lo->pos,
				  "invalid logging opts for driver "
				  "none");
	if (rm && rm->b && !restart_none)
		return diag_error(b->d, rm->pos,
				  "conflicting options: cannot "
				  "specify both --restart and --rm");
	if (d && d->b && at)
		return diag_error(b->d, at->pos,
				  "conflicting options: cannot "
				  "specify both --attach and --detach");
	return detach_keys(b);
}

/* --name, --network, --entrypoint, the image and its command. */
