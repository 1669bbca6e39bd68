// CaseRepo: storage of cases, their workers, break-glass grants, notifications and timeline.
// SQL only; it sees ciphertexts, never a clear summary or plan (docs/architecture.md, "Rules", 3).
// Decisions belong to CaseService and CaseAccess.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "modules/people/person_repo.h"
#include "security/account_repo.h"
#include "store/database.h"

namespace dandelion::cases::case_repo {

// A row of `cases`. Sealed members hold raw ciphertext bytes; "" is stored as NULL.
struct StoredCase {
  std::string id;
  std::string org_id;
  std::string person_id;
  std::string number;
  int64_t number_year = 0;
  int64_t number_seq = 0;
  std::string status;
  std::string intake_channel;
  std::string situation;  // comma-separated
  std::string risk_level;
  std::string summary;      // sealed
  std::string safety_plan;  // sealed
  bool restricted = false;
  std::string opened_at;
  std::string closed_at;
  std::string closure_reason;
  std::string closure_note;   // sealed
  std::string reopen_reason;  // sealed
  std::string last_contact_at;
  std::string created_by;
  std::string updated_at;
};

Result<void> Insert(store::Tx& tx, const StoredCase& c);
// Rewrites every column but id, org_id, person_id, number and created_by.
Result<void> Update(store::Tx& tx, const StoredCase& c);
Result<std::optional<StoredCase>> FindById(store::Tx& tx, const std::string& id);
// True when the case's person was erased (her cases are then gone with her).
Result<bool> PersonErased(store::Tx& tx, const std::string& person_id);
Result<int64_t> NextNumberSeq(store::Tx& tx, const std::string& org_id, int64_t year);

// Every member is part of ListCache's key (list_cache.cc, KeyOf): a member added here must be
// added there, or two different lists would share kept rows.
struct ListFilter {
  std::string org_id;
  std::string status;            // "" = any
  std::string assigned_to;       // "" = anyone's
  std::string person_id;         // "" = anyone's
  std::string no_contact_since;  // "" = no bound; else last contact (or opening) before it
  bool unassigned = false;       // only cases no active staff member works
  std::string risk_level;        // "" = any
  int limit = 200;
  // Also tell, per listed case, whether her person has a restricted case in the organization
  // (ListedCase::person_restricted): a list shown to someone who neither works nor supervises
  // the cases then decides who may see each person without a statement per case.
  bool with_person_restricted = false;
};
// A listed case with what the list shows of her person, read in the same statement: a list of
// a hundred cases is one query, not three more per case (docs/performance.md, "The caseload").
struct ListedCase {
  StoredCase c;
  bool person_erased = false;  // her row is a tombstone (or gone): the case is not listed
  std::string person_code;
  std::string legal_name;  // sealed, as stored
  std::string alias;
  std::string safe_contact;
  // Her card (PersonCipher::SealCard): when there is one, the three above are left unread.
  std::string card;
  std::optional<people::person_repo::StoredPersonKey> key;  // her newest key, wrapped
  // Whether she has a restricted case in the case's organization (access/person_access.h);
  // known to FindForCaller, and to a List asked for it (ListFilter::with_person_restricted).
  std::optional<bool> person_restricted;
};
// Cases of filter.org_id, riskiest first, then most recently opened. The cases' sealed fields
// (summary, safety_plan, closure_note, reopen_reason) are left empty: no list shows them.
Result<std::vector<ListedCase>> List(store::Tx& tx, const ListFilter& filter);

// One case as CaseAccess decides on it: the case, her person's columns and key (as listed),
// whether her person has a restricted case, the case's workers and whether user_id is one of
// them, and its organization's list generation, in one statement instead of six. Given
// session_token_hash, the same statement reads that session and its account too
// (security/session_confirmation.h); nothing is found when either is missing.
struct CaseForCaller {
  ListedCase listed;
  bool assigned = false;
  // (user id, display name) of each worker, as WorkersOf gives them.
  std::vector<std::pair<std::string, std::string>> workers;
  // Its organization's list generation in the same snapshot (case_generation.h): what CaseCache
  // keeps the rows under.
  std::optional<int64_t> generation;
  std::optional<security::account_repo::SessionAndAccount> session;
};
Result<std::optional<CaseForCaller>> FindForCaller(store::Tx& tx, const std::string& id,
                                                   const std::string& user_id,
                                                   const std::string& session_token_hash = "");

// user id → display name of each case's workers.
Result<std::map<std::string, std::vector<std::pair<std::string, std::string>>>> WorkersOf(
    store::Tx& tx, const std::vector<std::string>& case_ids);
// Replaces the case's workers.
Result<void> SetWorkers(store::Tx& tx, const std::string& case_id,
                        const std::vector<std::string>& user_ids, const std::string& at);

struct BreakGlassGrant {
  std::string id;
  std::string case_id;
  std::string user_id;
  std::string reason;  // sealed
  std::string granted_at;
  std::string expires_at;
};
Result<void> InsertBreakGlass(store::Tx& tx, const BreakGlassGrant& g);
// True when user holds a grant on case that expires after now (RFC 3339 text).
Result<bool> HasBreakGlass(store::Tx& tx, const std::string& case_id, const std::string& user_id,
                           const std::string& now);

struct Notification {
  std::string id;
  std::string org_id;
  std::string user_id;
  std::string kind;
  std::string case_id;
  std::string actor_id;
  std::string at;
  std::string read_at;
  std::string actor_name;   // the actor's display name (read only)
  std::string referral_id;  // a notification about a referral names it
};
Result<void> InsertNotification(store::Tx& tx, const Notification& n);
Result<std::vector<Notification>> NotificationsOf(store::Tx& tx, const std::string& user_id,
                                                  int limit);
// Marks a notification of user_id read; false when it is not theirs.
Result<bool> MarkRead(store::Tx& tx, const std::string& id, const std::string& user_id,
                      const std::string& at);

struct TimelineEvent {
  std::string id;
  std::string case_id;
  std::string at;
  std::string kind;
  std::string entity_id;
  std::string label;
  std::string actor_id;
  std::string actor_name;  // the actor's display name (read only)
};
Result<void> InsertTimeline(store::Tx& tx, const TimelineEvent& e);
Result<std::vector<TimelineEvent>> Timeline(store::Tx& tx, const std::string& case_id, int limit);
// Sets last_contact_at to at when it is later than the stored one.
Result<void> TouchContact(store::Tx& tx, const std::string& case_id, const std::string& at);

}  // namespace dandelion::cases::case_repo
