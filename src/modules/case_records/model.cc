#include "modules/case_records/model.h"

#include <algorithm>
#include <chrono>

#include "core/korea_date.h"
#include "http/text_util.h"
#include "modules/service_support.h"

namespace dandelion::case_records {
namespace {

constexpr std::string_view kServiceTypes[] = {"counseling",
                                              "psychological_therapy",
                                              "medical",
                                              "legal_assistance",
                                              "investigation_accompaniment",
                                              "court_accompaniment",
                                              "vocational_training",
                                              "education",
                                              "housing_support",
                                              "living_expense_support",
                                              "emergency_rescue",
                                              "outreach",
                                              "peer_support"};
constexpr std::string_view kAppointmentKinds[] = {"counseling", "therapy", "hearing", "medical",
                                                  "legal",      "visit",   "other"};
constexpr std::string_view kLegalKinds[] = {"prosecution_against_her", "complaint_by_her",
                                            "civil_debt", "immigration", "family"};
constexpr std::string_view kLegalStatuses[] = {"investigation", "indicted", "trial", "appeal",
                                               "concluded"};
constexpr std::string_view kHearingKinds[] = {"investigation_interview",
                                              "preliminary",
                                              "trial",
                                              "sentencing",
                                              "appeal",
                                              "mediation",
                                              "other"};
constexpr std::string_view kConsentKinds[] = {"services",    "referral_sharing", "statistics",
                                              "contact_sms", "contact_email",    "photo"};
constexpr std::string_view kConsentMethods[] = {"verbal", "written"};
constexpr std::string_view kAssessmentDomains[] = {
    "safety", "housing",   "physical_health", "mental_health", "legal",      "debt",
    "income", "education", "employment",      "family",        "immigration"};
constexpr std::string_view kGoalStatuses[] = {"planned", "in_progress", "achieved", "dropped"};
constexpr std::string_view kFileKinds[] = {"consent_form", "medical_letter", "legal_document",
                                           "id_document",  "certificate",    "other"};

Error Invalid() { return Error{ErrorCode::kInvalid, "error.invalid"}; }

Result<void> Done(Error e) {
  if (!e.fields.empty()) return Fail(std::move(e));
  return Ok();
}

void CheckWord(Error& e, std::string_view field, std::span<const std::string_view> words,
               std::string_view value) {
  if (!IsOneOf(words, value)) e.Field(std::string(field), "field.unknown_value");
}

// A real calendar date, or the reason it is not.
bool RealDate(std::string_view date) {
  int y = 0, m = 0, d = 0;
  return ParseDate(date, &y, &m, &d) && y >= 1900;
}

}  // namespace

std::span<const std::string_view> ServiceTypes() { return kServiceTypes; }
std::span<const std::string_view> AppointmentKinds() { return kAppointmentKinds; }
std::span<const std::string_view> LegalKinds() { return kLegalKinds; }
std::span<const std::string_view> LegalStatuses() { return kLegalStatuses; }
std::span<const std::string_view> HearingKinds() { return kHearingKinds; }
std::span<const std::string_view> ConsentKinds() { return kConsentKinds; }
std::span<const std::string_view> ConsentMethods() { return kConsentMethods; }
std::span<const std::string_view> AssessmentDomains() { return kAssessmentDomains; }
std::span<const std::string_view> GoalStatuses() { return kGoalStatuses; }
std::span<const std::string_view> FileKinds() { return kFileKinds; }

bool IsOneOf(std::span<const std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsContactService(std::string_view type) {
  return IsOneOf(kServiceTypes, type) && type != "living_expense_support";
}

Result<void> ValidateService(const ServiceFields& in, TimePoint now) {
  Error e = Invalid();
  CheckWord(e, "type", kServiceTypes, in.type);
  if (!RealDate(in.date)) {
    e.Field("date", "field.invalid_date");
  } else if (in.date > KoreaDate(now)) {
    e.Field("date", "case_records.date_future");
  }
  if (in.minutes < 0) {
    e.Field("minutes", "field.negative");
  } else if (in.minutes > kMaxMinutes) {
    e.Field("minutes", "field.out_of_range");
  }
  if (in.amount && *in.amount < 0) {
    e.Field("amount", "field.negative");
  } else if (in.amount && *in.amount > kMaxAmount) {
    e.Field("amount", "field.out_of_range");
  }
  return Done(std::move(e));
}

Result<void> ValidateNote(std::string_view text) {
  if (Blank(text)) return Fail(Invalid().Field("text", "field.empty"));
  return Ok();
}

Result<void> ValidateAppointment(const AppointmentFields& in) {
  Error e = Invalid();
  CheckWord(e, "kind", kAppointmentKinds, in.kind);
  if (in.ends_at && *in.ends_at <= in.starts_at) {
    e.Field("ends_at", "case_records.ends_before_start");
  } else if (in.ends_at && *in.ends_at - in.starts_at > std::chrono::hours(24)) {
    e.Field("ends_at", "field.out_of_range");
  }
  return Done(std::move(e));
}

Result<void> ValidateWindow(TimePoint from, TimePoint to) {
  if (to <= from) return Fail(Invalid().Field("to", "case_records.ends_before_start"));
  if (to - from > std::chrono::hours(24 * kMaxCalendarDays)) {
    return Fail(Invalid().Field("to", "case_records.window_too_long"));
  }
  return Ok();
}

std::vector<std::string> LegalFields::Names() const {
  std::vector<std::string> out;
  if (kind) out.emplace_back("kind");
  if (authority) out.emplace_back("authority");
  if (case_number) out.emplace_back("case_number");
  if (status) out.emplace_back("status");
  if (outcome) out.emplace_back("outcome");
  return out;
}

Result<void> ValidateLegal(const LegalFields& in, bool creating) {
  Error e = Invalid();
  if (creating && !in.kind) e.Field("kind", "field.required");
  if (creating && !in.status) e.Field("status", "field.required");
  if (in.kind) CheckWord(e, "kind", kLegalKinds, *in.kind);
  if (in.status) CheckWord(e, "status", kLegalStatuses, *in.status);
  return Done(std::move(e));
}

Result<void> ValidateHearing(const HearingFields& in) {
  Error e = Invalid();
  if (!in.kind.empty()) CheckWord(e, "kind", kHearingKinds, in.kind);
  // A hearing is a court date; anything before 1990 is a typing error, not history.
  if (UnixSeconds(in.at) < 631152000) e.Field("at", "field.out_of_range");
  return Done(std::move(e));
}

Result<void> ValidateConsent(const ConsentFields& in, TimePoint now) {
  Error e = Invalid();
  CheckWord(e, "kind", kConsentKinds, in.kind);
  CheckWord(e, "method", kConsentMethods, in.method);
  if (in.expires_at && *in.expires_at <= now) e.Field("expires_at", "case_records.expiry_past");
  for (const auto& f : in.scope_fields) {
    const bool word = !f.empty() && std::all_of(f.begin(), f.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    });
    if (!word) {
      e.Field("scope.fields", "field.unknown_value");
      break;
    }
  }
  if (in.kind == "referral_sharing" && in.scope_org_id.empty() && Blank(in.scope_external)) {
    // Sharing is always with someone: the consent names the organization it covers, or the
    // party outside the network.
    e.Field("scope.org_id", "case_records.consent_needs_org");
  }
  if (!in.scope_org_id.empty() && !in.scope_external.empty()) {
    e.Field("scope.external", "case_records.consent_one_receiver");
  }
  return Done(std::move(e));
}

std::string ConsentState(std::string_view expires_at, std::string_view revoked_at, TimePoint now) {
  if (!revoked_at.empty()) return "revoked";
  if (!expires_at.empty() && std::string_view(FormatRfc3339(now)) >= expires_at) return "expired";
  return "active";
}

Result<void> ValidateAssessment(const AssessmentFields& in) {
  Error e = Invalid();
  if (in.ratings.empty()) e.Field("ratings", "field.empty");
  for (const auto& [domain, rating] : in.ratings) {
    if (!IsOneOf(kAssessmentDomains, domain)) {
      e.Field("ratings." + domain, "field.unknown");
    } else if (rating < 0 || rating > 4) {
      e.Field("ratings." + domain, "field.out_of_range");
    }
  }
  for (const auto& [domain, text] : in.notes) {
    if (!IsOneOf(kAssessmentDomains, domain)) {
      e.Field("notes." + domain, "field.unknown");
    } else if (!in.ratings.contains(domain)) {
      e.Field("notes." + domain, "case_records.note_without_rating");
    }
  }
  return Done(std::move(e));
}

std::vector<std::string> GoalFields::Names() const {
  std::vector<std::string> out;
  if (title) out.emplace_back("title");
  if (target_date) out.emplace_back("target_date");
  if (status) out.emplace_back("status");
  return out;
}

Result<void> ValidateGoal(const GoalFields& in, bool creating) {
  Error e = Invalid();
  if (creating && !in.title) {
    e.Field("title", "field.required");
  } else if (in.title && Blank(*in.title)) {
    e.Field("title", "field.empty");
  }
  if (in.target_date && !in.target_date->empty() && !RealDate(*in.target_date)) {
    e.Field("target_date", "field.invalid_date");
  }
  if (in.status) CheckWord(e, "status", kGoalStatuses, *in.status);
  return Done(std::move(e));
}

Result<void> ValidateFile(std::string_view kind, std::string_view name, size_t size) {
  Error e = Invalid();
  CheckWord(e, "kind", kFileKinds, kind);
  if (Blank(name)) {
    e.Field("name", "field.empty");
  } else if (http::CodePointCount(name) > kFileNameLength) {
    e.Field("name", "field.too_long");
  } else if (name == "." || name == ".." || std::any_of(name.begin(), name.end(), [](char c) {
               auto u = static_cast<unsigned char>(c);
               return c == '/' || c == '\\' || u < 0x20 || u == 0x7F;
             })) {
    e.Field("name", "case_records.file_name");
  }
  if (size == 0) e.Field("body", "field.empty");
  if (size > kMaxFileBytes) e.Field("body", "case_records.file_too_large");
  return Done(std::move(e));
}

}  // namespace dandelion::case_records
