/*
 * apply/apply_int.h: what the apply stage's files share: one job (the
 * documents to submit and how), the portable helpers (apply.c, plan.c) and
 * the platform back end (apply_win.c on Windows, apply_nowin.c elsewhere).
 */
#ifndef HCSC_APPLY_INT_H
#define HCSC_APPLY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apply/apply.h"
#include "pipeline/compile.h"
#include "hcsc.h"
#include "target/target.h"

#define APPLY_GUID_TEXT 37        /* 8-4-4-4-12 and a NUL */

struct apply_job {
	struct arena *a;
	const struct apply_options *opt;
	const struct apply_sink *sink;
	const char *id;       /* compute system id (the v1 document's Name) */
	const struct target *target; /* the engine: it picks the path */
	unsigned build;       /* the host build that picks the path */
	bool build_is_real;   /* from RtlGetVersion, not the profile */
	bool v2;              /* computecore + hcs-v2.json, else vmcompute + v1 */
	const char *doc;      /* compact document to submit */
	size_t doc_len;
	const char *process;  /* compact process.json (for --start) */
	size_t process_len;
	/* Layers whose ID NameToGuid replaced (or would, with --dry-run). */
	const struct compile_layer *layers;
	const char **layer_names; /* NameToGuid's argument for each */
	const char **layer_guids; /* its answer (NULL with --dry-run) */
	size_t nlayers;
};

/* Messages and output through the job's sink. */
void apply_say(const struct apply_job *j, enum apply_msg_kind kind,
	       const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void apply_out(const struct apply_job *j, const char *data, size_t len);
/* An HCS result document (UTF-8) on standard output, when not empty. */
void apply_result_doc(const struct apply_job *j, const char *doc, size_t len);
/* "CALL failed: NAME (0x...)[: ErrorMessage of the result document]". */
void apply_fail(const struct apply_job *j, const char *call, uint32_t hr,
		const char *doc, size_t len);

/* The ErrorMessage of a ResultError document, or NULL. */
const char *apply_result_message(struct arena *a, const char *doc, size_t len);
/* ExitCode of a ProcessStatus document; false when absent or not JSON. */
bool apply_exit_code(const char *doc, size_t len, long long *code);
/* The v1 document's Name (the id) and HvPartition; false if unreadable. */
bool apply_v1_facts(struct arena *a, const char *doc, size_t len,
		    const char **id, bool *hyperv);
/*
 * NameToGuid's argument for a layer folder: hcsshim wclayer.LayerID takes
 * the file part of Go's filepath.Split on Windows (so a trailing separator
 * gives "").
 */
const char *apply_layer_name(struct arena *a, const char *folder);
/* A GUID as Go's guid.String() prints it: lowercase 8-4-4-4-12. */
void apply_guid_text(uint32_t d1, uint16_t d2, uint16_t d3,
		     const uint8_t d4[8], char out[APPLY_GUID_TEXT]);

/* plan.c: --dry-run: print the calls that would be made; HCSC_OK. */
int apply_dry_run(const struct apply_job *j);

/* Back end. The running host's build (RtlGetVersion); false off Windows. */
bool apply_host_build(unsigned *build);
/* vmcompute.dll NameToGuid(name); HCSC_OK or HCSC_E_APPLY (reported). */
enum hcsc_rc apply_name_to_guid(const struct apply_job *j, const char *name,
				char guid[APPLY_GUID_TEXT]);
/* Create (and start, run) the compute system; the exit status. */
int apply_submit(const struct apply_job *j);

#endif
