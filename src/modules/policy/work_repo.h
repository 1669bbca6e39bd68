// The policy monitor's work records: monitoring tasks, calendar entries (hearings, council
// sessions), recommendations and submissions, public statements. SQL only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace dandelion::policy::work_repo {

struct Task {
  std::string id;
  std::string title;
  std::string item_id;
  std::string assignee_id;
  std::string assignee_username;  // read only
  std::string due_on;
  bool done = false;
  std::string done_at;
  std::string note;
  std::string created_at;
};

struct Event {
  std::string id;
  std::string kind;
  std::string title;
  std::string on;
  std::string time;
  std::string jurisdiction;
  std::string item_id;
  std::string place;
  std::string note;
  std::string created_at;
};

struct Submission {
  std::string id;
  std::string kind;
  std::string item_id;
  std::string title;
  std::string addressee;
  std::string submitted_on;
  std::string body;
  std::string response_on;
  std::string response_summary;
  std::string created_at;
};

struct Statement {
  std::string id;
  std::string title_ko;
  std::string title_en;
  std::string body_ko;
  std::string body_en;
  std::string item_id;
  bool published = false;
  std::string published_at;
  std::string created_at;
  std::string updated_at;
};

Result<void> InsertTask(store::Tx& tx, const Task& t, const std::string& user_id);
Result<void> UpdateTask(store::Tx& tx, const Task& t);
Result<std::optional<Task>> FindTask(store::Tx& tx, const std::string& id);
// done: nullopt = all; assignee "" = anyone.
Result<std::vector<Task>> Tasks(store::Tx& tx, std::optional<bool> done,
                                const std::string& assignee_id);

Result<void> InsertEvent(store::Tx& tx, const Event& e, const std::string& user_id);
Result<void> UpdateEvent(store::Tx& tx, const Event& e);
Result<std::optional<Event>> FindEvent(store::Tx& tx, const std::string& id);
Result<std::vector<Event>> Events(store::Tx& tx, const std::string& from, const std::string& to);

Result<void> InsertSubmission(store::Tx& tx, const Submission& s, const std::string& user_id);
Result<void> UpdateSubmission(store::Tx& tx, const Submission& s);
Result<std::optional<Submission>> FindSubmission(store::Tx& tx, const std::string& id);
Result<std::vector<Submission>> Submissions(store::Tx& tx, const std::string& item_id);

Result<void> InsertStatement(store::Tx& tx, const Statement& s, const std::string& user_id);
Result<void> UpdateStatement(store::Tx& tx, const Statement& s);
Result<std::optional<Statement>> FindStatement(store::Tx& tx, const std::string& id);
Result<std::vector<Statement>> Statements(store::Tx& tx, bool published_only);

// An active user of a secretariat organization holding advocate or network_admin.
Result<std::optional<std::string>> SecretariatUsername(store::Tx& tx, const std::string& user_id);

}  // namespace dandelion::policy::work_repo
