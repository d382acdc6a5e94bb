/*
 * winpath.c: mirrors Go's path/filepath for GOOS=windows as of go1.23.5,
 * the Debian golang-1.23-go toolchain that rule: hcsc.tests.go-oracle makes the
 * oracle (tools/goref/winpath checks us against it):
 *   src/internal/filepathlite/path.go        Clean, Split, Base, Dir, VolumeName
 *   src/internal/filepathlite/path_windows.go volumeNameLen, IsAbs, isLocal,
 *                                             isReservedName, postClean
 *   src/path/filepath/path_windows.go        join
 * Go after 1.23 changed volumeNameLen in three ways we do not follow: in
 * go1.23 a volume name with a ".." component is still a volume name; only
 * `\\.\UNC` takes a host and a share (`\\?\UNC\h\s` and `\??\UNC\h\s` have
 * the volume `\\?\UNC` and `\??\UNC`); and `\\?\GLOBALROOT\a\b` has the
 * volume `\\?\GLOBALROOT` (no special case, Go issue 67880).
 *
 * Go works on byte strings; so do we. Internally a path is (p, n) so that
 * Dir can clean a slice of its argument as Go does.
 */
#include "winpath.h"

#include <string.h>

#define SEP '\\'

static bool is_sep(char c)
{
	return c == '\\' || c == '/';
}

static char to_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* filepath.FromSlash, in place. */
static char *from_slash(char *s)
{
	char *p;

	for (p = s; *p; p++)
		if (*p == '/')
			*p = SEP;
	return s;
}

/* Index of the first separator in p[0..n), or n. (Go's cutPath.) */
static size_t cut_path(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && !is_sep(p[i]); i++)
		;
	return i;
}

/*
 * pathHasPrefixFold: s starts with prefix, ignoring ASCII case, any
 * separator matching any separator; a longer s must have a separator next.
 */
static bool has_prefix_fold(const char *s, size_t n, const char *prefix)
{
	size_t i, k = strlen(prefix);

	if (n < k)
		return false;
	for (i = 0; i < k; i++) {
		if (is_sep(prefix[i])) {
			if (!is_sep(s[i]))
				return false;
		} else if (to_upper(prefix[i]) != to_upper(s[i])) {
			return false;
		}
	}
	return n == k || is_sep(s[k]);
}

/* uncLen: where the second separator at or after `from` is, else n. */
static size_t unc_len(const char *p, size_t n, size_t from)
{
	size_t i, count = 0;

	for (i = from; i < n; i++)
		if (is_sep(p[i]) && ++count == 2)
			return i;
	return n;
}

/* Go's volumeNameLen (filepathlite/path_windows.go, go1.23). */
static size_t volume_len(const char *p, size_t n)
{
	if (n >= 2 && p[1] == ':')
		return 2; /* a drive letter; any byte counts as the letter */
	if (n == 0 || !is_sep(p[0]))
		return 0;
	if (has_prefix_fold(p, n, "\\\\.\\UNC"))
		return unc_len(p, n, 8); /* host and share, as for `\\h\s` */
	if (has_prefix_fold(p, n, "\\\\.") || has_prefix_fold(p, n, "\\\\?") ||
	    has_prefix_fold(p, n, "\\??")) {
		if (n == 3)
			return 3;
		/* p[3] is a separator; the volume ends at the next one */
		return 4 + cut_path(p + 4, n - 4);
	}
	if (n >= 2 && is_sep(p[1]))
		return unc_len(p, n, 2);
	return 0;
}

size_t winpath_volume_name_len(const char *path)
{
	return volume_len(path, strlen(path));
}

char *winpath_volume_name(struct arena *a, const char *path)
{
	return from_slash(arena_strndup(a, path, winpath_volume_name_len(path)));
}

bool winpath_is_abs(const char *path)
{
	size_t l = winpath_volume_name_len(path);

	if (l == 0)
		return false;
	/* a volume name starting with two separators is absolute */
	if (is_sep(path[0]) && is_sep(path[1]))
		return true;
	return is_sep(path[l]);
}

/*
 * Go's lazybuf. The output is written to buf as Go would, but Go only makes
 * its buffer once the output stops being a prefix of the input (`diverged`);
 * until then it writes nothing. postClean looks at the whole buffer, beyond
 * w too, so the buffer must hold exactly what Go's would: at the moment of
 * divergence the bytes past w are zeroed, as Go's fresh buffer is.
 */
struct lazybuf {
	const char *path; /* the path after the volume name */
	size_t n;         /* its length; Go's len(buf) (grows on prepend) */
	char *buf;        /* n + 2 bytes (postClean may prepend two) + NUL */
	size_t w;
	bool diverged;
};

static void lb_append(struct lazybuf *b, char c)
{
	if (!b->diverged && (b->w >= b->n || b->path[b->w] != c)) {
		b->diverged = true;
		memset(b->buf + b->w, 0, b->n - b->w);
	}
	b->buf[b->w++] = c;
}

static void lb_prepend(struct lazybuf *b, char c0, char c1)
{
	memmove(b->buf + 2, b->buf, b->n);
	b->buf[0] = c0;
	b->buf[1] = c1;
	b->n += 2;
	b->w += 2;
}

/*
 * postClean: keeps Clean from turning a relative path into an absolute or
 * rooted one. It acts only when the output was rewritten (Go: out.buf !=
 * nil) and scans Go's whole buffer, not just the first w bytes.
 */
static void post_clean(struct lazybuf *b, size_t vol)
{
	size_t i;

	if (vol != 0 || !b->diverged)
		return;
	for (i = 0; i < b->n && !is_sep(b->buf[i]); i++) {
		if (b->buf[i] == ':') {
			lb_prepend(b, '.', SEP);
			return;
		}
	}
	if (b->n >= 3 && is_sep(b->buf[0]) && b->buf[1] == '?' &&
	    b->buf[2] == '?')
		lb_prepend(b, SEP, '.');
}

/* The element loop of Go's Clean, over b->path. */
static void clean_elements(struct lazybuf *b, bool rooted)
{
	const char *p = b->path;
	size_t n = b->n, r = 0, dotdot = 0;

	if (rooted) {
		lb_append(b, SEP);
		r = dotdot = 1;
	}
	while (r < n) {
		if (is_sep(p[r])) {
			r++; /* empty element */
		} else if (p[r] == '.' && (r + 1 == n || is_sep(p[r + 1]))) {
			r++; /* . element */
		} else if (p[r] == '.' && p[r + 1] == '.' &&
			   (r + 2 == n || is_sep(p[r + 2]))) {
			r += 2; /* .. element: back to the last separator */
			if (b->w > dotdot) {
				b->w--;
				while (b->w > dotdot && !is_sep(b->buf[b->w]))
					b->w--;
			} else if (!rooted) {
				if (b->w > 0)
					lb_append(b, SEP);
				lb_append(b, '.');
				lb_append(b, '.');
				dotdot = b->w;
			}
		} else {
			if ((rooted && b->w != 1) || (!rooted && b->w != 0))
				lb_append(b, SEP);
			for (; r < n && !is_sep(p[r]); r++)
				lb_append(b, p[r]);
		}
	}
	if (b->w == 0)
		lb_append(b, '.');
}

/*
 * Is p[0..n) (a path after its volume name, not empty, without `/`) what
 * Clean's element loop gives back unchanged? Yes when it is `\`, or an
 * optional leading `\` then elements joined by single `\`, none empty,
 * `.` or `..`: then Go's lazybuf never diverges (so postClean does
 * nothing) and ends holding all of p.
 */
static bool already_clean(const char *p, size_t n)
{
	const char *end = p + n;

	if (*p == SEP && ++p == end)
		return true;
	for (;;) {
		const char *e = memchr(p, SEP, (size_t)(end - p));
		size_t k = (size_t)((e ? e : end) - p);

		if (k == 0 || (p[0] == '.' && (k == 1 || (k == 2 && p[1] == '.'))))
			return false;
		if (!e)
			return true;
		p = e + 1;
	}
}

/* Go's Clean through the lazybuf, for a path with something after vol. */
static char *clean_slow(struct arena *a, const char *orig, size_t olen,
			size_t vol)
{
	struct lazybuf b;
	char *out;

	b.path = orig + vol;
	b.n = olen - vol;
	b.buf = arena_alloc(a, b.n + 3);
	b.w = 0;
	b.diverged = false;
	clean_elements(&b, is_sep(b.path[0]));
	post_clean(&b, vol);

	out = arena_alloc(a, vol + b.w + 1);
	memcpy(out, orig, vol);
	memcpy(out + vol, b.buf, b.w);
	return from_slash(out);
}

/*
 * Clean(orig[0..olen)), or NULL when that is orig[0..olen) itself. The
 * fast path (unless `fast` is off, for the reference): a path that is
 * already clean and has no `/` for FromSlash to turn is its own result,
 * as already_clean() says the lazybuf would give it; no copy is made.
 */
static char *clean_or_same(struct arena *a, const char *orig, size_t olen,
			   bool fast)
{
	size_t vol = volume_len(orig, olen);
	char *out;

	if (vol == olen) {
		if (vol > 1 && is_sep(orig[0]) && is_sep(orig[1]))
			return from_slash(arena_strndup(a, orig, olen)); /* UNC */
		out = arena_alloc(a, olen + 2);
		memcpy(out, orig, olen);
		out[olen] = '.';
		return out;
	}
	if (fast && !memchr(orig, '/', olen) &&
	    already_clean(orig + vol, olen - vol))
		return NULL;
	return clean_slow(a, orig, olen, vol);
}

static char *clean_n(struct arena *a, const char *orig, size_t olen)
{
	char *out = clean_or_same(a, orig, olen, true);

	return out ? out : arena_strndup(a, orig, olen);
}

char *winpath_clean(struct arena *a, const char *path)
{
	return clean_n(a, path, strlen(path));
}

char *winpath_clean_reference(struct arena *a, const char *path)
{
	size_t n = strlen(path);
	char *out = clean_or_same(a, path, n, false);

	return out ? out : arena_strndup(a, path, n);
}

/*
 * Go >= 1.22 join (path/filepath/path_windows.go): elements after the first
 * non-empty one are added with a `\` between them, except after a trailing
 * separator (then the next element's leading separators are dropped, and
 * `\` followed by `??` gets `.\` so as not to form `\??\`) or after a
 * trailing ':' (`C:` + `f` stays drive-relative). Then Clean.
 */
char *winpath_join(struct arena *a, const char *const *elem, size_t n)
{
	size_t i, cap = 3, len = 0;
	char last = 0, *b, *out;

	for (i = 0; i < n; i++)
		cap += strlen(elem[i]) + 1;
	b = arena_alloc(a, cap);
	for (i = 0; i < n; i++) {
		const char *e = elem[i];
		size_t elen;

		if (len == 0) {
			/* the first non-empty element goes in as it is */
		} else if (is_sep(last)) {
			while (is_sep(*e))
				e++;
			if (len == 1 && e[0] == '?' && e[1] == '?' &&
			    (e[2] == '\0' || is_sep(e[2]))) {
				b[len++] = '.';
				b[len++] = SEP;
			}
		} else if (last != ':') {
			b[len++] = SEP;
			last = SEP;
		}
		elen = strlen(e);
		if (elen) {
			memcpy(b + len, e, elen);
			len += elen;
			last = e[elen - 1];
		}
	}
	if (len == 0)
		return arena_strdup(a, "");
	out = clean_or_same(a, b, len, true);
	if (out)
		return out;
	b[len] = '\0'; /* already clean: the joined bytes are the result */
	return b;
}

char *winpath_base(struct arena *a, const char *path)
{
	size_t n = strlen(path), vol, i;

	if (n == 0)
		return arena_strdup(a, ".");
	while (n > 0 && is_sep(path[n - 1]))
		n--;
	vol = volume_len(path, n);
	path += vol;
	n -= vol;
	for (i = n; i > 0 && !is_sep(path[i - 1]); i--)
		;
	if (i == n)
		return arena_strdup(a, "\\"); /* only separators were left */
	return arena_strndup(a, path + i, n - i);
}

/* End of the directory part: one past the last separator after the volume. */
static size_t split_at(const char *path, size_t n, size_t vol)
{
	size_t i;

	for (i = n; i > vol && !is_sep(path[i - 1]); i--)
		;
	return i;
}

char *winpath_dir(struct arena *a, const char *path)
{
	size_t n = strlen(path), vol = volume_len(path, n);
	size_t end = split_at(path, n, vol);
	char *dir = clean_n(a, path + vol, end - vol);
	char *out;
	size_t dlen;

	if (strcmp(dir, ".") == 0 && vol > 2)
		return from_slash(arena_strndup(a, path, vol)); /* must be UNC */
	/* Go: VolumeName(path) + Clean(...); only the volume gets FromSlash */
	dlen = strlen(dir);
	out = arena_alloc(a, vol + dlen + 1);
	memcpy(out, path, vol);
	from_slash(out);
	memcpy(out + vol, dir, dlen + 1);
	return out;
}

void winpath_split(const char *path, size_t *dir_len)
{
	size_t n = strlen(path);

	*dir_len = split_at(path, n, volume_len(path, n));
}

/* ---- IsLocal ---- */

static bool equal_fold(const char *s, size_t n, const char *lit)
{
	size_t i;

	if (strlen(lit) != n)
		return false;
	for (i = 0; i < n; i++)
		if (to_upper(s[i]) != to_upper(lit[i]))
			return false;
	return true;
}

/* isReservedBaseName: CON PRN AUX NUL, COM1-9, LPT1-9 (also ¹²³), CONIN$. */
static bool is_reserved_base(const char *s, size_t n)
{
	if (n == 3)
		return equal_fold(s, 3, "CON") || equal_fold(s, 3, "PRN") ||
		       equal_fold(s, 3, "AUX") || equal_fold(s, 3, "NUL");
	if (n >= 4 && (equal_fold(s, 3, "COM") || equal_fold(s, 3, "LPT"))) {
		if (n == 4 && s[3] >= '1' && s[3] <= '9')
			return true;
		/* superscript one, two and three, in UTF-8 */
		return n == 5 && (unsigned char)s[3] == 0xc2 &&
		       ((unsigned char)s[4] == 0xb9 ||
			(unsigned char)s[4] == 0xb2 ||
			(unsigned char)s[4] == 0xb3);
	}
	return equal_fold(s, n, "CONIN$") || equal_fold(s, n, "CONOUT$");
}

/*
 * isReservedName: the element up to its first '.' or ':', trailing spaces
 * dropped, is a reserved base name. When something was cut off, go1.23
 * has no answer of its own: it calls syscall.FullPath(element) and counts
 * the element reserved if the result starts with `\\.\`. We answer
 * "reserved" there. Go's own tables need it ("nul ", "nul." are not local),
 * and so does Wine, where rule: hcsc.tests.go-oracle runs Go: Wine's RtlIsDosDeviceName_U
 * cuts the name the same way, so FullPath gives `\\.\NUL` for "nul.txt".
 * Under Wine, Go would differ from us only for COM/LPT with a superscript
 * digit and a suffix ("com\302\271.txt": Wine knows no superscripts), and
 * for CONIN$/CONOUT$ with a suffix on Wine versions that lack them.
 */
static bool is_reserved_name(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n && s[k] != '.' && s[k] != ':'; k++)
		;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return is_reserved_base(s, k);
}

bool winpath_is_local(const char *path)
{
	size_t n = strlen(path), i = 0;
	bool has_dots = false;
	struct arena *a;
	bool local;

	if (n == 0 || is_sep(path[0]) || strchr(path, ':'))
		return false;
	while (i < n) {
		size_t k = cut_path(path + i, n - i);

		if ((k == 1 && path[i] == '.') ||
		    (k == 2 && path[i] == '.' && path[i + 1] == '.'))
			has_dots = true;
		if (is_reserved_name(path + i, k))
			return false;
		i += k + 1;
	}
	if (!has_dots)
		return !(strcmp(path, "..") == 0 || strncmp(path, "..\\", 3) == 0);
	a = arena_new();
	path = winpath_clean(a, path);
	local = !(strcmp(path, "..") == 0 || strncmp(path, "..\\", 3) == 0);
	arena_free(a);
	return local;
}
