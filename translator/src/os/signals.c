/*
 * os/signals.c: SIGINT, SIGTERM and SIGHUP held off while a set of
 * documents is being renamed (os_write_files, rule: hcsc.cli.output):
 * the process ends once the set is complete (or rolled back) and its
 * backups are removed, never between two renames. Two counters are the
 * only process-wide state of os/: sets renaming now (any thread), and a
 * termination signal held off (0: none). Outside a set the handler ends
 * the process at once, as the default action does; a signal the process
 * was started ignoring stays ignored. Windows ends a process without a
 * signal hcsc could hold off: there both calls do nothing.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L /* sigaction() */
#endif

#include "os/signals.h"

#ifdef _WIN32

int os_hold_signals(void)
{
	return 0;
}

void os_release_signals(void)
{
}

#else /* POSIX */

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

static atomic_int renaming;
static atomic_int held_signal;
static const int holdable[] = { SIGINT, SIGTERM, SIGHUP };

static void end_by(int sig)
{
	struct sigaction dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	raise(sig); /* in the handler: delivered when it returns */
}

static void on_signal(int sig)
{
	atomic_store(&held_signal, sig);
	if (atomic_load(&renaming) == 0)
		end_by(sig);
}

static void install_handlers(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(holdable) / sizeof(holdable[0]); i++)
		sigaddset(&sa.sa_mask, holdable[i]);
	for (size_t i = 0; i < sizeof(holdable) / sizeof(holdable[0]); i++)
		if (sigaction(holdable[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL)
			sigaction(holdable[i], &sa, NULL);
}

void os_release_signals(void)
{
	int sig;

	if (atomic_fetch_sub(&renaming, 1) == 1 &&
	    (sig = atomic_load(&held_signal)) != 0)
		end_by(sig);
}

/* EINTR: a termination is already held off; start no new set. */
int os_hold_signals(void)
{
	install_handlers();
	atomic_fetch_add(&renaming, 1);
	if (atomic_load(&held_signal) == 0)
		return 0;
	os_release_signals();
	return EINTR;
}

#endif
