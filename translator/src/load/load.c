/*
 * load.c: reading input files and turning their bytes into a node tree:
 * the BOM, the UTF-8 check, the choice of syntax, and the helpers both
 * front ends share (limits of rule: hcsc.input.limits; duplicate
 * keys; integer literals).
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif

#include "load.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <fcntl.h>
#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "arena.h"
#include "ascii.h"
#include "diag.h"
#include "load_int.h"
#include "strset.h"
#include "utf8.h"
#include "strbuf.h"

/* ---- diagnostics and positions ---- */

static void load_verror(struct load_ctx *c, struct hcsc_pos pos,
			const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

static void load_verror(struct load_ctx *c, struct hcsc_pos pos,
			const char *fmt, va_list ap)
{
	if (diag_full(c->d)) { /* only counted from here: no text needed */
		diag_error(c->d, pos, "(not shown)");
		return;
	}
	diag_error(c->d, pos, "%s", arena_vprintf(c->a, fmt, ap));
}

void load_error(struct load_ctx *c, struct hcsc_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_verror(c, pos, fmt, ap);
	va_end(ap);
}

void load_fatal(struct load_ctx *c, struct hcsc_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	load_verror(c, pos, fmt, ap);
	va_end(ap);
	c->stop = true;
}

/* Length of the line break at s[i] as libyaml counts breaks (0: none). */
static size_t break_len(const unsigned char *s, size_t len, size_t i,
			bool yaml)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
	if (!yaml)
		return 0;
	if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x85)
		return 2; /* U+0085 */
	if (s[i] == 0xe2 && i + 2 < len && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9))
		return 3; /* U+2028, U+2029 */
	return 0;
}

struct hcsc_pos load_offset_pos(const struct load_ctx *c, const char *data,
				size_t len, size_t off, bool yaml)
{
	const unsigned char *s = (const unsigned char *)data;
	unsigned line = 1, col = 1;
	size_t i = 0;

	if (off > len)
		off = len;
	while (i < off) {
		size_t b = break_len(s, len, i, yaml);

		if (b) {
			line++;
			col = 1;
			i += b;
			continue;
		}
		if ((s[i] & 0xc0) != 0x80)
			col++;
		i++;
	}
	return load_pos(c, line, col);
}

const char *load_show(struct load_ctx *c, const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;
	size_t i;

	for (i = 0; i < len && sb.len < 64; i++) {
		unsigned char b = (unsigned char)s[i];

		if (b == '\n')
			strbuf_addstr(&sb, "\\n");
		else if (b == '\t')
			strbuf_addstr(&sb, "\\t");
		else if (b < 0x20 || b == 0x7f)
			strbuf_addf(&sb, "\\x%02x", b);
		else
			strbuf_addch(&sb, (char)b);
	}
	/* Cut on a character boundary. */
	while (i < len && ((unsigned char)s[i] & 0xc0) == 0x80)
		strbuf_addch(&sb, s[i++]);
	if (i < len)
		strbuf_addstr(&sb, "...");
	r = arena_strndup(c->a, sb.buf, sb.len);
	strbuf_release(&sb);
	return r;
}

/* ---- nodes under the limits ---- */

bool load_count(struct load_ctx *c, size_t n, struct hcsc_pos pos)
{
	size_t limit = c->expanded ? LOAD_MAX_EXPANDED : LOAD_MAX_NODES;

	if (c->nodes > limit || n > limit - c->nodes) {
		if (c->expanded)
			load_fatal(c, pos,
				   "more than %d nodes after alias expansion (the limit)",
				   LOAD_MAX_EXPANDED);
		else
			load_fatal(c, pos, "more than %d nodes (the limit)",
				   LOAD_MAX_NODES);
		return false;
	}
	c->nodes += n;
	return true;
}

bool load_depth_ok(struct load_ctx *c, unsigned depth, struct hcsc_pos pos)
{
	if (depth <= LOAD_MAX_DEPTH)
		return true;
	load_fatal(c, pos, "nesting deeper than %d levels (the limit)",
		   LOAD_MAX_DEPTH);
	return false;
}

struct node *load_node_new(struct load_ctx *c, enum node_kind kind,
			   struct hcsc_pos pos, unsigned depth)
{
	struct node *n;

	if (!load_depth_ok(c, depth, pos) || !load_count(c, 1, pos))
		return NULL;
	/* Written whole: the fields not named are zero, as arena_alloc() gives. */
	n = arena_alloc_raw(c->a, sizeof(*n));
	*n = (struct node){ .kind = kind, .pos = pos, .text = "" };
	return n;
}

/*
 * One arena block for the node and its text (the text right after the
 * node): a scalar costs one allocation, not two. The node is as
 * load_node_new() makes it, then text/len set as an arena_strndup() copy
 * would.
 */
struct node *load_scalar_new(struct load_ctx *c, struct hcsc_pos pos,
			     unsigned depth, const char *text, size_t len)
{
	struct node *n;
	char *t;

	if (!load_depth_ok(c, depth, pos) || !load_count(c, 1, pos))
		return NULL;
	if (len > SIZE_MAX - sizeof(*n) - 1)
		hcsc_oom();
	/* Written whole, as load_node_new(): unnamed fields are zero. */
	n = arena_alloc_raw(c->a, sizeof(*n) + len + 1);
	t = (char *)(n + 1);
	memcpy(t, text, len);
	t[len] = '\0';
	*n = (struct node){ .kind = NODE_STR, .pos = pos, .text = t, .len = len };
	return n;
}

static size_t grow_cap(size_t cap)
{
	return cap ? cap * 2 : 4;
}

void load_seq_push(struct load_ctx *c, struct node *seq, size_t *cap,
		   struct node *item)
{
	if (seq->n == *cap) {
		size_t nc = grow_cap(*cap);

		seq->items = arena_grow(c->a, seq->items, seq->n, nc,
					sizeof(*seq->items));
		*cap = nc;
	}
	seq->items[seq->n++] = item;
}

void load_map_push(struct load_ctx *c, struct node *map, size_t *cap,
		   struct node *key, struct node *val)
{
	if (map->n == *cap) {
		size_t nc = grow_cap(*cap);

		map->pairs = arena_grow(c->a, map->pairs, map->n, nc,
					sizeof(*map->pairs));
		*cap = nc;
	}
	map->pairs[map->n].key = key;
	map->pairs[map->n].val = val;
	map->n++;
}

void load_check_string(struct load_ctx *c, struct node *n)
{
	const char *z;

	if (n->len > LOAD_MAX_STRING)
		load_error(c, n->pos, "string longer than %u bytes (the limit)",
			   LOAD_MAX_STRING);
	z = memchr(n->text, '\0', n->len);
	if (z) {
		load_error(c, n->pos, "strings must not contain U+0000");
		n->len = (size_t)(z - n->text); /* keep the promise of node.h */
	}
}

/* ---- duplicate keys ---- */

static bool key_same(const struct node *a, const struct node *b)
{
	return a->len == b->len && !memcmp(a->text, b->text, a->len);
}

static void dup_report(struct load_ctx *c, const struct node *key,
		       const struct node *first)
{
	load_error(c, key->pos, "duplicate key '%s' (first at line %u, column %u)",
		   load_show(c, key->text, key->len), first->pos.line,
		   first->pos.col);
}

static void check_keys_small(struct load_ctx *c, const struct node *map)
{
	for (size_t i = 1; i < map->n && !c->stop; i++) {
		for (size_t j = 0; j < i; j++) {
			if (key_same(map->pairs[i].key, map->pairs[j].key)) {
				dup_report(c, map->pairs[i].key,
					   map->pairs[j].key);
				break;
			}
		}
	}
}

/*
 * Exact duplicates: a crit-bit set (strset.h), so that no choice of keys
 * makes a mapping of 50,000 keys (LOAD_MAX_NODES) quadratic; small
 * mappings are scanned.
 */
void load_check_keys(struct load_ctx *c, const struct node *map)
{
	struct strset seen;

	if (map->n <= 16) {
		check_keys_small(c, map);
		return;
	}
	strset_init(&seen, c->a, false);
	for (size_t i = 0; i < map->n && !c->stop; i++) {
		const struct node *k = map->pairs[i].key;
		size_t first = strset_add(&seen, k->text, k->len, i);

		if (first != i)
			dup_report(c, k, map->pairs[first].key);
	}
}

/* ---- integer literals ---- */

bool load_is_int(const char *s, size_t len)
{
	size_t i = 0;

	if (len && (s[0] == '-' || s[0] == '+'))
		i = 1;
	if (i == len)
		return false;
	for (; i < len; i++)
		if (!ascii_isdigit(s[i]))
			return false;
	return true;
}

void load_set_int(struct node *n, const char *s, size_t len)
{
	uint64_t mag = 0;
	bool over = false;
	size_t i = 0;

	n->neg = false;
	if (len && (s[0] == '-' || s[0] == '+')) {
		n->neg = s[0] == '-';
		i = 1;
	}
	for (; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (mag > (UINT64_MAX - d) / 10)
			over = true;
		else
			mag = mag * 10 + d;
	}
	n->overflow = over;
	/* Out of range: the flag says so; mag is a fail-safe maximum. */
	n->mag = over ? UINT64_MAX : mag;
}

/* ---- load_parse ---- */

static bool has_suffix_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !ascii_casecmp(s + n - m, suffix);
}

static enum load_syntax pick_syntax(const char *file, const char *data,
				    size_t len)
{
	size_t i = 0;

	if (file && has_suffix_ci(file, ".json"))
		return LOAD_JSON;
	if (file && (has_suffix_ci(file, ".yaml") || has_suffix_ci(file, ".yml")))
		return LOAD_YAML;
	while (i < len && (data[i] == ' ' || data[i] == '\t' ||
			   data[i] == '\r' || data[i] == '\n'))
		i++;
	if (i < len && (data[i] == '{' || data[i] == '['))
		return LOAD_JSON;
	return LOAD_YAML;
}

enum hcsc_rc load_parse(struct arena *a, struct diag_list *d,
			const char *file, const char *data, size_t len,
			enum load_syntax syntax, struct node **out)
{
	struct load_ctx c = { a, d, file, 0, false, false };
	size_t first = d->nr, nerrors = d->nerrors, bad;
	struct node *root = NULL;

	*out = NULL;
	if (!data)
		data = "";
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	if (syntax == LOAD_AUTO)
		syntax = pick_syntax(file, data, len);
	bad = len > LOAD_MAX_FILE ? 0 : utf8_invalid_at((const unsigned char *)data, len);
	if (len > LOAD_MAX_FILE)
		load_fatal(&c, load_pos(&c, 1, 1),
			   "input is larger than 4 MiB (the input limit)");
	else if (bad < len)
		load_fatal(&c,
			   load_offset_pos(&c, data, len, bad,
					   syntax == LOAD_YAML),
			   "invalid UTF-8 byte 0x%02x", (unsigned char)data[bad]);
	else if (syntax == LOAD_JSON)
		load_json(&c, data, len, &root);
	else
		load_yaml(&c, data, len, &root);
	diag_sort_from(d, first);
	*out = c.stop ? NULL : root;
	return (c.stop || d->nerrors != nerrors) ? HCSC_E_INPUT : HCSC_OK;
}

/* ---- load_read_file ---- */

static enum hcsc_rc io_error(struct arena *a, const char *name, int err,
			     const char **errmsg)
{
	*errmsg = arena_printf(a, "cannot read '%s': %s", name,
			       strerror(err ? err : EIO));
	return HCSC_E_IO;
}

static enum hcsc_rc not_regular(struct arena *a, const char *name,
				const char **errmsg)
{
	*errmsg = arena_printf(a, "cannot read '%s': not a regular file (a "
				  "FIFO or device is refused; use - for "
				  "standard input)",
			       name);
	return HCSC_E_IO;
}

/*
 * Open a regular file for reading without ever blocking on a FIFO: open
 * non-blocking, check the type of what was opened, then read normally.
 * Returns 0 with *f set, an errno value, or -1 for no regular file.
 */
static int open_regular(const char *path, FILE **f)
{
	struct stat st;
#ifdef _WIN32
	*f = fopen(path, "rb");
	if (!*f)
		return errno ? errno : EIO;
	if (fstat(_fileno(*f), &st) != 0)
		st.st_mode = 0;
	if (!(st.st_mode & _S_IFREG)) {
		fclose(*f);
		return (st.st_mode & _S_IFDIR) ? EISDIR : -1;
	}
	return 0;
#else
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), e;

	if (fd < 0)
		return errno ? errno : EIO;
	if (fstat(fd, &st) != 0) {
		e = errno ? errno : EIO;
		close(fd);
		return e;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return S_ISDIR(st.st_mode) ? EISDIR : -1;
	}
	if (fcntl(fd, F_SETFL, 0) != 0 || !(*f = fdopen(fd, "rb"))) {
		e = errno ? errno : EIO;
		close(fd);
		return e;
	}
	return 0;
#endif
}

/* Reads at most LOAD_MAX_FILE + 1 bytes; returns 0 or an errno value. */
static int read_all(FILE *f, struct strbuf *out)
{
	for (;;) {
		size_t want, got;

		strbuf_grow(out, 65536);
		want = out->alloc - out->len - 1;
		if (want > (size_t)LOAD_MAX_FILE + 1 - out->len)
			want = (size_t)LOAD_MAX_FILE + 1 - out->len;
		errno = 0;
		got = fread(out->buf + out->len, 1, want, f);
		out->len += got;
		out->buf[out->len] = '\0';
		if (out->len > LOAD_MAX_FILE)
			return 0;
		if (got < want)
			return ferror(f) ? (errno ? errno : EIO) : 0;
	}
}

enum hcsc_rc load_read_file(struct arena *a, struct diag_list *d,
			    const char *path, const char *display,
			    struct strbuf *out, const char **errmsg)
{
	bool is_stdin = !strcmp(path, "-");
	const char *name = display ? display : is_stdin ? "<stdin>" : path;
	FILE *f = stdin;
	int err;

	*errmsg = NULL;
	strbuf_reset(out);
	if (is_stdin) {
#ifdef _WIN32
		_setmode(_fileno(stdin), _O_BINARY); /* rule: hcsc.io.binary-mode */
#endif
	} else {
		errno = 0;
		err = open_regular(path, &f);
		if (err < 0)
			return not_regular(a, name, errmsg);
		if (err)
			return io_error(a, name, err, errmsg);
	}
	err = read_all(f, out);
	if (!is_stdin)
		fclose(f);
	if (err) {
		strbuf_release(out);
		return io_error(a, name, err, errmsg);
	}
	if (out->len > LOAD_MAX_FILE) {
		strbuf_release(out);
		return diag_error(d, pos_make(name, 1, 1),
				  "input is larger than 4 MiB (the input limit)");
	}
	diag_add_source(d, name, out->buf, out->len); /* rule: hcsc.diag.render */
	return HCSC_OK;
}
