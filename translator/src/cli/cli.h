/*
 * cli.h: the hcsc command's subcommands and shared helpers. Only the CLI
 * prints, exits or touches output files.
 */
#ifndef HCSC_CLI_H
#define HCSC_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "os/fs.h"
#include "hcsc.h"

struct diag_list;
struct strbuf;

int cmd_compile(int argc, char **argv);
int cmd_hosts(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_targets(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_compose(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_help(int argc, char **argv);

/*
 * --color=WHEN (NULL: auto) for a stream that is or is not a terminal:
 * auto colours a terminal unless NO_COLOR is set and not empty (never a
 * Windows console); always and never win over NO_COLOR.
 */
bool cli_color(const char *when, bool tty);

struct cli_args;
struct node;
struct compile_input;
struct hcsc_options;
/* cmd_compile.c: --host, --target, --strict, --compact, --max-errors. */
void cli_read_options(const struct cli_args *args, struct hcsc_options *opt);
/* `--explain POINTER` of the front ends: the selectors (none: off). */
struct cli_explain {
	const char **sel;
	size_t n;
};
/* cmd_compile.c: compile a front end's description tree (named
 * `display`; `front`: its diagnostics not yet printed and the inputs it
 * read) and write the documents as `compile` does, or explain them
 * (`ex` with selectors). */
int cli_compile_built(const struct cli_args *args,
		      const struct diag_list *front, struct node *desc,
		      const char *display, const struct cli_explain *ex);
/*
 * cmd_compile.c: the usage error (exit 2, printed) when the output
 * document `path` (in -o `dir`) is a file the command reads: one the
 * command line names (cli_find_input) or one of `front`'s sources (the
 * files a front end read; `front` may be NULL); else HCSC_OK
 * (rule: hcsc.cli.output).
 */
int cli_refuse_input(const struct cli_args *args,
		     const struct diag_list *front, const char *dir,
		     const char *path);
/*
 * cmd_explain.c: compile `in` (with `opt`; `front` lends its sources, may
 * be NULL) with provenance, print its diagnostics and the values `sel`
 * picks (all for none, or for one `all`), as text or JSON; a selector
 * that picks nothing is a usage error.
 */
int cli_explain_compile(const struct compile_input *in,
			const struct diag_list *front,
			const struct hcsc_options *opt,
			const char *const *sel, size_t nsel, bool json);

/*
 * diag_print.c: diagnostics as cli_diag_setup chose (text, rich text on a
 * terminal, JSON lines, SARIF); notes only when verbose; -q and -w
 * CATEGORY drop warnings.
 */
void cli_print_diags(const struct diag_list *d, bool verbose);
/* The same into `out` (cmd_diff labels each side's block). */
void cli_format_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose);
/* The same, for a compile through the public API (hcsc.h); source
 * lines come from hcsc_result_source, never from the file again. */
void cli_print_result_diags(const struct hcsc_result *r, bool verbose);
void cli_format_result_diags(struct strbuf *out, const struct hcsc_result *r,
			     bool verbose);
/*
 * Read --color, --max-errors, -w/--no-warn, --diagnostics-format and -q
 * of a compile-like command (and NO_COLOR and whether stderr is a
 * terminal). HCSC_OK, or a usage error already printed.
 */
int cli_diag_setup(const char *cmd, int argc, char **argv,
		   const struct cli_args *args);
/* --max-errors as a diag_list cap (0: the default). */
size_t cli_diag_max_errors(void);
/* True when diagnostics are plain or rich text (not JSON or SARIF). */
bool cli_diag_is_text(void);
/* The end of a command: the SARIF document, or the count line. */
void cli_diag_finish(void);
/* The plain form, appended to `out` (what check's goldens hold). */
void cli_render_diags(struct strbuf *out, const struct diag_list *d,
		      bool verbose);
/*
 * A compile's failure that is no diagnostic: an unreadable input (exit 5)
 * says `hcsc: error: cannot read 'PATH': REASON`; a usage failure (an
 * unknown host or target) is `hcsc: MSG`, as cli_fail.
 */
int cli_fail_input(enum hcsc_rc rc, const char *msg);
/* `hcsc: MSG` on stderr, returning rc. */
int cli_fail(enum hcsc_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * A usage message, "hcsc CMD: ..." as given, on stderr with a newline:
 * the user's words it quotes have their terminal controls escaped
 * (utf8_escape_controls), as every other message of hcsc.
 */
void cli_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/*
 * Output files and directories: struct out_file and the all-or-nothing
 * writer live in os/fs.h (one copy, shared with `check --update`).
 */
static inline int cli_mkdirs(const char *dir)
{
	return os_mkdirs(dir);
}

/* All files or none (rule: hcsc.cli.output); see os_write_files(). */
static inline int cli_write_files(struct out_file *files, size_t n,
				  const char **failed)
{
	return os_write_files(files, n, failed);
}

/* files.c: standard streams in binary mode (rule: hcsc.io.binary-mode). */
void cli_binary_stdio(void);

#endif
