// The case records as the API shows them (docs/api-cases.md, "Case records"): "" becomes null.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <vector>

#include "modules/case_records/model.h"

namespace dandelion::case_records {

boost::json::object ServiceJson(const Service& s);
boost::json::object NoteJson(const Note& n);
boost::json::object AppointmentJson(const Appointment& a);
boost::json::object LegalMatterJson(const LegalMatter& m);
boost::json::object HearingJson(const Hearing& h);
boost::json::object ConsentJson(const Consent& c);
boost::json::object AssessmentJson(const Assessment& a);
boost::json::object GoalJson(const Goal& g);
boost::json::object FileJson(const FileInfo& f);

// {"items": [...], "next_cursor": null}
template <class T, class F>
boost::json::object ListJson(const std::vector<T>& items, F&& to_json) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(to_json(item));
  return {{"items", std::move(out)}, {"next_cursor", nullptr}};
}

}  // namespace dandelion::case_records
