/*
 * apply/apply_win.c: the Windows back end's common parts: the host build
 * (RtlGetVersion, rule: hcsc.apply.schema-by-host-build), loading computecore.dll / vmcompute.dll
 * with LoadLibraryW + GetProcAddress (so hcsc starts on hosts without HCS
 * and says so), NameToGuid (rule: hcsc.apply.name-to-guid; hcsshim internal/wclayer
 * layerid.go + nametoguid.go), wide strings, result documents, Ctrl-C
 * (rule: hcsc.apply.lifecycle) and the stdio relay of the init process.
 *
 * The console control handler has no context argument, so the Ctrl-C
 * event is the one piece of process-wide state here; it is created once
 * and only ever set.
 */
#include "apply/apply_win.h"

#ifdef _WIN32

#include <stdlib.h>
#include <string.h>

#include "apply/hresult.h"
#include "apply/utf16.h"
#include "arena.h"
#include "strbuf.h"

_Static_assert(sizeof(wchar_t) == sizeof(uint16_t), "UTF-16 wchar_t");

bool apply_supported(void)
{
	return true;
}

apply_win_fn apply_win_proc(HMODULE m, const char *name)
{
	return (apply_win_fn)(void (*)(void))GetProcAddress(m, name);
}

bool apply_win_bind(const struct apply_job *j, HMODULE m, const char *dll,
		    const char *const *names, apply_win_fn *fns, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fns[i] = apply_win_proc(m, names[i]);
		if (!fns[i]) {
			apply_say(j, APPLY_ERROR,
				  "HCS is not available on this host (%s has "
				  "no %s: error %lu)",
				  dll, names[i], (unsigned long)GetLastError());
			return false;
		}
	}
	return true;
}

HMODULE apply_win_load(const struct apply_job *j, const wchar_t *dll,
		       const char *name)
{
	HMODULE m = LoadLibraryW(dll);

	if (!m)
		apply_say(j, APPLY_ERROR,
			  "HCS is not available on this host (%s: error %lu)",
			  name, (unsigned long)GetLastError());
	return m;
}

const wchar_t *apply_win_wide(const struct apply_job *j, const char *s,
			      size_t n, const char *what)
{
	size_t bad = 0;
	const uint16_t *w = apply_utf8_to_utf16(j->a, s, n, NULL, &bad);

	if (!w)
		apply_say(j, APPLY_ERROR,
			  "internal error: %s is not valid UTF-8 or holds a "
			  "NUL byte (at byte %zu): nothing submitted",
			  what, bad);
	return (const wchar_t *)w;
}

bool apply_win_wide_job(const struct apply_job *j, const char *doc_name,
			const wchar_t **id, const wchar_t **doc,
			const wchar_t **process)
{
	*id = apply_win_wide(j, j->id, strlen(j->id), "the compute system id");
	*doc = apply_win_wide(j, j->doc, j->doc_len, doc_name);
	*process = apply_win_wide(j, j->process, j->process_len, "process.json");
	return *id && *doc && *process;
}

void apply_win_utf8(const wchar_t *w, struct strbuf *out)
{
	strbuf_reset(out);
	if (w)
		apply_utf16_to_utf8((const uint16_t *)w, out);
}

void apply_win_result(const struct apply_job *j, const wchar_t *doc,
		      struct strbuf *utf8)
{
	apply_win_utf8(doc, utf8);
	apply_result_doc(j, utf8->buf, utf8->len);
}

/* ---- host build and NameToGuid ---- */

bool apply_host_build(unsigned *build)
{
	LONG(WINAPI * get)(RTL_OSVERSIONINFOW *);
	RTL_OSVERSIONINFOW v;
	HMODULE nt = GetModuleHandleW(L"ntdll.dll");

	memset(&v, 0, sizeof(v));
	v.dwOSVersionInfoSize = sizeof(v);
	get = nt ? APPLY_WIN_FN(apply_win_proc(nt, "RtlGetVersion"),
				LONG(WINAPI *)(RTL_OSVERSIONINFOW *))
		 : NULL;
	*build = get && get(&v) == 0 ? (unsigned)v.dwBuildNumber : 0;
	return true;
}

enum hcsc_rc apply_name_to_guid(const struct apply_job *j, const char *name,
				char out[APPLY_GUID_TEXT])
{
	static const char *const names[] = { "NameToGuid" };
	HRESULT(WINAPI * fn)(PCWSTR, GUID *);
	apply_win_fn f;
	const wchar_t *w;
	GUID g;
	HRESULT hr;
	HMODULE m = apply_win_load(j, L"vmcompute.dll", "vmcompute.dll");

	if (!m)
		return HCSC_E_APPLY;
	if (!apply_win_bind(j, m, "vmcompute.dll", names, &f, 1))
		return HCSC_E_APPLY;
	w = apply_win_wide(j, name, strlen(name), "a layer name");
	if (!w)
		return HCSC_E_IO;
	fn = APPLY_WIN_FN(f, HRESULT(WINAPI *)(PCWSTR, GUID *));
	memset(&g, 0, sizeof(g));
	hr = fn(w, &g);
	if (FAILED(hr)) {
		apply_fail(j, arena_printf(j->a, "NameToGuid(\"%s\")", name),
			   (uint32_t)hr, NULL, 0);
		return HCSC_E_APPLY;
	}
	apply_guid_text(g.Data1, g.Data2, g.Data3, g.Data4, out);
	return HCSC_OK;
}

/* ---- Ctrl-C ---- */

static HANDLE interrupt_event;

static BOOL WINAPI on_console(DWORD type)
{
	if (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT ||
	    type == CTRL_CLOSE_EVENT) {
		SetEvent(interrupt_event);
		return TRUE;
	}
	return FALSE;
}

HANDLE apply_win_interrupt(void)
{
	if (!interrupt_event) {
		interrupt_event = CreateEventW(NULL, TRUE, FALSE, NULL);
		if (!interrupt_event)
			hcsc_oom();
		SetConsoleCtrlHandler(on_console, TRUE);
	}
	return interrupt_event;
}

/* ---- stdio relay ---- */

struct pump {
	HANDLE from, to;
	bool close_from, close_to;
};

static bool write_all(HANDLE h, const char *p, DWORD n)
{
	DWORD w;

	while (n) {
		if (!WriteFile(h, p, n, &w, NULL) || !w)
			return false;
		p += w;
		n -= w;
	}
	return true;
}

/* Copies until end of input; owns (and frees) its struct. */
static DWORD WINAPI pump_main(LPVOID arg)
{
	struct pump *p = arg;
	char buf[16384];
	DWORD n;

	while (ReadFile(p->from, buf, sizeof(buf), &n, NULL) && n)
		if (!write_all(p->to, buf, n))
			break;
	if (p->close_from)
		CloseHandle(p->from);
	if (p->close_to)
		CloseHandle(p->to);
	free(p);
	return 0;
}

static HANDLE pump_start(HANDLE from, bool close_from, HANDLE to,
			 bool close_to)
{
	struct pump *p = malloc(sizeof(*p));
	HANDLE t;

	if (!p)
		hcsc_oom();
	p->from = from;
	p->to = to;
	p->close_from = close_from;
	p->close_to = close_to;
	t = CreateThread(NULL, 0, pump_main, p, 0, NULL);
	if (!t) {
		if (close_from)
			CloseHandle(from);
		if (close_to)
			CloseHandle(to);
		free(p);
	}
	return t;
}

void apply_win_relay_start(struct apply_win_relay *r,
			   const HCS_PROCESS_INFORMATION *pi)
{
	HANDLE t;

	r->nout = 0;
	if (pi->StdOutput) {
		t = pump_start(pi->StdOutput, true,
			       GetStdHandle(STD_OUTPUT_HANDLE), false);
		if (t)
			r->out[r->nout++] = t;
	}
	if (pi->StdError) {
		t = pump_start(pi->StdError, true,
			       GetStdHandle(STD_ERROR_HANDLE), false);
		if (t)
			r->out[r->nout++] = t;
	}
	/* Standard input may never end (a console): never joined. */
	if (pi->StdInput) {
		t = pump_start(GetStdHandle(STD_INPUT_HANDLE), false,
			       pi->StdInput, true);
		if (t)
			CloseHandle(t);
	}
}

void apply_win_relay_finish(struct apply_win_relay *r, DWORD ms)
{
	if (r->nout)
		WaitForMultipleObjects((DWORD)r->nout, r->out, TRUE, ms);
	for (size_t i = 0; i < r->nout; i++)
		CloseHandle(r->out[i]);
	r->nout = 0;
}

/* ---- dispatch ---- */

int apply_submit(const struct apply_job *j)
{
	HMODULE m;

	apply_win_interrupt();
	if (j->v2) {
		m = apply_win_load(j, L"computecore.dll", "computecore.dll");
		return m ? apply_win_v2(j, m) : HCSC_E_APPLY;
	}
	m = apply_win_load(j, L"vmcompute.dll", "vmcompute.dll");
	return m ? apply_win_v1(j, m) : HCSC_E_APPLY;
}

#endif
