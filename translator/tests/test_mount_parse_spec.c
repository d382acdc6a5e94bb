/*
 * test_mount_parse_spec.c: the Windows parser of HostConfig.Mounts entries
 * (mount_parse_spec) and of --volumes-from (mount_parse_volumes_from)
 * against moby's own tables (daemon/volume/mounts/windows_parser_test.go,
 * parser_test.go, validate_test.go; rule: oci.mounts.spec-validation), plus derived
 * cases for every branch of validateMountConfigReg and the checks skipped
 * without host facts.
 */
#include "mount_harness.h"

struct spec_row {
	struct mount_cfg in;
	const char *err; /* exact; NULL = success */
	const char *type, *source, *dest, *name, *driver, *subpath;
	bool rw;
};

static void check_spec(const struct host_fs *fs, const struct spec_row *r,
		       bool substring)
{
	struct arena *a = arena_new();
	struct mount_point mp;
	const char *err = NULL;
	enum hcsc_rc rc = mount_parse_spec(a, fs, &r->in, &mp, &err);

	if (r->err) {
		CHECK_INT(rc, HCSC_E_INPUT);
		if (substring) {
			if (!contains(err, r->err))
				fprintf(stderr, "spec: got [%s] want [%s]\n",
					err ? err : "(null)", r->err);
			CHECK(contains(err, r->err));
		} else {
			CHECK_STR(err, r->err);
		}
		arena_free(a);
		return;
	}
	if (rc != HCSC_OK)
		fprintf(stderr, "spec: unexpected error %s\n", err);
	CHECK_INT(rc, HCSC_OK);
	if (rc == HCSC_OK) {
		CHECK_STR(mp.type, r->type);
		CHECK_STR(mp.source, r->source);
		CHECK_STR(mp.destination, r->dest);
		CHECK_STR(mp.name, r->name);
		CHECK_STR(mp.driver, r->driver);
		CHECK_STR(mp.subpath, r->subpath);
		CHECK_STR(mp.mode, "");
		CHECK_INT(mp.rw, r->rw);
		CHECK_INT(mp.copy_data, false);
		CHECK_INT(mp.skip_mountpoint_creation, false);
		CHECK_STR(mp.spec.target, r->in.target ? r->in.target : "");
		CHECK_STR(mp.spec.source, r->in.source ? r->in.source : "");
		CHECK_INT(mp.spec.read_only, r->in.read_only);
	}
	arena_free(a);
}

/* an error row: the exact (or substring) text, no result fields */
#define FAILS(msg) (msg), NULL, NULL, NULL, NULL, NULL, NULL, false
#define BIND(src, dst) .type = "bind", .source = (src), .target = (dst)
#define VOL(src, dst) .type = "volume", .source = (src), .target = (dst)
#define PIPE(src, dst) .type = "npipe", .source = (src), .target = (dst)

/* TestWindowsValidateMounts */
static void test_spec_windows_validate(void)
{
	static const struct spec_row rows[] = {
		{ { BIND("c:\\", "d:\\mount") }, NULL, "bind", "c:\\", "d:\\mount",
		  "", "", "", true },
		{ { .type = "volume", .target = "c:/data/anonymous-read-only-volume",
		    .read_only = true },
		  NULL, "volume", "", "c:\\data\\anonymous-read-only-volume", "",
		  "", "", false },
		{ { BIND("c:/bad/path", "d:/data/anonymous-read-only-volume") },
		  FAILS("invalid mount config for type \"bind\": bind source path does "
		  "not exist: c:/bad/path") },
		{ { .type = "invalid", .target = "d:/data/invalid-type" },
		  FAILS("invalid mount config for type \"invalid\": mount type unknown") },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_spec(&mock_fs, &rows[i], false);
}

static const char *test_dirs[] = { "c:\\testdir" };
static const struct host_fs test_fs = { true, test_dirs, 1, NULL, 0 };

/* TestParseMountSpec (testDir = c:\testdir, testDestinationPath = c:\foo) */
static void test_spec_parse(void)
{
	static const struct spec_row rows[] = {
		{ { BIND("c:\\testdir", "c:\\foo"), .read_only = true }, NULL,
		  "bind", "c:\\testdir", "c:\\foo", "", "", "", false },
		{ { BIND("c:\\testdir", "c:\\foo") }, NULL, "bind", "c:\\testdir",
		  "c:\\foo", "", "", "", true },
		{ { BIND("c:\\testdir\\", "c:\\foo"), .read_only = true }, NULL,
		  "bind", "c:\\testdir", "c:\\foo", "", "", "", false },
		{ { BIND("c:\\testdir", "c:\\foo\\"), .read_only = true }, NULL,
		  "bind", "c:\\testdir", "c:\\foo", "", "", "", false },
		{ { .type = "volume", .target = "c:\\foo" }, NULL, "volume", "",
		  "c:\\foo", "", "", "", true },
		{ { .type = "volume", .target = "c:\\foo\\" }, NULL, "volume", "",
		  "c:\\foo", "", "", "", true },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_spec(&test_fs, &rows[i], false);
}

/* TestValidateMount (Windows rows; the error texts are substrings) */
static void test_spec_validate_mount(void)
{
	static const struct spec_row rows[] = {
		{ { .type = "volume" }, FAILS("field Target must not be empty") },
		{ { VOL("hello", "c:\\foo") }, NULL, "volume", "", "c:\\foo",
		  "hello", "", "", true },
		{ { .type = "volume", .target = "c:\\foo" }, NULL, "volume", "",
		  "c:\\foo", "", "", "", true },
		{ { VOL("hello", "c:\\foo"), .has_volume_options = true,
		    .volume_subpath = "world" },
		  NULL, "volume", "", "c:\\foo", "hello", "", "world", true },
		{ { VOL("hello", "c:\\foo"), .has_bind_options = true },
		  FAILS("field BindOptions must not be specified") },
		{ { .type = "bind" }, FAILS("field Target must not be empty") },
		{ { .type = "bind", .target = "c:\\foo" },
		  FAILS("field Source must not be empty") },
		{ { BIND("c:\\foo", "c:\\foo"), .has_volume_options = true },
		  FAILS("field VolumeOptions must not be specified") },
		{ { BIND("c:\\testdir", "c:\\foo") }, NULL, "bind", "c:\\testdir",
		  "c:\\foo", "", "", "", true },
		{ { .type = "invalid", .target = "c:\\foo" }, FAILS("mount type unknown") },
		{ { BIND("c:\\foo", "c:\\foo") },
		  FAILS("bind source path does not exist: c:\\foo") },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_spec(&test_fs, &rows[i], true);
}

/* Derived HostConfig.Mounts cases: every branch of validateMountConfigReg. */
static void test_spec_derived(void)
{
	static const struct spec_row rows[] = {
		/* no lower-casing; host facts match case-insensitively */
		{ { BIND("C:\\Windows\\", "D:\\X\\") }, NULL, "bind",
		  "C:\\Windows", "D:\\X", "", "", "", true },
		{ { BIND("C:/Program Files", "D:/") }, NULL, "bind",
		  "C:\\Program Files", "D:\\", "", "", "", true },
		/* trim keeps c:\ and d:\ (three characters) */
		{ { BIND("c:\\", "d:\\") }, NULL, "bind", "c:\\", "d:\\", "", "",
		  "", true },
		{ { BIND("c:\\windows\\system32\\ntdll.dll", "d:\\x") },
		  FAILS("invalid mount config for type \"bind\": source path must be a "
		  "directory") },
		{ { BIND("windows", "d:\\x") },
		  FAILS("invalid mount config for type \"bind\": invalid mount path: "
		  "'windows' mount path must be absolute") },
		{ { BIND("c:\\windows", "d:\\x"), .has_bind_options = true,
		    .bind_propagation = "rprivate" },
		  FAILS("invalid mount config for type \"bind\": invalid propagation "
		  "mode: rprivate") },
		{ { BIND("c:\\windows", "d:\\x"), .has_bind_options = true,
		    .bind_create_mountpoint = true, .bind_non_recursive = true },
		  NULL, "bind", "c:\\windows", "d:\\x", "", "", "", true },
		{ { BIND("c:\\windows", "d:\\x"), .has_image_options = true },
		  FAILS("invalid mount config for type \"bind\": field ImageOptions must "
		  "not be specified") },
		{ { BIND("c:\\windows", "d:\\x"), .has_tmpfs_options = true },
		  FAILS("invalid mount config for type \"bind\": field TmpfsOptions must "
		  "not be specified") },
		{ { BIND("c:\\windows", "d:\\x"), .has_cluster_options = true },
		  FAILS("invalid mount config for type \"bind\": field ClusterOptions "
		  "must not be specified") },
		/* exclusive options are checked before the target */
		{ { .type = "npipe", .has_bind_options = true },
		  FAILS("invalid mount config for type \"npipe\": field BindOptions must "
		  "not be specified") },
		/* the target checks */
		{ { BIND("c:\\windows", "C:/") },
		  FAILS("invalid mount config for type \"bind\": destination path (c:\\) "
		  "cannot be 'c:' or 'c:\\'") },
		{ { VOL("v", "C:") },
		  FAILS("invalid mount config for type \"volume\": destination path (c:) "
		  "cannot be 'c:' or 'c:\\'") },
		{ { VOL("v", "relative") },
		  FAILS("invalid mount config for type \"volume\": invalid mount path: "
		  "'relative'") },
		{ { VOL("v", "D:\\a:b") },
		  FAILS("invalid mount config for type \"volume\": invalid mount path: "
		  "'D:\\a:b'") },
		{ { VOL("v", "\\\\?\\C:\\") }, NULL, "volume", "", "\\\\?\\C:",
		  "v", "", "", true },
		{ { VOL("v", "d:") }, NULL, "volume", "", "d:", "v", "", "", true },
		/* volume names */
		{ { VOL("a/b", "d:\\x") },
		  FAILS("invalid mount config for type \"volume\": invalid volume name") },
		{ { VOL("lpt9", "d:\\x") },
		  FAILS("invalid mount config for type \"volume\": volume name \"lpt9\" "
		  "cannot be a reserved word for Windows filenames") },
		/* the reserved-name regex is lower-case only, as upstream */
		{ { VOL("CON", "d:\\x") }, NULL, "volume", "", "d:\\x", "CON", "",
		  "", true },
		{ { VOL("com0", "d:\\x") }, NULL, "volume", "", "d:\\x", "com0",
		  "", "", true },
		/* driver, read-only anonymous volume (allowed on master) */
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .has_volume_driver_config = true,
		    .volume_driver_name = "local", .volume_no_copy = true },
		  NULL, "volume", "", "d:\\x", "v", "local", "", true },
		{ { .type = "volume", .target = "d:\\ro", .read_only = true },
		  NULL, "volume", "", "d:\\ro", "", "", "", false },
		/* subpath rules (filepath.IsLocal) */
		{ { .type = "volume", .target = "d:\\x",
		    .has_volume_options = true, .volume_subpath = "a" },
		  FAILS("must not set Subpath when using anonymous volumes") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "a\\b/c" },
		  NULL, "volume", "", "d:\\x", "v", "", "a\\b/c", true },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "a\\..\\b" },
		  NULL, "volume", "", "d:\\x", "v", "", "a\\..\\b", true },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "." },
		  NULL, "volume", "", "d:\\x", "v", "", ".", true },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "..\\a" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "a/../.." },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "\\a" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "c:a" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "a/NUL" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "com1.txt" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "conin$" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "lpt\xc2\xb3" },
		  FAILS("invalid mount config for type \"volume\": subpath must be a "
		  "relative path within the volume") },
		{ { VOL("v", "d:\\x"), .has_volume_options = true,
		    .volume_subpath = "console" },
		  NULL, "volume", "", "d:\\x", "v", "", "console", true },
		/* named pipes: no lower-casing, no slash conversion in checks */
		{ { PIPE("\\\\.\\pipe\\a", "\\\\.\\pipe\\b") }, NULL, "npipe",
		  "\\\\.\\pipe\\a", "\\\\.\\pipe\\b", "", "", "", true },
		{ { PIPE("//./pipe/a", "\\\\.\\pipe\\b") },
		  FAILS("invalid mount config for type \"npipe\": '//./pipe/a' is not a "
		  "valid pipe path") },
		{ { PIPE("\\\\.\\PIPE\\a", "\\\\.\\pipe\\b") },
		  FAILS("invalid mount config for type \"npipe\": '\\\\.\\PIPE\\a' is not "
		  "a valid pipe path") },
		{ { PIPE("\\\\.\\pipe\\a", "//./pipe/b") },
		  FAILS("invalid mount config for type \"npipe\": '//./pipe/b' is not a "
		  "valid pipe path") },
		{ { PIPE("\\\\.\\pipe\\a", "\\\\.\\pipe\\b"), .read_only = true },
		  FAILS("invalid mount config for type \"npipe\": field ReadOnly must not "
		  "be specified") },
		{ { PIPE(NULL, "\\\\.\\pipe\\b") },
		  FAILS("invalid mount config for type \"npipe\": field Source must not "
		  "be empty") },
		/* other types */
		{ { .type = "tmpfs", .target = "d:\\x", .has_tmpfs_options = true },
		  FAILS("invalid mount config for type \"tmpfs\": mount type unknown") },
		{ { .type = "image", .source = "img", .target = "d:\\x" },
		  FAILS("invalid mount config for type \"image\": mount type unknown") },
		{ { .type = "tmpfs", .target = "c:" },
		  FAILS("invalid mount config for type \"tmpfs\": destination path (c:) "
		  "cannot be 'c:' or 'c:\\'") },
		{ { .target = "d:\\x" },
		  FAILS("invalid mount config for type \"\": mount type unknown") },
		{ { .type = "in\"va\\lid\t\x01\xff", .target = "d:\\x" },
		  FAILS("invalid mount config for type \"in\\\"va\\\\lid\\t\\x01\\xff\": "
		  "mount type unknown") },
		{ { .type = "caf\xc3\xa9\xc2\x85", .target = "d:\\x" },
		  FAILS("invalid mount config for type \"caf\xc3\xa9\\u0085\": mount type "
		  "unknown") },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_spec(&mock_fs, &rows[i], false);
}

/* Without facts the bind existence and directory checks are skipped. */
static void test_spec_absent_fs(void)
{
	static const struct spec_row rows[] = {
		{ { BIND("c:/bad/path", "d:/x") }, NULL, "bind", "c:\\bad\\path",
		  "d:\\x", "", "", "", true },
		{ { BIND("c:\\windows\\system32\\ntdll.dll", "d:\\x") }, NULL,
		  "bind", "c:\\windows\\system32\\ntdll.dll", "d:\\x", "", "", "",
		  true },
		{ { BIND("relative", "d:\\x") },
		  FAILS("invalid mount config for type \"bind\": invalid mount path: "
		  "'relative' mount path must be absolute") },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_spec(NULL, &rows[i], false);
	check_spec(&empty_fs,
		   &(struct spec_row){ { BIND("c:\\", "d:\\x") },
				       FAILS("invalid mount config for type \"bind\": "
				       "bind source path does not exist: c:\\") },
		   false);
}

static void test_volumes_from(void)
{
	static const struct {
		const char *in, *id, *mode, *err;
	} rows[] = {
		{ "web", "web", "rw", NULL },
		{ "web:ro", "web", "ro", NULL },
		{ "web:RW", "web", "RW", NULL },
		{ "web:", "web", "rw", NULL },
		{ "web:z", NULL, NULL, "invalid mode: z" },
		{ "web:ro:rw", NULL, NULL, "invalid mode: ro:rw" },
		{ "web:nocopy", NULL, NULL, "invalid mode: nocopy" },
		{ "", NULL, NULL,
		  "volumes-from specification cannot be an empty string" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct arena *a = arena_new();
		const char *id = NULL, *mode = NULL, *err = NULL;
		enum hcsc_rc rc =
			mount_parse_volumes_from(a, rows[i].in, &id, &mode, &err);

		if (rows[i].err) {
			CHECK_INT(rc, HCSC_E_INPUT);
			CHECK_STR(err, rows[i].err);
		} else {
			CHECK_INT(rc, HCSC_OK);
			CHECK_STR(id, rows[i].id);
			CHECK_STR(mode, rows[i].mode);
		}
		arena_free(a);
	}
}

/*
 * The target checks read the lower-cased target (a copy only when it has
 * upper-case or non-ASCII bytes) and name the `\` form in the c: error,
 * in both eras; results share the input's bytes when nothing changes.
 */
static void test_spec_target_forms(void)
{
	static const struct {
		const char *target;
		bool moby_1903;
		const char *err; /* NULL: valid */
	} rows[] = {
		{ "C:/", false, "invalid mount config for type \"volume\": "
		  "destination path (c:\\) cannot be 'c:' or 'c:\\'" },
		{ "c:/", true, "invalid mount config for type \"volume\": "
		  "destination path cannot be `c:` or `c:\\`: c:\\" },
		{ "C:", true, "invalid mount config for type \"volume\": "
		  "destination path cannot be `c:` or `c:\\`: c:" },
		{ "c:\\", true, "invalid mount config for type \"volume\": "
		  "destination path cannot be `c:` or `c:\\`: c:\\" },
		{ "c://", false, "invalid mount config for type \"volume\": "
		  "invalid mount path: 'c://'" },
		{ "D:\\\xc3\x84" "B", false, NULL }, /* \u00c4 lowers to \u00e4 */
		{ "\xc3\x84:\\x", false, "invalid mount config for type "
		  "\"volume\": invalid mount path: '\xc3\x84:\\x'" },
		{ "d:\\x", false, NULL },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct arena *a = arena_new();
		struct mount_cfg cfg = { VOL("v", rows[i].target) };
		struct mount_point mp;
		const char *err = NULL;
		enum hcsc_rc rc = mount_parse_spec_era(a, NULL, &cfg,
						       rows[i].moby_1903, &mp,
						       &err);

		if (rows[i].err) {
			CHECK_INT(rc, HCSC_E_INPUT);
			CHECK_STR(err, rows[i].err);
		} else {
			CHECK_INT(rc, HCSC_OK);
			CHECK_STR(mp.destination, rows[i].target);
		}
		arena_free(a);
	}
}

int main(void)
{
	test_spec_target_forms();
	test_spec_windows_validate();
	test_spec_parse();
	test_spec_validate_mount();
	test_spec_derived();
	test_spec_absent_fs();
	test_volumes_from();
	return t_done();
}
