/*
 * hexlines.h: the line protocol of the Go oracle's drivers: one value per
 * line, hex-encoded bytes (lowercase or uppercase). Shared by
 * strings_driver.c and winpath_driver.c, which each mirror a Go program.
 */
#ifndef HCSC_GOREF_HEXLINES_H
#define HCSC_GOREF_HEXLINES_H

#include <stdio.h>

#include "strbuf.h"

/* Read one line without its newline; 0 at end of input. */
static inline int read_line(FILE *f, struct strbuf *line)
{
	int c;

	strbuf_reset(line);
	while ((c = getc(f)) != EOF && c != '\n')
		strbuf_addch(line, (char)c);
	return c != EOF || line->len;
}

static inline int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

#endif
