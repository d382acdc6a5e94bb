/*
 * apply/apply_win_v2.c: submit hcs-v2.json through computecore.dll (hosts
 * from build 17763), following the documented synchronous pattern (HCS
 * reference docs and samples; hcsshim internal/hcs/v2 runOperation,
 * rule: hcsc.apply.lifecycle): HcsCreateOperation, the call, and on a
 * failed call HcsGetOperationResult for its error document, else
 * HcsWaitForOperationResult bounded by --timeout; HcsCloseOperation
 * always; result documents freed with LocalFree (rule: hcsc.apply.output).
 *
 *   --apply          create, wait, HcsCloseComputeSystem (the document
 *                    sets ShouldTerminateOnLastHandleClosed: HCS
 *                    terminates the system, rule: hcsc.apply.lifecycle)
 *   --apply --start  also HcsStartComputeSystem, then HcsCreateProcess with
 *                    process.json, HcsSetProcessCallback,
 *                    HcsWaitForOperationResultAndProcessInfo (its stdio
 *                    handles), the relay, HcsEventProcessExited (its
 *                    ProcessStatus carries the ExitCode), HcsCloseProcess
 *
 * Any failure (or Ctrl-C) after the create terminates and closes the
 * system.
 */
#include "apply/apply_win.h"

#ifdef _WIN32

#include <string.h>

#include "arena.h"
#include "strbuf.h"

enum cc_fn {
	CC_CREATE_OPERATION,
	CC_CLOSE_OPERATION,
	CC_GET_RESULT,
	CC_WAIT_RESULT,
	CC_WAIT_RESULT_PROCESS,
	CC_CREATE_SYSTEM,
	CC_START_SYSTEM,
	CC_TERMINATE_SYSTEM,
	CC_CLOSE_SYSTEM,
	CC_CREATE_PROCESS,
	CC_SET_PROCESS_CALLBACK,
	CC_CLOSE_PROCESS,
	CC_COUNT
};

static const char *const cc_names[CC_COUNT] = {
	"HcsCreateOperation",
	"HcsCloseOperation",
	"HcsGetOperationResult",
	"HcsWaitForOperationResult",
	"HcsWaitForOperationResultAndProcessInfo",
	"HcsCreateComputeSystem",
	"HcsStartComputeSystem",
	"HcsTerminateComputeSystem",
	"HcsCloseComputeSystem",
	"HcsCreateProcess",
	"HcsSetProcessCallback",
	"HcsCloseProcess",
};

/* Typed views of the bound exports (prototypes from computecore.h). */
#define CREATE_OPERATION(s)                                                \
	APPLY_WIN_FN((s)->fn[CC_CREATE_OPERATION],                         \
		     HCS_OPERATION(WINAPI *)(const void *, HCS_OPERATION_COMPLETION))
#define CLOSE_OPERATION(s)                                                 \
	APPLY_WIN_FN((s)->fn[CC_CLOSE_OPERATION], void(WINAPI *)(HCS_OPERATION))
#define GET_RESULT(s)                                                      \
	APPLY_WIN_FN((s)->fn[CC_GET_RESULT],                               \
		     HRESULT(WINAPI *)(HCS_OPERATION, PWSTR *))
#define WAIT_RESULT(s)                                                     \
	APPLY_WIN_FN((s)->fn[CC_WAIT_RESULT],                              \
		     HRESULT(WINAPI *)(HCS_OPERATION, DWORD, PWSTR *))
#define WAIT_RESULT_PROCESS(s)                                             \
	APPLY_WIN_FN((s)->fn[CC_WAIT_RESULT_PROCESS],                      \
		     HRESULT(WINAPI *)(HCS_OPERATION, DWORD,                  \
				       HCS_PROCESS_INFORMATION *, PWSTR *))
#define CREATE_SYSTEM(s)                                                   \
	APPLY_WIN_FN((s)->fn[CC_CREATE_SYSTEM],                            \
		     HRESULT(WINAPI *)(PCWSTR, PCWSTR, HCS_OPERATION,          \
				       const SECURITY_DESCRIPTOR *, HCS_SYSTEM *))
#define START_SYSTEM(s)                                                    \
	APPLY_WIN_FN((s)->fn[CC_START_SYSTEM],                             \
		     HRESULT(WINAPI *)(HCS_SYSTEM, HCS_OPERATION, PCWSTR))
#define TERMINATE_SYSTEM(s)                                                \
	APPLY_WIN_FN((s)->fn[CC_TERMINATE_SYSTEM],                         \
		     HRESULT(WINAPI *)(HCS_SYSTEM, HCS_OPERATION, PCWSTR))
#define CLOSE_SYSTEM(s)                                                    \
	APPLY_WIN_FN((s)->fn[CC_CLOSE_SYSTEM], void(WINAPI *)(HCS_SYSTEM))
#define CREATE_PROCESS(s)                                                  \
	APPLY_WIN_FN((s)->fn[CC_CREATE_PROCESS],                           \
		     HRESULT(WINAPI *)(HCS_SYSTEM, PCWSTR, HCS_OPERATION,      \
				       const SECURITY_DESCRIPTOR *, HCS_PROCESS *))
#define SET_PROCESS_CALLBACK(s)                                            \
	APPLY_WIN_FN((s)->fn[CC_SET_PROCESS_CALLBACK],                     \
		     HRESULT(WINAPI *)(HCS_PROCESS, HCS_EVENT_OPTIONS, void *, \
				       HCS_EVENT_CALLBACK))
#define CLOSE_PROCESS(s)                                                   \
	APPLY_WIN_FN((s)->fn[CC_CLOSE_PROCESS], void(WINAPI *)(HCS_PROCESS))

/* What the process callback hands to the waiting thread. */
struct exit_wait {
	HANDLE done;        /* set on ProcessExited or ServiceDisconnect */
	bool exited;
	struct strbuf data; /* the ProcessStatus document (UTF-8) */
};

struct v2 {
	const struct apply_job *j;
	apply_win_fn fn[CC_COUNT];
	DWORD ms;
	const wchar_t *id, *doc, *process;
	HCS_SYSTEM sys;
	HCS_PROCESS proc;
	HRESULT callback_hr;   /* HcsSetProcessCallback's answer */
	struct exit_wait wait; /* lives until HcsCloseProcess */
	struct strbuf utf8;
};

typedef HRESULT (*v2_call)(struct v2 *s, HCS_OPERATION op);

static HRESULT call_create(struct v2 *s, HCS_OPERATION op)
{
	return CREATE_SYSTEM(s)(s->id, s->doc, op, NULL, &s->sys);
}

static HRESULT call_start(struct v2 *s, HCS_OPERATION op)
{
	return START_SYSTEM(s)(s->sys, op, NULL);
}

static HRESULT call_terminate(struct v2 *s, HCS_OPERATION op)
{
	return TERMINATE_SYSTEM(s)(s->sys, op, NULL);
}

static void CALLBACK on_process_event(HCS_EVENT *ev, void *ctx)
{
	struct exit_wait *w = ctx;

	if (ev->Type != HcsEventProcessExited &&
	    ev->Type != HcsEventServiceDisconnect)
		return;
	if (WaitForSingleObject(w->done, 0) == WAIT_OBJECT_0)
		return;
	w->exited = ev->Type == HcsEventProcessExited;
	apply_win_utf8(ev->EventData, &w->data);
	SetEvent(w->done);
}

/* The callback goes on as soon as the handle exists, before the wait. */
static HRESULT call_process(struct v2 *s, HCS_OPERATION op)
{
	HRESULT hr = CREATE_PROCESS(s)(s->sys, s->process, op, NULL, &s->proc);

	if (SUCCEEDED(hr) && s->proc)
		s->callback_hr = SET_PROCESS_CALLBACK(s)(
			s->proc, HcsEventOptionNone, &s->wait, on_process_event);
	return hr;
}

/*
 * One operation: create it, make the call, then either fetch the error
 * document of a call that did not start, or wait for the result; print
 * the result document; close the operation. Failures are reported as
 * `CALL failed: NAME (0x...): message` unless `quiet`.
 */
static HRESULT operation(struct v2 *s, const char *name, v2_call call,
			 HCS_PROCESS_INFORMATION *pi, bool quiet)
{
	HCS_OPERATION op = CREATE_OPERATION(s)(NULL, NULL);
	PWSTR doc = NULL;
	HRESULT hr;

	if (!op) {
		DWORD e = GetLastError();

		hr = e ? HRESULT_FROM_WIN32(e) : E_OUTOFMEMORY;
		if (!quiet)
			apply_fail(s->j, cc_names[CC_CREATE_OPERATION],
				   (uint32_t)hr, NULL, 0);
		return hr;
	}
	hr = call(s, op);
	if (FAILED(hr))
		GET_RESULT(s)(op, &doc);
	else if (pi)
		hr = WAIT_RESULT_PROCESS(s)(op, s->ms, pi, &doc);
	else
		hr = WAIT_RESULT(s)(op, s->ms, &doc);
	apply_win_result(s->j, doc, &s->utf8);
	if (FAILED(hr) && !quiet)
		apply_fail(s->j, name, (uint32_t)hr, s->utf8.buf, s->utf8.len);
	LocalFree(doc);
	CLOSE_OPERATION(s)(op);
	return hr;
}

/* After a failure: terminate and close whatever exists. */
static int cleanup(struct v2 *s, int rc)
{
	HRESULT hr;

	if (s->proc) {
		CLOSE_PROCESS(s)(s->proc);
		s->proc = NULL;
	}
	if (!s->sys)
		return rc;
	hr = operation(s, cc_names[CC_TERMINATE_SYSTEM], call_terminate, NULL,
		       true);
	CLOSE_SYSTEM(s)(s->sys);
	s->sys = NULL;
	if (FAILED(hr) && hr != (HRESULT)0x80370110L)
		apply_say(s->j, APPLY_WARNING,
			  "HcsTerminateComputeSystem failed (0x%08lx); closed "
			  "compute system '%s' anyway",
			  (unsigned long)hr, s->j->id);
	else
		apply_say(s->j, APPLY_NOTE,
			  "terminated and closed compute system '%s'", s->j->id);
	return rc;
}

static bool interrupted(struct v2 *s)
{
	if (WaitForSingleObject(apply_win_interrupt(), 0) != WAIT_OBJECT_0)
		return false;
	apply_say(s->j, APPLY_ERROR, "interrupted: terminating compute system "
				     "'%s'",
		  s->j->id);
	return true;
}

/* Run process.json attached; false (reported) on an hcsc failure. */
static bool run_process(struct v2 *s, int *exit_code)
{
	HCS_PROCESS_INFORMATION pi;
	struct apply_win_relay relay;
	HANDLE hs[2];
	long long code = 0;
	HRESULT hr;

	memset(&pi, 0, sizeof(pi));
	s->wait.done = CreateEventW(NULL, TRUE, FALSE, NULL);
	if (!s->wait.done)
		hcsc_oom();
	hr = operation(s, cc_names[CC_CREATE_PROCESS], call_process, &pi, false);
	if (FAILED(hr))
		return false;
	if (FAILED(s->callback_hr)) {
		apply_fail(s->j, cc_names[CC_SET_PROCESS_CALLBACK],
			   (uint32_t)s->callback_hr, NULL, 0);
		return false;
	}
	apply_say(s->j, APPLY_NOTE, "started the init process (pid %lu)",
		  (unsigned long)pi.ProcessId);
	apply_win_relay_start(&relay, &pi);
	hs[0] = s->wait.done;
	hs[1] = apply_win_interrupt();
	WaitForMultipleObjects(2, hs, FALSE, INFINITE);
	if (WaitForSingleObject(s->wait.done, 0) != WAIT_OBJECT_0) {
		interrupted(s);
		return false;
	}
	apply_win_relay_finish(&relay, s->ms);
	if (!s->wait.exited) {
		apply_say(s->j, APPLY_ERROR, "lost the connection to HCS while "
					     "the init process ran");
		return false;
	}
	if (!apply_exit_code(s->wait.data.buf, s->wait.data.len, &code)) {
		apply_say(s->j, APPLY_ERROR,
			  "the process exit event carries no ExitCode: %s",
			  s->wait.data.buf);
		return false;
	}
	CLOSE_PROCESS(s)(s->proc);
	s->proc = NULL;
	apply_say(s->j, APPLY_NOTE, "the init process exited with code %lld",
		  code);
	*exit_code = (int)code;
	return true;
}

static int run(struct v2 *s)
{
	const struct apply_job *j = s->j;
	int code = 0;

	if (FAILED(operation(s, cc_names[CC_CREATE_SYSTEM], call_create, NULL,
			     false)))
		return cleanup(s, HCSC_E_APPLY);
	apply_say(j, APPLY_NOTE,
		  "HCS created compute system '%s' from hcs-v2.json (host build "
		  "%u, computecore.dll)",
		  j->id, j->build);
	if (interrupted(s))
		return cleanup(s, HCSC_E_APPLY);
	if (!j->opt->start) {
		CLOSE_SYSTEM(s)(s->sys);
		s->sys = NULL;
		apply_say(j, APPLY_NOTE, "closed compute system '%s'; HCS "
					 "terminates it",
			  j->id);
		return HCSC_OK;
	}
	if (FAILED(operation(s, cc_names[CC_START_SYSTEM], call_start, NULL,
			     false)))
		return cleanup(s, HCSC_E_APPLY);
	apply_say(j, APPLY_NOTE, "started compute system '%s'", j->id);
	if (interrupted(s))
		return cleanup(s, HCSC_E_APPLY);
	if (!run_process(s, &code))
		return cleanup(s, HCSC_E_APPLY);
	CLOSE_SYSTEM(s)(s->sys);
	s->sys = NULL;
	apply_say(j, APPLY_NOTE, "closed compute system '%s'; HCS terminates it",
		  j->id);
	return code;
}

int apply_win_v2(const struct apply_job *j, HMODULE dll)
{
	struct v2 s;
	int rc;

	memset(&s, 0, sizeof(s));
	s.j = j;
	s.ms = j->opt->timeout_s * 1000u;
	strbuf_init(&s.utf8);
	strbuf_init(&s.wait.data);
	if (!apply_win_bind(j, dll, "computecore.dll", cc_names, s.fn, CC_COUNT))
		return HCSC_E_APPLY;
	if (!apply_win_wide_job(j, "hcs-v2.json", &s.id, &s.doc, &s.process))
		return HCSC_E_IO;
	rc = run(&s);
	if (s.wait.done)
		CloseHandle(s.wait.done);
	strbuf_release(&s.utf8);
	strbuf_release(&s.wait.data);
	return rc;
}

#endif
