/*
 * resources.c: CPU, memory and storage QoS of the hcsshim builders, one
 * function per rule with its variants side by side:
 *
 *   hcsshim v0.8.6 (reference SEED-early E1): only the OCI fields; every
 *   non-nil pointer is copied; the count is clamped to the host's CPUs;
 *   memory is limit / 1024 / 1024; no mutual exclusion.
 *
 *   hcsshim main (hcsoci.ConvertCPULimits, oci.ParseAnnotations*): the
 *   container annotations io.microsoft.container.* win over the OCI
 *   fields; count, limit and weight are int32 and mutually exclusive; the
 *   count is clamped to the host's (or the utility VM's) processors; the
 *   memory is in MB as a uint64.
 * rules: hcs.latest.cpu-limits, hcs.latest.annotations
 */
#include <inttypes.h>
#include <string.h>

#include "ascii.h"
#include "diag.h"
#include "hcs/hcs_int.h"
#include "model/host.h"

#define MIB (1024 * 1024)

#define ANN_COUNT "io.microsoft.container.processor.count"
#define ANN_LIMIT "io.microsoft.container.processor.limit"
#define ANN_WEIGHT "io.microsoft.container.processor.weight"
#define ANN_MEMORY "io.microsoft.container.memory.sizeinmb"
#define ANN_BPS "io.microsoft.container.storage.qos.bandwidthmaximum"
#define ANN_IOPS "io.microsoft.container.storage.qos.iopsmaximum"
#define ANN_UVM_COUNT "io.microsoft.virtualmachine.computetopology.processor.count"

static struct hcsc_pos win_pos(const struct oci_spec *s, struct hcsc_pos p)
{
	return pos_or(p, pos_or(s->windows.pos, s->pos));
}

/* ---- hcsshim v0.8.6 (E1) ------------------------------------------------ */

static void cpu_086(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	uint64_t host = p->in->host->cpu_count;

	if (!s->windows.has_resources || !s->windows.has_cpu)
		return;
	p->count_set = s->windows.cpu_count.set;
	p->shares_set = s->windows.cpu_shares.set;
	p->maximum_set = s->windows.cpu_maximum.set;
	p->cpu_weight = s->windows.cpu_shares.v;
	p->cpu_limit = s->windows.cpu_maximum.v;
	if (!p->count_set)
		return;
	p->cpu_count = s->windows.cpu_count.v;
	if (p->cpu_count > host) {
		diag_warning(d, DC_CPU, win_pos(s, s->windows.cpu_count_pos),
			     "Changing requested CPUCount of %" PRIu64
			     " to current number of processors, %" PRIu64,
			     p->cpu_count, host);
		p->count_prov = hcs_explain_clamp(p->in, "hcs.v086.cpu-count-clamp",
						  p->cpu_count, host, "the host's");
		p->cpu_count = host;
	}
}

/* MemoryMaximumInMB = int64(limit) / 1024 / 1024 (Go truncates). */
static void memory_086(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	uint64_t limit = s->windows.memory_limit.v;

	if (!s->windows.has_resources || !s->windows.has_memory ||
	    !s->windows.memory_limit.set)
		return;
	p->memory_set = true;
	p->memory_mb = hcs_go_int64(limit) / 1024 / 1024;
	p->memory_prov = hcs_explain_mb(p->in, "hcs.v086.resources", limit,
					(uint64_t)p->memory_mb);
	if (limit % MIB)
		diag_warning(d, DC_ROUNDING, win_pos(s, s->windows.memory_pos),
			     "memory limit %" PRIu64 " bytes is not a whole "
			     "number of MiB: HCS gets %" PRId64 " MB (hcsshim "
			     "rounds down)",
			     limit, p->memory_mb);
}

static void storage_086(struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;

	if (!s->windows.has_resources || !s->windows.has_storage)
		return;
	p->bps_set = s->windows.storage_bps.set;
	p->iops_set = s->windows.storage_iops.set;
	p->bps = s->windows.storage_bps.v;
	p->iops = s->windows.storage_iops.v;
}

/* ---- hcsshim main ------------------------------------------------------- */

/* The last value of annotation `key` (a Go map keeps one), or NULL. */
static const struct kv *annotation(const struct oci_spec *s, const char *key)
{
	const struct kv *found = NULL;

	for (size_t i = 0; i < s->nannotations; i++)
		if (s->annotations[i].key && !strcmp(s->annotations[i].key, key))
			found = &s->annotations[i];
	return found;
}

/* strconv.ParseInt(v, 10, bits) / ParseUint(v, 10, 64), whole string. */
static bool parse_go_int(const char *v, bool sign_ok, uint64_t max_mag,
			 uint64_t neg_max, int64_t *out_s, uint64_t *out_u)
{
	bool neg = false;
	uint64_t mag = 0;

	if (sign_ok && (*v == '+' || *v == '-'))
		neg = *v++ == '-';
	if (!*v)
		return false;
	for (; *v; v++) {
		if (!ascii_isdigit(*v) || mag > (UINT64_MAX - 9) / 10)
			return false;
		mag = mag * 10 + (uint64_t)(*v - '0');
	}
	if (mag > (neg ? neg_max : max_mag))
		return false;
	if (out_u)
		*out_u = mag;
	if (out_s)
		*out_s = neg ? -(int64_t)mag : (int64_t)mag;
	return true;
}

/* A parse failure is only logged by hcsshim; hcsc says so. */
static void ignored(struct diag_list *d, const struct oci_spec *s,
		    const struct kv *a, const char *what)
{
	diag_warning(d, DC_ANNOTATION, s->pos,
		     "annotation '%s' value '%s' is not %s: hcsshim ignores it",
		     a->key, a->value ? a->value : "", what);
}

/* oci.ParseAnnotationsInt32, then the OCI field if non-nil and > 0. */
static int32_t ann_int32(struct diag_list *d, const struct oci_spec *s,
			 const char *key, bool oci_set, uint64_t oci)
{
	const struct kv *a = annotation(s, key);
	int64_t v;

	if (a && parse_go_int(a->value ? a->value : "", true, INT32_MAX,
			      (uint64_t)INT32_MAX + 1, &v, NULL)) {
		if (v)
			return (int32_t)v;
	} else if (a) {
		ignored(d, s, a, "a 32-bit integer");
	}
	return oci_set && oci > 0 ? hcs_go_int32(oci) : 0;
}

/* The processors the count is clamped to: the host's, or the UVM's. */
static int32_t max_cpus(struct diag_list *d, const struct hcs_plan *p)
{
	int32_t host = (int32_t)p->in->host->cpu_count;
	int32_t uvm;

	if (!p->hyperv)
		return host;
	/* uvm defaults: vmutils.DefaultProcessorCountForUVM, normalized. */
	uvm = ann_int32(d, p->spec, ANN_UVM_COUNT, true, host > 1 ? 2 : 1);
	return uvm > host ? host : uvm;
}

static enum hcsc_rc cpu_latest(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	bool cpu = s->windows.has_resources && s->windows.has_cpu;
	int32_t count, limit, weight, max;
	int nset;

	count = ann_int32(d, s, ANN_COUNT, cpu && s->windows.cpu_count.set,
			  s->windows.cpu_count.v);
	limit = ann_int32(d, s, ANN_LIMIT, cpu && s->windows.cpu_maximum.set,
			  s->windows.cpu_maximum.v);
	weight = ann_int32(d, s, ANN_WEIGHT, cpu && s->windows.cpu_shares.set,
			   s->windows.cpu_shares.v);
	nset = (count > 0) + (limit > 0) + (weight > 0);
	if (nset > 1)
		return diag_error(d, win_pos(s, s->windows.cpu_count_pos),
				  "invalid spec - Windows Container CPU Count: "
				  "'%" PRId32 "', Limit: '%" PRId32 "', and Weight: "
				  "'%" PRId32 "' are mutually exclusive",
				  count, limit, weight);
	max = max_cpus(d, p);
	if (nset == 1 && count > max) {
		diag_warning(d, DC_CPU, win_pos(s, s->windows.cpu_count_pos),
			     "Changing user requested cpu count to current "
			     "number of processors on the host");
		p->count_prov = hcs_explain_clamp(p->in, "hcs.latest.cpu-limits",
						  (uint64_t)count, (uint64_t)max,
						  p->hyperv ? "the utility VM's"
							    : "the host's");
		count = max;
	}
	/* v1 takes uint32/int64/uint64 of these; v2 always has Processor. */
	p->count_set = p->maximum_set = p->shares_set = true;
	p->cpu_count = (uint64_t)(uint32_t)count;
	p->cpu_limit = (uint64_t)(int64_t)limit;
	p->cpu_weight = (uint64_t)(int64_t)weight;
	return HCSC_OK;
}

/* oci.ParseAnnotationsMemory: MB, a uint64 (annotation, else limit). */
static void memory_latest(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	const struct kv *a = annotation(s, ANN_MEMORY);
	uint64_t mb = 0;

	if (a && !parse_go_int(a->value ? a->value : "", false, UINT64_MAX, 0,
			       NULL, &mb))
		ignored(d, s, a, "a 64-bit unsigned integer");
	if (!mb && s->windows.has_resources && s->windows.has_memory &&
	    s->windows.memory_limit.set) {
		mb = s->windows.memory_limit.v / 1024 / 1024;
		p->memory_prov = hcs_explain_mb(p->in, "hcs.latest.cpu-limits",
						s->windows.memory_limit.v, mb);
	}
	if (!mb)
		return;
	p->memory_set = true;
	p->memory_mb_u = mb;
	p->memory_mb = mb > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)mb;
}

static void storage_latest(struct diag_list *d, struct hcs_plan *p)
{
	const struct oci_spec *s = p->spec;
	bool st = s->windows.has_resources && s->windows.has_storage;
	int32_t bps, iops;

	bps = ann_int32(d, s, ANN_BPS, st && s->windows.storage_bps.set,
			s->windows.storage_bps.v);
	iops = ann_int32(d, s, ANN_IOPS, st && s->windows.storage_iops.set,
			 s->windows.storage_iops.v);
	if (bps <= 0 && iops <= 0)
		return;
	p->bps_set = p->iops_set = true;
	p->bps = (uint64_t)(int64_t)bps;
	p->iops = (uint64_t)(int64_t)iops;
}

enum hcsc_rc hcs_plan_resources(struct diag_list *d, struct hcs_plan *p)
{
	enum hcsc_rc rc;

	if (!p->latest) {
		cpu_086(d, p);
		memory_086(d, p);
		storage_086(p);
		return HCSC_OK;
	}
	rc = cpu_latest(d, p);
	if (rc != HCSC_OK)
		return rc;
	memory_latest(d, p);
	storage_latest(d, p);
	return HCSC_OK;
}
