/*
 * front/run.c: `docker run` flags into the description the client sends
 * (run.h). The checks of docker/cli's parse() and runRun run in their
 * order; the first error stops, as the client stops. Here: the order,
 * the plain flags' values, the container's name, image, command and
 * network; the steps are in run_volumes.c, run_ports.c, run_env.c and
 * run_checks.c (run_int.h).
 */
#include "run_int.h"

#include <string.h>

#include "arena.h"
#include "diag.h"
#include "front/run_flags.h"
#include "front/tree.h"
#include "load/load.h"
#include "strbuf.h"

static struct node *section(struct build *b, const char *path,
			    const char **leaf)
{
	const char *dot = strchr(path, '.');
	struct node *n = b->root;

	if (!strncmp(path, "Config.", 7))
		n = b->config;
	else if (!strncmp(path, "HostConfig.", 11))
		n = b->host;
	*leaf = dot ? dot + 1 : path;
	return n;
}

/* A plain flag's last value at its path, typed by the flag's kind. */
static void put_plain(struct build *b, const struct rf_value *v)
{
	const char *leaf;
	struct node *sec = section(b, v->flag->path, &leaf), *val;
	struct arena *a = b->a;

	switch (v->flag->kind) {
	case RK_BOOL:
		val = tree_bool(a, v->pos, v->b);
		break;
	case RK_UINT64:
	case RK_UINT16:
		val = tree_uint(a, v->pos, v->u);
		break;
	case RK_BYTES:
		val = !strcmp(leaf, "IOMaximumBandwidth")
			      ? tree_uint(a, v->pos, (uint64_t)v->i)
			      : tree_int(a, v->pos, v->i);
		break;
	case RK_INT:
	case RK_CPUS:
	case RK_SWAP:
	case RK_DURATION:
		val = tree_int(a, v->pos, v->i);
		break;
	default:
		val = tree_str(a, v->pos, v->text);
	}
	tree_put(a, sec, leaf, val);
}

/* List flags with a path: a sequence in command-line order. MapOpts
 * (--annotation, --sysctl): key=value into a map, the last value wins. */
static void put_collections(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];
		const char *leaf, *eq;
		struct node *sec, *c;

		if (!v->flag->path ||
		    (v->flag->kind != RK_LIST && v->flag->kind != RK_MAP))
			continue;
		sec = section(b, v->flag->path, &leaf);
		c = node_get(sec, leaf);
		if (v->flag->kind == RK_LIST) {
			if (!c)
				tree_put(b->a, sec, leaf,
					 c = tree_seq(b->a, v->pos));
			tree_push(b->a, c, tree_str(b->a, v->pos, v->text));
			continue;
		}
		if (!c)
			tree_put(b->a, sec, leaf, c = tree_map(b->a, v->pos));
		eq = strchr(v->text, '=');
		tree_put(b->a, c,
			 eq ? arena_strndup(b->a, v->text,
					    (size_t)(eq - v->text))
			    : v->text,
			 tree_str(b->a, v->pos, eq ? eq + 1 : ""));
	}
}

/* Is value i the last one given for its flag (pflag keeps the last)? */
static bool is_last(const struct rf_parsed *p, size_t i)
{
	for (size_t j = i + 1; j < p->n; j++)
		if (p->v[j].flag == p->v[i].flag)
			return false;
	return true;
}

static void put_plain_flags(struct build *b)
{
	for (size_t i = 0; i < b->p.n; i++) {
		const struct rf_value *v = &b->p.v[i];

		if (v->flag->path && v->flag->kind != RK_LIST &&
		    v->flag->kind != RK_MAP && is_last(&b->p, i))
			put_plain(b, v);
	}
	put_collections(b);
}

static void container(struct build *b)
{
	const struct rf_value *ep = rf_last(&b->p, RF_ENTRYPOINT);
	const struct rf_value *st = rf_last(&b->p, RF_STOP_TIMEOUT);
	const struct rf_value *net = NULL;
	struct node *seq;

	for (size_t i = 0; i < b->p.n && !net; i++)
		if (b->p.v[i].flag->id == RF_NETWORK)
			net = &b->p.v[i];
	tree_put(b->a, b->config, "Image",
		 tree_str(b->a, b->p.image_pos, b->p.image));
	if (b->p.nargs) {
		tree_put(b->a, b->config, "Cmd",
			 seq = tree_seq(b->a, b->p.arg_pos[0]));
		for (size_t i = 0; i < b->p.nargs; i++)
			tree_push(
				b->a, seq,
				tree_str(b->a, b->p.arg_pos[i], b->p.args[i]));
	}
	if (ep) {
		tree_put(b->a, b->config, "Entrypoint",
			 seq = tree_seq(b->a, ep->pos));
		tree_push(b->a, seq, tree_str(b->a, ep->pos, ep->text));
	}
	if (st)
		tree_put(b->a, b->config, "StopTimeout",
			 tree_int(b->a, st->pos, st->i));
	tree_put(b->a, b->host, "NetworkMode",
		 net ? tree_str(b->a, net->pos, net->target)
		     : tree_str(b->a, b->top, "default"));
}

/* One warning listing the flags that do not shape the documents. */
static void note_unshaping(struct build *b)
{
	struct strbuf sb = STRBUF_INIT;
	struct hcsc_pos at = b->top;

	for (size_t i = 0; i < b->p.n; i++) {
		const struct run_flag *f = b->p.v[i].flag;
		bool dup = false;

		if (f->effect == RE_SHAPES)
			continue;
		for (size_t j = 0; j < i; j++)
			dup |= b->p.v[j].flag == f;
		if (dup)
			continue;
		if (!sb.len)
			at = b->p.v[i].pos;
		strbuf_addf(&sb, "%s--%s%s", sb.len ? ", " : "", f->name,
			    f->effect == RE_NOT_SENT ? " (not sent)" : "");
	}
	if (sb.len)
		diag_warning(b->d, DC_IGNORED, at,
			     "these flags do not shape the Windows "
			     "documents (accepted as docker accepts "
			     "them): %s",
			     sb.buf);
	strbuf_release(&sb);
}

static void image_config(struct build *b)
{
	struct node *img;

	if (!b->o->image_config) {
		diag_warning(
			b->d, DC_IMAGE, b->p.image_pos,
			"the image's own config is unknown (its Cmd, "
			"Entrypoint, Env, WorkingDir, User and Volumes are "
			"not merged): give 'docker image inspect %s' output "
			"with --image-inspect FILE",
			b->p.image);
		return;
	}
	img = tree_map(b->a, b->o->image_config_pos);
	tree_put(b->a, img, "Config", b->o->image_config);
	tree_put(b->a, b->root, "Image", img);
}

enum hcsc_rc front_run(struct arena *a, struct diag_list *d,
		       const struct front_run_opts *o, struct node **out,
		       const char **err)
{
	struct build b;
	const struct rf_value *name;
	bool restart_none = true;
	enum hcsc_rc rc;

	memset(&b, 0, sizeof(b));
	b.a = a;
	b.d = d;
	b.o = o;
	b.err = err;
	*err = NULL;
	b.top = pos_make("docker run", 1, 0);
	rc = rf_parse(a, d, o->argc, o->argv, o->base, &b.p);
	if (rc != HCSC_OK)
		return rc;
	if (!b.p.image)
		return diag_error(d, b.top,
				  "\"docker run\" requires at least 1 "
				  "argument.");
	b.root = tree_map(a, b.top);
	name = rf_last(&b.p, RF_NAME);
	if (name && *name->text)
		tree_put(a, b.root, "Name", tree_str(a, name->pos, name->text));
	b.config = tree_child(a, b.root, "Config", b.top);
	b.host = tree_child(a, b.root, "HostConfig", b.top);
	rc = run_pull_and_swappiness(&b);
	if (rc == HCSC_OK)
		rc = run_volumes(&b);
	if (rc == HCSC_OK)
		rc = run_mounts(&b);
	if (rc == HCSC_OK)
		rc = run_ports(&b);
	if (rc == HCSC_OK) {
		run_devices(&b);
		rc = run_environment(&b);
	}
	if (rc == HCSC_OK)
		rc = run_labels(&b);
	if (rc == HCSC_OK)
		rc = run_restart(&b, &restart_none);
	if (rc == HCSC_OK)
		rc = run_security_opts(&b);
	if (rc == HCSC_OK)
		rc = run_storage_opts(&b);
	if (rc == HCSC_OK)
		rc = run_healthcheck(&b);
	if (rc == HCSC_OK)
		rc = run_conflicts(&b, restart_none);
	if (rc != HCSC_OK)
		return rc;
	container(&b);
	put_plain_flags(&b);
	note_unshaping(&b);
	image_config(&b);
	*out = b.root;
	return HCSC_OK;
}
