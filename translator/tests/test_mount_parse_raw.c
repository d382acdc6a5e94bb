/*
 * test_mount_parse_raw.c: the host filesystem facts (oci/host_fs.c) and
 * the Windows parser of raw `-v` specifications (mount_parse_raw) against
 * moby's own tables (daemon/volume/mounts/windows_parser_test.go,
 * parser_test.go; rules: oci.mounts.binds, oci.mounts.windows-parser): valid and invalid specs, exact
 * error texts, the split into mount points, the checks skipped without
 * host facts, and linear time on long inputs.
 */
#include "mount_harness.h"

static void test_host_fs(void)
{
	struct arena *a = arena_new();
	static const struct {
		const char *path;
		enum host_fs_kind want;
	} rows[] = {
		{ "c:\\", HOST_FS_DIR },
		{ "C:\\", HOST_FS_DIR },
		{ "c:/", HOST_FS_DIR },
		{ "c:\\windows", HOST_FS_DIR },
		{ "C:\\WINDOWS\\", HOST_FS_DIR },
		{ "c:/windows/", HOST_FS_DIR },
		{ "c:\\windows\\.\\system32\\..", HOST_FS_DIR },
		{ "c:\\PROGRAM FILES (X86)", HOST_FS_DIR },
		{ "\\\\?\\c:\\windows", HOST_FS_DIR },
		{ "c:\\windows\\system32\\ntdll.dll", HOST_FS_FILE },
		{ "C:/Windows/System32/NTDLL.DLL", HOST_FS_FILE },
		/* parents are not implied (rule: hcsc.host.filesystem-facts) */
		{ "c:\\windows\\system32", HOST_FS_MISSING },
		{ "c:", HOST_FS_MISSING },
		{ "d:\\", HOST_FS_MISSING },
		{ "", HOST_FS_MISSING },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		enum host_fs_kind got = host_fs_stat(a, &mock_fs, rows[i].path);

		if (got != rows[i].want)
			fprintf(stderr, "host_fs_stat(%s)\n", rows[i].path);
		CHECK_INT(got, rows[i].want);
	}
	CHECK_INT(host_fs_stat(a, NULL, "c:\\"), HOST_FS_UNKNOWN);
	{
		struct host_fs absent = mock_fs;

		absent.present = false;
		CHECK_INT(host_fs_stat(a, &absent, "c:\\"), HOST_FS_UNKNOWN);
	}
	CHECK_INT(host_fs_stat(a, &empty_fs, "c:\\"), HOST_FS_MISSING);
	arena_free(a);
}

/* TestWindowsParseMountRaw: valid */
static void test_raw_valid(void)
{
	static const char *valid[] = {
		"d:\\",
		"d:",
		"d:\\path",
		"d:\\path with space",
		"c:\\:d:\\",
		"c:\\windows\\:d:",
		"c:\\windows:d:\\s p a c e",
		"c:\\windows:d:\\s p a c e:RW",
		"c:\\program files:d:\\s p a c e i n h o s t d i r",
		"0123456789name:d:",
		"MiXeDcAsEnAmE:d:",
		"test-aux-volume:d:",
		"name:D:",
		"name:D::rW",
		"name:D::RW",
		"name:D::RO",
		"c:/:d:/forward/slashes/are/good/too",
		"c:/:d:/including with/spaces:ro",
		"c:\\Windows",
		"c:\\Program Files (x86)",
		"\\\\?\\c:\\windows\\:d:",
		"c:\\windows\\:\\\\?\\d:\\",
		"\\\\.\\pipe\\foo:\\\\.\\pipe\\foo",
		"//./pipe/foo://./pipe/foo",
	};

	for (size_t i = 0; i < sizeof(valid) / sizeof(valid[0]); i++) {
		struct arena *a = arena_new();
		struct mount_point mp;
		const char *err = NULL;
		enum hcsc_rc rc =
			mount_parse_raw(a, &mock_fs, valid[i], "local", &mp, &err);

		if (rc != HCSC_OK)
			fprintf(stderr, "raw valid [%s]: %s\n", valid[i], err);
		CHECK_INT(rc, HCSC_OK);
		arena_free(a);
	}
}

struct raw_err_row {
	const char *raw, *want;
};

static void check_raw_errors(const struct host_fs *fs,
			     const struct raw_err_row *rows, size_t n,
			     bool exact)
{
	for (size_t i = 0; i < n; i++) {
		struct arena *a = arena_new();
		struct mount_point mp;
		const char *err = NULL;
		enum hcsc_rc rc =
			mount_parse_raw(a, fs, rows[i].raw, "local", &mp, &err);

		CHECK_INT(rc, HCSC_E_INPUT);
		if (exact) {
			CHECK_STR(err, rows[i].want);
		} else {
			if (!contains(err, rows[i].want))
				fprintf(stderr, "raw [%s]: got [%s] want [%s]\n",
					rows[i].raw, err ? err : "(null)",
					rows[i].want);
			CHECK(contains(err, rows[i].want));
		}
		arena_free(a);
	}
}

/* TestWindowsParseMountRaw: invalid (error substrings) */
static void test_raw_invalid(void)
{
	static const char *reserved[] = {
		"con:d:",  "PRN:d:",  "aUx:d:",	 "nul:d:",  "com1:d:", "com2:d:",
		"com3:d:", "com4:d:", "com5:d:", "com6:d:", "com7:d:", "com8:d:",
		"com9:d:", "lpt1:d:", "lpt2:d:", "lpt3:d:", "lpt4:d:", "lpt5:d:",
		"lpt6:d:", "lpt7:d:", "lpt8:d:", "lpt9:d:",
	};
	static const struct raw_err_row rows[] = {
		{ "", "invalid volume specification: " },
		{ ".", "invalid volume specification: " },
		{ "..\\", "invalid volume specification: " },
		{ "c:\\:..\\", "invalid volume specification: " },
		{ "c:\\:d:\\:xyzzy", "invalid volume specification: " },
		{ "c:", "cannot be 'c:'" },
		{ "c:\\", "cannot be 'c:'" },
		{ "c:\\notexist:d:", "source path does not exist: c:\\notexist" },
		{ "c:\\windows\\system32\\ntdll.dll:d:",
		  "source path must be a directory" },
		{ "name<:d:", "invalid volume specification" },
		{ "name>:d:", "invalid volume specification" },
		{ "name::d:", "invalid volume specification" },
		{ "name\":d:", "invalid volume specification" },
		{ "name\\:d:", "invalid volume specification" },
		{ "name*:d:", "invalid volume specification" },
		{ "name|:d:", "invalid volume specification" },
		{ "name?:d:", "invalid volume specification" },
		{ "name/:d:", "invalid volume specification" },
		{ "d:\\pathandmode:rw", "invalid volume specification" },
		{ "d:\\pathandmode:ro", "invalid volume specification" },
		{ "c:\\windows\\system32\\ntdll.dll",
		  "Only directories can be mapped on this platform" },
		{ "\\\\.\\pipe\\foo:c:\\pipe", "'c:\\pipe' is not a valid pipe path" },
	};

	check_raw_errors(&mock_fs, rows, sizeof(rows) / sizeof(rows[0]), false);
	for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++) {
		struct raw_err_row r = {
			reserved[i],
			"cannot be a reserved word for Windows filenames"
		};

		check_raw_errors(&mock_fs, &r, 1, false);
	}
}

/* Exact texts: TestWindowsParseMountRawSplit and derived. */
static void test_raw_exact_errors(void)
{
	static const struct raw_err_row rows[] = {
		{ "c:\\:d:\\:foo", "invalid volume specification: 'c:\\:d:\\:foo'" },
		{ "name:c:",
		  "invalid volume specification: 'name:c:': invalid mount config "
		  "for type \"volume\": destination path (c:) cannot be 'c:' or "
		  "'c:\\'" },
		{ "driver/name:c:",
		  "invalid volume specification: 'driver/name:c:'" },
		{ "\\\\.\\pipe\\foo:c:\\foo\\bar",
		  "invalid volume specification: '\\\\.\\pipe\\foo:c:\\foo\\bar': "
		  "invalid mount config for type \"npipe\": 'c:\\foo\\bar' is not "
		  "a valid pipe path" },
		{ "c:\\foo\\bar:\\\\.\\pipe\\foo",
		  "invalid volume specification: 'c:\\foo\\bar:\\\\.\\pipe\\foo': "
		  "invalid mount config for type \"bind\": bind source path does "
		  "not exist: c:\\foo\\bar" },
		/* derived: the whole texts of the substring rows above */
		{ "c:", "invalid volume specification: 'c:': invalid mount config "
			"for type \"volume\": destination path (c:) cannot be 'c:' "
			"or 'c:\\'" },
		{ "C:/", "invalid volume specification: 'C:/': invalid mount "
			 "config for type \"volume\": destination path (c:\\) "
			 "cannot be 'c:' or 'c:\\'" },
		{ "c:\\windows\\system32\\ntdll.dll",
		  "file 'c:\\windows\\system32\\ntdll.dll' cannot be mapped. Only "
		  "directories can be mapped on this platform" },
		{ "C:/Windows/System32/NTDLL.DLL",
		  "file 'c:/windows/system32/ntdll.dll' cannot be mapped. Only "
		  "directories can be mapped on this platform" },
		{ "C:\\NotExist:D:",
		  "invalid volume specification: 'C:\\NotExist:D:': invalid mount "
		  "config for type \"bind\": bind source path does not exist: "
		  "c:\\notexist" },
		{ "c:\\windows\\system32\\ntdll.dll:d:",
		  "invalid volume specification: "
		  "'c:\\windows\\system32\\ntdll.dll:d:': invalid mount config for "
		  "type \"bind\": source path must be a directory" },
		{ "CON:d:", "invalid volume specification: 'CON:d:': invalid "
			    "mount config for type \"volume\": volume name \"con\" "
			    "cannot be a reserved word for Windows filenames" },
		{ "d:\\pathandmode:RW",
		  "invalid volume specification: 'd:\\pathandmode:RW'" },
		/* an anonymous volume cannot take a mode on Windows */
		{ "d:\\data:ro", "invalid volume specification: 'd:\\data:ro'" },
		/* a pipe destination with a mode only */
		{ "//./pipe/x:ro", "invalid volume specification: '//./pipe/x:ro'" },
		/* pipes cannot be read-only */
		{ "\\\\.\\pipe\\a:\\\\.\\pipe\\b:ro",
		  "invalid volume specification: '\\\\.\\pipe\\a:\\\\.\\pipe\\b:ro'"
		  ": invalid mount config for type \"npipe\": field ReadOnly must "
		  "not be specified" },
		/* `.` in rxPipe takes any one character; only \\.\pipe\ is one */
		{ "//x/pipe/a://./pipe/b",
		  "invalid volume specification: '//x/pipe/a://./pipe/b': invalid "
		  "mount config for type \"volume\": invalid volume name" },
		{ "\\\\.\\pipe\\a:\\\\x\\pipe\\b",
		  "invalid volume specification: '\\\\.\\pipe\\a:\\\\x\\pipe\\b': "
		  "invalid mount config for type \"npipe\": '\\\\x\\pipe\\b' is "
		  "not a valid pipe path" },
		/* `.` in rxPipe is one rune, not one byte */
		{ "//\xc3\xa9/pipe/a:d:",
		  "invalid volume specification: '//\xc3\xa9/pipe/a:d:': invalid "
		  "mount config for type \"volume\": invalid volume name" },
		{ "name:d:\\x:xyzzy",
		  "invalid volume specification: 'name:d:\\x:xyzzy'" },
		{ "name:d:\\a:b", "invalid volume specification: 'name:d:\\a:b'" },
		{ "a:b:c", "invalid volume specification: 'a:b:c'" },
		{ "a:b::", "invalid volume specification: 'a:b::'" },
		{ "c:\\x:d:\\y:e:", "invalid volume specification: 'c:\\x:d:\\y:e:'" },
		{ "c:\\a\nb:d:", "invalid volume specification: 'c:\\a\nb:d:'" },
		{ "c:\\:d:*", "invalid volume specification: 'c:\\:d:*'" },
	};

	check_raw_errors(&mock_fs, rows, sizeof(rows) / sizeof(rows[0]), true);
}

struct split_row {
	const char *raw, *driver;
	const char *type, *source, *dest, *name, *drv, *mode;
	bool rw;
	const char *spec_source, *spec_target;
	bool spec_ro, spec_has_driver;
};

static void check_split(const struct host_fs *fs, const struct split_row *r)
{
	struct arena *a = arena_new();
	struct mount_point mp;
	const char *err = NULL;
	enum hcsc_rc rc = mount_parse_raw(a, fs, r->raw, r->driver, &mp, &err);

	if (rc != HCSC_OK)
		fprintf(stderr, "split [%s]: %s\n", r->raw, err);
	CHECK_INT(rc, HCSC_OK);
	if (rc == HCSC_OK) {
		CHECK_STR(mp.type, r->type);
		CHECK_STR(mp.source, r->source);
		CHECK_STR(mp.destination, r->dest);
		CHECK_STR(mp.name, r->name);
		CHECK_STR(mp.driver, r->drv);
		CHECK_STR(mp.mode, r->mode);
		CHECK_INT(mp.rw, r->rw);
		CHECK_INT(mp.copy_data, false);
		CHECK_INT(mp.skip_mountpoint_creation, false);
		CHECK_STR(mp.subpath, "");
		CHECK_STR(mp.spec.type, r->type);
		CHECK_STR(mp.spec.source, r->spec_source);
		CHECK_STR(mp.spec.target, r->spec_target);
		CHECK_INT(mp.spec.read_only, r->spec_ro);
		CHECK_INT(mp.spec.has_volume_options, r->spec_has_driver);
		CHECK_INT(mp.spec.has_volume_driver_config, r->spec_has_driver);
		CHECK_STR(mp.spec.volume_driver_name, r->spec_has_driver ? r->drv : "");
		CHECK_INT(mp.spec.has_bind_options, false);
	}
	arena_free(a);
}

/* TestWindowsParseMountRawSplit (successful rows) and derived splits. */
static void test_raw_split(void)
{
	static const struct split_row rows[] = {
		{ "c:\\:d:", "local", "bind", "c:\\", "d:", "", "", "", true,
		  "c:\\", "d:", false, false },
		{ "c:\\:d:\\", "local", "bind", "c:\\", "d:\\", "", "", "", true,
		  "c:\\", "d:\\", false, false },
		{ "c:\\:d:\\:ro", "", "bind", "c:\\", "d:\\", "", "", "ro", false,
		  "c:\\", "d:\\", true, false },
		{ "c:\\:d:\\:rw", "", "bind", "c:\\", "d:\\", "", "", "rw", true,
		  "c:\\", "d:\\", false, false },
		{ "name:d::rw", "local", "volume", "", "d:", "name", "local", "rw",
		  true, "name", "d:", false, true },
		{ "name:d:", "local", "volume", "", "d:", "name", "local", "", true,
		  "name", "d:", false, true },
		{ "name:d::ro", "local", "volume", "", "d:", "name", "local", "ro",
		  false, "name", "d:", true, true },
		{ "\\\\.\\pipe\\foo:\\\\.\\pipe\\bar", NULL, "npipe",
		  "\\\\.\\pipe\\foo", "\\\\.\\pipe\\bar", "", "", "", true,
		  "\\\\.\\pipe\\foo", "\\\\.\\pipe\\bar", false, false },
		/* derived: the tricky splits of the valid table */
		{ "c:\\windows\\:d:", "local", "bind", "c:\\windows", "d:", "", "",
		  "", true, "c:\\windows\\", "d:", false, false },
		{ "name:D::rW", "local", "volume", "", "d:", "name", "local", "rw",
		  true, "name", "d:", false, true },
		{ "name:D::RO", "", "volume", "", "d:", "name", "", "ro", false,
		  "name", "d:", true, false },
		{ "\\\\?\\c:\\windows\\:d:", "local", "bind", "\\\\?\\c:\\windows",
		  "d:", "", "", "", true, "\\\\?\\c:\\windows\\", "d:", false,
		  false },
		{ "c:\\windows\\:\\\\?\\d:\\", "local", "bind", "c:\\windows",
		  "\\\\?\\d:", "", "", "", true, "c:\\windows\\", "\\\\?\\d:\\",
		  false, false },
		{ "c:/:d:/including with/spaces:ro", "local", "bind", "c:\\",
		  "d:\\including with\\spaces", "", "", "ro", false, "c:\\",
		  "d:\\including with\\spaces", true, false },
		{ "c:/:d:/forward/slashes/are/good/too", "local", "bind", "c:\\",
		  "d:\\forward\\slashes\\are\\good\\too", "", "", "", true, "c:\\",
		  "d:\\forward\\slashes\\are\\good\\too", false, false },
		{ "c:\\windows:d:\\s p a c e:RW", "local", "bind", "c:\\windows",
		  "d:\\s p a c e", "", "", "rw", true, "c:\\windows",
		  "d:\\s p a c e", false, false },
		{ "c:\\Program Files (x86)", "local", "volume", "",
		  "c:\\program files (x86)", "", "local", "", true, "",
		  "c:\\program files (x86)", false, true },
		{ "MiXeDcAsEnAmE:d:", "local", "volume", "", "d:", "mixedcasename",
		  "local", "", true, "mixedcasename", "d:", false, true },
		{ "test-aux-volume:d:", "local", "volume", "", "d:",
		  "test-aux-volume", "local", "", true, "test-aux-volume", "d:",
		  false, true },
		/* pipes with forward slashes become backslashes */
		{ "//./pipe/foo://./pipe/foo", "local", "npipe", "\\\\.\\pipe\\foo",
		  "\\\\.\\pipe\\foo", "", "", "", true, "\\\\.\\pipe\\foo",
		  "\\\\.\\pipe\\foo", false, false },
		{ "\\\\.\\PIPE\\Docker_Engine:/\\./pipe\\docker_engine", "local",
		  "npipe", "\\\\.\\pipe\\docker_engine",
		  "\\\\.\\pipe\\docker_engine", "", "", "", true,
		  "\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine", false,
		  false },
		/* a pipe name may hold slashes and spaces; the trailing \ goes */
		{ "\\\\.\\pipe\\a/b c\\:\\\\.\\pipe\\x\\", "local", "npipe",
		  "\\\\.\\pipe\\a\\b c", "\\\\.\\pipe\\x", "", "", "", true,
		  "\\\\.\\pipe\\a\\b c\\", "\\\\.\\pipe\\x\\", false, false },
		/* \\?\ destinations */
		{ "c:\\:\\\\?\\d:\\x\\y\\", "", "bind", "c:\\", "\\\\?\\d:\\x\\y",
		  "", "", "", true, "c:\\", "\\\\?\\d:\\x\\y\\", false, false },
		{ "\\\\?\\D:\\Data", "local", "volume", "", "\\\\?\\d:\\data", "",
		  "local", "", true, "", "\\\\?\\d:\\data", false, true },
		/* the long-path form of c:\ passes the root check; trimmed (> 3) */
		{ "\\\\?\\c:\\", "", "volume", "", "\\\\?\\c:", "", "", "", true,
		  "", "\\\\?\\c:\\", false, false },
		/* mode case and the RW mapping */
		{ "name:d::Ro", "", "volume", "", "d:", "name", "", "ro", false,
		  "name", "d:", true, false },
		{ "c:\\:d:\\x:RW", "", "bind", "c:\\", "d:\\x", "", "", "rw", true,
		  "c:\\", "d:\\x", false, false },
		/* an anonymous volume: a Config.Volumes key or `-v d:\x` */
		{ "D:\\Data\\", "local", "volume", "", "d:\\data", "", "local", "",
		  true, "", "d:\\data\\", false, true },
		{ "c:\\data", "", "volume", "", "c:\\data", "", "", "", true, "",
		  "c:\\data", false, false },
		/* `|` is allowed in a destination, not in a source */
		{ "c:\\:d:\\a|b", "", "bind", "c:\\", "d:\\a|b", "", "", "", true,
		  "c:\\", "d:\\a|b", false, false },
		/* a bind to a pipe-shaped destination whose `.` is a rune */
		{ "c:\\:\\\\\xc3\xa9\\pipe\\b", "", "bind", "c:\\",
		  "\\\\\xc3\xa9\\pipe\\b", "", "", "", true, "c:\\",
		  "\\\\\xc3\xa9\\pipe\\b", false, false },
		/* a one-letter name, then a drive: the destination is b: */
		{ "a:b:", "", "volume", "", "b:", "a", "", "", true, "a", "b:",
		  false, false },
		/* a name that looks like a mode */
		{ "ro:d:", "", "volume", "", "d:", "ro", "", "", true, "ro", "d:",
		  false, false },
		{ "rw:d::ro", "", "volume", "", "d:", "rw", "", "ro", false, "rw",
		  "d:", true, false },
		/* non-ASCII bytes in a name and a path */
		{ "caf\xc3\xa9:d:\\\xc3\xbc", "", "volume", "", "d:\\\xc3\xbc",
		  "caf\xc3\xa9", "", "", true, "caf\xc3\xa9", "d:\\\xc3\xbc", false,
		  false },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_split(&mock_fs, &rows[i]);
}

/* Without facts the host checks are skipped (rule: hcsc.host.filesystem-facts). */
static void test_raw_absent_fs(void)
{
	static const struct split_row rows[] = {
		{ "c:\\notexist:d:", "", "bind", "c:\\notexist", "d:", "", "", "",
		  true, "c:\\notexist", "d:", false, false },
		{ "c:\\windows\\system32\\ntdll.dll:d:", "", "bind",
		  "c:\\windows\\system32\\ntdll.dll", "d:", "", "", "", true,
		  "c:\\windows\\system32\\ntdll.dll", "d:", false, false },
		{ "c:\\windows\\system32\\ntdll.dll", "", "volume", "",
		  "c:\\windows\\system32\\ntdll.dll", "", "", "", true, "",
		  "c:\\windows\\system32\\ntdll.dll", false, false },
		{ "c:\\foo\\bar:\\\\.\\pipe\\foo", "", "bind", "c:\\foo\\bar",
		  "\\\\.\\pipe\\foo", "", "", "", true, "c:\\foo\\bar",
		  "\\\\.\\pipe\\foo", false, false },
	};
	struct host_fs absent = mock_fs;
	static const struct raw_err_row empty_rows[] = {
		{ "c:\\:d:", "invalid volume specification: 'c:\\:d:': invalid "
			     "mount config for type \"bind\": bind source path "
			     "does not exist: c:\\" },
	};
	static const struct raw_err_row still[] = {
		{ "c:", "invalid volume specification: 'c:': invalid mount "
			"config for type \"volume\": destination path (c:) cannot "
			"be 'c:' or 'c:\\'" },
		{ "nul:d:", "invalid volume specification: 'nul:d:': invalid "
			    "mount config for type \"volume\": volume name "
			    "\"nul\" cannot be a reserved word for Windows "
			    "filenames" },
	};

	absent.present = false;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		check_split(NULL, &rows[i]);
		check_split(&absent, &rows[i]);
	}
	check_raw_errors(&empty_fs, empty_rows, 1, true);
	check_raw_errors(NULL, still, 2, true);
}
/* Long inputs stay linear (Go's regexp never backtracks exponentially). */
static void test_long_input(void)
{
	struct arena *a = arena_new();
	size_t n = 20000;
	char *s = arena_alloc(a, 2 * n + 8);
	struct mount_point mp;
	const char *err = NULL;

	memcpy(s, "c:\\", 3);
	for (size_t i = 0; i < n; i++) {
		s[3 + 2 * i] = 'a';
		s[4 + 2 * i] = '\\';
	}
	memcpy(s + 3 + 2 * n, "*", 2);
	CHECK_INT(mount_parse_raw(a, NULL, s, "", &mp, &err), HCSC_E_INPUT);
	s[3 + 2 * n] = '\0';
	CHECK_INT(mount_parse_raw(a, NULL, s, "", &mp, &err), HCSC_OK);
	CHECK_STR(mp.type, "volume");
	CHECK_INT(strlen(mp.destination), 2 + 2 * n);
	arena_free(a);
}
int main(void)
{
	test_host_fs();
	test_raw_valid();
	test_raw_invalid();
	test_raw_exact_errors();
	test_raw_split();
	test_raw_absent_fs();
	test_long_input();
	return t_done();
}
