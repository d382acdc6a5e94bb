/*
 * front/image.h: `--image-inspect FILE`: the output of `docker image
 * inspect IMAGE` (a list of exactly one image, or the object itself) as
 * the description's `Image.Config`: the fields moby's create merges
 * (Env, Cmd, Entrypoint, WorkingDir, User, Volumes, ArgsEscaped), kept
 * with their positions in FILE. The image's `Os` must be `windows`.
 */
#ifndef HCSC_FRONT_IMAGE_H
#define HCSC_FRONT_IMAGE_H

#include "hcsc.h"

struct arena;
struct diag_list;
struct node;

/*
 * HCSC_OK with *config (a map node); HCSC_E_INPUT (diagnostics);
 * HCSC_E_IO with *err when FILE cannot be read.
 */
enum hcsc_rc image_inspect_load(struct arena *a, struct diag_list *d,
				const char *path, struct node **config,
				const char **err);

#endif
