/*
 * json_scan.c: a strict RFC 8259 JSON scanner building the positioned node
 * tree (rule: hcsc.input.json-scanner: json-c gives no positions, duplicates or
 * overflow). Integers `-?(0|[1-9][0-9]*)` become NODE_INT with the exact
 * magnitude and an overflow flag; numbers with a fraction or exponent stay
 * text (NODE_STR, `number`). An accepted document is then given to json-c's
 * strict tokener as a second opinion (json_tokener_strict).
 * Recursion is bounded by LOAD_MAX_DEPTH.
 */
#include <stdint.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load.h"
#include "load_int.h"
#include "utf8.h"

struct js {
	struct load_ctx *c;
	const unsigned char *p, *end; /* the next byte; the end of input */
	unsigned line, col;           /* the position of p */
};

static struct node *js_value(struct js *js, unsigned depth);

/* ---- positions ---- */

static unsigned code_points(const unsigned char *s, const unsigned char *e)
{
	unsigned n = 0;

	for (; s < e; s++)
		n += (*s & 0xc0) != 0x80;
	return n;
}

static struct hcsc_pos js_pos(const struct js *js)
{
	return load_pos(js->c, js->line, js->col);
}

/* Position of q, on the same line as p (no line break in between). */
static struct hcsc_pos js_pos_at(const struct js *js, const unsigned char *q)
{
	return load_pos(js->c, js->line, js->col + code_points(js->p, q));
}

/* Move p to q, which is on the same line. */
static void js_move(struct js *js, const unsigned char *q)
{
	js->col += code_points(js->p, q);
	js->p = q;
}

static void js_ws(struct js *js)
{
	while (js->p < js->end) {
		unsigned char b = *js->p;

		if (b == ' ' || b == '\t') {
			js->col++;
		} else if (b == '\n' || b == '\r') {
			if (b == '\r' && js->p + 1 < js->end && js->p[1] == '\n')
				js->p++;
			js->line++;
			js->col = 1;
		} else {
			return;
		}
		js->p++;
	}
}

static int js_peek(const struct js *js)
{
	return js->p < js->end ? *js->p : -1;
}

/* The character at q for a message: 'x', U+XXXX or end of input. */
static const char *js_what(const struct js *js, const unsigned char *q)
{
	uint32_t cp;
	unsigned n, i;

	if (q >= js->end)
		return "end of input";
	if (*q >= 0x20 && *q < 0x7f)
		return arena_printf(js->c->a, "'%c'", *q);
	if (*q < 0x80) {
		cp = *q;
	} else {
		/* Valid UTF-8 (load.c checked it). */
		n = *q >= 0xf0 ? 3 : *q >= 0xe0 ? 2 : 1;
		cp = *q & (0x3f >> n);
		for (i = 1; i <= n && q + i < js->end; i++)
			cp = (cp << 6) | (q[i] & 0x3f);
	}
	return arena_printf(js->c->a, "U+%04X", (unsigned)cp);
}

static void js_unexpected(struct js *js, const char *expected)
{
	load_fatal(js->c, js_pos(js), "unexpected %s (expected %s)",
		   js_what(js, js->p), expected);
}

/* ---- strings ---- */

static int hex_val(unsigned char b)
{
	if (b >= '0' && b <= '9')
		return b - '0';
	if (b >= 'a' && b <= 'f')
		return b - 'a' + 10;
	if (b >= 'A' && b <= 'F')
		return b - 'A' + 10;
	return -1;
}

/* The 4 hex digits after `\u` at s (s points at the backslash); -1: bad. */
static long hex4(const unsigned char *s, const unsigned char *end)
{
	long v = 0;

	if (end - s < 6 || s[0] != '\\' || s[1] != 'u')
		return -1;
	for (int i = 2; i < 6; i++) {
		int h = hex_val(s[i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* A `\u` escape (one code point, maybe a surrogate pair) at *sp. */
static bool unicode_escape(struct js *js, const unsigned char **sp,
			   const unsigned char *e, char **op)
{
	const unsigned char *s = *sp;
	long hi = hex4(s, e), lo;

	if (hi < 0) {
		load_fatal(js->c, js_pos_at(js, s),
			   "invalid \\u escape (expected 4 hex digits)");
		return false;
	}
	if (hi >= 0xdc00 && hi <= 0xdfff) {
		load_fatal(js->c, js_pos_at(js, s),
			   "lone surrogate '\\u%04lx' in a string (surrogates must come in pairs)",
			   hi);
		return false;
	}
	if (hi >= 0xd800 && hi <= 0xdbff) {
		lo = hex4(s + 6, e);
		if (lo < 0xdc00 || lo > 0xdfff) {
			load_fatal(js->c, js_pos_at(js, s),
				   "lone surrogate '\\u%04lx' in a string (surrogates must come in pairs)",
				   hi);
			return false;
		}
		*op += utf8_encode(0x10000 + (((uint32_t)hi - 0xd800) << 10) +
					   ((uint32_t)lo - 0xdc00),
				   *op);
		*sp = s + 12;
		return true;
	}
	*op += utf8_encode((uint32_t)hi, *op);
	*sp = s + 6;
	return true;
}

static char simple_escape(unsigned char b)
{
	switch (b) {
	case '"': return '"';
	case '\\': return '\\';
	case '/': return '/';
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	default: return 0;
	}
}

/* Decode the body [s, e) that has escapes into n->text. */
static bool decode(struct js *js, const unsigned char *s,
		   const unsigned char *e, struct node *n)
{
	char *buf = arena_alloc(js->c->a, (size_t)(e - s) + 1), *o = buf;

	while (s < e) {
		char ch;

		if (*s != '\\') {
			*o++ = (char)*s++;
			continue;
		}
		if (s[1] == 'u') {
			if (!unicode_escape(js, &s, e, &o))
				return false;
			continue;
		}
		ch = simple_escape(s[1]);
		if (!ch) {
			if (s[1] >= 0x20 && s[1] < 0x7f)
				load_fatal(js->c, js_pos_at(js, s),
					   "invalid escape '\\%c' in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
					   s[1]);
			else
				load_fatal(js->c, js_pos_at(js, s),
					   "invalid escape in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
			return false;
		}
		*o++ = ch;
		s += 2;
	}
	*o = '\0';
	n->text = buf;
	n->len = (size_t)(o - buf);
	return true;
}

static struct node *js_string(struct js *js, unsigned depth)
{
	const unsigned char *s = js->p + 1, *q = s;
	struct hcsc_pos pos = js_pos(js);
	bool esc = false;
	struct node *n;

	/* Find the closing quote; the body has no raw control characters. */
	while (q < js->end && *q != '"') {
		if (*q < 0x20) {
			load_fatal(js->c, js_pos_at(js, q),
				   "control character U+%04X in a string (it must be escaped)",
				   *q);
			return NULL;
		}
		if (*q == '\\') {
			esc = true;
			if (q + 1 < js->end && q[1] >= 0x20)
				q++;
		}
		q++;
	}
	if (q >= js->end) {
		load_fatal(js->c, pos, "unterminated string");
		return NULL;
	}
	n = load_node_new(js->c, NODE_STR, pos, depth);
	if (!n)
		return NULL;
	if (!esc) {
		n->text = arena_strndup(js->c->a, (const char *)s,
					(size_t)(q - s));
		n->len = (size_t)(q - s);
	} else if (!decode(js, s, q, n)) {
		return NULL;
	}
	n->pos.len = code_points(s - 1, q + 1); /* with the quotes */
	js_move(js, q + 1);
	load_check_string(js->c, n);
	return n;
}

/* ---- numbers and literals ---- */

static const unsigned char *digits(const unsigned char *q,
				   const unsigned char *end)
{
	while (q < end && ascii_isdigit((char)*q))
		q++;
	return q;
}

static bool digit_at(const struct js *js, const unsigned char *q)
{
	return q < js->end && ascii_isdigit((char)*q);
}

static struct node *js_number(struct js *js, unsigned depth)
{
	const unsigned char *s = js->p, *q = s;
	struct hcsc_pos pos = js_pos(js);
	bool integer = true;
	struct node *n;

	if (*q == '-')
		q++;
	if (!digit_at(js, q)) {
		load_fatal(js->c, js_pos_at(js, q),
			   "invalid number: expected a digit after '-' (found %s)",
			   js_what(js, q));
		return NULL;
	}
	if (*q == '0' && digit_at(js, q + 1)) {
		load_fatal(js->c, pos, "numbers must not have leading zeros");
		return NULL;
	}
	q = digits(q, js->end);
	if (q < js->end && *q == '.') {
		integer = false;
		if (!digit_at(js, ++q)) {
			load_fatal(js->c, js_pos_at(js, q),
				   "invalid number: expected a digit after '.' (found %s)",
				   js_what(js, q));
			return NULL;
		}
		q = digits(q, js->end);
	}
	if (q < js->end && (*q == 'e' || *q == 'E')) {
		integer = false;
		q++;
		if (q < js->end && (*q == '+' || *q == '-'))
			q++;
		if (!digit_at(js, q)) {
			load_fatal(js->c, js_pos_at(js, q),
				   "invalid number: expected a digit in the exponent (found %s)",
				   js_what(js, q));
			return NULL;
		}
		q = digits(q, js->end);
	}
	n = load_node_new(js->c, integer ? NODE_INT : NODE_STR, pos, depth);
	if (!n)
		return NULL;
	n->len = (size_t)(q - s);
	n->text = arena_strndup(js->c->a, (const char *)s, n->len);
	if (integer) {
		load_set_int(n, n->text, n->len);
	} else {
		n->number = true;
		load_check_string(js->c, n);
	}
	n->pos.len = code_points(js->p, q);
	js_move(js, q);
	return n;
}

static bool is_word_char(unsigned char b)
{
	return ascii_isalpha((char)b) || ascii_isdigit((char)b) || b == '_';
}

static struct node *js_literal(struct js *js, unsigned depth)
{
	const unsigned char *q = js->p;
	struct hcsc_pos pos = js_pos(js);
	enum node_kind kind;
	struct node *n;
	size_t len;

	while (q < js->end && is_word_char(*q))
		q++;
	len = (size_t)(q - js->p);
	if (len == 4 && !memcmp(js->p, "true", 4)) {
		kind = NODE_BOOL;
	} else if (len == 5 && !memcmp(js->p, "false", 5)) {
		kind = NODE_BOOL;
	} else if (len == 4 && !memcmp(js->p, "null", 4)) {
		kind = NODE_NULL;
	} else {
		load_fatal(js->c, pos,
			   "invalid literal '%s' (JSON allows true, false and null)",
			   load_show(js->c, (const char *)js->p, len));
		return NULL;
	}
	n = load_node_new(js->c, kind, pos, depth);
	if (!n)
		return NULL;
	n->text = kind == NODE_NULL ? "null" : len == 4 ? "true" : "false";
	n->len = len;
	n->b = len == 4 && kind == NODE_BOOL;
	n->pos.len = code_points(js->p, q);
	js_move(js, q);
	return n;
}

/* ---- containers ---- */

static bool js_key_expected(struct js *js)
{
	if (js_peek(js) == '"')
		return true;
	if (js_peek(js) == '\'')
		load_fatal(js->c, js_pos(js), "strings must be in double quotes");
	else if (js->p >= js->end)
		js_unexpected(js, "a key in double quotes");
	else
		load_fatal(js->c, js_pos(js),
			   "object keys must be strings in double quotes (found %s)",
			   js_what(js, js->p));
	return false;
}

/* After ',' in a container closed by `close`: a trailing comma is an error. */
static bool js_no_trailing(struct js *js, char close)
{
	if (js_peek(js) != close)
		return true;
	load_fatal(js->c, js_pos(js),
		   "trailing comma before '%c' (not allowed in JSON)", close);
	return false;
}

static struct node *js_object(struct js *js, unsigned depth)
{
	struct node *map = load_node_new(js->c, NODE_MAP, js_pos(js), depth);
	size_t cap = 0;

	if (!map)
		return NULL;
	js_move(js, js->p + 1);
	js_ws(js);
	if (js_peek(js) == '}') {
		js_move(js, js->p + 1);
		return map;
	}
	for (;;) {
		struct node *key, *val;

		if (!js_key_expected(js) || !(key = js_string(js, depth + 1)))
			return NULL;
		js_ws(js);
		if (js_peek(js) != ':') {
			js_unexpected(js, "':' after the key");
			return NULL;
		}
		js_move(js, js->p + 1);
		js_ws(js);
		val = js_value(js, depth + 1);
		if (!val)
			return NULL;
		load_map_push(js->c, map, &cap, key, val);
		js_ws(js);
		if (js_peek(js) == '}')
			break;
		if (js_peek(js) != ',') {
			js_unexpected(js, "',' or '}'");
			return NULL;
		}
		js_move(js, js->p + 1);
		js_ws(js);
		if (!js_no_trailing(js, '}'))
			return NULL;
	}
	js_move(js, js->p + 1);
	load_check_keys(js->c, map);
	return js->c->stop ? NULL : map;
}

static struct node *js_array(struct js *js, unsigned depth)
{
	struct node *seq = load_node_new(js->c, NODE_SEQ, js_pos(js), depth);
	size_t cap = 0;

	if (!seq)
		return NULL;
	js_move(js, js->p + 1);
	js_ws(js);
	if (js_peek(js) == ']') {
		js_move(js, js->p + 1);
		return seq;
	}
	for (;;) {
		struct node *item = js_value(js, depth + 1);

		if (!item)
			return NULL;
		load_seq_push(js->c, seq, &cap, item);
		js_ws(js);
		if (js_peek(js) == ']')
			break;
		if (js_peek(js) != ',') {
			js_unexpected(js, "',' or ']'");
			return NULL;
		}
		js_move(js, js->p + 1);
		js_ws(js);
		if (!js_no_trailing(js, ']'))
			return NULL;
	}
	js_move(js, js->p + 1);
	return seq;
}

static struct node *js_value(struct js *js, unsigned depth)
{
	struct node *n;
	int b = js_peek(js);

	if (b == '{' || b == '[') {
		/* Check before recursing: the limit protects the stack. */
		if (!load_depth_ok(js->c, depth, js_pos(js)))
			return NULL;
		n = b == '{' ? js_object(js, depth) : js_array(js, depth);
	} else if (b == '"') {
		n = js_string(js, depth);
	} else if (b == '-' || (b >= '0' && b <= '9')) {
		n = js_number(js, depth);
	} else if (b >= 0 && ascii_isalpha((char)b)) {
		n = js_literal(js, depth);
	} else if (b == '\'') {
		load_fatal(js->c, js_pos(js), "strings must be in double quotes");
		return NULL;
	} else if (b == '/') {
		load_fatal(js->c, js_pos(js), "comments are not allowed in JSON");
		return NULL;
	} else {
		js_unexpected(js, "a value");
		return NULL;
	}
	return js->c->stop ? NULL : n;
}

/* ---- the second opinion ---- */

/* json-c's strict tokener must accept what we accepted. */
static void jsonc_check(struct load_ctx *c, const char *data, size_t len)
{
	struct json_tokener *tok = json_tokener_new_ex(LOAD_MAX_DEPTH * 2);
	enum json_tokener_error err;
	json_object *obj;
	size_t off;

	if (!tok)
		hcsc_oom();
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
					    JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, data, (int)len);
	err = json_tokener_get_error(tok);
	off = json_tokener_get_parse_end(tok);
	if (err == json_tokener_continue) {
		/* A top-level scalar: the terminating NUL ends it. */
		obj = json_tokener_parse_ex(tok, "", 1);
		err = json_tokener_get_error(tok);
		off = len;
	}
	json_object_put(obj);
	json_tokener_free(tok);
	if (err != json_tokener_success)
		load_fatal(c, load_offset_pos(c, data, len, off, false),
			   "%s (rejected by json-c)", json_tokener_error_desc(err));
}

void load_json(struct load_ctx *c, const char *data, size_t len,
	       struct node **out)
{
	struct js js = { c, (const unsigned char *)data,
			 (const unsigned char *)data + len, 1, 1 };
	size_t nerrors = c->d->nerrors;
	struct node *root;

	*out = NULL;
	js_ws(&js);
	if (js.p == js.end) {
		/* Empty input: a null document, as for YAML (load.h). */
		root = load_node_new(c, NODE_NULL, load_pos(c, 1, 1), 1);
		*out = c->stop ? NULL : root;
		return;
	}
	root = js_value(&js, 1);
	if (!root)
		return;
	js_ws(&js);
	if (js.p != js.end) {
		load_fatal(c, js_pos(&js),
			   "unexpected %s after the JSON value (only one value is allowed)",
			   js_what(&js, js.p));
		return;
	}
	if (c->d->nerrors == nerrors)
		jsonc_check(c, data, len);
	*out = c->stop ? NULL : root;
}
