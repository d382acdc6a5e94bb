/*
 * test_api.c: the public API of hcsc.h: compile bytes and a file, host
 * by name, build number and bytes, targets, document selection, the
 * diagnostics list, failures (usage, I/O), rc texts and versions, and
 * compiles on several threads at once giving the same bytes.
 */
#include "os/thread.h" /* the Win32/pthread shim: Wine runs this too */
#include "hcsc.h"
#include "t.h"

#include <stdlib.h>

static const char desc[] = "Config:\n  Image: mcr.microsoft.com/windows/"
			   "nanoserver:ltsc2022\n  Cmd: [cmd]\n";

static void test_bytes(void)
{
	struct hcsc_options o;
	struct hcsc_result *r;
	const char *doc;
	size_t len, n;

	hcsc_options_init(&o);
	CHECK_INT(hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", &o, &r),
		  HCSC_OK);
	doc = hcsc_result_document(r, HCSC_DOC_OCI, &len);
	CHECK(doc && len > 10 && doc[0] == '{' && doc[len] == '\0');
	CHECK(hcsc_result_document(r, HCSC_DOC_HCS_V2, NULL) != NULL);
	CHECK_STR(hcsc_result_target(r), "hcsshim-0.8.6");
	hcsc_result_diags(r, &n);
	CHECK(n > 0); /* placeholder warnings (no layers) */
	CHECK(hcsc_result_error(r) == NULL);
	hcsc_result_free(r);

	/* only some documents; compact; a build number as the host */
	o.docs = HCSC_DOCS(HCSC_DOC_HCS_V1);
	o.compact = true;
	o.host = "10.0.17763.1234";
	CHECK_INT(hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", &o, &r),
		  HCSC_OK);
	CHECK(hcsc_result_document(r, HCSC_DOC_OCI, NULL) == NULL);
	doc = hcsc_result_document(r, HCSC_DOC_HCS_V1, &len);
	CHECK(doc && doc[len - 1] == '}'); /* compact: no final newline */
	hcsc_result_free(r);

	/* a host profile as bytes; a target */
	hcsc_options_init(&o);
	o.host_data = "Base: ltsc2019\nCpuCount: 2\n";
	o.host_len = 27;
	o.host_name = "h.yaml";
	o.target = "docker";
	CHECK_INT(hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", &o, &r),
		  HCSC_OK);
	CHECK_STR(hcsc_result_target(r), "docker");
	CHECK(hcsc_result_document(r, HCSC_DOC_HCS_V2, NULL) == NULL);
	hcsc_result_free(r);
}

static void test_failures(void)
{
	struct hcsc_options o;
	struct hcsc_result *r;
	const struct hcsc_diag *d;
	size_t n;

	CHECK_INT(hcsc_compile_bytes("Config: {Cmd: 1}\nBogus: 1\n", 25,
				     "bad.yaml", NULL, &r),
		  HCSC_E_INPUT);
	d = hcsc_result_diags(r, &n);
	CHECK(n >= 1 && d[0].sev == HCSC_SEV_ERROR);
	CHECK(n >= 1 && !strcmp(d[0].pos.file, "bad.yaml") && d[0].pos.line >= 1);
	CHECK(hcsc_result_document(r, HCSC_DOC_OCI, NULL) == NULL);
	CHECK(hcsc_result_target(r) == NULL);
	CHECK_INT(hcsc_result_dropped(r, NULL), 0);
	hcsc_result_free(r);

	hcsc_options_init(&o);
	o.host = "nosuch";
	CHECK_INT(hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", &o, &r),
		  HCSC_E_USAGE);
	CHECK(hcsc_result_error(r) &&
	      !strncmp(hcsc_result_error(r),
		       "unknown built-in host profile 'nosuch'", 38));
	hcsc_result_free(r);

	CHECK_INT(hcsc_compile_file("/nonexistent/d.yaml", NULL, &r), HCSC_E_IO);
	CHECK(hcsc_result_error(r) != NULL);
	hcsc_result_free(r);
	hcsc_result_free(NULL);
}

static void test_file(const char *path)
{
	struct hcsc_result *r;

	CHECK_INT(hcsc_compile_file(path, NULL, &r), HCSC_OK);
	CHECK(hcsc_result_document(r, HCSC_DOC_PROCESS, NULL) != NULL);
	hcsc_result_free(r);
}

static void test_strings(void)
{
	CHECK_STR(hcsc_rc_str(HCSC_OK), "ok");
	CHECK_STR(hcsc_rc_str(HCSC_E_INPUT), "invalid input");
	CHECK_STR(hcsc_rc_str(HCSC_E_USAGE), "usage error");
	CHECK_STR(hcsc_rc_str(HCSC_E_CHECK_DIFF), "check found differences");
	CHECK_STR(hcsc_rc_str(HCSC_E_APPLY), "apply failed");
	CHECK_STR(hcsc_rc_str(HCSC_E_IO), "I/O or internal error");
	CHECK_STR(hcsc_rc_str((enum hcsc_rc)99), "unknown error");
	CHECK_STR(hcsc_version(), HCSC_VERSION);
	CHECK_INT(hcsc_version_number(), HCSC_VERSION_NUMBER);
	CHECK_STR(hcsc_doc_name(HCSC_DOC_HCS_V2), "hcs-v2");
	CHECK_STR(hcsc_doc_file(HCSC_DOC_OCI), "config.json");
	CHECK(hcsc_doc_name(HCSC_DOC_COUNT) == NULL);
}

/* Compiles on four threads give the bytes one thread gives. */
static char *one_compile(size_t *len)
{
	struct hcsc_result *r;
	const char *doc;
	char *copy = NULL;

	if (hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", NULL, &r) ==
	    HCSC_OK) {
		doc = hcsc_result_document(r, HCSC_DOC_HCS_V2, len);
		copy = malloc(*len + 1);
		if (copy)
			memcpy(copy, doc, *len + 1);
	}
	hcsc_result_free(r);
	return copy;
}

static void worker(void *arg)
{
	int *same = arg;
	size_t want_len, len;
	char *want = one_compile(&want_len);

	*same = want != NULL;
	for (int i = 0; i < 20 && *same; i++) {
		char *got = one_compile(&len);

		*same = got && len == want_len && !memcmp(got, want, len);
		free(got);
	}
	free(want);
}

static void test_threads(void)
{
	struct os_thread th[4];
	int same[4];

	for (int i = 0; i < 4; i++)
		CHECK_INT(os_thread_start(&th[i], worker, &same[i]), 0);
	for (int i = 0; i < 4; i++) {
		os_thread_join(&th[i]);
		CHECK(same[i]);
	}
}

int main(int argc, char **argv)
{
	test_bytes();
	test_failures();
	if (argc > 1)
		test_file(argv[1]);
	test_strings();
	test_threads();
	return t_done();
}
