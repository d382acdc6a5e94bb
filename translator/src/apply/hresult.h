/*
 * apply/hresult.h: names of the HRESULTs HCS hands back: the HCS_E_* and
 * ERROR_VMCOMPUTE_* codes of rule: hcsc.apply.hresult-names and the common
 * Win32 ones. Portable (a table), so it is tested on every platform.
 */
#ifndef HCSC_APPLY_HRESULT_H
#define HCSC_APPLY_HRESULT_H

#include <stdint.h>

/* Room for the longest apply_hresult_text(). */
#define APPLY_HRESULT_TEXT 80

/* The symbolic name of `hr`, or NULL when it is not in the table. */
const char *apply_hresult_name(uint32_t hr);

/*
 * `NAME (0x8037010d)`, or `HRESULT 0x8037010d` for a code the table does
 * not know (hex lowercase, 8 digits). Writes into buf and returns it.
 */
const char *apply_hresult_text(uint32_t hr, char buf[APPLY_HRESULT_TEXT]);

#endif
