/*
 * test_hcs_process.c: the HCS process document (hcs/hcs.h) after hcsshim
 * ProcessParameters (rule: process.parameters): the command line
 * escaped from args or passed through, the environment map, the user,
 * terminal and console size, stdin, and a spec without a process section.
 */
#include "hcs_harness.h"

static const char *proc_args[] = { "C:\\Program Files\\app.exe", "a\"b", "" };

static void su_proc_args(struct fx *f)
{
	f->s.process.args.v = proc_args;
	f->s.process.args.n = 3;
}

static void su_proc_cmdline(struct fx *f)
{
	f->s.process.command_line = "cmd.exe /S /C \"echo x\"";
}

static const char *env[] = { "A=1", "B=", "C", "D=x=y", "A=2", "=z" };

static void su_proc_env(struct fx *f)
{
	f->s.process.env.v = env;
	f->s.process.env.n = 6;
	f->s.process.env.set = true;
	f->s.process.username = "ContainerUser";
}

static void su_proc_tty(struct fx *f)
{
	f->s.process.terminal = true;
	f->s.process.has_console_size = true;
	f->s.process.console_height = 4294967295ULL; /* int32: -1 */
	f->s.process.console_width = 120;
	f->in.open_stdin = true;
}

static void su_proc_size_no_tty(struct fx *f)
{
	f->s.process.has_console_size = true;
	f->s.process.console_height = 30;
	f->s.process.console_width = 120;
}

static void su_no_process(struct fx *f)
{
	f->s.has_process = false;
}

/* ---- the table --------------------------------------------------------- */

static const struct tcase cases[] = {

	{ "process: args escaped", su_proc_args, false, HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"^C:~Program Files~app.exe^ a~^b ^^\","
	  "\"WorkingDirectory\":\"C:~\",\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: commandLine passed through", su_proc_cmdline, false,
	  HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd.exe /S /C ^echo x^\","
	  "\"WorkingDirectory\":\"C:~\",\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: environment", su_proc_env, false, HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"User\":\"ContainerUser\","
	  "\"WorkingDirectory\":\"C:~\",\"Environment\":{\"\":\"z\","
	  "\"A\":\"2\",\"D\":\"x=y\"},\"CreateStdOutPipe\":true,"
	  "\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
	{ "process: terminal, console size, stdin", su_proc_tty, false, HCSC_OK,
	  NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"WorkingDirectory\":\"C:~\","
	  "\"EmulateConsole\":true,\"CreateStdInPipe\":true,"
	  "\"CreateStdOutPipe\":true,\"ConsoleSize\":[-1,120]}",
	  NOTHING, 0 },
	/* hcsshim internal/cmd sets ConsoleSize whenever the spec has one */
	{ "process: console size without terminal", su_proc_size_no_tty, false,
	  HCSC_OK, NULL, NULL,
	  "{\"CommandLine\":\"cmd /c ^echo hi^\",\"WorkingDirectory\":\"C:~\","
	  "\"CreateStdOutPipe\":true,\"CreateStdErrPipe\":true,"
	  "\"ConsoleSize\":[30,120]}",
	  NOTHING, 0 },
	{ "process: no process section", su_no_process, false, HCSC_OK, NULL,
	  NULL, "{\"CreateStdOutPipe\":true,\"CreateStdErrPipe\":true}",
	  NOTHING, 0 },
};

static void test_table(void)
{
	hcs_run_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

int main(void)
{
	test_table();
	return t_done();
}
