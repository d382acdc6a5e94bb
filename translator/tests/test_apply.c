/*
 * test_apply.c: the portable parts of the apply stage (translator/src/
 * apply): the HRESULT name table (rule: hcsc.apply.hresult-names), the
 * UTF-8 <-> UTF-16 converters, the small JSON readers, NameToGuid's
 * argument (hcsshim wclayer.LayerID), GUID text, and apply_run off Windows
 * (the refusal and --dry-run) on a compiled description.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apply/apply.h"
#include "apply/apply_int.h"
#include "apply/hresult.h"
#include "apply/utf16.h"
#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "t.h"

static void test_hresult_names(void)
{
	static const struct {
		uint32_t hr;
		const char *text;
	} cases[] = {
		{ 0x8037010D, "HCS_E_INVALID_JSON (0x8037010d)" },
		{ 0xC037010D, "ERROR_VMCOMPUTE_INVALID_JSON (0xc037010d)" },
		{ 0xC0370103, "ERROR_VMCOMPUTE_OPERATION_PENDING (0xc0370103)" },
		{ 0x80370100, "HCS_E_TERMINATED_DURING_START (0x80370100)" },
		{ 0x80370118, "HCS_E_OPERATION_TIMEOUT (0x80370118)" },
		{ 0x80370121, "HCS_E_OPERATION_ALREADY_CANCELLED (0x80370121)" },
		{ 0xC0370113, "ERROR_VMCOMPUTE_WINDOWS_INSIDER_REQUIRED (0xc0370113)" },
		{ 0x80070057, "E_INVALIDARG (0x80070057)" },
		{ 0x80070005, "E_ACCESSDENIED (0x80070005)" },
		{ 0x80004005, "E_FAIL (0x80004005)" },
		{ 0x80070006, "E_HANDLE (0x80070006)" },
		{ 0x80070002, "ERROR_FILE_NOT_FOUND (0x80070002)" },
		{ 0x80371234, "HRESULT 0x80371234" },
		{ 0x00000001, "HRESULT 0x00000001" },
	};
	char buf[APPLY_HRESULT_TEXT];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(apply_hresult_text(cases[i].hr, buf), cases[i].text);
	CHECK(apply_hresult_name(0x80371234) == NULL);
	CHECK_STR(apply_hresult_name(0), "S_OK");
}

/* Every HCS_E_* of rule: hcsc.apply.hresult-names (0x80370100..0x80370121 but 103/104) and every
 * ERROR_VMCOMPUTE_* (0xC0370100..0xC0370113) has a name of its family. */
static void test_hresult_families(void)
{
	for (uint32_t c = 0x100; c <= 0x121; c++) {
		const char *n = apply_hresult_name(0x80370000 | c);

		if (c == 0x103 || c == 0x104)
			CHECK(n == NULL);
		else
			CHECK(n && !strncmp(n, "HCS_E_", 6));
	}
	for (uint32_t c = 0x100; c <= 0x113; c++) {
		const char *n = apply_hresult_name(0xC0370000 | c);

		CHECK(n && !strncmp(n, "ERROR_VMCOMPUTE_", 16));
	}
}

static size_t u16len(const uint16_t *w)
{
	size_t n = 0;

	while (w[n])
		n++;
	return n;
}

static void test_utf8_to_utf16(void)
{
	struct arena *a = arena_new();
	/* "të日😀": 1, 2, 3 and 4 UTF-8 bytes; the emoji a surrogate pair */
	static const char s[] = "t\xc3\xab\xe6\x97\xa5\xf0\x9f\x98\x80";
	static const uint16_t want[] = { 0x74, 0xEB, 0x65E5, 0xD83D, 0xDE00, 0 };
	size_t len = 0, bad = 99;
	uint16_t *w = apply_utf8_to_utf16(a, s, strlen(s), &len, &bad);

	CHECK(w != NULL);
	CHECK_INT(len, 5);
	CHECK(w && !memcmp(w, want, sizeof(want)));
	w = apply_utf8_to_utf16(a, "", 0, &len, NULL);
	CHECK(w && w[0] == 0 && len == 0);
	arena_free(a);
}

static void test_utf8_invalid(void)
{
	static const struct {
		const char *s;
		size_t n, bad;
	} cases[] = {
		{ "ab\xc0\xaf", 4, 2 },          /* overlong '/' */
		{ "\xe0\x80\xaf", 3, 0 },        /* overlong, 3 bytes */
		{ "x\xed\xa0\x80", 4, 1 },       /* U+D800, a surrogate */
		{ "\xf4\x90\x80\x80", 4, 0 },    /* above U+10FFFF */
		{ "\xf5\x80\x80\x80", 4, 0 },    /* no such lead byte */
		{ "abc\xe6\x97", 5, 3 },         /* truncated at the end */
		{ "\xe6\x41\xa5", 3, 0 },        /* bad continuation */
		{ "\x80", 1, 0 },                /* lone continuation */
		{ "\xff", 1, 0 },
		{ "a\0b", 3, 1 },                /* NUL: a wide C string ends */
	};
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t bad = 99;

		CHECK(apply_utf8_to_utf16(a, cases[i].s, cases[i].n, NULL, &bad) ==
		      NULL);
		CHECK_INT(bad, cases[i].bad);
	}
	arena_free(a);
}

static void test_utf16_to_utf8(void)
{
	static const uint16_t w[] = { 0x74, 0xEB, 0x65E5, 0xD83D, 0xDE00, 0 };
	static const uint16_t lone[] = { 0x61, 0xD800, 0x62, 0xDC00, 0 };
	struct strbuf sb = STRBUF_INIT;
	struct arena *a = arena_new();
	/* every code point class, through both converters */
	static const char all[] = "\x01 ~\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef"
				  "\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf";
	uint16_t *rt;

	apply_utf16_to_utf8(w, &sb);
	CHECK_STR(sb.buf, "t\xc3\xab\xe6\x97\xa5\xf0\x9f\x98\x80");
	strbuf_reset(&sb);
	apply_utf16_to_utf8(lone, &sb);
	CHECK_STR(sb.buf, "a\xef\xbf\xbd" "b\xef\xbf\xbd");
	rt = apply_utf8_to_utf16(a, all, strlen(all), NULL, NULL);
	CHECK(rt != NULL);
	strbuf_reset(&sb);
	if (rt)
		apply_utf16_to_utf8(rt, &sb);
	CHECK_STR(sb.buf, all);
	CHECK_INT(rt ? u16len(rt) : 0, 12);
	strbuf_release(&sb);
	arena_free(a);
}

static void test_json_readers(void)
{
	struct arena *a = arena_new();
	static const char err[] = "{\"Error\":-2143878899,\"ErrorMessage\":\"bad "
				  "json \\u00e9\"}";
	static const char status[] = "{\"ProcessId\":4,\"Exited\":true,"
				     "\"ExitCode\":3221225786}";
	static const char v1[] = "{\"SystemType\":\"Container\",\"Name\":\"abc\","
				 "\"Owner\":\"docker\",\"HvPartition\":true}";
	long long code = 0;
	const char *id = NULL;
	bool hv = false;

	CHECK_STR(apply_result_message(a, err, strlen(err)), "bad json \xc3\xa9");
	CHECK(apply_result_message(a, "{}", 2) == NULL);
	CHECK(apply_result_message(a, "not json", 8) == NULL);
	CHECK(apply_result_message(a, NULL, 0) == NULL);
	CHECK(apply_exit_code(status, strlen(status), &code));
	CHECK_INT(code, 3221225786LL);
	CHECK(!apply_exit_code("{\"Exited\":true}", 15, &code));
	CHECK(!apply_exit_code("{\"ExitCode\":\"1\"}", 16, &code));
	CHECK(apply_v1_facts(a, v1, strlen(v1), &id, &hv));
	CHECK_STR(id, "abc");
	CHECK(hv);
	CHECK(apply_v1_facts(a, "{\"Name\":\"x\"}", 12, &id, &hv));
	CHECK(!hv);
	CHECK(!apply_v1_facts(a, "{\"Owner\":\"x\"}", 13, &id, &hv));
	arena_free(a);
}

static void test_layer_names(void)
{
	static const char *const cases[][2] = {
		{ "C:\\ProgramData\\docker\\windowsfilter\\4e3c", "4e3c" },
		{ "C:\\a\\b\\", "" },          /* filepath.Split: "" */
		{ "C:\\a/b", "b" },
		{ "C:name", "name" },         /* the volume is not the name */
		{ "\\\\server\\share", "" },  /* a UNC volume only */
		{ "layer", "layer" },
	};
	struct arena *a = arena_new();

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(apply_layer_name(a, cases[i][0]), cases[i][1]);
	arena_free(a);
}

static void test_guid_text(void)
{
	static const uint8_t d4[8] = { 0x9d, 0x8f, 0xaa, 0x81, 0x34, 0xca, 0x1c, 0x9b };
	char out[APPLY_GUID_TEXT];

	apply_guid_text(0xcd22d128, 0x903e, 0x550a, d4, out);
	CHECK_STR(out, "cd22d128-903e-550a-9d8f-aa8134ca1c9b");
}

/* ---- apply_run off Windows ---- */

struct capture {
	struct strbuf out, msg;
};

static void cap_out(void *ctx, const char *data, size_t len)
{
	strbuf_add(&((struct capture *)ctx)->out, data, len);
}

static void cap_msg(void *ctx, enum apply_msg_kind kind, const char *text)
{
	struct capture *c = ctx;

	strbuf_addf(&c->msg, "%d:%s\n", (int)kind, text);
}

static const char desc[] =
	"Name: t\n"
	"Config: {Cmd: [cmd]}\n"
	"HostConfig: {Isolation: process}\n"
	"Runtime:\n"
	"  LayerFolders: ['C:\\ProgramData\\docker\\windowsfilter\\4e3c']\n"
	"  VolumePath: '\\\\?\\Volume{5e5ce1e7-3b45-4c43-9bd3-6f9a1e8f0c21}\\'\n";

/* Compile `desc` (from a temporary file) for `host` through hcsc.h,
 * then apply_run on the result. */
static int run(const char *host, const struct apply_options *o,
	       struct capture *c)
{
	char path[] = "test_apply_desc.yaml";
	FILE *f = fopen(path, "wb");
	struct hcsc_options opt;
	struct hcsc_result *res;
	struct apply_sink sink = { c, cap_out, cap_msg };
	int rc;

	if (!f)
		return -1;
	fputs(desc, f);
	fclose(f);
	hcsc_options_init(&opt);
	opt.host = host;
	opt.docs = HCSC_DOCS(HCSC_DOC_OCI); /* hidden ones are still applied */
	rc = hcsc_compile_file(path, &opt, &res);
	if (rc == HCSC_OK)
		rc = apply_run(res, o, &sink);
	else
		rc = -rc;
	hcsc_result_free(res);
	remove(path);
	return rc;
}

static void test_apply_off_windows(void)
{
	struct apply_options o = { false, false, false, APPLY_DEFAULT_TIMEOUT };
	struct capture c = { STRBUF_INIT, STRBUF_INIT };
	int rc;

	CHECK(!apply_supported());
	rc = run(NULL, &o, &c);
	CHECK_INT(rc, HCSC_E_USAGE);
	CHECK_STR(c.msg.buf, "2:--apply needs a Windows host\n");
	CHECK_INT(c.out.len, 0);

	/* --dry-run: the profile's build picks v2 (ltsc2022) ... */
	strbuf_reset(&c.msg);
	o.dry_run = true;
	o.start = true;
	rc = run(NULL, &o, &c);
	CHECK_INT(rc, HCSC_OK);
	CHECK(strstr(c.out.buf, "# host build 20348 (the host profile's; not a "
				"Windows host): hcs-v2.json") != NULL);
	CHECK(strstr(c.out.buf, "\nHcsCreateComputeSystem(\"") != NULL);
	CHECK(strstr(c.out.buf, "\nHcsCreateProcess(system, <process.json: ") !=
	      NULL);
	CHECK(strstr(c.out.buf, "\nNameToGuid(\"4e3c\", &guid)") != NULL);
	CHECK(strstr(c.out.buf, "# hcs-v2.json as submitted (compact, ") != NULL);
	CHECK(strstr(c.out.buf, "\n{\"Owner\":\"docker\",\"SchemaVersion\":{") !=
	      NULL);
	CHECK_INT(c.msg.len, 0);

	/* ... and v1 through vmcompute for ltsc2016 */
	strbuf_reset(&c.out);
	o.start = false;
	rc = run("ltsc2016", &o, &c);
	CHECK_INT(rc, HCSC_OK);
	CHECK(strstr(c.out.buf, "# host build 14393 (the host profile's; not a "
				"Windows host): hcs-v1.json") != NULL);
	CHECK(strstr(c.out.buf, "\nLoadLibraryW(\"vmcompute.dll\")\n") != NULL);
	CHECK(strstr(c.out.buf, "\nHcsTerminateComputeSystem(system, \"\", "
				"&result)\n") != NULL);
	CHECK(strstr(c.out.buf, "HcsCreateProcess") == NULL);
	strbuf_release(&c.out);
	strbuf_release(&c.msg);
}

int main(void)
{
	test_hresult_names();
	test_hresult_families();
	test_utf8_to_utf16();
	test_utf8_invalid();
	test_utf16_to_utf8();
	test_json_readers();
	test_layer_names();
	test_guid_text();
	test_apply_off_windows();
	return t_done();
}
