/*
 * t_empty.c: the negative control of t_done(): a test that checks nothing
 * must fail (CTest unit.t_done_empty expects this program to fail).
 */
#include "t.h"

int main(void)
{
	return t_done();
}
