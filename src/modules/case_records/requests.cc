#include "modules/case_records/requests.h"

namespace dandelion::case_records {
namespace {

// Numbers far outside any valid value still reach the model, which names the rule they break
// (negative, out of range) instead of a bare type error.
constexpr int64_t kWide = 1'000'000'000'000'000;

}  // namespace

ServiceFields ReadService(http::FieldReader& f) {
  ServiceFields in;
  in.type = f.String("type", 40);
  in.date = f.String("date", 10);
  in.minutes = f.Int("minutes", -kWide, kWide);
  in.provider = f.OptString("provider", kShortText).value_or("");
  in.outcome = f.OptString("outcome", kLongText).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  in.amount = f.OptInt("amount", -kWide, kWide);
  return in;
}

NoteIn ReadNote(http::FieldReader& f) {
  NoteIn in;
  in.text = f.String("text", kNoteText);
  in.amends = f.OptString("amends", 40);
  return in;
}

AppointmentFields ReadAppointment(http::FieldReader& f) {
  AppointmentFields in;
  in.starts_at = f.Time("starts_at").value_or(TimePoint{});
  in.ends_at = f.Time("ends_at", false);
  in.kind = f.String("kind", 40);
  in.with_whom = f.OptString("with_whom", kShortText).value_or("");
  in.place = f.OptString("place", kShortText).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  return in;
}

LegalFields ReadLegal(http::FieldReader& f, bool creating) {
  LegalFields in;
  if (creating) in.kind = f.String("kind", 40);
  in.authority = f.OptString("authority", kShortText);
  in.case_number = f.OptString("case_number", 100);
  in.status =
      creating ? std::optional<std::string>(f.String("status", 40)) : f.OptString("status", 40);
  in.outcome = f.OptString("outcome", kShortText);
  return in;
}

HearingFields ReadHearing(http::FieldReader& f) {
  HearingFields in;
  in.at = f.Time("at").value_or(TimePoint{});
  in.court = f.OptString("court", kShortText).value_or("");
  in.kind = f.OptString("kind", 40).value_or("");
  in.notes = f.OptString("notes", kLongText).value_or("");
  return in;
}

ConsentFields ReadConsent(http::FieldReader& f) {
  ConsentFields in;
  in.kind = f.String("kind", 40);
  if (const boost::json::object* scope = f.Object("scope", false)) {
    http::FieldReader s(*scope, "scope.");
    in.scope_fields = s.StringList("fields", 50, 60);
    in.scope_org_id = s.OptString("org_id", 40).value_or("");
    in.scope_external = s.OptString("external", 200).value_or("");
    f.Absorb(s);
  }
  in.method = f.String("method", 20);
  in.expires_at = f.Time("expires_at", false);
  return in;
}

AssessmentFields ReadAssessment(http::FieldReader& f) {
  AssessmentFields in;
  if (const boost::json::object* ratings = f.Object("ratings")) {
    http::FieldReader r(*ratings, "ratings.");
    if (ratings->size() > 20) f.Reject("ratings", "field.too_many");
    for (const auto& kv : *ratings) {
      if (auto v = r.OptInt(kv.key(), -kWide, kWide)) in.ratings[std::string(kv.key())] = *v;
    }
    f.Absorb(r);
  }
  if (const boost::json::object* notes = f.Object("notes", false)) {
    http::FieldReader n(*notes, "notes.");
    if (notes->size() > 20) f.Reject("notes", "field.too_many");
    for (const auto& kv : *notes) {
      if (auto v = n.OptString(kv.key(), kLongText); v && !v->empty()) {
        in.notes[std::string(kv.key())] = *v;
      }
    }
    f.Absorb(n);
  }
  return in;
}

GoalFields ReadGoal(http::FieldReader& f, bool creating) {
  GoalFields in;
  in.title = creating ? std::optional<std::string>(f.String("title", kShortText))
                      : f.OptString("title", kShortText);
  in.target_date = f.OptString("target_date", 10);
  in.status = f.OptString("status", 20);
  return in;
}

Result<CalendarQuery> ReadCalendarQuery(const http::Request& req) {
  Error e{ErrorCode::kInvalid, "error.invalid"};
  CalendarQuery q;
  for (auto [name, out] : {std::pair{"from", &q.from}, std::pair{"to", &q.to}}) {
    if (!ParseRfc3339(req.Query(name), out)) {
      e.Field(name, req.query.contains(name) ? "field.invalid_time" : "field.required");
    }
  }
  const std::string scope = req.query.contains("scope") ? req.Query("scope") : "me";
  if (scope != "me" && scope != "organization") e.Field("scope", "field.unknown_value");
  if (!e.fields.empty()) return Fail(e);
  q.organization = scope == "organization";
  return q;
}

}  // namespace dandelion::case_records
