/*
 * report/loader.c: junit.h's calls in a dynamic build, forwarded to the
 * report module (module.h), which is opened on the first junit_open.
 * The module is looked for next to the running hcsc (the build tree, or
 * a relocated install), then in the install folder HCSC_REPORT_LIBDIR.
 * When it cannot be opened, junit_open refuses with HCSC_E_USAGE (exit
 * 2: a feature not available, rule: hcsc.cli.exit-codes) naming what was
 * tried.
 */
#define _POSIX_C_SOURCE 200809L
#include "module.h"

#include <dlfcn.h>
#include <string.h>
#include <unistd.h>

#ifndef HCSC_REPORT_LIBDIR
#error "HCSC_REPORT_LIBDIR must name the install folder of the module"
#endif

static const struct junit_module_ops *ops;

/* "<folder of the running hcsc>/" into dir; false when unknown. */
static bool exe_dir(struct strbuf *dir)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return false;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return false;
	strbuf_add(dir, buf, (size_t)(slash - buf) + 1);
	return true;
}

/* dlopen folder + HCSC_REPORT_FILE; on failure append why to `why`. */
static const struct junit_module_ops *try_open(const char *folder,
					       struct strbuf *why)
{
	struct strbuf path = STRBUF_INIT;
	junit_module_entry *entry = NULL;
	const struct junit_module_ops *o = NULL;
	void *h, *sym = NULL;

	strbuf_addstr(&path, folder);
	strbuf_addstr(&path, HCSC_REPORT_FILE);
	h = dlopen(path.buf, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		strbuf_addf(why, "%s%s", why->len ? "; " : "", dlerror());
	} else {
		sym = dlsym(h, HCSC_REPORT_ENTRY);
		if (sym) /* POSIX: a function's address travels as void * */
			memcpy(&entry, &sym, sizeof(entry));
		o = entry ? entry(HCSC_REPORT_ABI) : NULL;
		if (!o) {
			strbuf_addf(why, "%s%s: from another hcsc version",
				    why->len ? "; " : "", path.buf);
			dlclose(h);
		}
	}
	strbuf_release(&path);
	return o;
}

static const struct junit_module_ops *load(struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT, why = STRBUF_INIT;

	if (exe_dir(&dir))
		ops = try_open(dir.buf, &why);
	if (!ops)
		ops = try_open(HCSC_REPORT_LIBDIR "/", &why);
	if (!ops)
		strbuf_addf(err, "--report needs the JUnit report module "
				 "'%s' (libxml2), which is not available: %s",
			    HCSC_REPORT_FILE, why.buf);
	strbuf_release(&dir);
	strbuf_release(&why);
	return ops;
}

enum hcsc_rc junit_open(const char *path, const char *suite,
			struct junit **out, struct strbuf *err)
{
	*out = NULL;
	if (!ops && !load(err))
		return HCSC_E_USAGE;
	return ops->open(path, suite, out, err);
}

void junit_add(struct junit *j, const struct junit_case *c)
{
	ops->add(j, c);
}

enum hcsc_rc junit_finish(struct junit *j, struct strbuf *err)
{
	return ops->finish(j, err);
}

void junit_free(struct junit *j)
{
	if (j)
		ops->free(j);
}
