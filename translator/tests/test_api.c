/*
 * test_api.c: the public API of hcsc.h: compile bytes and a file, host
 * by name, build number and bytes, targets, document selection, the
 * diagnostics list, failures (usage, I/O), rc texts and versions, and
 * compiles on several threads at once giving the same bytes; an OCI spec
 * in (file and bytes, sidecar, ID and Owner, positioned errors, the
 * struct's size); the inputs' bytes a result keeps.
 *
 * usage: test_api DESC [OCI_JSON RUNTIME_YAML GOLDEN_HCS_V2]
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

/* A whole file's bytes (malloc'd), or NULL. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	*len = 0;
	if (f && buf)
		*len = fread(buf, 1, (1 << 20) - 1, f);
	if (f)
		fclose(f);
	if (buf)
		buf[*len] = '\0';
	return buf;
}

/* A corpus case through hcsc_compile_oci_file: its golden hcs-v2.json. */
static void test_oci_file(const char *spec, const char *runtime,
			  const char *golden_v2)
{
	struct hcsc_oci_input oci;
	struct hcsc_result *r;
	const struct hcsc_diag *d;
	size_t len, glen, slen, n;
	char *want = slurp(golden_v2, &glen), *text = slurp(spec, &slen);
	const char *doc, *src;

	hcsc_oci_input_init(&oci);
	CHECK_INT(oci.size, sizeof(oci));
	oci.runtime_path = runtime;
	CHECK_INT(hcsc_compile_oci_file(spec, &oci, NULL, &r), HCSC_OK);
	doc = hcsc_result_document(r, HCSC_DOC_HCS_V2, &len);
	CHECK(doc && want && len == glen && !memcmp(doc, want, len));
	CHECK(hcsc_result_document(r, HCSC_DOC_OCI, NULL) == NULL);
	CHECK(hcsc_result_document(r, HCSC_DOC_PROCESS, NULL) != NULL);
	d = hcsc_result_diags(r, &n);
	CHECK(n >= 1 && d[0].sev == HCSC_SEV_WARNING &&
	      strstr(d[0].msg, "no layer ID given") != NULL &&
	      d[0].pos.line == 22 && d[0].pos.col == 7);
	/* the inputs' bytes, kept under their display names */
	src = hcsc_result_source(r, spec, &len);
	CHECK(src && text && len == slen && !memcmp(src, text, len));
	CHECK(hcsc_result_source(r, runtime, NULL) != NULL);
	CHECK(hcsc_result_source(r, "<builtin:ltsc2022>", &len) == NULL &&
	      len == 0);
	hcsc_result_free(r);
	free(want);
	free(text);
}

static const char spec_ok[] =
	"{\"ociVersion\": \"1.3.0\",\n"
	" \"process\": {\"args\": [\"cmd\"], \"cwd\": \"C:\\\\\"},\n"
	" \"root\": {\"path\": \"\"},\n"
	" \"windows\": {\"layerFolders\": [\"C:\\\\l\\\\top\", "
	"\"C:\\\\l\\\\scratch\"]}}\n";

/* OCI specs as bytes: sidecar bytes, ID and Owner, positioned errors. */
static void test_oci_bytes(void)
{
	static const char bad[] = "{\"ociVersion\": \"1.3.0\",\n"
				  " \"process\": {\"args\": \"cmd\"}}\n";
	static const char rt[] = "LayerFolders:\n  - Path: 'C:\\l\\top'\n"
				 "    Id: cd22d128-903e-550a-9d8f-aa8134ca1c9b\n"
				 "VolumePath: '\\\\?\\Volume{5e5ce1e7-3b45-"
				 "4c43-9bd3-6f9a1e8f0c21}\\'\n"
				 "OpenStdin: maybe\n";
	struct hcsc_oci_input oci;
	struct hcsc_options o;
	struct hcsc_result *r;
	const struct hcsc_diag *d;
	const char *doc;
	size_t n;

	/* a type error in the spec: at its line and column, in its name */
	CHECK_INT(hcsc_compile_oci_bytes(bad, sizeof(bad) - 1, "bad.oci.json",
					 NULL, NULL, &r),
		  HCSC_E_INPUT);
	d = hcsc_result_diags(r, &n);
	CHECK(n == 1 && d[0].sev == HCSC_SEV_ERROR);
	CHECK(n == 1 && !strcmp(d[0].pos.file, "bad.oci.json") &&
	      d[0].pos.line == 2 && d[0].pos.col == 22);
	CHECK(n == 1 && !strcmp(d[0].msg, "'process.args' must be a list of "
					  "strings, not a string"));
	CHECK(hcsc_result_document(r, HCSC_DOC_HCS_V1, NULL) == NULL);
	CHECK(hcsc_result_source(r, "bad.oci.json", &n) != NULL &&
	      n == sizeof(bad) - 1);
	hcsc_result_free(r);

	/* the sidecar as bytes: its error is positioned in its name */
	hcsc_oci_input_init(&oci);
	oci.runtime_data = rt;
	oci.runtime_len = sizeof(rt) - 1;
	oci.runtime_name = "rt.yaml";
	CHECK_INT(hcsc_compile_oci_bytes(spec_ok, sizeof(spec_ok) - 1,
					 "c.json", &oci, NULL, &r),
		  HCSC_E_INPUT);
	d = hcsc_result_diags(r, &n);
	CHECK(n >= 1 && !strcmp(d[0].pos.file, "rt.yaml") &&
	      d[0].pos.line == 5 && d[0].pos.col == 12);
	CHECK(n >= 1 && !strcmp(d[0].msg, "'Runtime.OpenStdin' must be true or "
					  "false, not a string"));
	CHECK(hcsc_result_source(r, "rt.yaml", NULL) != NULL);
	hcsc_result_free(r);

	/* a good sidecar, an ID and an Owner; docker's engine keeps its own */
	oci.runtime_len = sizeof(rt) - 1 - strlen("OpenStdin: maybe\n");
	oci.id = "abc";
	oci.owner = "me";
	hcsc_options_init(&o);
	o.host = "ltsc2019";
	CHECK_INT(hcsc_compile_oci_bytes(spec_ok, sizeof(spec_ok) - 1,
					 "c.json", &oci, &o, &r),
		  HCSC_OK);
	doc = hcsc_result_document(r, HCSC_DOC_HCS_V2, NULL);
	CHECK(doc && strstr(doc, "\"Owner\": \"me\"") &&
	      strstr(doc, "cd22d128-903e-550a-9d8f-aa8134ca1c9b") &&
	      strstr(doc, "5e5ce1e7-3b45-4c43-9bd3-6f9a1e8f0c21"));
	hcsc_result_free(r);
	o.target = "docker";
	CHECK_INT(hcsc_compile_oci_bytes(spec_ok, sizeof(spec_ok) - 1,
					 "c.json", &oci, &o, &r),
		  HCSC_OK);
	doc = hcsc_result_document(r, HCSC_DOC_HCS_V1, NULL);
	CHECK(doc && strstr(doc, "\"Owner\": \"docker\"") &&
	      strstr(doc, "\"Name\": \"abc\""));
	d = hcsc_result_diags(r, &n);
	CHECK(n >= 1 && strstr(d[0].msg, "'Owner' is ignored") != NULL);
	hcsc_result_free(r);

	/* a size no version of the struct has */
	oci.size = 4;
	CHECK_INT(hcsc_compile_oci_bytes(spec_ok, sizeof(spec_ok) - 1,
					 "c.json", &oci, NULL, &r),
		  HCSC_E_USAGE);
	CHECK(hcsc_result_error(r) &&
	      !strncmp(hcsc_result_error(r), "struct hcsc_oci_input: size 4", 29));
	hcsc_result_free(r);
	/* size 0 (zeroed, not initialised) is this version */
	memset(&oci, 0, sizeof(oci));
	CHECK_INT(hcsc_compile_oci_bytes(spec_ok, sizeof(spec_ok) - 1,
					 "c.json", &oci, NULL, &r),
		  HCSC_OK);
	hcsc_result_free(r);
}

/* A description's bytes are kept: the caller's buffer may go. */
static void test_sources(void)
{
	struct hcsc_options o;
	struct hcsc_result *r;
	const struct hcsc_diag *d;
	char *copy = malloc(sizeof(desc));
	const char *src;
	size_t len, n;

	if (!copy)
		return;
	memcpy(copy, desc, sizeof(desc));
	CHECK_INT(hcsc_compile_bytes(copy, sizeof(desc) - 1, "d.yaml", NULL, &r),
		  HCSC_OK);
	memset(copy, 'x', sizeof(desc) - 1);
	free(copy);
	src = hcsc_result_source(r, "d.yaml", &len);
	CHECK(src && len == sizeof(desc) - 1 && !strcmp(src, desc));
	CHECK(hcsc_result_source(r, "e.yaml", NULL) == NULL);
	CHECK(hcsc_result_source(r, NULL, NULL) == NULL);
	hcsc_result_free(r);

	/* a host profile's bytes too, under the name its errors carry */
	hcsc_options_init(&o);
	o.host_data = "Base: ltsc2019\nCpuCount: many\n";
	o.host_len = strlen(o.host_data);
	o.host_name = "h.yaml";
	CHECK_INT(hcsc_compile_bytes(desc, sizeof(desc) - 1, "d.yaml", &o, &r),
		  HCSC_E_INPUT);
	d = hcsc_result_diags(r, &n);
	CHECK(n >= 1 && !strcmp(d[0].pos.file, "h.yaml") && d[0].pos.line == 2);
	src = hcsc_result_source(r, "h.yaml", &len);
	CHECK(src && len == strlen(o.host_data) && !strcmp(src, o.host_data));
	hcsc_result_free(r);
	CHECK(hcsc_result_source(NULL, "d.yaml", &len) == NULL && len == 0);
}

int main(int argc, char **argv)
{
	test_bytes();
	test_failures();
	if (argc > 1)
		test_file(argv[1]);
	if (argc > 4)
		test_oci_file(argv[2], argv[3], argv[4]);
	test_oci_bytes();
	test_sources();
	test_strings();
	test_threads();
	return t_done();
}
