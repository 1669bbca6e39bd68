// ServiceLog: the services given to her within a case (docs/domain.md, "Service event") — type,
// date, minutes and amount in clear for statistics; outcome and notes sealed under her key.
// Contact-type services move the case's last contact.
//
// Thread-safe: state lives in the database.
#pragma once

#include <string>
#include <vector>

#include "modules/case_records/record_door.h"

namespace dandelion::case_records {

class ServiceLog {
 public:
  explicit ServiceLog(Deps deps) : deps_(deps) {}

  // case.write; 400 naming bad fields; 409 "cases.closed" on a closed case.
  Result<Service> Record(const security::Actor& actor, const std::string& case_id,
                         const ServiceFields& fields);
  // case.read; oldest date first.
  Result<security::Audited<std::vector<Service>>> List(const security::Actor& actor,
                                                       const std::string& case_id);

 private:
  Deps deps_;
};

}  // namespace dandelion::case_records
