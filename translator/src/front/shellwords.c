/*
 * front/shellwords.c: go-shellwords v1.0.12 Parser.Parse with ParseEnv
 * and ParseBacktick off, as compose-go calls it (shellwords.h).
 */
#include "shellwords.h"

#include <string.h>

#include "arena.h"
#include "strbuf.h"

enum got { GOT_NO, GOT_SINGLE, GOT_QUOTED };

struct sw {
	struct arena *a;
	struct shellwords *out;
	struct strbuf buf;
	enum got got;
	bool escaped, dq, sq, bq, dollar;
};

static void flush(struct sw *s)
{
	struct shellwords *o = s->out;

	o->v = arena_grow(s->a, o->v, o->n, o->n + 1, sizeof(char *));
	o->v[o->n++] = arena_strndup(s->a, s->buf.buf, s->buf.len);
	strbuf_reset(&s->buf);
	s->got = GOT_NO;
}

static bool quoted(const struct sw *s)
{
	return s->sq || s->dq || s->bq || s->dollar;
}

/* The switch of Parse for one character; returns 1 to continue the loop
 * (character consumed), 2 to stop, -1 on error, 0 to append it. */
static int special(struct sw *s, char c)
{
	switch (c) {
	case '`':
		if (!s->sq && !s->dq && !s->dollar)
			s->bq = !s->bq;
		return 0;
	case ')':
		if (!s->sq && !s->dq && !s->bq)
			s->dollar = !s->dollar;
		return 0;
	case '(':
		if (s->sq || s->dq || s->bq)
			return 0;
		if (!s->dollar && s->buf.len && s->buf.buf[s->buf.len - 1] == '$') {
			s->dollar = true;
			strbuf_addch(&s->buf, '(');
			return 1;
		}
		return -1;
	case '"':
		if (s->sq || s->dollar)
			return 0;
		if (s->dq)
			s->got = GOT_QUOTED;
		s->dq = !s->dq;
		return 1;
	case '\'':
		if (s->dq || s->dollar)
			return 0;
		if (s->sq)
			s->got = GOT_QUOTED;
		s->sq = !s->sq;
		return 1;
	case ';': case '&': case '|': case '<': case '>':
		if (quoted(s))
			return 0;
		if (c == '>' && s->buf.len && s->buf.buf[0] >= '0' &&
		    s->buf.buf[0] <= '9')
			s->got = GOT_NO;
		return 2;
	default:
		return 0;
	}
}

static int step(struct sw *s, char c)
{
	int r;

	if (s->escaped) {
		strbuf_addch(&s->buf, c);
		s->escaped = false;
		s->got = GOT_SINGLE;
		return 1;
	}
	if (c == '\\') {
		if (s->sq) {
			strbuf_addch(&s->buf, c);
		} else {
			s->escaped = true;
			s->out->escaped = true;
		}
		return 1;
	}
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
		if (quoted(s))
			strbuf_addch(&s->buf, c);
		else if (s->got != GOT_NO)
			flush(s);
		return 1;
	}
	r = special(s, c);
	if (r)
		return r;
	s->got = GOT_SINGLE;
	strbuf_addch(&s->buf, c);
	return 1;
}

const char *shellwords_parse(struct arena *a, const char *line,
			     struct shellwords *out)
{
	struct sw s;
	const char *err = NULL;
	int r = 1;

	memset(&s, 0, sizeof(s));
	memset(out, 0, sizeof(*out));
	s.a = a;
	s.out = out;
	strbuf_init(&s.buf);
	for (const char *p = line; *p && r == 1; p++)
		r = step(&s, *p);
	out->truncated = r == 2;
	if (r == -1 || s.escaped || quoted(&s))
		err = "invalid command line string";
	else if (s.got != GOT_NO)
		flush(&s);
	strbuf_release(&s.buf);
	if (!err && !out->v)
		out->v = arena_array(a, 1, sizeof(char *));
	return err;
}
