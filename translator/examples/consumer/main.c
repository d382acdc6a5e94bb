/* consumer: compile a description with libhcsc and print its HCS v2.1
 * document (README, "The C library"). Usage: consumer DESC.yaml */
#include <hcsc.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	struct hcsc_options opt = { .host = "ltsc2019", .docs = HCSC_DOCS(HCSC_DOC_HCS_V2) };
	struct hcsc_result *res;
	enum hcsc_rc rc = hcsc_compile_file(argc > 1 ? argv[1] : "-", &opt, &res);
	size_t n;
	const struct hcsc_diag *d = hcsc_result_diags(res, &n);

	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "%s:%u:%u: %s\n", d[i].pos.file, d[i].pos.line, d[i].pos.col, d[i].msg);
	if (rc == HCSC_OK)
		fputs(hcsc_result_document(res, HCSC_DOC_HCS_V2, NULL), stdout);
	else
		fprintf(stderr, "hcsc %s: %s\n", hcsc_version(), hcsc_rc_str(rc));
	hcsc_result_free(res);
	return (int)rc;
}
