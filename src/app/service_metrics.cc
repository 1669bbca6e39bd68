#include "app/service_metrics.h"

#include <cstdint>

#include "modules/cases/case_service.h"
#include "modules/emergency/emergency_service.h"
#include "security/audit_batcher.h"

namespace dandelion::app {

void AddServiceMetrics(http::Metrics& metrics, Services& s) {
  metrics.AddGauge("dandelion_help_form_addresses",
                   "Client addresses the help form's flood control remembers (bounded).",
                   [&s] { return static_cast<int64_t>(s.emergency->RememberedAddresses()); });
  metrics.AddGauge("dandelion_case_lists_kept",
                   "Case lists whose rows are kept in memory (cases/list_cache.h).",
                   [&s] { return static_cast<int64_t>(s.cases->listed_rows().Count().entries); });
  metrics.AddGauge("dandelion_cases_kept",
                   "Cases whose rows are kept in memory (cases/case_cache.h).",
                   [&s] { return static_cast<int64_t>(s.cases->kept_cases().Count().entries); });
  // How often a case read is answered from kept rows, and how often it reads the database
  // (docs/operations.md, "Monitoring"; the benchmarks report the share).
  metrics.AddCounter("dandelion_case_reads_kept_total",
                     "Case reads answered from kept rows (cases/case_cache.h).",
                     [&s] { return s.cases->kept_cases().Count().hits; });
  metrics.AddCounter("dandelion_case_reads_afresh_total",
                     "Case reads that read the case from the database: not kept, or changed since.",
                     [&s] { return s.cases->kept_cases().Count().misses; });
  // The reads' audit entries (security/audit_batcher.h): entries over groups is the mean group;
  // a failure is a reply refused because its entry could not be made durable; on SQLite the
  // journal's unfiled bytes say how far the filing into the chain lags (0 on PostgreSQL).
  metrics.AddCounter("dandelion_audit_read_entries_total",
                     "Audit entries of reads made durable before their replies left.",
                     [&s] { return s.audit_reads->Count().entries; });
  metrics.AddCounter(
      "dandelion_audit_read_groups_total",
      "Groups of read audit entries written: one fdatasync (SQLite) or transaction each.",
      [&s] { return s.audit_reads->Count().groups; });
  metrics.AddCounter("dandelion_audit_read_failures_total",
                     "Read audit entries that could not be written; their replies were refused.",
                     [&s] { return s.audit_reads->Count().failed; });
  metrics.AddGauge("dandelion_audit_journal_unfiled_bytes",
                   "Bytes of the reads' audit journal not yet filed into the chain; -1 unreadable.",
                   [&s] {
                     auto bytes = s.audit_reads->UnfiledBytes();
                     return bytes ? *bytes : int64_t{-1};
                   });
  metrics.AddGauge("dandelion_case_list_keys_kept",
                   "Women's keys kept unwrapped beside kept case lists; 0 right after an erasure.",
                   [&s] { return static_cast<int64_t>(s.cases->listed_rows().Count().keys); });
}

}  // namespace dandelion::app
