// The referral letter a worker prints for the receiver (referral_service.h): in Korean, naming
// her only when her legal name is shared under a consent that still covers it.
#include <algorithm>
#include <optional>

#include "core/messages.h"
#include "http/pdf_document.h"
#include "modules/network/model.h"
#include "modules/people/person_cipher.h"
#include "modules/people/person_repo.h"
#include "modules/referrals/referral_service.h"
#include "modules/referrals/referrals_internal.h"
#include "modules/service_support.h"
#include "security/policy.h"

namespace dandelion::referrals {

namespace {

std::string Ko(std::string_view key) { return Translate(key, Lang::kKo); }

std::string Words(const std::vector<std::string>& codes, std::string_view prefix) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ", ";
    out += Ko(std::string(prefix) + code);
  }
  return out;
}

std::string RegionName(const std::string& code) {
  for (const auto& r : network::Regions()) {
    if (r.code == code) return std::string(r.ko);
  }
  return code;
}

// What the letter says, read in one read transaction; the PDF is made after it.
struct LetterContent {
  Referral view;
  std::string name;  // her legal name, only when shared and still covered
};

Result<std::string> LetterPdf(const LetterContent& c) {
  const Referral& view = c.view;
  http::PdfDocument doc(Ko("referrals.letter.title"));
  doc.Heading(Ko("referrals.letter.title"));
  doc.Label(Ko("referrals.letter.date"), view.sent_at.substr(0, 10));
  doc.Label(Ko("referrals.letter.from"), view.from_org.name);
  doc.Label(Ko("referrals.letter.to"),
            view.external ? view.external->name : (view.to_org ? view.to_org->name : ""));
  doc.Gap();
  doc.Label(Ko("referrals.letter.person"), c.name.empty() ? view.person_code : c.name);
  if (!view.age_band.empty()) {
    doc.Label(Ko("referrals.letter.age_band"), Ko("referrals.age_band." + view.age_band));
  }
  doc.Label(Ko("referrals.letter.services"), Words(view.services, "referrals.service."));
  doc.Label(Ko("referrals.letter.urgency"), Ko("referrals.urgency." + view.urgency));
  if (!view.region.empty()) doc.Label(Ko("referrals.letter.region"), RegionName(view.region));
  doc.Gap();
  if (!view.note.empty()) {
    doc.Text(Ko("referrals.letter.note"));
    doc.Text(view.note);
    doc.Gap();
  }
  doc.Label(Ko("referrals.letter.worker"), view.sent_by);
  doc.Gap();
  doc.Text(Ko("referrals.letter.confidential"));
  return doc.Finish();
}

}  // namespace

// Read without the database's writer (a PDF is made meanwhile, and the reading is all it does):
// the entry is owed to the reads' group commit, and a refusal is on record before it leaves.
Result<security::Audited<std::string>> ReferralService::Letter(const security::Actor& actor,
                                                               const std::string& id) {
  TRY(RequirePermission(actor, security::perm::kCaseRead));
  const TimePoint now = clock_.Now();
  constexpr std::string_view kAction = "referral.letter";
  std::optional<LetterContent> content;
  std::string refused;  // the refusal's outcome when there is no letter for the caller
  TRY(db_.Read([&](store::Tx& tx) -> Result<void> {
    content.reset();
    auto r = TRY(FindForSide(tx, actor, id));
    if (!r) {
      refused = "not_found";
      return Ok();
    }
    if (SideOf(*r, actor.org_id) != "outgoing") {
      refused = "denied";
      return Ok();
    }
    LetterContent c{.view = TRY(ViewFor(tx, keyring_, *r, actor.org_id, now))};
    // Her name goes on paper only while a consent covers it (or a life-danger override sent it).
    const std::vector<std::string> name_only = {"legal_name"};
    const auto& share = c.view.share;
    const bool shared = std::find(share.begin(), share.end(), "legal_name") != share.end();
    const std::string external = c.view.external ? c.view.external->name : "";
    if (shared &&
        (!r->override_by.empty() || !CoveringConsent(TRY(ConsentsOf(tx, r->from_person_id, now)),
                                                     r->to_org_id, external, name_only)
                                         .empty())) {
      auto her = TRY(people::person_repo::FindById(tx, r->from_person_id));
      if (her && her->erased_at.empty()) {
        auto cipher = TRY(people::PersonCipher::Load(tx, keyring_, her->org_id, her->id));
        c.name = TRY(cipher.Open("legal_name", her->legal_name));
      }
    }
    content = std::move(c);
    return Ok();
  }));
  if (!content) {
    // As RefuseStep records a refused step: another organization's id is unknown (404), the
    // receiver's side is not the sender's (403).
    auto e = security::ActorEvent(actor, std::string(kAction), "referral", id);
    e.outcome = refused;
    Error refusal =
        refused == "not_found" ? NotFound() : Error{ErrorCode::kForbidden, "referrals.sender_only"};
    return Fail(reads_.Refuse(std::move(e), std::move(refusal)));
  }
  std::vector<std::string> fields = {"note"};
  if (!content->name.empty()) fields.emplace_back("person.legal_name");
  auto pdf = TRY(LetterPdf(*content));
  auto e = security::ActorEvent(actor, std::string(kAction), "referral", id, fields, actor.org_id);
  return security::Audited<std::string>{std::move(pdf),
                                        security::PendingAudit(reads_, std::move(e))};
}

}  // namespace dandelion::referrals
