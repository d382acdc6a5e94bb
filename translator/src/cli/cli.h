/*
 * cli.h: the hcsc command's subcommands and shared helpers. Only the CLI
 * prints, exits or touches output files.
 */
#ifndef HCSC_CLI_H
#define HCSC_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "hcsc.h"

struct diag_list;

int cmd_compile(int argc, char **argv);
int cmd_hosts(int argc, char **argv);

/* diag_print.c: `FILE:LINE:COL: error: MSG`; notes only when verbose. */
void cli_print_diags(const struct diag_list *d, bool verbose);
/* `hcsc: MSG` on stderr, returning rc. */
int cli_fail(enum hcsc_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* files.c: output files and directories. */
struct out_file {
	const char *path;  /* final name */
	const char *data;
	size_t len;
	char *tmp;         /* set while staged */
};
/* Create DIR and its parents. Returns 0 or an errno value. */
int cli_mkdirs(const char *dir);
/*
 * Write every file to a temporary sibling, then rename them all into
 * place. On any failure the temporaries are removed and no final file is
 * created or changed (Decision 28). Returns 0, or an errno value with
 * *failed naming the file.
 */
int cli_write_files(struct out_file *files, size_t n, const char **failed);
/* Standard output in binary mode (Decision 38). */
void cli_binary_stdio(void);

#endif
