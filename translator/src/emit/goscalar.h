/*
 * goscalar.h: Go encoding/json's bytes for scalars (emit_go_string is in
 * gojson.h, the public header).
 */
#ifndef HCSC_EMIT_GOSCALAR_H
#define HCSC_EMIT_GOSCALAR_H

#include <stdint.h>

struct strbuf;

void emit_go_i64(struct strbuf *out, int64_t v);
/* float64 as Go prints it: shortest round-trip digits, 'e' form outside
 * [1e-6, 1e21). NaN and infinities are the caller's error. */
void emit_go_float(struct strbuf *out, double x);

#endif
