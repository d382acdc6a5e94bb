/*
 * front/interp.c: compose-go's template substitution over a node tree
 * (interp.h).
 */
#include "interp.h"

#include <string.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load/node.h"
#include "strbuf.h"

struct ip {
	struct arena *a;
	struct diag_list *d;
	const struct client_env *vars;
	struct hcsc_pos pos;
	const char *whole; /* the template, for Invalid template */
	const char *err;   /* the first error */
};

static bool name_start(char c)
{
	return c == '_' || ascii_isalpha(c);
}

static bool name_char(char c)
{
	return name_start(c) || ascii_isdigit(c);
}

static const char *lookup(struct ip *s, const char *name, size_t n, bool *set)
{
	const char *v = client_env_get(s->vars, name, n);

	*set = v != NULL;
	return v ? v : "";
}

static void subst(struct ip *s, const char *t, size_t len, struct strbuf *out);

static const char *sub_string(struct ip *s, const char *t, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	subst(s, t, n, &sb);
	r = arena_strndup(s->a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

static void invalid(struct ip *s)
{
	if (!s->err)
		s->err = arena_printf(s->a, "Invalid template: \"%s\"", s->whole);
}

/* The end of a `${...}` starting at t (index of its '}'), or 0. */
static size_t close_brace(const char *t, size_t len)
{
	int open = 0;

	for (size_t i = 0; i < len; i++) {
		if (t[i] == '}' && --open == 0)
			return i;
		if (t[i] == '$' && i + 1 < len && t[i + 1] == '{') {
			open++;
			i++;
		}
	}
	return 0;
}

/* ${body}: body = NAME [op rest]. */
static void braced(struct ip *s, const char *body, size_t n, struct strbuf *out)
{
	static const char *const ops[] = { ":?", "?", ":-", "-", ":+", "+" };
	size_t k = 0;
	const char *op = NULL, *val, *rest;
	bool set;

	while (k < n && (k ? name_char(body[k]) : name_start(body[k])))
		k++;
	if (!k) {
		invalid(s);
		return;
	}
	for (size_t i = 0; k < n && i < 6 && !op; i++)
		if (!strncmp(body + k, ops[i], strlen(ops[i])))
			op = ops[i];
	if (k < n && !op) {
		invalid(s);
		return;
	}
	val = lookup(s, body, k, &set);
	if (!op) {
		if (!set)
			diag_warning(s->d, DC_INTERPOLATION, s->pos, "The \"%.*s\" variable is not set. "
						   "Defaulting to a blank string.",
				     (int)k, body);
		strbuf_addstr(out, val);
		return;
	}
	rest = body + k + strlen(op);
	n -= k + strlen(op);
	if (op[strlen(op) - 1] == '?') {
		if (!set || (op[0] == ':' && !*val)) {
			const char *why = sub_string(s, rest, n);

			if (!s->err)
				s->err = *why ? arena_printf(s->a, "required variable "
								   "%.*s is missing a "
								   "value: %s",
							     (int)k, body, why)
					      : arena_printf(s->a, "required variable "
								   "%.*s is missing a "
								   "value",
							     (int)k, body);
			return;
		}
		strbuf_addstr(out, val);
	} else if (op[strlen(op) - 1] == '-') {
		if (!set || (op[0] == ':' && !*val))
			strbuf_addstr(out, sub_string(s, rest, n));
		else
			strbuf_addstr(out, val);
	} else if (set && (op[0] != ':' || *val)) {
		strbuf_addstr(out, sub_string(s, rest, n));
	}
}

static void subst(struct ip *s, const char *t, size_t len, struct strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		size_t j;
		bool set;
		const char *v;

		if (t[i] != '$' || i + 1 == len) {
			strbuf_addch(out, t[i]);
			continue;
		}
		if (t[i + 1] == '$') {
			strbuf_addch(out, '$');
			i++;
		} else if (t[i + 1] == '{') {
			j = close_brace(t + i, len - i);
			if (!j) {
				invalid(s);
				return;
			}
			braced(s, t + i + 2, j - 2, out);
			i += j;
		} else if (name_start(t[i + 1])) {
			for (j = i + 1; j < len && name_char(t[j]); j++)
				;
			v = lookup(s, t + i + 1, j - i - 1, &set);
			if (!set)
				diag_warning(s->d, DC_INTERPOLATION, s->pos, "The \"%.*s\" variable is "
							   "not set. Defaulting to a "
							   "blank string.",
					     (int)(j - i - 1), t + i + 1);
			strbuf_addstr(out, v);
			i = j - 1;
		} else {
			strbuf_addch(out, '$');
		}
	}
}

static const char *child_path(struct arena *a, const char *path,
			      const char *seg)
{
	return *path ? arena_printf(a, "%s.%s", path, seg) : seg;
}

enum hcsc_rc interp_tree(struct arena *a, struct diag_list *d,
			 const struct client_env *vars, struct node *n,
			 const char *path)
{
	struct ip s;
	struct strbuf sb = STRBUF_INIT;
	enum hcsc_rc rc = HCSC_OK;

	if (n->kind == NODE_MAP || n->kind == NODE_SEQ) {
		for (size_t i = 0; i < n->n && rc == HCSC_OK; i++)
			rc = n->kind == NODE_MAP
				     ? interp_tree(a, d, vars, n->pairs[i].val,
						   child_path(a, path,
							      n->pairs[i].key->text))
				     : interp_tree(a, d, vars, n->items[i],
						   child_path(a, path,
							      arena_printf(a, "[%llu]",
									   (unsigned long long)i)));
		return rc;
	}
	if (n->kind != NODE_STR || !strchr(n->text, '$'))
		return HCSC_OK;
	memset(&s, 0, sizeof(s));
	s.a = a;
	s.d = d;
	s.vars = vars;
	s.pos = n->pos;
	s.whole = n->text;
	subst(&s, n->text, n->len, &sb);
	if (s.err)
		rc = diag_error(d, n->pos, "error while interpolating %s: %s", path,
				s.err);
	n->text = arena_strndup(a, sb.buf, sb.len);
	n->len = sb.len;
	strbuf_release(&sb);
	return rc;
}
