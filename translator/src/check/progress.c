/*
 * check/progress.c: the progress line (progress.h). Erasing uses a
 * carriage return and spaces, which every terminal (and the Windows
 * console) honours, rather than ANSI escapes.
 */
#include "progress.h"

#include "strbuf.h"

void check_progress_init(struct check_progress *p, double now)
{
	p->start = p->last = now;
	p->width = 0;
}

bool check_progress_update(struct check_progress *p, double now, size_t done,
			   size_t total, size_t failed, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;

	if (now - p->start < CHECK_PROGRESS_DELAY)
		return false;
	if (p->width && done < total && now - p->last < CHECK_PROGRESS_STEP)
		return false;
	strbuf_addf(&line, "checking: %llu/%llu, %llu failed",
		    (unsigned long long)done, (unsigned long long)total,
		    (unsigned long long)failed); /* no %zu in msvcrt */
	strbuf_addch(out, '\r');
	strbuf_add(out, line.buf, line.len);
	if (line.len < p->width) {
		/* blank the rest of the longer old line, then redraw */
		for (size_t i = line.len; i < p->width; i++)
			strbuf_addch(out, ' ');
		strbuf_addch(out, '\r');
		strbuf_add(out, line.buf, line.len);
	}
	p->width = line.len;
	p->last = now;
	strbuf_release(&line);
	return true;
}

void check_progress_clear(struct check_progress *p, struct strbuf *out)
{
	if (!p->width)
		return;
	strbuf_addch(out, '\r');
	for (size_t i = 0; i < p->width; i++)
		strbuf_addch(out, ' ');
	strbuf_addch(out, '\r');
	p->width = 0;
}
