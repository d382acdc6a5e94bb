/*
 * os/signals.h: termination signals held off around a set of renames
 * (os/signals.c), so that an interrupted `-o` or `--update` leaves every
 * set either old or new.
 */
#ifndef HCSC_OS_SIGNALS_H
#define HCSC_OS_SIGNALS_H

/*
 * Before a set's first rename. Returns 0, or EINTR when a termination
 * signal is already held off: then no set may start (nothing is held).
 */
int os_hold_signals(void);

/*
 * After the set is complete or rolled back and cleaned up: the last set
 * to finish ends the process by a signal held off meanwhile.
 */
void os_release_signals(void);

#endif
