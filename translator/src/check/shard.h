/*
 * check/shard.h: `hcsc check --shard K/N`, a deterministic split of a
 * corpus over N CI jobs. A case (or stale golden folder) belongs to shard
 * 1 + (the first 8 bytes of SHA-256 of its path, big-endian) mod N: the
 * same on every machine, and adding or removing a case moves no other
 * case. Each case is in exactly one of the N shards.
 */
#ifndef HCSC_CHECK_SHARD_H
#define HCSC_CHECK_SHARD_H

#include <stdbool.h>

/* The largest N of --shard K/N. */
#define CHECK_SHARD_MAX 4096

/* Parse "K/N" (decimal, 1 <= K <= N <= CHECK_SHARD_MAX); false if not. */
bool check_shard_parse(const char *s, unsigned *k, unsigned *n);

/* Is the case or folder `path` in shard k of n (1-based)? n = 0: all. */
bool check_shard_has(const char *path, unsigned k, unsigned n);

#endif
