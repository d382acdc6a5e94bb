/*
 * hcsc.h: the public face of libhcsc, the offline compiler from a Windows
 * container description to the documents the Windows container stack builds
 * (OCI runtime spec, HCS schema v1 and v2.1 documents, init process).
 *
 * Ownership in one rule: a `const struct X *` parameter is borrowed; a
 * returned pointer belongs to the caller, who releases it with the matching
 * *_free(); anything allocated from a compile's arena lives until that
 * arena is freed and is never freed on its own.
 *
 * The library never prints and never reads the clock, the locale or the
 * environment. Diagnostics are data (struct hcsc_diag); only the CLI
 * renders them.
 */
#ifndef HCSC_H
#define HCSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Thread safety: every function here may be called from any number of
 * threads at once; a compile shares no state with another. One
 * struct hcsc_result may be read from several threads but freed once.
 *
 * Symbols: every exported name starts with hcsc_ (or HCSC_ for macros);
 * the library exports nothing else.
 */
#if defined(_WIN32) || !defined(__GNUC__)
#define HCSC_API
#else
#define HCSC_API __attribute__((visibility("default")))
#endif

#define HCSC_VERSION_MAJOR 0
#define HCSC_VERSION_MINOR 1
#define HCSC_VERSION_PATCH 0
#define HCSC_VERSION "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for #if. */
#define HCSC_VERSION_NUMBER                                                  \
	(HCSC_VERSION_MAJOR * 10000 + HCSC_VERSION_MINOR * 100 +             \
	 HCSC_VERSION_PATCH)

/*
 * These numbers are the process exit status (rule: hcsc.cli.exit-codes).
 * Never renumber or reuse one; new codes go at the end.
 */
enum hcsc_rc {
	HCSC_OK = 0,
	HCSC_E_INPUT = 1,      /* invalid input; diagnostics were emitted */
	HCSC_E_USAGE = 2,      /* bad command line, feature not built in */
	HCSC_E_CHECK_DIFF = 3, /* `check` found differences */
	HCSC_E_APPLY = 4,      /* HCS refused or is missing */
	HCSC_E_IO = 5          /* I/O or internal error */
};

/* "ok", "invalid input", ...: a static string; never NULL. */
HCSC_API const char *hcsc_rc_str(enum hcsc_rc rc);

/* The library's version at run time (HCSC_VERSION at build time). */
HCSC_API const char *hcsc_version(void);
HCSC_API unsigned hcsc_version_number(void);

/* A position in an input file: 1-based line and column (code points). */
struct hcsc_pos {
	const char *file; /* display name: a path, "<stdin>", "<builtin:NAME>" */
	unsigned line;
	unsigned col;     /* 0: no column (a command-line word) */
	unsigned len;     /* code points the node spans on its line; 0: unknown */
};

enum hcsc_severity {
	HCSC_SEV_ERROR,
	HCSC_SEV_WARNING,
	HCSC_SEV_NOTE /* verbose notes, printed only with -v */
};

struct hcsc_diag {
	enum hcsc_severity sev;
	struct hcsc_pos pos;
	const char *msg;
	/*
	 * A warning's category ("placeholder", "build", "rounding", ...; see
	 * hcsc_diag_categories), which `hcsc -w CATEGORY` silences; NULL for
	 * errors and notes. A warning --strict promoted keeps its category.
	 */
	const char *category;
};

/* The warning categories, NULL-terminated: static strings. */
HCSC_API const char *const *hcsc_diag_categories(void);

/* The documents one compile builds; a bit set selects some. */
enum hcsc_doc {
	HCSC_DOC_OCI = 0,     /* config.json, the OCI runtime spec */
	HCSC_DOC_HCS_V1 = 1,  /* hcs-v1.json */
	HCSC_DOC_HCS_V2 = 2,  /* hcs-v2.json (HCS schema 2.1) */
	HCSC_DOC_PROCESS = 3, /* process.json, the init process */
	HCSC_DOC_COUNT = 4
};
#define HCSC_DOCS(d) (1u << (d))
#define HCSC_DOCS_ALL 0xfu

/* "oci", "hcs-v1", ... (--emit names); "config.json", ... (-o names). */
HCSC_API const char *hcsc_doc_name(enum hcsc_doc d);
HCSC_API const char *hcsc_doc_file(enum hcsc_doc d);

/*
 * What to compile against and how. Zero it (or call hcsc_options_init)
 * and set what you need; every field means "the default" when zero.
 * ABI: the caller allocates it and it carries no size, so it never
 * grows; a new kind of input gets its own sized struct and entry points
 * (struct hcsc_oci_input).
 */
struct hcsc_options {
	/*
	 * The host profile: host_data (host_len bytes of a host-profile
	 * file; host_name names it in diagnostics and its extension,
	 * .yaml/.yml/.json, picks the syntax) when set, else `host`: a
	 * built-in name or alias ("ltsc2019"), a build number ("17763",
	 * "10.0.17763[.R]") or a profile file's path. NULL: ltsc2022.
	 */
	const char *host;
	const char *host_data;
	size_t host_len;
	const char *host_name;
	/* The engine to model (hcsc targets); NULL: the profile's Target:. */
	const char *target;
	bool strict;   /* placeholders and build warnings become errors */
	bool compact;  /* Go json.Marshal bytes instead of indented ones */
	unsigned docs; /* HCSC_DOCS(...) bits; 0: every document built */
	/* Errors kept before the rest are only counted; 0: 20. */
	unsigned max_errors;
};

HCSC_API void hcsc_options_init(struct hcsc_options *o);

/* The outcome of one compile: documents and diagnostics. */
struct hcsc_result;

/*
 * Compile the description at `path` ("-" is standard input), or the
 * `len` bytes at `data`, named `name` in diagnostics (its extension,
 * .yaml/.yml/.json, picks the syntax). `opt` may be NULL.
 *
 * Returns HCSC_OK, HCSC_E_INPUT (the diagnostics say why), HCSC_E_USAGE
 * (unknown built-in host or target; hcsc_result_error says which) or
 * HCSC_E_IO (hcsc_result_error says which file). *res is set in every
 * case (NULL only when memory ran out); free it with hcsc_result_free.
 */
HCSC_API enum hcsc_rc hcsc_compile_file(const char *path,
					const struct hcsc_options *opt,
					struct hcsc_result **res);
HCSC_API enum hcsc_rc hcsc_compile_bytes(const char *data, size_t len,
					 const char *name,
					 const struct hcsc_options *opt,
					 struct hcsc_result **res);

/*
 * An OCI runtime spec in (`hcsc compile --from-oci`; rule:
 * hcsc.from-oci.decode): a config.json, as containerd or hcsc writes it,
 * enters at the HCS stage and gives hcs-v1.json, hcs-v2.json and
 * process.json (never config.json). What the spec does not say comes
 * from here. Call hcsc_oci_input_init (or zero it) and set what you need.
 *
 * ABI: later versions add fields only at the end; `size` (set by
 * hcsc_oci_input_init to the sizeof the caller was built with) tells the
 * library which fields the caller has, and fields past it are never read
 * (a size larger than the library knows is fine). 0, a zeroed struct,
 * means the fields of 0.1: id to runtime_name.
 */
struct hcsc_oci_input {
	size_t size;
	const char *id;    /* the container ID; NULL: derived from the name */
	const char *owner; /* the HCS Owner; NULL: "docker" (an engine that
			    * always sends its own keeps it, with a warning) */
	/*
	 * The runtime sidecar (LayerFolders with IDs, VolumePath, OpenStdin,
	 * NetworkNamespace; hcsc-description(5)): runtime_data (runtime_len
	 * bytes, named runtime_name in diagnostics, whose extension picks
	 * the syntax) when set, else the file at runtime_path; neither: none.
	 */
	const char *runtime_path;
	const char *runtime_data;
	size_t runtime_len;
	const char *runtime_name;
};

HCSC_API void hcsc_oci_input_init(struct hcsc_oci_input *in);

/*
 * Compile the config.json at `path` ("-" is standard input), or the
 * `len` bytes at `data` named `name`, as hcsc_compile_file and
 * hcsc_compile_bytes do a description. `oci` may be NULL (no sidecar,
 * default ID and Owner). HCSC_E_USAGE as well for an `oci->size` no
 * version of the struct has.
 */
HCSC_API enum hcsc_rc hcsc_compile_oci_file(const char *path,
					    const struct hcsc_oci_input *oci,
					    const struct hcsc_options *opt,
					    struct hcsc_result **res);
HCSC_API enum hcsc_rc hcsc_compile_oci_bytes(const char *data, size_t len,
					     const char *name,
					     const struct hcsc_oci_input *oci,
					     const struct hcsc_options *opt,
					     struct hcsc_result **res);

/*
 * A document's bytes (*len of them, NUL-terminated as well), or NULL
 * when it was not built: not selected, not built by the target (no
 * hcs-v2.json under docker), or the compile failed. Owned by `r`.
 */
HCSC_API const char *hcsc_result_document(const struct hcsc_result *r,
					  enum hcsc_doc d, size_t *len);
/* The diagnostics, in the order hcsc prints them; *n is their number. */
HCSC_API const struct hcsc_diag *hcsc_result_diags(const struct hcsc_result *r,
						    size_t *n);
/*
 * Errors past the cap (20, or max_errors): counted, not kept (0 when none); *first
 * (may be NULL) is where the first of them was.
 */
HCSC_API size_t hcsc_result_dropped(const struct hcsc_result *r,
				    struct hcsc_pos *first);
/* The message of a usage or I/O failure, else NULL. */
HCSC_API const char *hcsc_result_error(const struct hcsc_result *r);
/* The target modelled ("hcsshim-0.8.6", ...); NULL when it failed. */
HCSC_API const char *hcsc_result_target(const struct hcsc_result *r);
/*
 * The bytes of an input as the compile read them (the description, a
 * host profile file, a runtime sidecar; standard input too), by the name
 * its diagnostics carry in pos.file: *len bytes (len may be NULL),
 * NUL-terminated as well, owned by `r`. NULL when no bytes were read
 * under that name ("<builtin:NAME>", a command-line word, an unreadable
 * file). A renderer shows a diagnostic's source line from these, never
 * from the file read again (it may have changed, or be a pipe).
 */
HCSC_API const char *hcsc_result_source(const struct hcsc_result *r,
					const char *name, size_t *len);
HCSC_API void hcsc_result_free(struct hcsc_result *r);

#endif
