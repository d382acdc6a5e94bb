/*
 * fake_common.c: the fake HCS DLLs' shared parts: the call log, the
 * documents they keep, failure injection, handles, and the init process
 * they pretend to run (pipes and a thread). A DLL has process-wide state
 * by nature: the handle table and its lock live here.
 */
#include "fake_common.h"

#include <objbase.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OBJS 4096

static CRITICAL_SECTION lock;
static struct fake_obj *objs[MAX_OBJS];
static unsigned nobjs;
static unsigned seqs[4];

static void fake_init(void)
{
	InitializeCriticalSection(&lock);
}

void fake_log(const char *fmt, ...)
{
	const char *path = getenv("FAKE_HCS_LOG");
	va_list ap;
	FILE *f;

	if (!path || !*path)
		return;
	EnterCriticalSection(&lock);
	f = fopen(path, "ab");
	if (f) {
		va_start(ap, fmt);
		vfprintf(f, fmt, ap);
		va_end(ap);
		fputc('\n', f);
		fclose(f);
	}
	LeaveCriticalSection(&lock);
}

char *fake_utf8(PCWSTR w)
{
	int n;
	char *s;

	if (!w)
		return _strdup("(null)");
	n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
	s = malloc(n > 0 ? (size_t)n : 1);
	if (!s)
		abort();
	if (n <= 0 || !WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL))
		s[0] = '\0';
	return s;
}

PWSTR fake_wide(const char *s, bool cotaskmem)
{
	int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
	size_t bytes = (size_t)(n > 0 ? n : 1) * sizeof(WCHAR);
	PWSTR w = cotaskmem ? CoTaskMemAlloc(bytes) : LocalAlloc(LMEM_FIXED, bytes);

	if (!w)
		abort();
	if (n <= 0 || !MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n))
		w[0] = 0;
	return w;
}

/* Write the UTF-8 of a document to the file an environment variable names. */
void fake_save(const char *env, PCWSTR doc)
{
	const char *path = getenv(env);
	char *s;
	FILE *f;

	if (!path || !*path)
		return;
	s = fake_utf8(doc);
	f = fopen(path, "wb");
	if (f) {
		fwrite(s, 1, strlen(s), f);
		fclose(f);
	}
	free(s);
}

/* Find `name` in FAKE_HCS_FAIL (or FAKE_HCS_HANG when hang). */
static bool lookup(const char *env, const char *name, HRESULT *hr,
		   bool *async)
{
	const char *v = getenv(env), *p;
	size_t n = strlen(name);

	if (!v)
		return false;
	for (p = v; *p;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool a = len > 6 && !strncmp(p, "async:", 6);
		const char *q = a ? p + 6 : p;
		size_t qlen = a ? len - 6 : len;

		if (qlen >= n && !strncmp(q, name, n) &&
		    (qlen == n || q[n] == '=')) {
			if (hr)
				*hr = qlen > n ? (HRESULT)strtoul(q + n + 1, NULL, 0)
					       : E_FAIL;
			if (async)
				*async = a;
			return true;
		}
		p += len + (end ? 1 : 0);
	}
	return false;
}

bool fake_should_fail(const char *name, HRESULT *hr, bool *async)
{
	return lookup("FAKE_HCS_FAIL", name, hr, async);
}

bool fake_should_hang(const char *name)
{
	return lookup("FAKE_HCS_HANG", name, NULL, NULL);
}

char *fake_error_doc(const char *name, HRESULT hr)
{
	char *s = malloc(160);

	if (!s)
		abort();
	snprintf(s, 160, "{\"Error\":%ld,\"ErrorMessage\":\"fake failure in %s\"}",
		 (long)hr, name);
	return s;
}

struct fake_obj *fake_new(enum fake_kind kind)
{
	struct fake_obj *o = calloc(1, sizeof(*o));

	if (!o)
		abort();
	o->magic = FAKE_MAGIC;
	o->kind = kind;
	EnterCriticalSection(&lock);
	o->seq = ++seqs[kind];
	if (nobjs < MAX_OBJS)
		objs[nobjs++] = o;
	LeaveCriticalSection(&lock);
	return o;
}

static const char *const kind_names[] = { "op", "system", "process",
					  "callback" };

const char *fake_describe(const void *h, enum fake_kind kind, char *buf,
			  size_t n, bool *valid)
{
	const struct fake_obj *o = NULL;

	EnterCriticalSection(&lock);
	for (unsigned i = 0; i < nobjs; i++)
		if ((const void *)objs[i] == h)
			o = objs[i];
	LeaveCriticalSection(&lock);
	*valid = false;
	if (!h)
		snprintf(buf, n, "%s=NULL", kind_names[kind]);
	else if (!o || o->magic != FAKE_MAGIC || o->kind != kind)
		snprintf(buf, n, "%s=INVALID", kind_names[kind]);
	else if (o->closed)
		snprintf(buf, n, "%s=CLOSED(%u)", kind_names[kind], o->seq);
	else {
		snprintf(buf, n, "%s=%u", kind_names[kind], o->seq);
		*valid = true;
	}
	return buf;
}

unsigned fake_exit_code(void)
{
	const char *v = getenv("FAKE_HCS_EXIT_CODE");

	return v && *v ? (unsigned)strtoul(v, NULL, 0) : 0;
}

/* ---- the init process ---- */

struct run {
	struct fake_obj *p;
	HANDLE go;
	void (*done)(struct fake_obj *p, unsigned exit_code);
};

static void put(HANDLE h, const char *data, DWORD n)
{
	DWORD w;

	while (h && n && WriteFile(h, data, n, &w, NULL) && w) {
		data += w;
		n -= w;
	}
}

static void put_file(HANDLE h, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t n;

	if (!f)
		return;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		put(h, buf, (DWORD)n);
	fclose(f);
}

static DWORD WINAPI process_main(LPVOID arg)
{
	struct run *r = arg;
	struct fake_obj *p = r->p;
	const char *file = getenv("FAKE_HCS_STDOUT_FILE");
	HANDLE waits[2] = { r->go, p->registered };
	char buf[4096];
	DWORD n;

	WaitForMultipleObjects(2, waits, TRUE, 30000);
	if (file && *file)
		put_file(p->my_out, file);
	else
		put(p->my_out, "fake init process: stdout\n", 26);
	while (p->my_in && ReadFile(p->my_in, buf, sizeof(buf), &n, NULL) && n)
		put(p->my_out, buf, n);
	put(p->my_err, "fake init process: stderr\n", 26);
	if (p->my_in)
		CloseHandle(p->my_in);
	if (p->my_out)
		CloseHandle(p->my_out);
	if (p->my_err)
		CloseHandle(p->my_err);
	r->done(p, fake_exit_code());
	free(r);
	return 0;
}

static bool wants(const char *params, const char *key)
{
	char pat[64];

	snprintf(pat, sizeof(pat), "\"%s\":true", key);
	return strstr(params, pat) != NULL;
}

void fake_process_start(struct fake_obj *p, const char *params, HANDLE go,
			void (*done)(struct fake_obj *p, unsigned exit_code))
{
	struct run *r = malloc(sizeof(*r));

	if (!r)
		abort();
	p->registered = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (wants(params, "CreateStdInPipe"))
		CreatePipe(&p->my_in, &p->std_in, NULL, 0);
	if (wants(params, "CreateStdOutPipe"))
		CreatePipe(&p->std_out, &p->my_out, NULL, 0);
	if (wants(params, "CreateStdErrPipe"))
		CreatePipe(&p->std_err, &p->my_err, NULL, 0);
	r->p = p;
	r->go = go;
	r->done = done;
	p->thread = CreateThread(NULL, 0, process_main, r, 0, NULL);
}

bool fake_process_may_tell(struct fake_obj *p)
{
	return InterlockedCompareExchange(&p->state, FAKE_TELLING,
					  FAKE_RUNNING) == FAKE_RUNNING;
}

void fake_process_told(struct fake_obj *p)
{
	InterlockedExchange(&p->state, FAKE_CLOSED);
}

void fake_process_close(struct fake_obj *p)
{
	while (InterlockedCompareExchange(&p->state, FAKE_CLOSED, FAKE_RUNNING) ==
	       FAKE_TELLING)
		Sleep(1);
	p->closed = true;
}

/* Both DLLs set themselves up on load. */
BOOL WINAPI DllMain(HINSTANCE dll, DWORD reason, LPVOID reserved);
BOOL WINAPI DllMain(HINSTANCE dll, DWORD reason, LPVOID reserved)
{
	(void)dll;
	(void)reserved;
	if (reason == DLL_PROCESS_ATTACH)
		fake_init();
	return TRUE;
}
