/*
 * load.h: turning input bytes into a positioned node tree (node.h).
 *
 * Syntax: YAML through libyaml's event API, JSON through our positioned
 * scanner (json_scan.c), then checked by json-c's strict tokener.
 * Limits (rule: hcsc.input.limits), each inclusive, each an input
 * error naming the limit:
 *   LOAD_MAX_FILE      4 MiB per input file
 *   LOAD_MAX_DEPTH     64 (the root is at depth 1; keys and scalars count)
 *   LOAD_MAX_NODES     100,000 nodes (keys, scalars, sequences, mappings)
 *   LOAD_MAX_STRING    64 KiB per string (decoded UTF-8 bytes)
 *   LOAD_MAX_ALIASES   100 alias uses per document
 *   LOAD_MAX_EXPANDED  10,000 nodes after expansion in a document that
 *                      uses any alias; an alias cycle is an error
 * Also rejected: invalid UTF-8, U+0000 in a string, exact duplicate keys,
 * non-scalar keys, multi-document YAML, YAML merge keys are plain keys `<<`.
 */
#ifndef HCSC_LOAD_H
#define HCSC_LOAD_H

#include <stddef.h>

#include "hcsc.h"
#include "node.h"

#define LOAD_MAX_FILE (4u << 20)
#define LOAD_MAX_DEPTH 64
#define LOAD_MAX_NODES 100000
#define LOAD_MAX_STRING (64u << 10)
#define LOAD_MAX_ALIASES 100
#define LOAD_MAX_EXPANDED 10000

struct arena;
struct diag_list;
struct strbuf;

enum load_syntax {
	LOAD_AUTO, /* by the name's extension; otherwise sniffed from content */
	LOAD_YAML,
	LOAD_JSON
};

/*
 * Parse `len` bytes of `data` (display name `file`, kept by pointer) into
 * *out (arena-owned). Errors go to `d` (collected, at most
 * DIAG_MAX_COLLECTED); returns HCSC_OK or HCSC_E_INPUT. An empty document
 * (or only comments) yields a NODE_NULL root.
 */
enum hcsc_rc load_parse(struct arena *a, struct diag_list *d,
			const char *file, const char *data, size_t len,
			enum load_syntax syntax, struct node **out);

/*
 * Read a whole file ("-" = standard input) into `out`, in binary mode.
 * Only a regular file is read: a FIFO, a device or a folder is refused
 * without blocking (it is opened non-blocking and checked before any
 * read). Returns HCSC_OK; HCSC_E_IO with *errmsg set (static or arena
 * text) when it cannot be read or is no regular file; HCSC_E_INPUT (with a diagnostic at 1:1 of `display`) when
 * it is larger than LOAD_MAX_FILE. The bytes read are kept in `d` under
 * the display name (diag_add_source) for the renderer's source lines.
 */
enum hcsc_rc load_read_file(struct arena *a, struct diag_list *d,
			    const char *path, const char *display,
			    struct strbuf *out, const char **errmsg);

#endif
