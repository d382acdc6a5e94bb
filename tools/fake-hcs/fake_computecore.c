/*
 * fake_computecore.c: a fake computecore.dll (HCS v2 API) for hcsc's Wine
 * tests. Prototypes are mingw's computecore.h, so the compiler checks them
 * against the documented ones (rule: hcsc.apply.lifecycle). Calls take
 * effect at once; an operation keeps its result (S_OK, or the injected
 * async failure with a ResultError document) until
 * HcsWaitForOperationResult hands it out, as LocalAlloc'd memory.
 */
#include "fake_common.h"

#include <computecore.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

HCS_OPERATION WINAPI HcsCreateOperation(const void *context,
					HCS_OPERATION_COMPLETION callback)
{
	struct fake_obj *op;
	HRESULT hr;

	if (fake_should_fail("HcsCreateOperation", &hr, NULL)) {
		fake_log("HcsCreateOperation context=%s callback=%s -> NULL",
			 context ? "set" : "null", callback ? "set" : "null");
		SetLastError((hr & 0x1FFF0000) == 0x00070000 ? (DWORD)(hr & 0xFFFF)
							     : ERROR_OUTOFMEMORY);
		return NULL;
	}
	op = fake_new(FAKE_OP);
	op->delivered = CreateEventW(NULL, TRUE, FALSE, NULL);
	fake_log("HcsCreateOperation context=%s callback=%s -> op=%u",
		 context ? "set" : "null", callback ? "set" : "null", op->seq);
	return (HCS_OPERATION)op;
}

void WINAPI HcsCloseOperation(HCS_OPERATION operation)
{
	char b[40];
	bool ok;

	fake_log("HcsCloseOperation %s", DESCRIBE(operation, FAKE_OP, b, &ok));
	if (!ok)
		return;
	((struct fake_obj *)operation)->closed = true;
	/* A process created through it runs from here (a stable log order). */
	SetEvent(((struct fake_obj *)operation)->delivered);
}

/*
 * Start an operation for call `name`: the synchronous failure it returns
 * (its document kept for HcsGetOperationResult), or S_OK with the result
 * the wait will give.
 */
static HRESULT begin(struct fake_obj *op, const char *name)
{
	HRESULT hr = S_OK;
	bool async = false;

	if (op->started)
		return FAKE_E_ALREADY_STARTED;
	op->hang = fake_should_hang(name);
	if (fake_should_fail(name, &hr, &async)) {
		op->hr = hr;
		op->doc = fake_error_doc(name, hr);
		if (!async)
			return hr;
	}
	op->started = true;
	return S_OK;
}

static char *doc_of(PCWSTR w)
{
	return fake_utf8(w);
}

HRESULT WINAPI HcsCreateComputeSystem(PCWSTR id, PCWSTR configuration,
				      HCS_OPERATION operation,
				      const SECURITY_DESCRIPTOR *sd,
				      HCS_SYSTEM *computeSystem)
{
	char b[40], *sid = fake_utf8(id), *cfg = doc_of(configuration);
	struct fake_obj *op = (struct fake_obj *)operation, *sys;
	bool ok;
	HRESULT hr;

	fake_log("HcsCreateComputeSystem id=%s config_bytes=%zu %s sd=%s", sid,
		 strlen(cfg), DESCRIBE(operation, FAKE_OP, b, &ok),
		 sd ? "set" : "null");
	free(sid);
	free(cfg);
	fake_save("FAKE_HCS_CONFIG_OUT", configuration);
	*computeSystem = NULL;
	if (!ok)
		return FAKE_E_HANDLE;
	hr = begin(op, "HcsCreateComputeSystem");
	if (FAILED(hr))
		return hr;
	sys = fake_new(FAKE_SYSTEM);
	op->system = sys;
	*computeSystem = (HCS_SYSTEM)sys;
	return S_OK;
}

/* The calls that take a system and an operation. */
static HRESULT system_call(const char *name, HCS_SYSTEM system,
			   HCS_OPERATION operation, PCWSTR options)
{
	char b1[40], b2[40], *opt = options ? fake_utf8(options) : NULL;
	bool ok1, ok2;

	fake_log("%s %s %s options=%s", name,
		 DESCRIBE(system, FAKE_SYSTEM, b1, &ok1),
		 DESCRIBE(operation, FAKE_OP, b2, &ok2), opt ? opt : "null");
	free(opt);
	if (!ok1 || !ok2)
		return FAKE_E_HANDLE;
	((struct fake_obj *)operation)->system = (struct fake_obj *)system;
	return begin((struct fake_obj *)operation, name);
}

HRESULT WINAPI HcsStartComputeSystem(HCS_SYSTEM computeSystem,
				     HCS_OPERATION operation, PCWSTR options)
{
	return system_call("HcsStartComputeSystem", computeSystem, operation,
			   options);
}

HRESULT WINAPI HcsTerminateComputeSystem(HCS_SYSTEM computeSystem,
					 HCS_OPERATION operation, PCWSTR options)
{
	return system_call("HcsTerminateComputeSystem", computeSystem,
			   operation, options);
}

HRESULT WINAPI HcsShutDownComputeSystem(HCS_SYSTEM computeSystem,
					HCS_OPERATION operation, PCWSTR options)
{
	return system_call("HcsShutDownComputeSystem", computeSystem, operation,
			   options);
}

void WINAPI HcsCloseComputeSystem(HCS_SYSTEM computeSystem)
{
	char b[40];
	bool ok;

	fake_log("HcsCloseComputeSystem %s",
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b, &ok));
	if (ok)
		((struct fake_obj *)computeSystem)->closed = true;
}

/* Hand out an operation's result (the waits and HcsGetOperationResult). */
static HRESULT result(struct fake_obj *op, DWORD timeoutMs, PWSTR *doc)
{
	if (doc)
		*doc = NULL;
	if (!op->started && !op->doc)
		return FAKE_E_NOT_STARTED;
	if (op->hang) {
		Sleep(timeoutMs < 60000 ? timeoutMs : 60000);
		return FAKE_E_TIMEOUT;
	}
	if (doc && op->doc)
		*doc = fake_wide(op->doc, false);
	return op->hr;
}

HRESULT WINAPI HcsWaitForOperationResult(HCS_OPERATION operation,
					 DWORD timeoutMs, PWSTR *resultDocument)
{
	char b[40];
	bool ok;

	HRESULT hr;

	fake_log("HcsWaitForOperationResult %s timeout=%lu",
		 DESCRIBE(operation, FAKE_OP, b, &ok), (unsigned long)timeoutMs);
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsWaitForOperationResult", &hr, NULL)) {
		*resultDocument = NULL;
		return hr;
	}
	return result((struct fake_obj *)operation, timeoutMs, resultDocument);
}

HRESULT WINAPI HcsGetOperationResult(HCS_OPERATION operation,
				     PWSTR *resultDocument)
{
	char b[40];
	bool ok;

	fake_log("HcsGetOperationResult %s", DESCRIBE(operation, FAKE_OP, b, &ok));
	if (!ok)
		return FAKE_E_HANDLE;
	return result((struct fake_obj *)operation, 0, resultDocument);
}

HRESULT WINAPI HcsWaitForOperationResultAndProcessInfo(
	HCS_OPERATION operation, DWORD timeoutMs,
	HCS_PROCESS_INFORMATION *processInformation, PWSTR *resultDocument)
{
	struct fake_obj *op = (struct fake_obj *)operation, *p;
	char b[40];
	bool ok;
	HRESULT hr;

	fake_log("HcsWaitForOperationResultAndProcessInfo %s timeout=%lu",
		 DESCRIBE(operation, FAKE_OP, b, &ok), (unsigned long)timeoutMs);
	memset(processInformation, 0, sizeof(*processInformation));
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsWaitForOperationResultAndProcessInfo", &hr,
			     NULL)) {
		*resultDocument = NULL;
		return hr;
	}
	p = op->process;
	if (p && SUCCEEDED(op->hr) && !op->hang) {
		processInformation->ProcessId = FAKE_PID;
		processInformation->StdInput = p->std_in;
		processInformation->StdOutput = p->std_out;
		processInformation->StdError = p->std_err;
	}
	hr = result(op, timeoutMs, resultDocument);
	return hr;
}

/* ---- processes ---- */

static void process_exited(struct fake_obj *p, unsigned exit_code)
{
	char data[128];
	PWSTR w;
	HCS_EVENT ev;

	if (!fake_process_may_tell(p))
		return; /* closed first: no callback after HcsCloseProcess */
	if (!p->event_cb) {
		fake_log("-> process=%u exited with no callback to tell", p->seq);
		fake_process_told(p);
		return;
	}
	snprintf(data, sizeof(data),
		 "{\"ProcessId\":%u,\"Exited\":true,\"ExitCode\":%u}", FAKE_PID,
		 exit_code);
	fake_log("-> event HcsEventProcessExited process=%u %s", p->seq, data);
	w = fake_wide(data, false);
	ev.Type = HcsEventProcessExited;
	ev.EventData = w;
	ev.Operation = NULL;
	p->event_cb(&ev, p->cb_context);
	fake_process_told(p);
	LocalFree(w);
}

HRESULT WINAPI HcsCreateProcess(HCS_SYSTEM computeSystem,
				PCWSTR processParameters,
				HCS_OPERATION operation,
				const SECURITY_DESCRIPTOR *sd, HCS_PROCESS *process)
{
	char b1[40], b2[40], *params = fake_utf8(processParameters);
	struct fake_obj *op = (struct fake_obj *)operation, *p;
	bool ok1, ok2;
	HRESULT hr;

	fake_log("HcsCreateProcess %s params_bytes=%zu %s sd=%s",
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b1, &ok1), strlen(params),
		 DESCRIBE(operation, FAKE_OP, b2, &ok2), sd ? "set" : "null");
	fake_save("FAKE_HCS_PROCESS_OUT", processParameters);
	*process = NULL;
	hr = ok1 && ok2 ? begin(op, "HcsCreateProcess") : FAKE_E_HANDLE;
	if (FAILED(hr)) {
		free(params);
		return hr;
	}
	p = fake_new(FAKE_PROCESS);
	p->system = (struct fake_obj *)computeSystem;
	op->process = p;
	if (SUCCEEDED(op->hr))
		fake_process_start(p, params, op->delivered, process_exited);
	free(params);
	*process = (HCS_PROCESS)p;
	return S_OK;
}

HRESULT WINAPI HcsSetProcessCallback(HCS_PROCESS process,
				     HCS_EVENT_OPTIONS callbackOptions,
				     void *context, HCS_EVENT_CALLBACK callback)
{
	struct fake_obj *p = (struct fake_obj *)process;
	char b[40];
	bool ok;
	HRESULT hr;
	bool async;

	fake_log("HcsSetProcessCallback %s options=%d context=%s callback=%s",
		 DESCRIBE(process, FAKE_PROCESS, b, &ok), (int)callbackOptions,
		 context ? "set" : "null", callback ? "set" : "null");
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsSetProcessCallback", &hr, &async))
		return hr;
	p->event_cb = callback;
	p->cb_context = context;
	if (p->registered)
		SetEvent(p->registered);
	return S_OK;
}

void WINAPI HcsCloseProcess(HCS_PROCESS process)
{
	struct fake_obj *p = (struct fake_obj *)process;
	char b[40];
	bool ok;

	fake_log("HcsCloseProcess %s", DESCRIBE(process, FAKE_PROCESS, b, &ok));
	if (!ok)
		return;
	fake_process_close(p); /* no callback runs once it returns */
}
