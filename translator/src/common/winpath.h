/*
 * winpath.h: Go's path/filepath on Windows (GOOS=windows) as pure functions
 * over NUL-terminated byte strings (rule: hcsc.winpath.go-filepath). Both `\` and `/`
 * separate; results use `\` where Go's FromSlash would. Every function
 * answers exactly as the Go function named beside it, including its quirks
 * (see winpath.c for the Go version followed). Returned strings come from
 * the arena; arguments are borrowed and never modified.
 */
#ifndef HCSC_WINPATH_H
#define HCSC_WINPATH_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* len(filepath.VolumeName(path)) */
size_t winpath_volume_name_len(const char *path);
/* filepath.VolumeName(path): the volume prefix, `/` turned into `\` */
char *winpath_volume_name(struct arena *a, const char *path);
/* filepath.IsAbs */
bool winpath_is_abs(const char *path);
/* filepath.Clean */
char *winpath_clean(struct arena *a, const char *path);
/*
 * The same without the already-clean fast path (Go's lazybuf for every
 * path): the reference of the differential test in test_winpath_clean.c.
 */
char *winpath_clean_reference(struct arena *a, const char *path);
/* filepath.Join(elem[0], ..., elem[n-1]); no element may be NULL */
char *winpath_join(struct arena *a, const char *const *elem, size_t n);
/* filepath.Base */
char *winpath_base(struct arena *a, const char *path);
/* filepath.Dir */
char *winpath_dir(struct arena *a, const char *path);
/* filepath.Split: dir is path[0..*dir_len), file is path + *dir_len */
void winpath_split(const char *path, size_t *dir_len);
/*
 * filepath.IsLocal. A reserved device name followed by an extension
 * ("CON.txt", "nul ") is reserved or not depending on what go1.23 gets from
 * the OS (syscall.FullPath); here it always counts as reserved (IsLocal
 * false), as under Wine (rule: hcsc.tests.go-oracle Go runs there) and on the Windows
 * versions that Go's comment says treat such names as reserved.
 */
bool winpath_is_local(const char *path);

#endif
