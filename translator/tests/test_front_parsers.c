/*
 * test_front_parsers.c: the run/compose front ends' parsers against the
 * upstream unit-test tables: go-units size_test (RAMInBytes), docker/cli
 * opts_test (ParseCPUs), mount_test (--mount CSV), volumespec_test (-v),
 * kvfile_test (env files), go-shellwords' tests, strconv and time.
 */
#include <stdlib.h>

#include "arena.h"
#include "front/envfile.h"
#include "front/mount_csv.h"
#include "front/shellwords.h"
#include "front/tree.h"
#include "front/units.h"
#include "front/volspec.h"
#include "strbuf.h"
#include "t.h"

static struct arena *A;

static void ram(const char *in, int64_t want, const char *err)
{
	int64_t got = -7;
	const char *e = units_ram_in_bytes(A, in, &got);

	if (err) {
		CHECK_STR(e, err);
		return;
	}
	CHECK(e == NULL);
	CHECK_INT(got, want);
}

static void test_ram_in_bytes(void)
{
	ram("32", 32, NULL);
	ram("32b", 32, NULL);
	ram("32B", 32, NULL);
	ram("32k", 32 * 1024, NULL);
	ram("32K", 32 * 1024, NULL);
	ram("32kb", 32 * 1024, NULL);
	ram("32Kb", 32 * 1024, NULL);
	ram("32KiB", 32 * 1024, NULL);
	ram("32Mb", 32 * 1048576LL, NULL);
	ram("32Gb", 32 * 1073741824LL, NULL);
	ram("32Tb", 32 * 1099511627776LL, NULL);
	ram("8Pb", 8 * 1125899906842624LL, NULL);
	ram("32.3 k", 33075, NULL);
	ram("0.3Mb", 314572, NULL);
	ram("2g", 2147483648LL, NULL);
	ram("", 0, "invalid size: ''");
	ram("hello", 0, "invalid size: 'hello'");
	ram("-32", 0, "invalid size: '-32'");
	ram(" 32 ", 0, "strconv.ParseFloat: parsing \" 32\": invalid syntax");
	ram("32bm", 0, "invalid suffix: 'bm'");
	ram("32x", 0, "invalid suffix: 'x'");
	ram("32kbb", 0, "invalid suffix: 'kbb'");
	ram("32kbit", 0, "invalid suffix: 'kbit'");
}

static void cpus(const char *in, int64_t want, const char *err)
{
	int64_t got = -7;
	const char *e = units_parse_cpus(A, in, &got);

	if (err) {
		CHECK_STR(e, err);
		return;
	}
	CHECK(e == NULL);
	CHECK_INT(got, want);
}

static void test_parse_cpus(void)
{
	cpus("1.5", 1500000000, NULL);
	cpus("0.001", 1000000, NULL);
	cpus("2", 2000000000, NULL);
	cpus("1/2", 500000000, NULL);
	cpus("2e2", 200000000000LL, NULL);
	cpus("-1", -1000000000, NULL);
	cpus("0.000000001", 1, NULL);
	cpus("foo", 0, "failed to parse foo as a rational number");
	cpus("1e-32", 0, "value is too precise");
	cpus("0.0000000001", 0, "value is too precise");
	cpus("1/3", 0, "value is too precise");
}

static void test_numbers(void)
{
	int64_t i = 0;
	uint64_t u = 0;
	bool b = false;

	CHECK(!go_parse_int(A, "0x10", 64, &i) && i == 16);
	CHECK(!go_parse_int(A, "010", 64, &i) && i == 8);
	CHECK(!go_parse_int(A, "0b11", 64, &i) && i == 3);
	CHECK(!go_parse_int(A, "0x_1f", 64, &i) && i == 31);
	CHECK(!go_parse_int(A, "-9223372036854775808", 64, &i) && i == INT64_MIN);
	CHECK_STR(go_parse_int(A, "1_000", 64, &i),
		  "strconv.ParseInt: parsing \"1_000\": invalid syntax");
	CHECK_STR(go_parse_int(A, "9223372036854775808", 64, &i),
		  "strconv.ParseInt: parsing \"9223372036854775808\": value out of range");
	CHECK(!go_parse_uint(A, "65535", 16, &u) && u == 65535);
	CHECK_STR(go_parse_uint(A, "65536", 16, &u),
		  "strconv.ParseUint: parsing \"65536\": value out of range");
	CHECK(!go_parse_bool(A, "T", &b) && b);
	CHECK(!go_parse_bool(A, "False", &b) && !b);
	CHECK(!go_parse_duration(A, "1m30s", &i) && i == 90000000000LL);
	CHECK(!go_parse_duration(A, "1.5h", &i) && i == 5400000000000LL);
	CHECK(!go_parse_duration(A, "-2ms", &i) && i == -2000000);
	CHECK(!go_parse_duration(A, "0", &i) && i == 0);
	CHECK_STR(go_parse_duration(A, "x", &i), "time: invalid duration \"x\"");
	CHECK_STR(go_parse_duration(A, "1", &i), "time: missing unit in duration \"1\"");
	CHECK_STR(go_parse_duration(A, "1y", &i),
		  "time: unknown unit \"y\" in duration \"1y\"");
}

static const char *mount(const char *in, struct strbuf *yaml)
{
	struct node *n = NULL;
	const char *e = mount_csv_parse(A, in, (struct hcsc_pos){ "t", 1, 1, 0 }, &n);

	strbuf_reset(yaml);
	if (!e)
		tree_print_yaml(yaml, n);
	return e;
}

static void test_mount_csv(void)
{
	struct strbuf y = STRBUF_INIT;

	CHECK_STR(mount("", &y), "value is empty");
	CHECK_STR(mount("type=volume,target=/foo,bogus=foo", &y),
		  "unknown option 'bogus' in 'bogus=foo'");
	CHECK_STR(mount("type=volume, src=/foo,target=/foo", &y),
		  "invalid option 'src' in ' src=/foo': option should not have whitespace");
	CHECK_STR(mount("type=volume,src =/foo,target=/foo", &y),
		  "invalid option 'src' in 'src =/foo': option should not have whitespace");
	CHECK_STR(mount("type=volume,src=,target=/foo", &y),
		  "invalid value for 'src': value is empty");
	CHECK_STR(mount("type=volume,src= /foo,target=/foo", &y),
		  "invalid value for 'src' in 'src= /foo': value should not have whitespace");
	CHECK_STR(mount("type=volume,target=/foo,bogus", &y),
		  "invalid field 'bogus' must be a key=value pair");
	CHECK_STR(mount("type=tmpfs,target=/foo,tmpfs-size=foo", &y),
		  "invalid value for tmpfs-size: foo");
	CHECK_STR(mount("type=tmpfs,target=/foo,tmpfs-mode=foo", &y),
		  "invalid value for tmpfs-mode: foo");
	CHECK_STR(mount("type=volume,target=/foo,source=/foo,bind-propagation=rprivate", &y),
		  "cannot mix 'bind-*' options with mount type 'volume'");
	CHECK_STR(mount("type=bind,target=/foo,source=/foo,volume-nocopy=true", &y),
		  "cannot mix 'volume-*' options with mount type 'bind'");
	CHECK_STR(mount("type=volume,target=/foo,readonly=no", &y),
		  "invalid value for 'readonly': invalid boolean value (\"no\"): must be "
		  "one of \"true\", \"1\", \"false\", or \"0\" (default \"true\")");
	CHECK_STR(mount("type=bind,src=/a,dst=/b,bind-nonrecursive", &y),
		  "bind-nonrecursive is deprecated, use bind-recursive=disabled instead");
	CHECK_STR(mount("type=bind,src=/a,dst=/b,bind-recursive=writable", &y),
		  "option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
	CHECK(mount("type=bind,\"src=C:\\a,b\",dst=C:\\b,ro", &y) == NULL);
	CHECK_STR(y.buf, "Type: 'bind'\nSource: 'C:\\a,b'\nTarget: 'C:\\b'\nReadOnly: true\n");
	CHECK(mount("target=/foo,volume-label=foo=foo-value,volume-driver=d,volume-opt=a=b", &y) == NULL);
	CHECK_STR(y.buf, "Type: 'volume'\nTarget: '/foo'\nVolumeOptions:\n  Labels:\n"
			 "    foo: 'foo-value'\n  DriverConfig:\n    Name: 'd'\n"
			 "    Options:\n      a: 'b'\n");
	strbuf_release(&y);
}

static void vol(const char *in, const char *src, const char *dst, bool bind,
		const char *err)
{
	struct volspec v;
	const char *e = volspec_parse(A, in, &v);

	if (err) {
		CHECK_STR(e, err);
		return;
	}
	CHECK(e == NULL);
	CHECK_STR(v.source, src);
	CHECK_STR(v.target, dst);
	CHECK(v.bind == bind);
}

static void test_volspec(void)
{
	vol("C:\\foo:D:\\bar", "C:\\foo", "D:\\bar", true, NULL);
	vol("C:\\foo:D:\\bar:ro", "C:\\foo", "D:\\bar", true, NULL);
	vol("C:\\data", "", "C:\\data", false, NULL);
	vol("named:C:\\data", "named", "C:\\data", false, NULL);
	vol("\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine", "\\\\.\\pipe\\docker_engine",
	    "\\\\.\\pipe\\docker_engine", true, NULL);
	vol(".\\rel:C:\\x", ".\\rel", "C:\\x", true, NULL);
	vol("/foo:/bar", "/foo", "/bar", true, NULL);
	vol("d", "", "d", false, NULL);
	vol("", NULL, NULL, false, "invalid empty volume spec");
	vol(":/foo", NULL, NULL, false, "invalid spec: :/foo: empty section between colons");
	vol("/foo::/bar", NULL, NULL, false, "invalid spec: /foo::/bar: empty section between colons");
	vol("/a:/b:ro:x", NULL, NULL, false, "invalid spec: /a:/b:ro:x: too many colons");
}

static void test_envfile(void)
{
	const char *kv[] = { "SET=from-client", "EMPTY=" };
	struct client_env env = { kv, 2 };
	const char **out = NULL;
	size_t n = 0;
	const char *data = "\xef\xbb\xbf# comment\n\n  FOO=bar\nBAZ=qux  \r\nSET\nUNSET\nEMPTY\n";

	CHECK(envfile_parse(A, "f", data, strlen(data), &env, &out, &n) == NULL);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(out[0], "FOO=bar");
		CHECK_STR(out[1], "BAZ=qux  ");
		CHECK_STR(out[2], "SET=from-client");
		CHECK_STR(out[3], "EMPTY=");
	}
	n = 0;
	CHECK_STR(envfile_parse(A, "f", "=bar\n", 5, &env, &out, &n),
		  "invalid env file (f): no variable name on line '=bar'");
	CHECK_STR(envfile_parse(A, "f", "FO O=1\n", 7, &env, &out, &n),
		  "invalid env file (f): variable 'FO O' contains whitespaces");
	CHECK_STR(envfile_parse(A, "f", "A=\xff\n", 4, &env, &out, &n),
		  "invalid env file (f): invalid utf8 bytes at line 1: [65 61 255]");
}

static void words(const char *in, const char *joined, const char *err)
{
	struct shellwords w;
	struct strbuf sb = STRBUF_INIT;
	const char *e = shellwords_parse(A, in, &w);

	if (err) {
		CHECK_STR(e, err);
		return;
	}
	CHECK(e == NULL);
	for (size_t i = 0; !e && i < w.n; i++)
		strbuf_addf(&sb, "%s[%s]", i ? " " : "", w.v[i]);
	CHECK_STR(sb.buf ? sb.buf : "", joined);
	strbuf_release(&sb);
}

static void test_shellwords(void)
{
	words("cmd /c \"echo hi\"", "[cmd] [/c] [echo hi]", NULL);
	words("C:\\app\\run.cmd", "[C:apprun.cmd]", NULL);
	words("'C:\\app\\run.cmd' x", "[C:\\app\\run.cmd] [x]", NULL);
	words("a; b", "[a]", NULL);
	words("a | b", "[a]", NULL);
	words("echo 2>err", "[echo]", NULL);
	words("echo $(date)", "[echo] [$(date)]", NULL);
	words("a\\ b c", "[a b] [c]", NULL);
	words("\"\" x", "[] [x]", NULL);
	words("echo (hi)", NULL, "invalid command line string");
	words("'unterminated", NULL, "invalid command line string");
	words("trailing\\", NULL, "invalid command line string");
}

int main(void)
{
	A = arena_new();
	test_ram_in_bytes();
	test_parse_cpus();
	test_numbers();
	test_mount_csv();
	test_volspec();
	test_envfile();
	test_shellwords();
	arena_free(A);
	return t_done();
}
