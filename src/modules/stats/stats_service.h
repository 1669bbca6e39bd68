// StatsService: the one door to statistics (docs/statistics.md, docs/api-stats.md).
//
// Network statistics (network_admin, researcher) count only people with an active `statistics`
// consent at the time of counting, across every member, and hide small cells: a count from 1 to
// k-1 and the complementary cells that would let it be worked out (model.h). An organization's
// own statistics (org_admin, supervisor) count all of its own records, without suppression.
// Neither ever answers a record, a name or an id of a person: only keys of the vocabularies,
// periods and counts. Every read is audited (stats.network.read, stats.own.read); k is a network
// setting (3..20, default 5) that network_admin changes, audited in its own transaction.
//
// Thread-safe: state lives in the database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "security/actor.h"
#include "security/audit_batcher.h"
#include "security/audit_log.h"
#include "store/database.h"

namespace dandelion::stats {

struct StatsQuery {
  std::string from;     // YYYY-MM-DD, Korea; "" = 1 January of to's year
  std::string to;       // YYYY-MM-DD, Korea; "" = today
  std::string by;       // one dimension, or two joined by a comma
  std::string measure;  // services (건) | people (명); "" = services
};

// One published cell. key holds one value per dimension; "" stands for a total over that
// dimension (JSON null).
struct StatRow {
  std::vector<std::string> key;
  std::optional<std::int64_t> count;  // nullopt: suppressed
  bool suppressed = false;
};

struct StatTable {
  std::string from;
  std::string to;
  std::vector<std::string> by;
  std::string measure;
  std::string unit;  // services | people | mentions | matters | requests | referrals | nights |
                     // stays | won
  std::vector<StatRow> rows;
  int k = 0;  // network only
  // Emergency response times and referral answer times, where the table has them.
  std::optional<std::int64_t> median_seconds;
  std::optional<std::int64_t> p90_seconds;
  std::optional<std::int64_t> median_seconds_received;  // referrals: our answers
  std::optional<std::int64_t> median_seconds_sent;      // referrals: their answers
};

class StatsService {
 public:
  StatsService(store::Database& db, const security::AuditLog& audit, security::AuditBatcher& reads,
               const Clock& clock);

  Result<security::Audited<StatTable>> Network(const security::Actor& actor, const StatsQuery& q);
  Result<security::Audited<StatTable>> Own(const security::Actor& actor, const StatsQuery& q);

  // Checks a query as Network (network true) or Own would, without counting anything: the
  // permission and every field (400 naming from, to, by or measure). Export jobs check their
  // query before they are queued.
  Result<void> Check(const security::Actor& actor, bool network, const StatsQuery& q) const;

  Result<int> K(const security::Actor& actor);
  Result<int> SetK(const security::Actor& actor, std::int64_t k);

 private:
  store::Database& db_;
  const security::AuditLog& audit_;
  security::AuditBatcher& reads_;
  const Clock& clock_;
};

// The dimensions each statistic accepts, for the API document and the web app.
std::vector<std::string> NetworkDimensions();
std::vector<std::string> OwnDimensions();

}  // namespace dandelion::stats
