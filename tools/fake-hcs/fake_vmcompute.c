/*
 * fake_vmcompute.c: a fake vmcompute.dll (the undocumented HCS v1 API) for
 * hcsc's Wine tests. Shapes are hcsshim's mkwinsyscall lines
 * (internal/vmcompute/vmcompute.go; rule: hcsc.apply.lifecycle). As
 * the real one does, create / start / terminate answer
 * ERROR_VMCOMPUTE_OPERATION_PENDING and complete later through the
 * callback registered with HcsRegisterComputeSystemCallback (from a
 * thread of ours, once one is registered). Strings are CoTaskMemAlloc'd.
 * NameToGuid knows the public vectors of rule: hcsc.apply.name-to-guid; other names get a stable
 * stand-in (version 5 shaped, FNV-1a based).
 */
#include "fake_common.h"

#include <objbase.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Notification numbers (hcsshim internal/hcs/callback.go). */
#define NOTE_SYSTEM_EXITED 0x1u
#define NOTE_CREATE_COMPLETED 0x2u
#define NOTE_START_COMPLETED 0x3u
#define NOTE_PROCESS_EXITED 0x00010000u

static PWSTR error_result(const char *name, HRESULT hr)
{
	char *doc = fake_error_doc(name, hr);
	PWSTR w = fake_wide(doc, true);

	free(doc);
	return w;
}

/* A completion waiting for its system's callback. */
struct completion {
	struct fake_obj *obj; /* the system (or process) notified */
	DWORD type;
	HRESULT status;
	char *data;           /* NULL or a ResultError document */
	const char *name;
};

static const char *note_name(DWORD t)
{
	switch (t) {
	case NOTE_SYSTEM_EXITED: return "SystemExited";
	case NOTE_CREATE_COMPLETED: return "SystemCreateCompleted";
	case NOTE_START_COMPLETED: return "SystemStartCompleted";
	case NOTE_PROCESS_EXITED: return "ProcessExited";
	}
	return "?";
}

static void notify(struct fake_obj *o, DWORD type, HRESULT status,
		   const char *data)
{
	PWSTR w = data ? fake_wide(data, false) : NULL;

	fake_log("-> notify %s %s=%u status=0x%08lx data=%s", note_name(type),
		 o->kind == FAKE_PROCESS ? "process" : "system", o->seq,
		 (unsigned long)status, data ? data : "null");
	if (o->note_cb)
		o->note_cb(type, o->cb_context, status, w);
	if (w)
		LocalFree(w);
}

static DWORD WINAPI completion_main(LPVOID arg)
{
	struct completion *c = arg;

	if (WaitForSingleObject(c->obj->registered, 30000) == WAIT_OBJECT_0 &&
	    !c->obj->closed)
		notify(c->obj, c->type, c->status, c->data);
	free(c->data);
	free(c);
	return 0;
}

/*
 * A call that completes later: FAKE_HCS_FAIL decides now (a synchronous
 * failure with its result document) or in the notification (async:).
 */
static HRESULT pending(const char *name, struct fake_obj *sys, DWORD type,
		       PWSTR *result)
{
	struct completion *c;
	HRESULT hr = S_OK;
	bool async = false;
	HANDLE t;

	*result = NULL;
	if (fake_should_fail(name, &hr, &async) && !async) {
		*result = error_result(name, hr);
		return hr;
	}
	if (fake_should_hang(name))
		return FAKE_PENDING;
	c = calloc(1, sizeof(*c));
	if (!c)
		abort();
	c->obj = sys;
	c->type = type;
	c->status = async ? hr : S_OK;
	c->data = async ? fake_error_doc(name, hr) : NULL;
	c->name = name;
	t = CreateThread(NULL, 0, completion_main, c, 0, NULL);
	if (t)
		CloseHandle(t);
	return FAKE_PENDING;
}

HRESULT WINAPI HcsCreateComputeSystem(PCWSTR id, PCWSTR configuration,
				      HANDLE identity, HCS_SYSTEM *computeSystem,
				      PWSTR *result);
HRESULT WINAPI HcsCreateComputeSystem(PCWSTR id, PCWSTR configuration,
				      HANDLE identity, HCS_SYSTEM *computeSystem,
				      PWSTR *result)
{
	char *sid = fake_utf8(id), *cfg = fake_utf8(configuration);
	struct fake_obj *sys;
	HRESULT hr;

	fake_log("HcsCreateComputeSystem id=%s config_bytes=%zu identity=%s",
		 sid, strlen(cfg), identity ? "set" : "null");
	free(sid);
	free(cfg);
	fake_save("FAKE_HCS_CONFIG_OUT", configuration);
	*computeSystem = NULL;
	sys = fake_new(FAKE_SYSTEM);
	sys->registered = CreateEventW(NULL, TRUE, FALSE, NULL);
	hr = pending("HcsCreateComputeSystem", sys, NOTE_CREATE_COMPLETED,
		     result);
	if (FAILED(hr) && hr != FAKE_PENDING) {
		sys->closed = true;
		return hr;
	}
	*computeSystem = (HCS_SYSTEM)sys;
	return hr;
}

HRESULT WINAPI HcsRegisterComputeSystemCallback(HCS_SYSTEM computeSystem,
						HCS_NOTIFICATION_CALLBACK callback,
						void *context,
						HCS_CALLBACK *callbackHandle);
HRESULT WINAPI HcsRegisterComputeSystemCallback(HCS_SYSTEM computeSystem,
						HCS_NOTIFICATION_CALLBACK callback,
						void *context,
						HCS_CALLBACK *callbackHandle)
{
	struct fake_obj *sys = (struct fake_obj *)computeSystem, *cb;
	char b[40];
	bool ok;
	HRESULT hr;

	fake_log("HcsRegisterComputeSystemCallback %s callback=%s context=%s",
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b, &ok),
		 callback ? "set" : "null", context ? "set" : "null");
	*callbackHandle = NULL;
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsRegisterComputeSystemCallback", &hr, NULL))
		return hr;
	cb = fake_new(FAKE_CALLBACK);
	cb->cb_owner = sys;
	sys->note_cb = callback;
	sys->cb_context = context;
	SetEvent(sys->registered);
	*callbackHandle = (HCS_CALLBACK)cb;
	return S_OK;
}

static HRESULT unregister(const char *name, HCS_CALLBACK callbackHandle)
{
	struct fake_obj *cb = (struct fake_obj *)callbackHandle;
	char b[40];
	bool ok;

	fake_log("%s %s", name, DESCRIBE(callbackHandle, FAKE_CALLBACK, b, &ok));
	if (!ok)
		return FAKE_E_HANDLE;
	cb->closed = true;
	cb->cb_owner->note_cb = NULL;
	return S_OK;
}

HRESULT WINAPI HcsUnregisterComputeSystemCallback(HCS_CALLBACK callbackHandle);
HRESULT WINAPI HcsUnregisterComputeSystemCallback(HCS_CALLBACK callbackHandle)
{
	return unregister("HcsUnregisterComputeSystemCallback", callbackHandle);
}

/* Start and terminate: (system, options, result), completing later. */
static HRESULT system_call(const char *name, HCS_SYSTEM computeSystem,
			   PCWSTR options, PWSTR *result, DWORD type)
{
	char b[40], *opt = options ? fake_utf8(options) : NULL;
	bool ok;

	fake_log("%s %s options=%s%s%s", name,
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b, &ok), opt ? "\"" : "",
		 opt ? opt : "null", opt ? "\"" : "");
	free(opt);
	*result = NULL;
	if (!ok)
		return FAKE_E_HANDLE;
	return pending(name, (struct fake_obj *)computeSystem, type, result);
}

HRESULT WINAPI HcsStartComputeSystem(HCS_SYSTEM computeSystem, PCWSTR options,
				     PWSTR *result);
HRESULT WINAPI HcsStartComputeSystem(HCS_SYSTEM computeSystem, PCWSTR options,
				     PWSTR *result)
{
	return system_call("HcsStartComputeSystem", computeSystem, options,
			   result, NOTE_START_COMPLETED);
}

HRESULT WINAPI HcsTerminateComputeSystem(HCS_SYSTEM computeSystem,
					 PCWSTR options, PWSTR *result);
HRESULT WINAPI HcsTerminateComputeSystem(HCS_SYSTEM computeSystem,
					 PCWSTR options, PWSTR *result)
{
	return system_call("HcsTerminateComputeSystem", computeSystem, options,
			   result, NOTE_SYSTEM_EXITED);
}

HRESULT WINAPI HcsCloseComputeSystem(HCS_SYSTEM computeSystem);
HRESULT WINAPI HcsCloseComputeSystem(HCS_SYSTEM computeSystem)
{
	char b[40];
	bool ok;

	fake_log("HcsCloseComputeSystem %s",
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b, &ok));
	if (!ok)
		return FAKE_E_HANDLE;
	((struct fake_obj *)computeSystem)->closed = true;
	return S_OK;
}

/* ---- processes ---- */

static void process_exited(struct fake_obj *p, unsigned exit_code)
{
	(void)exit_code;
	if (!fake_process_may_tell(p))
		return; /* closed first: no callback after HcsCloseProcess */
	notify(p, NOTE_PROCESS_EXITED, S_OK, NULL);
	fake_process_told(p);
}

HRESULT WINAPI HcsCreateProcess(HCS_SYSTEM computeSystem,
				PCWSTR processParameters,
				HCS_PROCESS_INFORMATION *processInformation,
				HCS_PROCESS *process, PWSTR *result);
HRESULT WINAPI HcsCreateProcess(HCS_SYSTEM computeSystem,
				PCWSTR processParameters,
				HCS_PROCESS_INFORMATION *processInformation,
				HCS_PROCESS *process, PWSTR *result)
{
	char b[40], *params = fake_utf8(processParameters);
	struct fake_obj *p;
	bool ok;
	HRESULT hr;
	bool async;

	fake_log("HcsCreateProcess %s params_bytes=%zu",
		 DESCRIBE(computeSystem, FAKE_SYSTEM, b, &ok), strlen(params));
	fake_save("FAKE_HCS_PROCESS_OUT", processParameters);
	memset(processInformation, 0, sizeof(*processInformation));
	*process = NULL;
	*result = NULL;
	if (!ok) {
		free(params);
		return FAKE_E_HANDLE;
	}
	if (fake_should_fail("HcsCreateProcess", &hr, &async)) {
		*result = error_result("HcsCreateProcess", hr);
		free(params);
		return hr;
	}
	p = fake_new(FAKE_PROCESS);
	p->system = (struct fake_obj *)computeSystem;
	fake_process_start(p, params, CreateEventW(NULL, TRUE, TRUE, NULL),
			   process_exited);
	free(params);
	processInformation->ProcessId = FAKE_PID;
	processInformation->StdInput = p->std_in;
	processInformation->StdOutput = p->std_out;
	processInformation->StdError = p->std_err;
	*process = (HCS_PROCESS)p;
	return S_OK;
}

HRESULT WINAPI HcsRegisterProcessCallback(HCS_PROCESS process,
					  HCS_NOTIFICATION_CALLBACK callback,
					  void *context,
					  HCS_CALLBACK *callbackHandle);
HRESULT WINAPI HcsRegisterProcessCallback(HCS_PROCESS process,
					  HCS_NOTIFICATION_CALLBACK callback,
					  void *context,
					  HCS_CALLBACK *callbackHandle)
{
	struct fake_obj *p = (struct fake_obj *)process, *cb;
	char b[40];
	bool ok;
	HRESULT hr;

	fake_log("HcsRegisterProcessCallback %s callback=%s context=%s",
		 DESCRIBE(process, FAKE_PROCESS, b, &ok),
		 callback ? "set" : "null", context ? "set" : "null");
	*callbackHandle = NULL;
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsRegisterProcessCallback", &hr, NULL))
		return hr;
	cb = fake_new(FAKE_CALLBACK);
	cb->cb_owner = p;
	p->note_cb = callback;
	p->cb_context = context;
	SetEvent(p->registered);
	*callbackHandle = (HCS_CALLBACK)cb;
	return S_OK;
}

HRESULT WINAPI HcsUnregisterProcessCallback(HCS_CALLBACK callbackHandle);
HRESULT WINAPI HcsUnregisterProcessCallback(HCS_CALLBACK callbackHandle)
{
	return unregister("HcsUnregisterProcessCallback", callbackHandle);
}

HRESULT WINAPI HcsGetProcessProperties(HCS_PROCESS process, PWSTR *properties,
				       PWSTR *result);
HRESULT WINAPI HcsGetProcessProperties(HCS_PROCESS process, PWSTR *properties,
				       PWSTR *result)
{
	char b[40], data[128];
	bool ok;
	HRESULT hr;

	fake_log("HcsGetProcessProperties %s",
		 DESCRIBE(process, FAKE_PROCESS, b, &ok));
	*properties = NULL;
	*result = NULL;
	if (!ok)
		return FAKE_E_HANDLE;
	if (fake_should_fail("HcsGetProcessProperties", &hr, NULL)) {
		*result = error_result("HcsGetProcessProperties", hr);
		return hr;
	}
	snprintf(data, sizeof(data),
		 "{\"ProcessId\":%u,\"Exited\":true,\"ExitCode\":%u}", FAKE_PID,
		 fake_exit_code());
	*properties = fake_wide(data, true);
	return S_OK;
}

HRESULT WINAPI HcsCloseProcess(HCS_PROCESS process);
HRESULT WINAPI HcsCloseProcess(HCS_PROCESS process)
{
	struct fake_obj *p = (struct fake_obj *)process;
	char b[40];
	bool ok;

	fake_log("HcsCloseProcess %s", DESCRIBE(process, FAKE_PROCESS, b, &ok));
	if (!ok)
		return FAKE_E_HANDLE;
	fake_process_close(p);
	return S_OK;
}

/* ---- NameToGuid ---- */

/* Public vmcompute!NameToGuid answers (rule: hcsc.apply.name-to-guid). */
static const char *const known[][2] = {
	{ "4", "bd9c3ef9-f239-59b5-a27e-15c523b1d149" },
	{ "ecca0170f401bd3132a4b0fa72abea915e0f6ef94003dff5c00e6d3f93fc149b",
	  "010df3e1-7918-5616-b7ed-f330ad22e0d8" },
	{ "7be5fa817a7ea239fa1b0e1a18f4587794dc8a043761eb25b7659026a9bdf0f1",
	  "44ee543c-e9f7-5ac3-a463-d6dc23dde7ce" },
	{ "4e3c0eecb91d8fc28eda07ff06c6910a592b0ce4539476fb943b48e6934e9976",
	  "cd22d128-903e-550a-9d8f-aa8134ca1c9b" },
	{ "e2a46135ff011a2ef9f193590ccddde95806850a0cdd7638b913e003c28e7fd0",
	  "8f9dd02a-0f67-598e-921b-59884f08b5af" },
	{ "3030b7a20c848d1553700c1ccf0369b0f5d9b3d9a4c37ea6652fd54809a60a07",
	  "4d2dfb6d-2f3b-5926-adf1-4bd7e162b91f" },
	{ "2a4a12b082184aec3c238334a57cae90eb5ae33d25dab0cc5a8c65c67293782d",
	  "f1f65ef4-dda7-5263-88b0-8c816567a93a" },
	{ "e984e14da4691b4ca5782a9c4b4af88a17db410424d2632d157a261b8d2cd918",
	  "6658b069-0c9a-5796-8dd4-df51d8e89bf3" },
	{ "d239cc65931aeaa6443dd51452405e442baf32447515ecb3b19aee1a86b3e616",
	  "7b2926d2-514d-5e06-82e3-f9a726c336a6" },
	{ "c09e132f538143279663778ef82c57af1d1d9af79f47963bf1e543919e9e363e",
	  "f87666ff-622a-57ae-a59c-935bcbd517ab" },
	{ "110cc8554b1db358e3394b0aecbbbf17135775eaabd7e19587bcc081a146dc3f",
	  "04ca5ecc-0c68-586c-baf1-85fbc7dae2ed" },
	{ "c4b0fef4a4f026def338d79ba686f3838e9d217f79ed8b5f0a10edf911ee2312",
	  "4d028b02-ef55-5ef6-9418-27439f950375" },
	{ "b96bc989586f7c91240c36156b2ba034816440727354534830516af3a26ce776",
	  "e498afab-37ca-5c38-b2d7-af8b6803358c" },
	{ "84eda3c719e6ede7de73473d76a0271b0d9dad9a65b12fce59a63710cdf01a18",
	  "15573d3c-2c12-5583-b6f0-9ee5e6587c64" },
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : 0;
}

static void parse_guid(const char *s, GUID *g)
{
	unsigned char b[16];
	int k = 0;

	for (const char *p = s; *p && k < 16; p++) {
		if (*p == '-')
			continue;
		b[k++] = (unsigned char)(hexval(p[0]) << 4 | hexval(p[1]));
		p++;
	}
	g->Data1 = (DWORD)b[0] << 24 | (DWORD)b[1] << 16 | (DWORD)b[2] << 8 | b[3];
	g->Data2 = (WORD)(b[4] << 8 | b[5]);
	g->Data3 = (WORD)(b[6] << 8 | b[7]);
	memcpy(g->Data4, b + 8, 8);
}

/* Not the real algorithm (unknown): a stable v5-shaped stand-in. */
static void stand_in(const char *name, GUID *g)
{
	unsigned long long h1 = 0xcbf29ce484222325ull, h2 = 0x84222325cbf29ce4ull;
	unsigned char b[16];

	for (const char *p = name; *p; p++) {
		h1 = (h1 ^ (unsigned char)*p) * 0x100000001b3ull;
		h2 = (h2 ^ (unsigned char)*p) * 0x100000001b3ull;
	}
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(h1 >> (8 * i));
		b[8 + i] = (unsigned char)(h2 >> (8 * i));
	}
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x50);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	g->Data1 = (DWORD)b[0] << 24 | (DWORD)b[1] << 16 | (DWORD)b[2] << 8 | b[3];
	g->Data2 = (WORD)(b[4] << 8 | b[5]);
	g->Data3 = (WORD)(b[6] << 8 | b[7]);
	memcpy(g->Data4, b + 8, 8);
}

HRESULT WINAPI NameToGuid(PCWSTR name, GUID *guid);
HRESULT WINAPI NameToGuid(PCWSTR name, GUID *guid)
{
	char *s = fake_utf8(name);
	HRESULT hr;
	bool found = false;

	if (fake_should_fail("NameToGuid", &hr, NULL)) {
		fake_log("NameToGuid name=%s -> failed", s);
		free(s);
		return hr;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (!strcmp(known[i][0], s)) {
			parse_guid(known[i][1], guid);
			found = true;
		}
	}
	if (!found)
		stand_in(s, guid);
	fake_log("NameToGuid name=%s -> %08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x"
		 "%02x%02x",
		 s, (unsigned long)guid->Data1, guid->Data2, guid->Data3,
		 guid->Data4[0], guid->Data4[1], guid->Data4[2], guid->Data4[3],
		 guid->Data4[4], guid->Data4[5], guid->Data4[6], guid->Data4[7]);
	free(s);
	return S_OK;
}
