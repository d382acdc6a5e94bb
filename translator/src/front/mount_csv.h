/*
 * front/mount_csv.h: docker/cli's `--mount` value (opts/mount.go
 * MountOpt.Set and mount_utils.go validateMountOptions): CSV fields,
 * key=value or a bare boolean key, keys case-insensitive, into one
 * HostConfig.Mounts entry as a node tree (front/tree.h) positioned at
 * the flag. A relative source starting with `.` is kept as given; the
 * caller makes it absolute against the client's directory.
 */
#ifndef HCSC_FRONT_MOUNT_CSV_H
#define HCSC_FRONT_MOUNT_CSV_H

#include "hcsc.h"

struct arena;
struct node;

/* NULL and *out set, or docker's error text. */
const char *mount_csv_parse(struct arena *a, const char *value,
			    struct hcsc_pos pos, struct node **out);

#endif
