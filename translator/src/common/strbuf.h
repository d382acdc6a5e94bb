/*
 * strbuf.h: a growable byte buffer on the heap (git's strbuf). `buf` is never NULL and always NUL-terminated; the bytes may
 * contain NULs (len counts them). Output documents are built here, since
 * they outlive a compile's arena.
 */
#ifndef HCSC_STRBUF_H
#define HCSC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct strbuf {
	char *buf;
	size_t len, alloc;
};

#define STRBUF_INIT { strbuf_empty, 0, 0 }
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb); /* frees buf, not sb */
void strbuf_reset(struct strbuf *sb);   /* len = 0, keeps the memory */
char *strbuf_detach(struct strbuf *sb, size_t *len); /* caller frees */
/* Room for `extra` more bytes (and the NUL): strbuf_grow, out of line. */
void strbuf_make_room(struct strbuf *sb, size_t extra);
void strbuf_addstr(struct strbuf *sb, const char *s);
/* u in decimal, as strbuf_addf("%" PRIu64) writes it (no printf). */
void strbuf_add_u64(struct strbuf *sb, uint64_t u);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/*
 * Growth and the two appends every emitted byte goes through: inline,
 * with the reallocation (strbuf_make_room) out of line. `alloc - len` is
 * at least 1 once a buffer is allocated (the NUL), and 0 before, so an
 * unallocated buffer always goes to strbuf_make_room (even for 0 bytes).
 */
static inline void strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (sb->alloc - sb->len <= extra)
		strbuf_make_room(sb, extra);
}

static inline void strbuf_add(struct strbuf *sb, const void *data, size_t n)
{
	strbuf_grow(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static inline void strbuf_addch(struct strbuf *sb, char c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

#endif
