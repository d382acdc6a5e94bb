/*
 * documents.c: the four documents a compile produces: their --emit names
 * and file names, and the output buffers that hold them.
 */
#include "compile.h"

#include <string.h>

static const char *const doc_files[DOC_COUNT] = {
	"config.json", "hcs-v1.json", "hcs-v2.json", "process.json"
};
static const char *const doc_names[DOC_COUNT] = {
	"oci", "hcs-v1", "hcs-v2", "process"
};

const char *compile_doc_file(enum compile_doc d)
{
	return doc_files[d];
}

const char *compile_doc_name(enum compile_doc d)
{
	return doc_names[d];
}

static bool same_word(const char *word, const char *s, size_t n)
{
	return strlen(word) == n && !strncmp(word, s, n);
}

int compile_doc_named(const char *s, size_t n, bool files)
{
	for (int d = 0; d < DOC_COUNT; d++)
		if (same_word(doc_names[d], s, n) ||
		    (files && same_word(doc_files[d], s, n)))
			return d;
	return -1;
}

/* Everything but the document buffers, as before a compile. */
static void clear_facts(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++)
		o->have[i] = false;
	o->target = NULL;
	o->host_build = 0;
	o->nimage_layers = 0;
	o->placeholder_layers = NULL;
	o->nplaceholder_layers = 0;
	o->hcs_input = NULL;
}

void compile_output_init(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++)
		strbuf_init(&o->doc[i]);
	clear_facts(o);
}

void compile_output_reset(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++)
		strbuf_reset(&o->doc[i]);
	clear_facts(o);
}

void compile_output_release(struct compile_output *o)
{
	for (int i = 0; i < DOC_COUNT; i++)
		strbuf_release(&o->doc[i]);
}
