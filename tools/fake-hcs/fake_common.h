/*
 * fake_common.h: what the two fake HCS DLLs share (tools/fake-hcs,
 * rule: hcsc.apply.schema-by-host-build). They stand in for computecore.dll and
 * vmcompute.dll under Wine, which has neither: every call is recorded,
 * every handle validated, every document kept, and any call can be made
 * to fail. Built with mingw-w64 from this folder only; test tooling, not
 * part of hcsc.
 *
 * Environment (read at each call):
 *   FAKE_HCS_LOG          file: one line per call appended (UTF-8)
 *   FAKE_HCS_CONFIG_OUT   file: the configuration HcsCreateComputeSystem got
 *   FAKE_HCS_PROCESS_OUT  file: the parameters HcsCreateProcess got
 *   FAKE_HCS_FAIL         NAME=0xHRESULT[,async:NAME=0xHRESULT...]: the
 *                         call fails at once, or (async:) through its
 *                         operation / completion notification
 *   FAKE_HCS_HANG         NAME: the call's completion never comes
 *   FAKE_HCS_EXIT_CODE    the init process's exit code (default 0)
 *   FAKE_HCS_STDOUT_FILE  bytes the init process writes to stdout (default
 *                         one line); stdin, when piped, is echoed after them
 */
#ifndef FAKE_COMMON_H
#define FAKE_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <windows.h>

#include <computedefs.h>

#define FAKE_MAGIC 0x48435346u /* "FSCH" */
#define FAKE_E_HANDLE ((HRESULT)0x80070006L)
#define FAKE_E_TIMEOUT ((HRESULT)0x80370118L) /* HCS_E_OPERATION_TIMEOUT */
#define FAKE_E_NOT_STARTED ((HRESULT)0x80370115L)
#define FAKE_E_ALREADY_STARTED ((HRESULT)0x80370116L)
#define FAKE_PENDING ((HRESULT)0xC0370103L) /* ERROR_VMCOMPUTE_OPERATION_PENDING */
#define FAKE_PID 4242u

enum fake_kind { FAKE_OP, FAKE_SYSTEM, FAKE_PROCESS, FAKE_CALLBACK };

/*
 * Every handle is one of these, never freed, so a use after close is
 * seen. `seq` numbers handles of one kind from 1, for stable logs.
 */
struct fake_obj {
	unsigned magic;
	enum fake_kind kind;
	unsigned seq;
	bool closed;
	struct fake_obj *system;  /* process, operation: its system */
	/* operation (computecore) */
	bool started, hang;
	HRESULT hr;                 /* the result the wait returns */
	char *doc;                  /* its result document (UTF-8), or NULL */
	struct fake_obj *process;   /* HcsCreateProcess's process */
	HANDLE delivered;           /* set once the operation is closed */
	/* process */
	HANDLE std_in, std_out, std_err; /* the caller's ends */
	HANDLE my_in, my_out, my_err;    /* the process's ends */
	HANDLE thread;
	volatile LONG state;             /* FAKE_RUNNING, _TELLING, _CLOSED */
	HANDLE registered;               /* set once a callback is on */
	HCS_EVENT_CALLBACK event_cb;     /* computecore */
	HCS_NOTIFICATION_CALLBACK note_cb; /* vmcompute */
	void *cb_context;
	struct fake_obj *cb_owner;       /* callback handle: its object */
};

/* Logging: printf-like, one line; the NUL-free UTF-8 of wide strings. */
void fake_log(const char *fmt, ...) __attribute__((format(gnu_printf, 1, 2)));
char *fake_utf8(PCWSTR w); /* malloc'd; "(null)" for NULL */
PWSTR fake_wide(const char *s, bool cotaskmem); /* LocalAlloc or CoTaskMem */
void fake_save(const char *env, PCWSTR doc);

/* FAKE_HCS_FAIL for `name`: true with *hr and *async when it should fail. */
bool fake_should_fail(const char *name, HRESULT *hr, bool *async);
bool fake_should_hang(const char *name);
/* {"Error":<hr>,"ErrorMessage":"fake failure in NAME"} (malloc'd). */
char *fake_error_doc(const char *name, HRESULT hr);

struct fake_obj *fake_new(enum fake_kind kind);
/* "op=3", "op=INVALID", "op=CLOSED(3)"; valid only for a live handle. */
const char *fake_describe(const void *h, enum fake_kind kind, char *buf,
			  size_t n, bool *valid);
#define DESCRIBE(h, kind, buf, valid) \
	fake_describe((h), (kind), (buf), sizeof(buf), (valid))

/*
 * Make the init process of `params` (UTF-8 ProcessParameters): pipes as
 * CreateStd*Pipe ask, and a thread that waits for `go` (and the
 * registration) before writing its output and calling `done`.
 */
void fake_process_start(struct fake_obj *p, const char *params, HANDLE go,
			void (*done)(struct fake_obj *p, unsigned exit_code));
unsigned fake_exit_code(void);

/*
 * The race between the process exiting and the caller closing its handle:
 * the thread claims the right to call back (false: closed already);
 * closing claims it first, or waits for a callback under way to end.
 */
enum { FAKE_RUNNING, FAKE_TELLING, FAKE_CLOSED };
bool fake_process_may_tell(struct fake_obj *p);
void fake_process_told(struct fake_obj *p);
void fake_process_close(struct fake_obj *p);

#endif
