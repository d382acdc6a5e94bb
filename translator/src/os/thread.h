/*
 * os/thread.h: the thread shim of `hcsc check -j` and of the API's
 * thread-safety test (rule: hcsc.check.jobs):
 * pthreads on POSIX; on Windows Win32 threads (_beginthreadex), SRW
 * locks and condition variables (never libwinpthread). Only what the
 * runner needs: start/join, a mutex and a condition variable. Failures to
 * create a thread are reported; lock operations cannot fail in correct
 * use.
 */
#ifndef HCSC_OS_THREAD_H
#define HCSC_OS_THREAD_H

#ifdef _WIN32
#include <windows.h>
#else
#include <pthread.h>
#endif

struct os_thread {
#ifdef _WIN32
	HANDLE handle;
#else
	pthread_t handle;
#endif
	void (*fn)(void *arg);
	void *arg;
};

struct os_mutex {
#ifdef _WIN32
	SRWLOCK lock;
#else
	pthread_mutex_t lock;
#endif
};

struct os_cond {
#ifdef _WIN32
	CONDITION_VARIABLE cond;
#else
	pthread_cond_t cond;
#endif
};

/* Start fn(arg) on a new thread. Returns 0 or an error number. */
int os_thread_start(struct os_thread *t, void (*fn)(void *arg),
		       void *arg);
void os_thread_join(struct os_thread *t);

void os_mutex_init(struct os_mutex *m);
void os_mutex_release(struct os_mutex *m);
void os_mutex_lock(struct os_mutex *m);
void os_mutex_unlock(struct os_mutex *m);

void os_cond_init(struct os_cond *c);
void os_cond_release(struct os_cond *c);
void os_cond_wait(struct os_cond *c, struct os_mutex *m);
void os_cond_broadcast(struct os_cond *c);

/* Number of online processors (at least 1): the default of -j. */
unsigned os_thread_cpus(void);

#endif
