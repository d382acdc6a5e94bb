/*
 * gojson.c: print a json-c tree as Go's encoding/json prints the Go value
 * the tree stands for (gojson.h). Mirrors golang/go src/encoding/json:
 * encode.go (appendString, floatEncoder.encode, struct fields with
 * omitempty, sorted map keys) and indent.go (appendIndent: newline plus
 * indent before each element, `": "` after keys, `{}` / `[]` kept empty).
 *
 * Errors (a key the shape does not know, a value of the wrong JSON type,
 * an integer out of range, NaN or infinity) return HCSC_E_IO. The message
 * is formatted on the heap and hung on the root of the tree being printed
 * (json-c userdata, freed with the tree), so *err lives as long as `v`,
 * or until the next failing emit_json() on the same tree. A scalar root
 * cannot carry it and gets a fixed message.
 */
#include "gojson.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "arena.h"
#include "strbuf.h"

struct emitter {
	struct strbuf *out;
	enum emit_style style;
	unsigned depth;
	struct json_object *root; /* carries the error message */
	const char **err;
};

static const char hex_digits[] = "0123456789abcdef";

/* ---- strings ---------------------------------------------------------- */

/*
 * Length of the valid UTF-8 sequence at s[0..n) (2 to 4), or 0 when
 * utf8.DecodeRune would answer (RuneError, 1). Lead bytes C2..F4; the
 * first continuation byte is narrowed for E0, ED, F0 and F4 (no overlongs,
 * no surrogates, nothing above U+10FFFF). Go: src/unicode/utf8/utf8.go.
 */
static size_t utf8_seq_len(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len, i;
	uint32_t r;

	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		r = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		r = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		r = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 1; i < len; i++) {
		if (i > 1 && (s[i] < 0x80 || s[i] > 0xbf))
			return 0;
		r = (r << 6) | (s[i] & 0x3f);
	}
	*cp = r;
	return len;
}

/* The escape of an ASCII byte, or NULL when Go writes it raw. */
static const char *ascii_escape(unsigned char b, char buf[7])
{
	switch (b) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	case '<':
	case '>':
	case '&':
		break;
	default:
		if (b >= 0x20)
			return NULL;
		break;
	}
	memcpy(buf, "\\u00", 4);
	buf[4] = hex_digits[b >> 4];
	buf[5] = hex_digits[b & 0xf];
	buf[6] = '\0';
	return buf;
}

void emit_go_string(struct strbuf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, len;
	const char *esc;
	char buf[7];
	uint32_t cp;

	strbuf_addch(out, '"');
	while (i < n) {
		if (p[i] < 0x80) {
			esc = ascii_escape(p[i], buf);
			if (!esc) {
				i++;
				continue;
			}
			strbuf_add(out, s + start, i - start);
			strbuf_addstr(out, esc);
			start = ++i;
			continue;
		}
		len = utf8_seq_len(p + i, n - i, &cp);
		if (len && cp != 0x2028 && cp != 0x2029) {
			i += len;
			continue;
		}
		strbuf_add(out, s + start, i - start);
		if (!len) {
			strbuf_addstr(out, "\\ufffd");
			i++;
		} else {
			strbuf_addstr(out, cp == 0x2028 ? "\\u2028" : "\\u2029");
			i += len;
		}
		start = i;
	}
	strbuf_add(out, s + start, n - start);
	strbuf_addch(out, '"');
}

/* ---- numbers ---------------------------------------------------------- */

static void add_u64(struct strbuf *out, uint64_t u)
{
	char buf[24];
	size_t i = sizeof(buf);

	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	strbuf_add(out, buf + i, sizeof(buf) - i);
}

static void add_i64(struct strbuf *out, int64_t v)
{
	if (v < 0) {
		strbuf_addch(out, '-');
		add_u64(out, (uint64_t)0 - (uint64_t)v);
	} else {
		add_u64(out, (uint64_t)v);
	}
}

/*
 * The shortest decimal digits that read back as x (x finite, > 0), and
 * the exponent of the first digit: x = d[0].d[1..] * 10^exp. Found by
 * printing %.Ne for growing N and reading it back with strtod; digits and
 * exponent are picked out by hand, so the locale's decimal point does not
 * matter. Go: strconv.AppendFloat(f, fmt, -1, 64).
 */
static size_t shortest_digits(double x, char digits[20], int *exp)
{
	char buf[40];
	size_t nd = 0, i;
	int prec, e = 0, neg = 0;

	for (prec = 0; prec < 17; prec++) {
		snprintf(buf, sizeof(buf), "%.*e", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	for (i = 0; buf[i] && buf[i] != 'e'; i++) {
		if (buf[i] >= '0' && buf[i] <= '9')
			digits[nd++] = buf[i];
	}
	if (buf[i] == 'e')
		i++;
	if (buf[i] == '-' || buf[i] == '+')
		neg = buf[i++] == '-';
	for (; buf[i] >= '0' && buf[i] <= '9'; i++)
		e = e * 10 + (buf[i] - '0');
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	*exp = neg ? -e : e;
	return nd;
}

static void add_zeros(struct strbuf *out, int n)
{
	while (n-- > 0)
		strbuf_addch(out, '0');
}

/* Go floatEncoder(64): 'f' form, or 'e' below 1e-6 and from 1e21. */
static void add_float(struct strbuf *out, double x)
{
	char d[20];
	size_t nd;
	int exp;

	if (signbit(x))
		strbuf_addch(out, '-');
	if (x < 0)
		x = -x;
	if (x == 0) {
		strbuf_addch(out, '0');
		return;
	}
	nd = shortest_digits(x, d, &exp);
	if (x < 1e-6 || x >= 1e21) {
		strbuf_addch(out, d[0]);
		if (nd > 1) {
			strbuf_addch(out, '.');
			strbuf_add(out, d + 1, nd - 1);
		}
		strbuf_addf(out, "e%c%d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
	} else if (exp < 0) {
		strbuf_addstr(out, "0.");
		add_zeros(out, -exp - 1);
		strbuf_add(out, d, nd);
	} else if ((size_t)exp + 1 >= nd) {
		strbuf_add(out, d, nd);
		add_zeros(out, exp + 1 - (int)nd);
	} else {
		strbuf_add(out, d, (size_t)exp + 1);
		strbuf_addch(out, '.');
		strbuf_add(out, d + exp + 1, nd - (size_t)exp - 1);
	}
}

/* ---- errors ----------------------------------------------------------- */

static enum hcsc_rc fail(struct emitter *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum hcsc_rc fail(struct emitter *e, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	enum json_type t = json_object_get_type(e->root);
	va_list ap;

	if (!e->err)
		return HCSC_E_IO;
	if (t != json_type_object && t != json_type_array) {
		*e->err = "value does not fit its go type";
		return HCSC_E_IO;
	}
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	*e->err = strbuf_detach(&sb, NULL);
	json_object_set_userdata(e->root, (void *)*e->err,
				 json_object_free_userdata);
	return HCSC_E_IO;
}

static const char *json_type_word(struct json_object *v)
{
	return json_type_to_name(json_object_get_type(v));
}

static enum hcsc_rc mismatch(struct emitter *e, const char *key,
			     struct json_object *v, const struct shape *shape)
{
	return fail(e, "key '%s': json %s does not fit go type %s", key,
		    json_type_word(v), shape->name);
}

/* ---- layout ----------------------------------------------------------- */

static void newline(struct emitter *e)
{
	unsigned i;

	if (e->style != EMIT_PRETTY)
		return;
	strbuf_addch(e->out, '\n');
	for (i = 0; i < e->depth; i++)
		strbuf_add(e->out, "  ", 2);
}

/* Before the n-th element of a container (n from 0). */
static void open_element(struct emitter *e, size_t n)
{
	if (n)
		strbuf_addch(e->out, ',');
	else
		e->depth++;
	newline(e);
}

/* After `n` elements: close the indentation, then `c`. */
static void close_container(struct emitter *e, size_t n, char c)
{
	if (n) {
		e->depth--;
		newline(e);
	}
	strbuf_addch(e->out, c);
}

static void add_key(struct emitter *e, const char *key)
{
	emit_go_string(e->out, key, strlen(key));
	if (e->style == EMIT_PRETTY)
		strbuf_add(e->out, ": ", 2);
	else
		strbuf_addch(e->out, ':');
}

/* ---- sorted keys (Go map order) ---------------------------------------- */

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of `obj`, sorted by bytes; caller frees. */
static const char **sorted_keys(struct json_object *obj, size_t *n)
{
	struct json_object_iterator it = json_object_iter_begin(obj);
	struct json_object_iterator end = json_object_iter_end(obj);
	size_t len = (size_t)json_object_object_length(obj), i = 0;
	const char **keys = malloc((len ? len : 1) * sizeof(*keys));

	if (!keys)
		hcsc_oom();
	for (; !json_object_iter_equal(&it, &end) && i < len;
	     json_object_iter_next(&it))
		keys[i++] = json_object_iter_peek_name(&it);
	qsort(keys, i, sizeof(*keys), cmp_key);
	*n = i;
	return keys;
}

/* ---- values ------------------------------------------------------------ */

static enum hcsc_rc emit_value(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key);

static enum hcsc_rc emit_any(struct emitter *e, struct json_object *v,
			     const char *key);

static bool is_kind(struct json_object *v, enum json_type t)
{
	return json_object_get_type(v) == t;
}

/* A json-c int as Go reads it: negative, or its uint64 value. */
static bool int_value(struct json_object *v, int64_t *i, uint64_t *u)
{
	*i = json_object_get_int64(v);
	*u = *i < 0 ? 0 : json_object_get_uint64(v);
	return *i < 0;
}

static enum hcsc_rc emit_int(struct emitter *e, struct json_object *v,
			     const struct shape *shape, const char *key)
{
	int64_t i;
	uint64_t u;
	bool neg;

	if (!v) {
		strbuf_addch(e->out, '0');
		return HCSC_OK;
	}
	if (!is_kind(v, json_type_int))
		return mismatch(e, key, v, shape);
	neg = int_value(v, &i, &u);
	if (neg && shape->kind == SHAPE_UINT)
		return fail(e, "key '%s': %" PRId64 " is out of range for go type %s",
			    key, i, shape->name);
	if (!neg && shape->kind == SHAPE_INT && u > INT64_MAX)
		return fail(e, "key '%s': %" PRIu64 " is out of range for go type %s",
			    key, u, shape->name);
	if (neg)
		add_i64(e->out, i);
	else
		add_u64(e->out, u);
	return HCSC_OK;
}

static enum hcsc_rc emit_scalar(struct emitter *e, struct json_object *v,
				const struct shape *shape, const char *key)
{
	if (shape->kind == SHAPE_STRING) {
		if (!v) {
			strbuf_add(e->out, "\"\"", 2);
			return HCSC_OK;
		}
		if (!is_kind(v, json_type_string))
			return mismatch(e, key, v, shape);
		emit_go_string(e->out, json_object_get_string(v),
			       (size_t)json_object_get_string_len(v));
		return HCSC_OK;
	}
	if (shape->kind == SHAPE_BOOL) {
		if (v && !is_kind(v, json_type_boolean))
			return mismatch(e, key, v, shape);
		strbuf_addstr(e->out,
			      v && json_object_get_boolean(v) ? "true" : "false");
		return HCSC_OK;
	}
	return emit_int(e, v, shape, key);
}

/* Go's isEmptyValue for the value `v` of type `shape`. */
static bool is_empty(struct json_object *v, const struct shape *shape)
{
	if (!v)
		return shape->kind != SHAPE_STRUCT;
	switch (shape->kind) {
	case SHAPE_STRING:
		return is_kind(v, json_type_string) &&
		       json_object_get_string_len(v) == 0;
	case SHAPE_BOOL:
		return is_kind(v, json_type_boolean) &&
		       !json_object_get_boolean(v);
	case SHAPE_INT:
	case SHAPE_UINT:
		return is_kind(v, json_type_int) &&
		       json_object_get_int64(v) == 0;
	case SHAPE_SLICE:
		return is_kind(v, json_type_array) &&
		       json_object_array_length(v) == 0;
	case SHAPE_MAP:
		return is_kind(v, json_type_object) &&
		       json_object_object_length(v) == 0;
	case SHAPE_STRUCT:
	case SHAPE_PTR:
	case SHAPE_ANY:
		break;
	}
	return false;
}

static const struct shape_field *find_field(const struct shape *shape,
					    const char *key)
{
	size_t i;

	for (i = 0; i < shape->nfields; i++) {
		if (!strcmp(shape->fields[i].key, key))
			return &shape->fields[i];
	}
	return NULL;
}

static enum hcsc_rc check_keys(struct emitter *e, struct json_object *obj,
			       const struct shape *shape)
{
	struct json_object_iterator it = json_object_iter_begin(obj);
	struct json_object_iterator end = json_object_iter_end(obj);
	const char *key;

	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		key = json_object_iter_peek_name(&it);
		if (!find_field(shape, key))
			return fail(e, "key '%s' is not a field of go type %s",
				    key, shape->name);
	}
	return HCSC_OK;
}

static enum hcsc_rc emit_struct(struct emitter *e, struct json_object *v,
				const struct shape *shape, const char *key)
{
	const struct shape_field *f;
	struct json_object *fv;
	enum hcsc_rc rc;
	size_t i, n = 0;

	if (v && !is_kind(v, json_type_object))
		return mismatch(e, key, v, shape);
	if (v && (rc = check_keys(e, v, shape)) != HCSC_OK)
		return rc;
	strbuf_addch(e->out, '{');
	for (i = 0; i < shape->nfields; i++) {
		f = &shape->fields[i];
		fv = v ? json_object_object_get(v, f->key) : NULL;
		if (f->omitempty && is_empty(fv, f->type))
			continue;
		open_element(e, n++);
		add_key(e, f->key);
		rc = emit_value(e, fv, f->type, f->key);
		if (rc != HCSC_OK)
			return rc;
	}
	close_container(e, n, '}');
	return HCSC_OK;
}

static enum hcsc_rc emit_slice(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key)
{
	size_t i, n;
	enum hcsc_rc rc;

	if (!v) {
		strbuf_addstr(e->out, "null");
		return HCSC_OK;
	}
	if (!is_kind(v, json_type_array))
		return mismatch(e, key, v, shape);
	n = json_object_array_length(v);
	strbuf_addch(e->out, '[');
	for (i = 0; i < n; i++) {
		open_element(e, i);
		rc = emit_value(e, json_object_array_get_idx(v, i), shape->elem,
				key);
		if (rc != HCSC_OK)
			return rc;
	}
	close_container(e, n, ']');
	return HCSC_OK;
}

/* An object with sorted keys; elem NULL means interface{} values. */
static enum hcsc_rc emit_sorted_object(struct emitter *e, struct json_object *v,
				       const struct shape *elem)
{
	enum hcsc_rc rc = HCSC_OK;
	struct json_object *mv;
	const char **keys;
	size_t i, n;

	keys = sorted_keys(v, &n);
	strbuf_addch(e->out, '{');
	for (i = 0; i < n && rc == HCSC_OK; i++) {
		open_element(e, i);
		add_key(e, keys[i]);
		mv = json_object_object_get(v, keys[i]);
		rc = elem ? emit_value(e, mv, elem, keys[i])
			  : emit_any(e, mv, keys[i]);
	}
	free(keys);
	if (rc == HCSC_OK)
		close_container(e, n, '}');
	return rc;
}

static enum hcsc_rc emit_any(struct emitter *e, struct json_object *v,
			     const char *key)
{
	size_t i, n;
	enum hcsc_rc rc;
	double d;

	switch (json_object_get_type(v)) {
	case json_type_null:
		strbuf_addstr(e->out, "null");
		return HCSC_OK;
	case json_type_boolean:
		strbuf_addstr(e->out, json_object_get_boolean(v) ? "true" : "false");
		return HCSC_OK;
	case json_type_int: {
		int64_t iv;
		uint64_t uv;

		if (int_value(v, &iv, &uv))
			add_i64(e->out, iv);
		else
			add_u64(e->out, uv);
		return HCSC_OK;
	}
	case json_type_double:
		d = json_object_get_double(v);
		if (isnan(d) || isinf(d))
			return fail(e, "key '%s': unsupported float value", key);
		add_float(e->out, d);
		return HCSC_OK;
	case json_type_string:
		emit_go_string(e->out, json_object_get_string(v),
			       (size_t)json_object_get_string_len(v));
		return HCSC_OK;
	case json_type_object:
		return emit_sorted_object(e, v, NULL);
	case json_type_array:
		break;
	}
	n = json_object_array_length(v);
	strbuf_addch(e->out, '[');
	for (i = 0; i < n; i++) {
		open_element(e, i);
		rc = emit_any(e, json_object_array_get_idx(v, i), key);
		if (rc != HCSC_OK)
			return rc;
	}
	close_container(e, n, ']');
	return HCSC_OK;
}

static enum hcsc_rc emit_value(struct emitter *e, struct json_object *v,
			       const struct shape *shape, const char *key)
{
	switch (shape->kind) {
	case SHAPE_STRING:
	case SHAPE_BOOL:
	case SHAPE_INT:
	case SHAPE_UINT:
		return emit_scalar(e, v, shape, key);
	case SHAPE_STRUCT:
		return emit_struct(e, v, shape, key);
	case SHAPE_PTR:
		if (!v) {
			strbuf_addstr(e->out, "null");
			return HCSC_OK;
		}
		return emit_value(e, v, shape->elem, key);
	case SHAPE_SLICE:
		return emit_slice(e, v, shape, key);
	case SHAPE_MAP:
		if (!v) {
			strbuf_addstr(e->out, "null");
			return HCSC_OK;
		}
		if (!is_kind(v, json_type_object))
			return mismatch(e, key, v, shape);
		return emit_sorted_object(e, v, shape->elem);
	case SHAPE_ANY:
		return emit_any(e, v, key);
	}
	return fail(e, "key '%s': bad shape", key);
}

enum hcsc_rc emit_json(struct strbuf *out, struct json_object *v,
		       const struct shape *shape, enum emit_style style,
		       const char **err)
{
	struct emitter e = { out, style, 0, v, err };
	size_t start = out->len;
	enum hcsc_rc rc;

	rc = emit_value(&e, v, shape, "(top)");
	if (rc != HCSC_OK) {
		out->len = start;
		if (out->alloc)
			out->buf[start] = '\0';
		return rc;
	}
	if (style == EMIT_PRETTY)
		strbuf_addch(out, '\n');
	return HCSC_OK;
}
