/*
 * hcs_harness.h: the shared fixture of the test_hcs_*.c tests of the HCS
 * stage (hcs/hcs.h): an OCI spec built in C (struct fx), the expected
 * document fragments, and the table runner that lowers a case and compares
 * the v1, v2 and process documents, printed compactly through the shapes,
 * plus every diagnostic and where the first one points.
 *
 * In the expected documents `~` stands for a JSON-escaped backslash (the
 * two bytes `\\`) and `^` for a JSON-escaped quote (`\"`), so Windows
 * paths stay readable.
 */
#ifndef HCSC_HCS_HARNESS_H
#define HCSC_HCS_HARNESS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "diag.h"
#include "emit/gojson.h"
#include "hcs/hcs.h"
#include "model/host.h"
#include "prov.h"
#include "strbuf.h"
#include "t.h"
#include "support/t_support.h"

#define F "t.yaml"

/* Line numbers of the positions the fixture gives, to check where. */
enum {
	L_SPEC = 1,
	L_WINDOWS = 2,
	L_LAYERS = 3,
	L_ROOT = 4,
	L_ROOT_PATH = 5,
	L_READONLY = 6,
	L_CPU_COUNT = 7,
	L_MEMORY = 8,
	L_NETWORK = 9,
	L_NETNS = 10,
	L_RUNTIME = 11,
	L_LAYER_ID = 20, /* + index */
	L_MOUNT = 30     /* + index */
};

#define GA "aaaaaaaa-0000-4000-8000-00000000000a"
#define GB "bbbbbbbb-0000-4000-8000-00000000000b"
#define VOL "~~?~Volume{00000000-0000-0000-0000-000000000001}"
#define VSMB "~~?~VMSMB~VSMB-{dcc079ae-60ba-4d07-847c-3493609c0870}~"
/* uuid5(08f59fc9-1fa9-5a66-ae23-04b526e71b67, X), from Python's uuid. */
#define U_LAYER_A "135f5f5d-d004-5e4e-8060-5a2d8ece661a"
#define U_LAYER_B "82621873-f394-5444-bbda-464e9dd6b8ab"
#define U_LAYER_C "13b7fab0-20d4-5694-b3c8-1714fccfb6c1"
#define U_NETNS_C1 "563d514f-bff2-5a4c-8a76-ebcdf75ba8c5"

#define V1_HEAD "{\"SystemType\":\"Container\",\"Name\":\"c1\",\"Owner\":\"own\""
#define V1_LAYERS \
	"\"Layers\":[{\"ID\":\"" GA "\",\"Path\":\"C:~L~a\"},{\"ID\":\"" GB \
	"\",\"Path\":\"C:~L~b\"}]"
#define V1_ARGON_TOP \
	V1_HEAD ",\"VolumePath\":\"" VOL "\",\"LayerFolderPath\":\"C:~S~c1\"," \
	V1_LAYERS
#define V2_HEAD \
	"{\"Owner\":\"own\",\"SchemaVersion\":{\"Major\":2,\"Minor\":1},"
#define V2_TAIL ",\"ShouldTerminateOnLastHandleClosed\":true}"
#define V2_LAYERS \
	"\"Layers\":[{\"Id\":\"" GA "\",\"Path\":\"C:~L~a\"},{\"Id\":\"" GB \
	"\",\"Path\":\"C:~L~b\"}]"
#define V2_STORAGE "\"Storage\":{" V2_LAYERS ",\"Path\":\"" VOL "~\"}"
#define V2_ARGON_MIN V2_HEAD "\"Container\":{" V2_STORAGE "}" V2_TAIL
#define V1_ARGON_MIN V1_ARGON_TOP ",\"HvPartition\":false}"
#define V1_XENON_TOP \
	V1_HEAD ",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
/* rule: hcs.v2.hosted-storage-path: the hosted container's scratch in the utility VM. */
#define V2_XENON_LAYERS \
	"\"Layers\":[{\"Id\":\"" GA "\",\"Path\":\"" VSMB "s1\"},{\"Id\":\"" GB \
	"\",\"Path\":\"" VSMB "s2\"}],\"Path\":\"C:~c~1~scratch\""
#define V2_XENON_HEAD \
	V2_HEAD "\"HostingSystemId\":\"c1@vm\",\"HostedSystem\":{" \
	"\"SchemaVersion\":{\"Major\":2,\"Minor\":1},\"Container\":{"
#define V2_XENON_TAIL "}}" V2_TAIL
#define MD_ZEROS ",\"BandwidthMaximum\":0,\"IOPSMaximum\":0," \
	"\"CreateInUtilityVM\":false}"

struct fx {
	struct arena *a;
	struct diag_list d;
	struct oci_spec s;
	struct host_profile host;
	struct hcs_input in;
	const char *ids[4];
	struct hcsc_pos id_pos[4];
	struct hcsc_pos layer_pos[4];
};

static inline struct hcsc_pos P(unsigned line)
{
	return pos_make(F, line, 1);
}

static const char *base_layers[] = { "C:\\L\\a", "C:\\L\\b", "C:\\S\\c1" };
static const char *base_args[] = { "cmd", "/c", "echo hi" };

static inline void fx_init(struct fx *f, bool strict)
{
	struct oci_spec *s = &f->s;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->a = arena_new();
	diag_list_init(&f->d, f->a, strict);
	s->oci_version = "1.3.0";
	s->pos = P(L_SPEC);
	s->has_process = true;
	s->process.args.v = base_args;
	s->process.args.n = 3;
	s->process.args.set = true;
	s->process.cwd = "C:\\";
	s->has_root = true;
	s->root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\";
	s->root.pos = P(L_ROOT);
	s->root.path_pos = P(L_ROOT_PATH);
	s->root.readonly_pos = P(L_READONLY);
	s->has_windows = true;
	s->windows.pos = P(L_WINDOWS);
	s->windows.layer_folders.v = base_layers;
	s->windows.layer_folders.n = 3;
	s->windows.layer_folders.set = true;
	s->windows.layers_pos = P(L_LAYERS);
	for (i = 0; i < 4; i++) {
		f->layer_pos[i] = P(L_LAYERS);
		f->id_pos[i] = P(L_LAYER_ID + (unsigned)i);
	}
	s->windows.layer_pos = f->layer_pos;
	s->windows.cpu_count_pos = P(L_CPU_COUNT);
	s->windows.memory_pos = P(L_MEMORY);
	s->windows.network_pos = P(L_NETWORK);
	f->host.os_build = 20348;
	f->host.cpu_count = 4;
	f->ids[0] = GA;
	f->ids[1] = GB;
	f->in.spec = s;
	f->in.id = "c1";
	f->in.owner = "own";
	f->in.target = target_default();
	f->in.host = &f->host;
	f->in.layer_ids = f->ids;
	f->in.layer_id_pos = f->id_pos;
	f->in.nlayer_ids = 2;
	f->in.network_namespace_pos = P(L_NETNS);
	f->in.runtime_pos = P(L_RUNTIME);
}

static inline void fx_release(struct fx *f)
{
	diag_list_release(&f->d);
	arena_free(f->a);
}

/* `~` -> `\\`, `^` -> `\"` (see the top of the file). */
static inline char *expand(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	for (; *s; s++) {
		if (*s == '~')
			strbuf_add(&sb, "\\\\", 2);
		else if (*s == '^')
			strbuf_add(&sb, "\\\"", 2);
		else
			strbuf_addch(&sb, *s);
	}
	return strbuf_detach(&sb, NULL);
}

static inline char *print(struct json_object *v,
			  const struct shape *shape)
{
	struct strbuf sb = STRBUF_INIT;
	const char *err = NULL;
	char *out = t_emit(v, shape, EMIT_COMPACT, &err);

	if (out)
		return out;
	strbuf_addf(&sb, "emit error: %s", err);
	return strbuf_detach(&sb, NULL);
}

static inline void check_doc(const char *name, struct json_object *v,
			     const struct shape *shape, const char *want)
{
	char *got, *w;

	if (!want)
		return;
	got = print(v, shape);
	w = expand(want);
	if (strcmp(got, w))
		fprintf(stderr, "case %s:\n", name);
	CHECK_STR(got, w);
	free(got);
	free(w);
}

/* ---- case setups ------------------------------------------------------- */

static inline struct oci_mount mk_mount(const char *src,
					const char *dst, unsigned idx)
{
	struct oci_mount m;

	memset(&m, 0, sizeof(m));
	m.source = src;
	m.destination = dst;
	m.type = "";
	m.pos = P(L_MOUNT + idx);
	return m;
}

static inline void set_mounts(struct fx *f, struct oci_mount *m,
			      size_t n)
{
	f->s.mounts = m;
	f->s.nmounts = n;
}

/* ---- the table --------------------------------------------------------- */

struct tcase {
	const char *name;
	void (*setup)(struct fx *f);
	bool strict;
	enum hcsc_rc rc;
	const char *v1, *v2, *proc; /* NULL: not checked */
	/* Every diagnostic, in order: "E:msg" or "W:msg". */
	const char *diags[3];
	unsigned line; /* line of the first diagnostic */
};

#define NOTHING { NULL }

static inline void check_diags(const struct tcase *c,
			       const struct diag_list *d)
{
	size_t i, n = 0;

	while (n < 3 && c->diags[n])
		n++;
	if (d->nr != n)
		fprintf(stderr, "case %s: %zu diagnostics\n", c->name, d->nr);
	CHECK_INT(d->nr, n);
	for (i = 0; i < n && i < d->nr; i++) {
		enum hcsc_severity sev = c->diags[i][0] == 'E' ? HCSC_SEV_ERROR
							     : HCSC_SEV_WARNING;

		CHECK_INT(d->items[i].sev, sev);
		CHECK_STR(d->items[i].msg, c->diags[i] + 2);
	}
	if (n && d->nr && c->line) {
		CHECK_STR(d->items[0].pos.file, F);
		CHECK_INT(d->items[0].pos.line, c->line);
	}
}

/*
 * Builders leave out values that print the same absent (Go's zero value)
 * unless explain runs (px set): the documents built for explain must
 * print the same bytes as the ones built without.
 */
static inline void check_same_with_explain(const struct tcase *c)
{
	struct fx f, g;
	struct hcs_result r, x;
	char *got, *want;

	fx_init(&f, c->strict);
	c->setup(&f);
	fx_init(&g, c->strict);
	c->setup(&g);
	g.in.px = prov_tab_new(g.a);
	if (hcs_lower(f.a, &f.d, &f.in, &r) == HCSC_OK &&
	    hcs_lower(g.a, &g.d, &g.in, &x) == HCSC_OK) {
		const struct shape *shapes[3] = { &shape_hcs_v1, &shape_hcs_v2,
						  &shape_hcs_process };
		struct json_object *a[3] = { r.v1, r.v2, r.process };
		struct json_object *b[3] = { x.v1, x.v2, x.process };

		for (int i = 0; i < 3; i++) {
			got = print(a[i], shapes[i]);
			want = print(b[i], shapes[i]);
			if (strcmp(got, want))
				fprintf(stderr, "case %s: differs with explain\n",
					c->name);
			CHECK_STR(got, want);
			free(got);
			free(want);
		}
		hcs_result_release(&x);
	}
	hcs_result_release(&r);
	fx_release(&f);
	fx_release(&g);
}

static inline void run_case(const struct tcase *c)
{
	struct fx f;
	struct hcs_result r;
	enum hcsc_rc rc;

	fx_init(&f, c->strict);
	c->setup(&f);
	rc = hcs_lower(f.a, &f.d, &f.in, &r);
	if (rc != c->rc)
		fprintf(stderr, "case %s: rc %d\n", c->name, (int)rc);
	CHECK_INT(rc, c->rc);
	check_diags(c, &f.d);
	if (rc == HCSC_OK) {
		CHECK(r.v1 && r.v2 && r.process);
		check_doc(c->name, r.v1, &shape_hcs_v1, c->v1);
		check_doc(c->name, r.v2, &shape_hcs_v2, c->v2);
		check_doc(c->name, r.process, &shape_hcs_process, c->proc);
	} else {
		CHECK(!r.v1 && !r.v2 && !r.process);
	}
	hcs_result_release(&r);
	fx_release(&f);
}

static inline void hcs_run_cases(const struct tcase *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		run_case(&c[i]);
		check_same_with_explain(&c[i]);
	}
}

#endif
