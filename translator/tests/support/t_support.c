/*
 * t_support.c: the test-support library (t.h, t_support.h): the check
 * counters, t_done(), and the helpers the harness headers share.
 */
#include "t_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "t.h"

int t_pass, t_fail;

int t_done(void)
{
	printf("%d passed, %d failed\n", t_pass, t_fail);
	if (t_pass + t_fail == 0) {
		fprintf(stderr, "t_done: no check ran (a test must check "
				"something)\n");
		return 1;
	}
	return t_fail ? 1 : 0;
}

char *t_diags(const struct diag_list *d, bool with_severity)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < d->nr; i++) {
		strbuf_addf(&sb, "%s%u:%u: ", i ? "|" : "",
			    d->items[i].pos.line, d->items[i].pos.col);
		if (with_severity)
			strbuf_addstr(&sb, d->items[i].sev == HCSC_SEV_ERROR
						   ? "error: "
						   : "warning: ");
		strbuf_addstr(&sb, d->items[i].msg);
	}
	if (!d->nr)
		strbuf_addstr(&sb, "ok");
	return strbuf_detach(&sb, NULL);
}

const char *t_first_error(const struct diag_list *d)
{
	for (size_t i = 0; i < d->nr; i++)
		if (d->items[i].sev == HCSC_SEV_ERROR)
			return d->items[i].msg;
	return "";
}

bool t_warned(const struct diag_list *d, const char *text)
{
	for (size_t i = 0; i < d->nr; i++)
		if (d->items[i].sev == HCSC_SEV_WARNING &&
		    strstr(d->items[i].msg, text))
			return true;
	return false;
}

char *t_emit(struct json_object *v, const struct shape *shape,
	     enum emit_style style, const char **err)
{
	struct strbuf sb = STRBUF_INIT;
	const char *why = NULL;

	if (emit_json(&sb, v, shape, style, &why) != HCSC_OK) {
		strbuf_release(&sb);
		if (err)
			*err = why ? why : "?";
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

bool t_contains(const char *s, const char *sub)
{
	return s && strstr(s, sub) != NULL;
}

void t_each_string(const char *alpha, size_t len,
		   void (*fn)(void *ctx, const char *s), void *ctx)
{
	size_t k = strlen(alpha), idx[16] = { 0 }, i;
	char s[17];

	if (len > 16 || !k)
		return;
	for (;;) {
		for (i = 0; i < len; i++)
			s[i] = alpha[idx[i]];
		s[len] = '\0';
		fn(ctx, s);
		for (i = 0; i < len && ++idx[i] == k; i++)
			idx[i] = 0;
		if (i == len)
			return;
	}
}
