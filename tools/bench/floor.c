/*
 * tools/bench/floor.c: hcsc-floor FILE, the floor hcsc's start-up is
 * compared with (issue 14): the smallest program that does what a
 * compile must do at least, with the same JSON library: read a JSON
 * file, parse it with json-c, print it indented on standard output.
 */
#include <stdio.h>

#include <json-c/json.h>

int main(int argc, char **argv)
{
	struct json_object *o;
	const char *s;

	if (argc != 2)
		return 2;
	o = json_object_from_file(argv[1]);
	if (!o)
		return 1;
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
						      JSON_C_TO_STRING_SPACED);
	fputs(s, stdout);
	fputc('\n', stdout);
	json_object_put(o);
	return 0;
}
