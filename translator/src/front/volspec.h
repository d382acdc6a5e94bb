/*
 * front/volspec.h: docker/cli's `-v` parser (internal/volumespec Parse):
 * `[SOURCE:]TARGET[:OPTIONS]` with Windows drive letters recognised (a
 * one-letter section followed by `:` is not a separator), and whether
 * the spec is a bind (a source that is a path), a named volume or an
 * anonymous one (no source: a Config.Volumes key).
 */
#ifndef HCSC_FRONT_VOLSPEC_H
#define HCSC_FRONT_VOLSPEC_H

#include <stdbool.h>

struct arena;

struct volspec {
	const char *source; /* "" for an anonymous volume */
	const char *target;
	bool bind;          /* the source is a file path */
};

/* NULL and *out set, or docker's error text. */
const char *volspec_parse(struct arena *a, const char *spec,
			  struct volspec *out);

#endif
