/*
 * check/thread.h: the thread shim of `hcsc check -j` (rule: hcsc.check.jobs):
 * pthreads on POSIX; on Windows Win32 threads (_beginthreadex), SRW
 * locks and condition variables (never libwinpthread). Only what the
 * runner needs: start/join, a mutex and a condition variable. Failures to
 * create a thread are reported; lock operations cannot fail in correct
 * use.
 */
#ifndef HCSC_CHECK_THREAD_H
#define HCSC_CHECK_THREAD_H

#ifdef _WIN32
#include <windows.h>
#else
#include <pthread.h>
#endif

struct check_thread {
#ifdef _WIN32
	HANDLE handle;
#else
	pthread_t handle;
#endif
	void (*fn)(void *arg);
	void *arg;
};

struct check_mutex {
#ifdef _WIN32
	SRWLOCK lock;
#else
	pthread_mutex_t lock;
#endif
};

struct check_cond {
#ifdef _WIN32
	CONDITION_VARIABLE cond;
#else
	pthread_cond_t cond;
#endif
};

/* Start fn(arg) on a new thread. Returns 0 or an error number. */
int check_thread_start(struct check_thread *t, void (*fn)(void *arg),
		       void *arg);
void check_thread_join(struct check_thread *t);

void check_mutex_init(struct check_mutex *m);
void check_mutex_release(struct check_mutex *m);
void check_mutex_lock(struct check_mutex *m);
void check_mutex_unlock(struct check_mutex *m);

void check_cond_init(struct check_cond *c);
void check_cond_release(struct check_cond *c);
void check_cond_wait(struct check_cond *c, struct check_mutex *m);
void check_cond_broadcast(struct check_cond *c);

/* Number of online processors (at least 1): the default of -j. */
unsigned check_thread_cpus(void);

#endif
