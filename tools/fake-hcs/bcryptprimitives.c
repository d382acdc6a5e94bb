/*
 * bcryptprimitives.c: the ProcessPrng export Go >= 1.22 loads from
 * system32's bcryptprimitives.dll at start, which Wine 8 lacks
 * (rule: hcsc.tests.go-oracle). Copied into the Wine prefix's system32 for the Windows
 * path oracle (tools/goref/winpath), with WINEDLLOVERRIDES=bcryptprimitives=n.
 */
#include <windows.h>

#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;

		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
