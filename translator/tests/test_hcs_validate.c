/*
 * test_hcs_validate.c: the HCS stage's spec checks, after hcsshim v0.8.6's
 * createWindowsContainerDocument and validateWindowsContainerConfig
 * (rule: hcs.document.base): readonly root, typed mounts, the
 * Root.Path volume GUID pattern (what it accepts and rejects), too few
 * layer folders, a missing windows or root section. Each error is checked
 * with its message and the line it points at.
 */
#include "hcs_harness.h"

static void su_readonly(struct fx *f)
{
	static struct oci_mount m[1];

	f->s.root.readonly = true;
	/* The readonly check comes first: the typed mount is not reported. */
	m[0] = mk_mount("C:\\h", "C:\\c", 0);
	m[0].type = "bind";
	set_mounts(f, m, 1);
}

static void su_typed_mount(struct fx *f)
{
	static struct oci_mount m[2];

	m[0] = mk_mount("C:\\h", "C:\\c", 0);
	m[1] = mk_mount("C:\\h", "C:\\d", 1);
	m[1].type = "bind";
	set_mounts(f, m, 2);
}

static void su_bad_root(struct fx *f)
{
	f->s.root.path = "C:\\foo";
}

static void su_lower_volume(struct fx *f)
{
	f->s.root.path = "\\\\?\\volume{00000000-0000-0000-0000-000000000001}\\";
}

static void su_short_guid(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-00000000001}\\";
}

static void su_two_slashes(struct fx *f)
{
	f->s.root.path =
		"\\\\?\\Volume{00000000-0000-0000-0000-000000000001}\\\\";
}

static void su_no_close_brace(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001\\";
}

static void su_double_brace(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}}";
}

static void su_no_open_brace_upper(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume0000ABCD-0000-0000-0000-00000000000F}\\";
}

static void su_no_trailing(struct fx *f)
{
	f->s.root.path = "\\\\?\\Volume{00000000-0000-0000-0000-000000000001}";
}

static const char *one_layer[] = { "C:\\S\\c1" };

static void su_one_folder(struct fx *f)
{
	f->s.windows.layer_folders.v = one_layer;
	f->s.windows.layer_folders.n = 1;
}

static void su_nil_folders(struct fx *f)
{
	f->s.windows.layer_folders.v = NULL;
	f->s.windows.layer_folders.n = 0;
	f->s.windows.layer_folders.set = false;
}

static void su_no_windows(struct fx *f)
{
	memset(&f->s.windows, 0, sizeof(f->s.windows));
	f->s.has_windows = false;
}

static void su_no_root(struct fx *f)
{
	f->s.has_root = false;
}

/* ---- the table --------------------------------------------------------- */

static const struct tcase cases[] = {

	{ "readonly root", su_readonly, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - readonly is not supported for Windows "
	    "containers" },
	  L_READONLY },
	{ "typed mount", su_typed_mount, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Mount.Type 'bind' must not be set" },
	  L_MOUNT + 1 },
	{ "bad Root.Path", su_bad_root, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path 'C:\\foo' must be a volume "
	    "GUID path in the format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: `Volume` is case-sensitive", su_lower_volume, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\volume{00000000-0000-"
	    "0000-0000-000000000001}\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: short GUID", su_short_guid, false, HCSC_E_INPUT, NULL,
	  NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-00000000001}\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: two trailing backslashes", su_two_slashes, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-000000000001}\\\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: the closing brace is mandatory", su_no_close_brace, false,
	  HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:invalid container spec - Root.Path '\\\\?\\Volume{00000000-0000-"
	    "0000-0000-000000000001\\' must be a volume GUID path in the "
	    "format '\\\\?\\Volume{GUID}\\'" },
	  L_ROOT_PATH },
	{ "Root.Path: }} accepted, backslash added", su_double_brace, false,
	  HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"~~?~Volume{00000000-0000-0000-0000-"
	  "000000000001}}\",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
	  ",\"HvPartition\":false}",
	  V2_HEAD "\"Container\":{\"Storage\":{" V2_LAYERS ",\"Path\":\"~~?~"
	  "Volume{00000000-0000-0000-0000-000000000001}}~\"}}" V2_TAIL,
	  NULL, NOTHING, 0 },
	{ "Root.Path: no opening brace, upper-case hex", su_no_open_brace_upper,
	  false, HCSC_OK,
	  V1_HEAD ",\"VolumePath\":\"~~?~Volume0000ABCD-0000-0000-0000-"
	  "00000000000F}\",\"LayerFolderPath\":\"C:~S~c1\"," V1_LAYERS
	  ",\"HvPartition\":false}",
	  NULL, NULL, NOTHING, 0 },
	{ "Root.Path: missing trailing backslash added", su_no_trailing, false,
	  HCSC_OK, V1_ARGON_MIN, V2_ARGON_MIN, NULL, NOTHING, 0 },
	{ "one layer folder", su_one_folder, false, HCSC_E_INPUT, NULL, NULL,
	  NULL, { "E:invalid spec - not enough layer folders supplied" },
	  L_LAYERS },
	{ "nil layer folders", su_nil_folders, false, HCSC_E_INPUT, NULL, NULL,
	  NULL, { "E:invalid spec - not enough layer folders supplied" },
	  L_LAYERS },
	{ "no windows section", su_no_windows, false, HCSC_E_INPUT, NULL, NULL,
	  NULL,
	  { "E:cannot create HCS container document - OCI spec Windows section "
	    "is missing " },
	  L_SPEC },
	{ "no root", su_no_root, false, HCSC_E_INPUT, NULL, NULL, NULL,
	  { "E:spec is invalid - root isn't populated" }, L_SPEC },
};

static void test_table(void)
{
	hcs_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

int main(void)
{
	test_table();
	return t_done();
}
