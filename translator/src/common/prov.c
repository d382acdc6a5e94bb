/*
 * prov.c: provenance records and the table that keys them by the address
 * of the value they explain (open addressing, arena-owned, grown at half
 * load). See prov.h.
 */
#include "prov.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"

struct prov_slot {
	const void *key;
	const struct prov *p;
};

struct prov_tab {
	struct arena *a;
	struct prov_slot *slots;
	size_t cap, n; /* cap: a power of two */
};

#define PROV_TAB_MIN 64

struct prov_tab *prov_tab_new(struct arena *a)
{
	struct prov_tab *t = arena_alloc(a, sizeof(*t));

	t->a = a;
	t->cap = PROV_TAB_MIN;
	t->slots = arena_array(a, t->cap, sizeof(*t->slots));
	return t;
}

static size_t slot_of(const struct prov_tab *t, const void *key)
{
	uint64_t h = (uint64_t)(uintptr_t)key * 0x9e3779b97f4a7c15u;
	size_t i = (size_t)(h >> 32) & (t->cap - 1);

	while (t->slots[i].key && t->slots[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void grow(struct prov_tab *t)
{
	struct prov_slot *old = t->slots;
	size_t i, n = t->cap;

	t->cap *= 2;
	t->slots = arena_array(t->a, t->cap, sizeof(*t->slots));
	for (i = 0; i < n; i++) {
		if (old[i].key)
			t->slots[slot_of(t, old[i].key)] = old[i];
	}
}

void prov_put(struct prov_tab *t, const void *key, const struct prov *p)
{
	size_t i;

	if (!t || !key || !p)
		return;
	if (2 * (t->n + 1) > t->cap)
		grow(t);
	i = slot_of(t, key);
	if (!t->slots[i].key)
		t->n++;
	t->slots[i].key = key;
	t->slots[i].p = p;
}

const struct prov *prov_get(const struct prov_tab *t, const void *key)
{
	if (!t || !key)
		return NULL;
	return t->slots[slot_of(t, key)].p;
}

struct prov *prov_new(struct prov_tab *t, const char *rule)
{
	struct prov *p;

	if (!t)
		return NULL;
	p = arena_alloc(t->a, sizeof(*p));
	p->rule = rule;
	return p;
}

struct prov *prov_src(struct prov *p, enum prov_kind kind, const char *what,
		      struct hcsc_pos pos)
{
	if (!p || p->n == PROV_MAX_SRC)
		return p;
	p->src[p->n].kind = kind;
	p->src[p->n].what = what;
	p->src[p->n].pos = pos;
	p->n++;
	return p;
}

struct prov *prov_fact(struct prov *p, enum prov_kind kind, const char *what)
{
	struct hcsc_pos none = { NULL, 0, 0, 0 };

	return prov_src(p, kind, what, none);
}

void prov_math(struct prov_tab *t, struct prov *p, const char *fmt, ...)
{
	va_list ap;

	if (!t || !p)
		return;
	va_start(ap, fmt);
	p->math = arena_vprintf(t->a, fmt, ap);
	va_end(ap);
}

struct prov *prov_put_input(struct prov_tab *t, const void *key,
			    const char *rule, const char *what,
			    struct hcsc_pos pos)
{
	struct prov *p = prov_src(prov_new(t, rule), PROV_INPUT, what, pos);

	prov_put(t, key, p);
	return p;
}

struct json_object *prov_attach(struct json_object *v, const struct prov *p)
{
	if (v && p && json_object_get_type(v) != json_type_double)
		json_object_set_userdata(v, (void *)p, NULL);
	return v;
}

const struct prov *prov_of(struct json_object *v)
{
	if (!v || json_object_get_type(v) == json_type_double)
		return NULL;
	return json_object_get_userdata(v);
}

const char *prov_kind_name(enum prov_kind k)
{
	static const char *const names[PROV_KIND_COUNT] = {
		"input", "host", "target", "default", "placeholder", "document"
	};

	return (unsigned)k < PROV_KIND_COUNT ? names[k] : "?";
}
