/*
 * strbuf.h: a growable byte buffer on the heap (git's strbuf). `buf` is never NULL and always NUL-terminated; the bytes may
 * contain NULs (len counts them). Output documents are built here, since
 * they outlive a compile's arena.
 */
#ifndef HCSC_STRBUF_H
#define HCSC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

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
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
