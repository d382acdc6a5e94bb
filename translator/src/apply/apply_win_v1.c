/*
 * apply/apply_win_v1.c: submit hcs-v1.json through vmcompute.dll (hosts
 * before build 17763). The v1 API is undocumented; the shapes and the
 * pattern are hcsshim's (internal/vmcompute/vmcompute.go, internal/hcs
 * system.go, process.go, waithelper.go, callback.go;
 * rule: hcsc.apply.lifecycle): a call returns S_OK or ERROR_VMCOMPUTE_OPERATION_PENDING
 * (0xC0370103); after a create the caller registers a notification
 * callback and, when pending, waits (bounded by --timeout) for the
 * matching *Completed notification, whose status is the result. Result
 * strings are freed with CoTaskMemFree (rule: hcsc.apply.output).
 *
 * The v1 document has no ShouldTerminateOnLastHandleClosed, so the system
 * is always terminated explicitly before its handle is closed.
 */
#include "apply/apply_win.h"

#ifdef _WIN32

#include <objbase.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"

enum vc_fn {
	VC_CREATE_SYSTEM,
	VC_START_SYSTEM,
	VC_TERMINATE_SYSTEM,
	VC_CLOSE_SYSTEM,
	VC_REGISTER,
	VC_UNREGISTER,
	VC_CREATE_PROCESS,
	VC_REGISTER_PROCESS,
	VC_UNREGISTER_PROCESS,
	VC_PROCESS_PROPERTIES,
	VC_CLOSE_PROCESS,
	VC_COUNT
};

static const char *const vc_names[VC_COUNT] = {
	"HcsCreateComputeSystem",
	"HcsStartComputeSystem",
	"HcsTerminateComputeSystem",
	"HcsCloseComputeSystem",
	"HcsRegisterComputeSystemCallback",
	"HcsUnregisterComputeSystemCallback",
	"HcsCreateProcess",
	"HcsRegisterProcessCallback",
	"HcsUnregisterProcessCallback",
	"HcsGetProcessProperties",
	"HcsCloseProcess",
};

#define FN(s, i, type) APPLY_WIN_FN((s)->fn[i], type)
#define SYSTEM_OP(s, i)                                                    \
	FN(s, i, HRESULT(WINAPI *)(HCS_SYSTEM, PCWSTR, PWSTR *))
#define REGISTER(s, i)                                                     \
	FN(s, i, HRESULT(WINAPI *)(HANDLE, HCS_NOTIFICATION_CALLBACK, void *,  \
				   HCS_CALLBACK *))
#define UNREGISTER(s, i) FN(s, i, HRESULT(WINAPI *)(HCS_CALLBACK))

/* Notifications (hcsshim internal/hcs/callback.go). */
enum vc_note {
	NOTE_EXITED,           /* 0x1 SystemExited */
	NOTE_CREATE_COMPLETED, /* 0x2 */
	NOTE_START_COMPLETED,  /* 0x3 */
	NOTE_PROCESS_EXITED,   /* 0x00010000 */
	NOTE_DISCONNECT,       /* 0x01000000 ServiceDisconnect */
	NOTE_COUNT
};

static const DWORD note_types[NOTE_COUNT] = { 0x1, 0x2, 0x3, 0x00010000,
					      0x01000000 };

/* One registration's notifications: first status and data of each. */
struct notes {
	HANDLE ev[NOTE_COUNT]; /* manual-reset, set when it arrived */
	HRESULT status[NOTE_COUNT];
	struct strbuf data[NOTE_COUNT];
};

struct v1 {
	const struct apply_job *j;
	apply_win_fn fn[VC_COUNT];
	DWORD ms;
	const wchar_t *id, *doc, *process;
	HCS_SYSTEM sys;
	HCS_CALLBACK sys_cb;
	HCS_PROCESS proc;
	HCS_CALLBACK proc_cb;
	struct notes sys_notes, proc_notes; /* live until unregistered */
	struct strbuf utf8;
};

static void CALLBACK on_notification(DWORD type, void *ctx, HRESULT status,
				     PCWSTR data)
{
	struct notes *n = ctx;

	for (int i = 0; i < NOTE_COUNT; i++) {
		if (note_types[i] != type ||
		    WaitForSingleObject(n->ev[i], 0) == WAIT_OBJECT_0)
			continue;
		n->status[i] = status;
		apply_win_utf8(data, &n->data[i]);
		SetEvent(n->ev[i]);
	}
}

static void notes_init(struct notes *n)
{
	for (int i = 0; i < NOTE_COUNT; i++) {
		n->ev[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
		if (!n->ev[i])
			hcsc_oom();
		n->status[i] = S_OK;
		strbuf_init(&n->data[i]);
	}
}

static void notes_release(struct notes *n)
{
	for (int i = 0; i < NOTE_COUNT; i++) {
		CloseHandle(n->ev[i]);
		strbuf_release(&n->data[i]);
	}
}

/* Print and free a result string; keep its UTF-8 in s->utf8. */
static void take_result(struct v1 *s, PWSTR result)
{
	apply_win_result(s->j, result, &s->utf8);
	if (result)
		CoTaskMemFree(result);
}

/*
 * Wait (bounded) for notification `want` on `n`. Its status is the
 * result and its data is printed like a result document; HCS
 * disconnecting, Ctrl-C, the timeout and (while the system should be up)
 * the system exiting end the wait too.
 */
static HRESULT await(struct v1 *s, struct notes *n, enum vc_note want,
		     bool watch_exit)
{
	HANDLE hs[4] = { n->ev[want], n->ev[NOTE_DISCONNECT],
			 apply_win_interrupt(), s->sys_notes.ev[NOTE_EXITED] };
	DWORD r = WaitForMultipleObjects(watch_exit ? 4 : 3, hs, FALSE, s->ms);

	strbuf_reset(&s->utf8);
	switch (r) {
	case WAIT_OBJECT_0:
		apply_result_doc(s->j, n->data[want].buf, n->data[want].len);
		strbuf_add(&s->utf8, n->data[want].buf, n->data[want].len);
		return n->status[want];
	case WAIT_OBJECT_0 + 1:
		strbuf_addstr(&s->utf8, "{\"ErrorMessage\":\"lost communication "
					"with the compute service\"}");
		return (HRESULT)0x8037011EL; /* HCS_E_SERVICE_DISCONNECT */
	case WAIT_OBJECT_0 + 2:
		strbuf_addstr(&s->utf8, "{\"ErrorMessage\":\"interrupted\"}");
		return E_ABORT;
	case WAIT_OBJECT_0 + 3:
		strbuf_addstr(&s->utf8, "{\"ErrorMessage\":\"the compute system "
					"exited unexpectedly\"}");
		return (HRESULT)0xC0370106L; /* ERROR_VMCOMPUTE_UNEXPECTED_EXIT */
	default:
		strbuf_addstr(&s->utf8, "{\"ErrorMessage\":\"no completion "
					"notification within --timeout\"}");
		return (HRESULT)0xC0370109L; /* ERROR_VMCOMPUTE_TIMEOUT */
	}
}

/*
 * A call's outcome: print its result; when pending, await `want`
 * (NOTE_COUNT: the call cannot be pending, so pending is a failure).
 */
static HRESULT outcome(struct v1 *s, const char *name, HRESULT hr,
		       PWSTR result, enum vc_note want, bool quiet)
{
	take_result(s, result);
	if (hr == APPLY_VMCOMPUTE_PENDING && want != NOTE_COUNT && s->sys_cb)
		hr = await(s, &s->sys_notes, want, want != NOTE_EXITED);
	if (FAILED(hr) && !quiet)
		apply_fail(s->j, name, (uint32_t)hr, s->utf8.buf, s->utf8.len);
	return hr;
}

static void close_process(struct v1 *s)
{
	if (s->proc_cb)
		UNREGISTER(s, VC_UNREGISTER_PROCESS)(s->proc_cb);
	if (s->proc)
		FN(s, VC_CLOSE_PROCESS, HRESULT(WINAPI *)(HCS_PROCESS))(s->proc);
	s->proc_cb = NULL;
	s->proc = NULL;
}

/*
 * Terminate (hcsshim counts S_OK, pending, already stopped and not found
 * as accepted), unregister, close.
 */
static HRESULT terminate_and_close(struct v1 *s)
{
	PWSTR result = NULL;
	HRESULT hr = SYSTEM_OP(s, VC_TERMINATE_SYSTEM)(s->sys, L"", &result);

	hr = outcome(s, vc_names[VC_TERMINATE_SYSTEM], hr, result, NOTE_EXITED,
		     true);
	if (hr == (HRESULT)0xC0370110L || hr == (HRESULT)0xC037010EL)
		hr = S_OK;
	if (s->sys_cb)
		UNREGISTER(s, VC_UNREGISTER)(s->sys_cb);
	FN(s, VC_CLOSE_SYSTEM, HRESULT(WINAPI *)(HCS_SYSTEM))(s->sys);
	s->sys_cb = NULL;
	s->sys = NULL;
	return hr;
}

static int cleanup(struct v1 *s, int rc)
{
	HRESULT hr;

	close_process(s);
	if (!s->sys)
		return rc;
	hr = terminate_and_close(s);
	if (FAILED(hr))
		apply_say(s->j, APPLY_WARNING,
			  "HcsTerminateComputeSystem failed (0x%08lx); closed "
			  "compute system '%s' anyway",
			  (unsigned long)hr, s->j->id);
	else
		apply_say(s->j, APPLY_NOTE,
			  "terminated and closed compute system '%s'", s->j->id);
	return rc;
}

static bool create(struct v1 *s)
{
	PWSTR result = NULL;
	HRESULT hr = FN(s, VC_CREATE_SYSTEM,
			HRESULT(WINAPI *)(PCWSTR, PCWSTR, HANDLE, HCS_SYSTEM *,
					  PWSTR *))(s->id, s->doc, NULL, &s->sys,
						    &result);

	if (s->sys && (SUCCEEDED(hr) || hr == APPLY_VMCOMPUTE_PENDING)) {
		HRESULT cb = REGISTER(s, VC_REGISTER)(s->sys, on_notification,
						      &s->sys_notes, &s->sys_cb);

		if (FAILED(cb)) {
			take_result(s, result);
			apply_fail(s->j, vc_names[VC_REGISTER], (uint32_t)cb,
				   NULL, 0);
			return false;
		}
	}
	return SUCCEEDED(outcome(s, vc_names[VC_CREATE_SYSTEM], hr, result,
				 NOTE_CREATE_COMPLETED, false));
}

static bool start(struct v1 *s)
{
	PWSTR result = NULL;
	HRESULT hr = SYSTEM_OP(s, VC_START_SYSTEM)(s->sys, L"", &result);

	return SUCCEEDED(outcome(s, vc_names[VC_START_SYSTEM], hr, result,
				 NOTE_START_COMPLETED, false));
}

/* The exit code from HcsGetProcessProperties' ProcessStatus. */
static bool exit_code(struct v1 *s, int *code)
{
	PWSTR props = NULL, result = NULL;
	struct strbuf p = STRBUF_INIT;
	long long c = 0;
	HRESULT hr = FN(s, VC_PROCESS_PROPERTIES,
			HRESULT(WINAPI *)(HCS_PROCESS, PWSTR *, PWSTR *))(
		s->proc, &props, &result);
	bool ok;

	take_result(s, result);
	apply_win_utf8(props, &p);
	if (props)
		CoTaskMemFree(props);
	ok = SUCCEEDED(hr) && apply_exit_code(p.buf, p.len, &c);
	if (FAILED(hr))
		apply_fail(s->j, vc_names[VC_PROCESS_PROPERTIES], (uint32_t)hr,
			   s->utf8.buf, s->utf8.len);
	else if (!ok)
		apply_say(s->j, APPLY_ERROR, "the process properties carry no "
					     "ExitCode: %s",
			  p.buf);
	strbuf_release(&p);
	*code = (int)c;
	return ok;
}

static bool run_process(struct v1 *s, int *code)
{
	HCS_PROCESS_INFORMATION pi;
	struct apply_win_relay relay;
	PWSTR result = NULL;
	HRESULT hr;

	memset(&pi, 0, sizeof(pi));
	hr = FN(s, VC_CREATE_PROCESS,
		HRESULT(WINAPI *)(HCS_SYSTEM, PCWSTR, HCS_PROCESS_INFORMATION *,
				  HCS_PROCESS *, PWSTR *))(s->sys, s->process,
							   &pi, &s->proc,
							   &result);
	if (FAILED(outcome(s, vc_names[VC_CREATE_PROCESS], hr, result,
			   NOTE_COUNT, false)))
		return false;
	hr = REGISTER(s, VC_REGISTER_PROCESS)(s->proc, on_notification,
					      &s->proc_notes, &s->proc_cb);
	if (FAILED(hr)) {
		apply_fail(s->j, vc_names[VC_REGISTER_PROCESS], (uint32_t)hr,
			   NULL, 0);
		return false;
	}
	apply_say(s->j, APPLY_NOTE, "started the init process (pid %lu)",
		  (unsigned long)pi.ProcessId);
	apply_win_relay_start(&relay, &pi);
	s->ms = INFINITE;
	hr = await(s, &s->proc_notes, NOTE_PROCESS_EXITED, false);
	s->ms = s->j->opt->timeout_s * 1000u;
	if (FAILED(hr)) {
		apply_fail(s->j, "waiting for the init process", (uint32_t)hr,
			   s->utf8.buf, s->utf8.len);
		return false;
	}
	apply_win_relay_finish(&relay, s->ms);
	if (!exit_code(s, code))
		return false;
	close_process(s);
	apply_say(s->j, APPLY_NOTE, "the init process exited with code %d",
		  *code);
	return true;
}

static int run(struct v1 *s)
{
	const struct apply_job *j = s->j;
	int code = 0;

	if (!create(s))
		return cleanup(s, HCSC_E_APPLY);
	apply_say(j, APPLY_NOTE,
		  "HCS created compute system '%s' from hcs-v1.json (host build "
		  "%u, vmcompute.dll)",
		  j->id, j->build);
	if (j->opt->start) {
		if (!start(s))
			return cleanup(s, HCSC_E_APPLY);
		apply_say(j, APPLY_NOTE, "started compute system '%s'", j->id);
		if (!run_process(s, &code))
			return cleanup(s, HCSC_E_APPLY);
	}
	if (FAILED(terminate_and_close(s)))
		apply_say(j, APPLY_WARNING, "HcsTerminateComputeSystem failed; "
					    "closed compute system '%s' anyway",
			  j->id);
	else
		apply_say(j, APPLY_NOTE, "terminated and closed compute system "
					 "'%s'",
			  j->id);
	return code;
}

int apply_win_v1(const struct apply_job *j, HMODULE dll)
{
	struct v1 s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.j = j;
	s.ms = j->opt->timeout_s * 1000u;
	strbuf_init(&s.utf8);
	if (!apply_win_bind(j, dll, "vmcompute.dll", vc_names, s.fn, VC_COUNT))
		return HCSC_E_APPLY;
	if (!apply_win_wide_job(j, "hcs-v1.json", &s.id, &s.doc, &s.process))
		return HCSC_E_IO;
	notes_init(&s.sys_notes);
	notes_init(&s.proc_notes);
	rc = run(&s);
	notes_release(&s.sys_notes);
	notes_release(&s.proc_notes);
	strbuf_release(&s.utf8);
	return rc;
}

#endif
