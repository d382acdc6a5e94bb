/*
 * resources.c: CPU, memory and storage I/O limits on Windows.
 * Mirrors moby daemon/daemon_windows.go verifyPlatformContainerResources
 * (checks, warnings and the CPU-conflict discards, in upstream order) and
 * daemon/oci_windows.go setResourcesInSpec (the arithmetic, Go integer
 * conversions included). rule: oci.resources.validation. moby 85ad4b16c1
 * (docker-19.03) adds the client-SKU and NanoCPUs-rounding rules below.
 * rules: oci.resources.process-discards, oci.resources.nanocpus-hyperv,
 *   oci.resources.nanocpus-process
 */
#include "resources.h"

#include <inttypes.h>

#include "diag.h"
#include "model/host.h"
#include "prov.h"
#include "target/target.h"

/* Step 2 of rule: oci.resources.validation: process isolation only, mutating the stored HostConfig. */
static void discard_conflicts(struct oci_ctx *c, struct container *k)
{
	if (k->cpu_count.v > 0) {
		if (k->cpu_shares.v > 0) {
			diag_warning(c->d, DC_CPU, k->cpu_shares.pos,
				     "Conflicting options: CPU count takes priority "
				     "over CPU shares on Windows Server Containers. "
				     "CPU shares discarded");
			k->cpu_shares.v = 0;
		}
		if (k->cpu_percent.v > 0) {
			diag_warning(c->d, DC_CPU, k->cpu_percent.pos,
				     "Conflicting options: CPU count takes priority "
				     "over CPU percent on Windows Server Containers. "
				     "CPU percent discarded");
			k->cpu_percent.v = 0;
		}
	} else if (k->cpu_shares.v > 0 && k->cpu_percent.v > 0) {
		diag_warning(c->d, DC_CPU, k->cpu_percent.pos,
			     "Conflicting options: CPU shares takes priority over "
			     "CPU percent on Windows Server Containers. CPU percent "
			     "discarded");
		k->cpu_percent.v = 0;
	}
}

static enum hcsc_rc check_cpu(struct oci_ctx *c, const struct container *k)
{
	int64_t ncpu = c->host->cpu_count;

	if (k->cpu_shares.v < 0 || k->cpu_shares.v > 10000)
		return diag_error(c->d, k->cpu_shares.pos,
				  "range of CPUShares is from 1 to 10000");
	if (k->cpu_percent.v < 0 || k->cpu_percent.v > 100)
		return diag_error(c->d, k->cpu_percent.pos,
				  "range of CPUPercent is from 1 to 100");
	if (k->cpu_count.v < 0)
		return diag_error(c->d, k->cpu_count.pos,
				  "invalid CPUCount: CPUCount cannot be negative");
	if (k->nano_cpus.v > 0 && k->cpu_percent.v > 0)
		return diag_error(c->d, k->nano_cpus.pos,
				  "conflicting options: Nano CPUs and CPU Percent "
				  "cannot both be set");
	if (k->nano_cpus.v > 0 && k->cpu_shares.v > 0)
		return diag_error(c->d, k->nano_cpus.pos,
				  "conflicting options: Nano CPUs and CPU Shares "
				  "cannot both be set");
	if (k->nano_cpus.v != 0 &&
	    (k->nano_cpus.v < 0 || k->nano_cpus.v > ncpu * 1000000000))
		return diag_error(c->d, k->nano_cpus.pos,
				  "range of CPUs is from 0.01 to %" PRId64
				  ".00, as there are only %" PRId64
				  " CPUs available",
				  ncpu, ncpu);
	return HCSC_OK;
}

/* Step 9 of rule: oci.resources.validation: fields Windows does not support, in upstream order. */
static enum hcsc_rc check_unsupported(struct oci_ctx *c)
{
	const struct desc_host_config *h = &c->desc->host_config;
	const struct {
		bool bad;
		const char *field;
		struct hcsc_pos pos;
	} rules[] = {
		{ h->blkio_device_read_bps.n > 0, "BlkioDeviceReadBps", h->blkio_device_read_bps.pos },
		{ h->blkio_device_read_iops.n > 0, "BlkioDeviceReadIOps", h->blkio_device_read_iops.pos },
		{ h->blkio_device_write_bps.n > 0, "BlkioDeviceWriteBps", h->blkio_device_write_bps.pos },
		{ h->blkio_device_write_iops.n > 0, "BlkioDeviceWriteIOps", h->blkio_device_write_iops.pos },
		{ h->blkio_weight.v > 0, "BlkioWeight", h->blkio_weight.pos },
		{ h->blkio_weight_device.n > 0, "BlkioWeightDevice", h->blkio_weight_device.pos },
		{ h->cgroup_parent.set && *h->cgroup_parent.v, "CgroupParent", h->cgroup_parent.pos },
		{ h->cpu_period.v != 0, "CPUPeriod", h->cpu_period.pos },
		{ h->cpuset_cpus.set && *h->cpuset_cpus.v, "CpusetCpus", h->cpuset_cpus.pos },
		{ h->cpuset_mems.set && *h->cpuset_mems.v, "CpusetMems", h->cpuset_mems.pos },
		{ h->memory_reservation.v != 0, "MemoryReservation", h->memory_reservation.pos },
		{ h->memory_swap.v != 0, "MemorySwap", h->memory_swap.pos },
		/* fixMemorySwappiness: -1 (the CLI's default) counts as unset */
		{ h->memory_swappiness.set && h->memory_swappiness.v != -1, "MemorySwappiness", h->memory_swappiness.pos },
		{ h->oom_kill_disable.set && h->oom_kill_disable.v, "OomKillDisable", h->oom_kill_disable.pos },
		/* the create router turns PidsLimit <= 0 into nil */
		{ h->pids_limit.set && (c->desc->inspect ? h->pids_limit.v != 0 : h->pids_limit.v > 0), "PidsLimit", h->pids_limit.pos },
		{ h->ulimits.n > 0, "Ulimits", h->ulimits.pos },
	};

	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].bad)
			return diag_error(c->d, oci_pos(c, rules[i].pos, h->hdr.pos),
					  "invalid option: Windows does not support %s",
					  rules[i].field);
	return HCSC_OK;
}

/*
 * moby 85ad4b16c1 (docker-19.03) verifyPlatformContainerSettings: a
 * client SKU before 1809 ran Hyper-V containers only.
 * rule: oci.moby-1903.client-sku
 */
static enum hcsc_rc check_client_sku_1903(struct oci_ctx *c,
					  const struct container *k)
{
	if (k->hyperv || !c->host->client || c->host->os_build >= BUILD_RS5)
		return HCSC_OK;
	return diag_error(c->d, k->isolation_pos,
			  "Windows client operating systems earlier than version "
			  "1809 can only run Hyper-V containers");
}

/*
 * moby 85ad4b16c1 verifyContainerResources: before build 16175 a Hyper-V
 * container could not have more than one CPU unless whole; NanoCPUs is
 * rounded to the nearest whole CPU, with a warning.
 * rule: oci.moby-1903.nanocpus-rounding
 */
static void round_nano_cpus_1903(struct oci_ctx *c, struct container *k)
{
	int64_t nano = k->nano_cpus.v;

	if (nano <= 1000000000 || !k->hyperv || c->host->os_build >= 16175 ||
	    nano % 1000000000 == 0)
		return;
	k->nano_cpus.v = (nano + 500000000) / 1000000000 * 1000000000;
	diag_warning(c->d, DC_ROUNDING, k->nano_cpus.pos,
		     "Your current OS version does not support Hyper-V containers "
		     "with NanoCPUs greater than 1000000000 but not divisible by "
		     "1000000000. NanoCPUs rounded to %" PRId64,
		     k->nano_cpus.v);
}

enum hcsc_rc oci_verify_resources(struct oci_ctx *c, struct container *k)
{
	bool era = c->t->oci == TARGET_OCI_MOBY_1903;
	enum hcsc_rc rc = era ? check_client_sku_1903(c, k) : HCSC_OK;

	if (rc != HCSC_OK)
		return rc;
	if (!k->hyperv)
		discard_conflicts(c, k);
	rc = check_cpu(c, k);
	if (rc == HCSC_OK && era)
		round_nano_cpus_1903(c, k);
	if (rc == HCSC_OK)
		rc = check_unsupported(c);
	return rc;
}

/* What explain shows for the CPU values (rule: hcsc.explain). */
static void explain_cpu(const struct oci_ctx *c, const struct container *k,
			struct oci_spec *s)
{
	int64_t nano = k->nano_cpus.v;
	const char *rule = k->hyperv ? "oci.resources.nanocpus-hyperv"
				     : "oci.resources.nanocpus-process";
	struct prov *cnt, *max;

	if (nano <= 0) {
		prov_put_input(c->px, &s->windows.cpu_count, "oci.resources.spec",
			       "HostConfig.CpuCount", k->cpu_count.pos);
		max = prov_put_input(c->px, &s->windows.cpu_maximum, "oci.resources.spec",
				     "HostConfig.CpuPercent", k->cpu_percent.pos);
		prov_math(c->px, max, "CpuPercent %" PRId64 " * 100 = %u",
			  k->cpu_percent.v, (unsigned)s->windows.cpu_maximum.v);
	} else if (k->hyperv) {
		cnt = prov_put_input(c->px, &s->windows.cpu_count, rule,
				     "HostConfig.NanoCpus", k->nano_cpus.pos);
		max = prov_put_input(c->px, &s->windows.cpu_maximum, rule,
				     "HostConfig.NanoCpus", k->nano_cpus.pos);
		prov_math(c->px, cnt, "ceil(%" PRId64 " / 1e9) = %" PRIu64 " CPUs",
			  nano, s->windows.cpu_count.v);
		if (nano % 1000000000)
			prov_math(c->px, max, "%" PRId64 " / %" PRIu64 " CPUs / 100000 = %u",
				  nano, s->windows.cpu_count.v,
				  (unsigned)s->windows.cpu_maximum.v);
		else
			prov_math(c->px, max, "%" PRId64 " is whole CPUs: no maximum",
				  nano);
	} else {
		prov_put_input(c->px, &s->windows.cpu_count, "oci.resources.spec",
			       "HostConfig.CpuCount", k->cpu_count.pos);
		max = prov_put_input(c->px, &s->windows.cpu_maximum, rule,
				     "HostConfig.NanoCpus", k->nano_cpus.pos);
		prov_src(max, PROV_HOST, "CpuCount", c->host->cpu_count_pos);
		prov_math(c->px, max, "%" PRId64 " / %u CPUs / 100000 = %u%s", nano,
			  c->host->cpu_count, (unsigned)s->windows.cpu_maximum.v,
			  nano / c->host->cpu_count / 100000 < 1 ? " (at least 1)" : "");
	}
	prov_put_input(c->px, &s->windows.cpu_shares, "oci.resources.spec",
		       "HostConfig.CpuShares", k->cpu_shares.pos);
}

void oci_set_resources(const struct oci_ctx *c, const struct container *k,
		       struct oci_spec *s)
{
	uint16_t shares = (uint16_t)k->cpu_shares.v;
	uint16_t maximum = (uint16_t)((uint16_t)k->cpu_percent.v * 100);
	uint64_t count = (uint64_t)k->cpu_count.v;
	int64_t nano = k->nano_cpus.v;

	if (nano > 0) {
		if (k->hyperv) {
			count = (uint64_t)(nano / 1000000000);
			if (nano % 1000000000 != 0) {
				count++;
				maximum = (uint16_t)(nano / (int64_t)count / 100000);
				if (maximum < 1)
					maximum = 1;
			}
		} else {
			maximum = (uint16_t)(nano / (int64_t)c->host->cpu_count /
					     100000);
			if (maximum < 1)
				maximum = 1;
		}
	}
	if (maximum || shares || count) {
		s->windows.has_resources = true;
		s->windows.has_cpu = true;
		s->windows.cpu_maximum = (struct opt_u16){ true, maximum };
		s->windows.cpu_shares = (struct opt_u16){ true, shares };
		s->windows.cpu_count = (struct opt_u64){ true, count };
		s->windows.cpu_count_pos = oci_pos(c, k->cpu_count.pos, k->nano_cpus.pos);
		s->windows.cpu_shares_pos = k->cpu_shares.pos;
		s->windows.cpu_maximum_pos = oci_pos(c, k->cpu_percent.pos, k->nano_cpus.pos);
		if (c->px)
			explain_cpu(c, k, s);
	}
	if (k->memory.v != 0) {
		s->windows.has_resources = true;
		s->windows.has_memory = true;
		s->windows.memory_limit = (struct opt_u64){ true, (uint64_t)k->memory.v };
		s->windows.memory_pos = k->memory.pos;
		prov_put_input(c->px, &s->windows.memory_limit, "oci.resources.spec",
			       "HostConfig.Memory", k->memory.pos);
	}
	if (k->io_maximum_bandwidth || k->io_maximum_iops) {
		s->windows.has_resources = true;
		s->windows.has_storage = true;
		s->windows.storage_bps = (struct opt_u64){ true, k->io_maximum_bandwidth };
		s->windows.storage_iops = (struct opt_u64){ true, k->io_maximum_iops };
		s->windows.storage_pos = k->io_pos;
		prov_put_input(c->px, &s->windows.storage_bps, "oci.resources.spec",
			       "HostConfig.IOMaximumBandwidth", k->io_pos);
		prov_put_input(c->px, &s->windows.storage_iops, "oci.resources.spec",
			       "HostConfig.IOMaximumIOps", k->io_pos);
	}
}
