/*
 * os/thread.c: the thread shim (rule: hcsc.check.jobs). POSIX: pthreads and
 * sysconf(_SC_NPROCESSORS_ONLN); Windows: _beginthreadex, SRW locks,
 * condition variables (Vista and later) and GetSystemInfo.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L
#endif

#include "thread.h"

#include <errno.h>
#include <stdint.h>

#ifdef _WIN32
#include <process.h>
#else
#include <unistd.h>
#endif

#ifdef _WIN32
/* _beginthreadex, not CreateThread: the workers use the C runtime. */
static unsigned __stdcall trampoline(void *p)
{
	struct os_thread *t = p;

	t->fn(t->arg);
	return 0;
}

int os_thread_start(struct os_thread *t, void (*fn)(void *arg),
		       void *arg)
{
	uintptr_t h;

	t->fn = fn;
	t->arg = arg;
	h = _beginthreadex(NULL, 0, trampoline, t, 0, NULL);
	t->handle = (HANDLE)h;
	return h ? 0 : EAGAIN;
}

void os_thread_join(struct os_thread *t)
{
	WaitForSingleObject(t->handle, INFINITE);
	CloseHandle(t->handle);
}

void os_mutex_init(struct os_mutex *m)
{
	InitializeSRWLock(&m->lock);
}

void os_mutex_release(struct os_mutex *m)
{
	(void)m; /* SRW locks hold no resources */
}

void os_mutex_lock(struct os_mutex *m)
{
	AcquireSRWLockExclusive(&m->lock);
}

void os_mutex_unlock(struct os_mutex *m)
{
	ReleaseSRWLockExclusive(&m->lock);
}

void os_cond_init(struct os_cond *c)
{
	InitializeConditionVariable(&c->cond);
}

void os_cond_release(struct os_cond *c)
{
	(void)c;
}

void os_cond_wait(struct os_cond *c, struct os_mutex *m)
{
	SleepConditionVariableSRW(&c->cond, &m->lock, INFINITE, 0);
}

void os_cond_broadcast(struct os_cond *c)
{
	WakeAllConditionVariable(&c->cond);
}

unsigned os_thread_cpus(void)
{
	SYSTEM_INFO si;

	GetSystemInfo(&si);
	return si.dwNumberOfProcessors ? (unsigned)si.dwNumberOfProcessors : 1;
}
#else
static void *trampoline(void *p)
{
	struct os_thread *t = p;

	t->fn(t->arg);
	return NULL;
}

int os_thread_start(struct os_thread *t, void (*fn)(void *arg),
		       void *arg)
{
	t->fn = fn;
	t->arg = arg;
	return pthread_create(&t->handle, NULL, trampoline, t);
}

void os_thread_join(struct os_thread *t)
{
	pthread_join(t->handle, NULL);
}

void os_mutex_init(struct os_mutex *m)
{
	pthread_mutex_init(&m->lock, NULL);
}

void os_mutex_release(struct os_mutex *m)
{
	pthread_mutex_destroy(&m->lock);
}

void os_mutex_lock(struct os_mutex *m)
{
	pthread_mutex_lock(&m->lock);
}

void os_mutex_unlock(struct os_mutex *m)
{
	pthread_mutex_unlock(&m->lock);
}

void os_cond_init(struct os_cond *c)
{
	pthread_cond_init(&c->cond, NULL);
}

void os_cond_release(struct os_cond *c)
{
	pthread_cond_destroy(&c->cond);
}

void os_cond_wait(struct os_cond *c, struct os_mutex *m)
{
	pthread_cond_wait(&c->cond, &m->lock);
}

void os_cond_broadcast(struct os_cond *c)
{
	pthread_cond_broadcast(&c->cond);
}

unsigned os_thread_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}
#endif
