/*
 * cmd_hosts.c: `hcsc hosts`: the built-in host profiles, one per line,
 * `NAME BUILD SKU CPUS ALIASES`, sorted by build then name (rules: hcsc.host.os-build,
 * hcsc.host.builtin-profiles); `--format json` as one JSON array; `hcsc hosts NAME` prints one
 * profile in full as a host-profile file to copy and edit.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cli.h"
#include "model/host.h"
#include "options.h"

/* A YAML single-quoted scalar: '' stands for '. */
static void put_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			putchar('\'');
		putchar(*s);
	}
	putchar('\'');
}

static void print_profile(const struct host_builtin *b)
{
	struct host_profile h;

	host_from_builtin(b, &h);
	printf("# The built-in host profile %s (hcsc hosts %s), in full.\n"
	       "# Copy it, edit it and pass the file: hcsc compile DESC "
	       "--host FILE.yaml\n",
	       b->name, b->name);
	printf("Base: %s\nOsBuild: %u\nCpuCount: %u\nSku: %s\n"
	       "DefaultIsolation: %s\n",
	       b->name, h.os_build, h.cpu_count, h.client ? "client" : "server",
	       h.default_hyperv ? "hyperv" : "process");
	printf("Daemon:\n  Root: ");
	put_quoted(h.daemon_root);
	printf("\n  DnsSearch: []\nLcow:\n  KirdPath: ");
	put_quoted(h.lcow_kird_path);
	printf("\n  Kernel: ");
	put_quoted(h.lcow_kernel);
	printf("\n  Initrd: ");
	put_quoted(h.lcow_initrd);
	printf("\n  BootParameters: ");
	put_quoted(h.lcow_boot_params);
	printf("\n# Target: docker          # the engine to model (hcsc targets)\n"
	       "# Filesystem:             # facts for the bind-mount checks\n"
	       "#   Dirs: ['C:\\data']\n"
	       "#   Files: ['C:\\data\\app.cfg']\n"
	       "# CredentialSpecs:        # offline stand-ins\n"
	       "#   Files: {app.json: '{}'}\n"
	       "#   Registry: {app: '{}'}\n"
	       "#   Configs: {id: '{}'}\n");
}

static void print_json(const struct host_builtin *b, size_t n)
{
	putchar('[');
	for (size_t i = 0; i < n; i++) {
		const char *p = b[i].aliases;

		printf("%s\n  {\"name\": \"%s\", \"build\": %u, \"sku\": \"%s\", "
		       "\"cpus\": 4, \"aliases\": [",
		       i ? "," : "", b[i].name, b[i].build,
		       b[i].client ? "client" : "server");
		while (*p) {
			size_t len = strcspn(p, ",");

			printf("%s\"%.*s\"", p == b[i].aliases ? "" : ", ",
			       (int)len, p);
			p += len + (p[len] == ',');
		}
		printf("]}");
	}
	printf("\n]\n");
}

int cmd_hosts(int argc, char **argv)
{
	struct cli_args args;
	const struct host_builtin *b;
	bool json;
	size_t n;

	if (!cli_parse("hosts", argc, argv, &args))
		return HCSC_E_USAGE;
	if (!cli_format_is_json(&args, &json))
		return HCSC_E_USAGE;
	if (args.npos > 1)
		return cli_fail(HCSC_E_USAGE, "hosts takes at most one profile "
					      "name");
	if (args.npos == 1) {
		const char *name = args.pos[0];

		if (args.value[OPT_FORMAT])
			return cli_fail(HCSC_E_USAGE, "--format lists the "
						      "profiles; give no NAME");
		b = host_builtin_find(name);
		if (!b)
			b = host_builtin_find_build(name);
		if (!b) {
			struct arena *a = arena_new();
			int rc = cli_fail(HCSC_E_USAGE, "%s",
					  host_unknown_message(a, name));

			arena_free(a);
			return rc;
		}
		print_profile(b);
		return HCSC_OK;
	}
	b = host_builtins(&n);
	if (json) {
		print_json(b, n);
		return HCSC_OK;
	}
	for (size_t i = 0; i < n; i++)
		printf("%s %u %s 4 %s\n", b[i].name, b[i].build,
		       b[i].client ? "client" : "server",
		       *b[i].aliases ? b[i].aliases : "-");
	return HCSC_OK;
}
