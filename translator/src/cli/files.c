/*
 * files.c: the standard streams in binary mode (rule: hcsc.io.binary-mode). The output
 * directories and the atomic multi-file writer moved to os/fs.c, so
 * that `hcsc compile -o` and `hcsc check --update` share one copy
 * (cli.h wraps them as cli_mkdirs / cli_write_files).
 */
#include <stdio.h>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

#include "cli.h"

void cli_binary_stdio(void)
{
#ifdef _WIN32
	_setmode(_fileno(stdout), _O_BINARY);
	_setmode(_fileno(stderr), _O_BINARY);
	_setmode(_fileno(stdin), _O_BINARY);
#endif
}
