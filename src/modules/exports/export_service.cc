#include "modules/exports/export_service.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/ids.h"
#include "core/messages.h"
#include "modules/exports/writers.h"
#include "modules/service_support.h"
#include "security/file_cipher.h"
#include "security/keys.h"
#include "security/policy.h"

namespace dandelion::exports {
namespace {

namespace perm = security::perm;

constexpr const char* kColumns =
    "id, org_id, user_id, kind, format, params, status, progress, step, error, created_at, "
    "finished_at, size, sha256";

ExportJob JobOf(const store::Row& r) {
  ExportJob j;
  j.id = r.Text(0);
  j.org_id = r.Text(1);
  j.user_id = r.Text(2);
  j.kind = r.Text(3);
  j.format = r.Text(4);
  boost::system::error_code ec;
  auto params = boost::json::parse(r.Text(5), ec);
  if (!ec && params.is_object()) {
    auto text = [&](const char* name) {
      auto* v = params.as_object().if_contains(name);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    j.query = {
        .from = text("from"), .to = text("to"), .by = text("by"), .measure = text("measure")};
  }
  j.status = r.Text(6);
  j.progress = static_cast<int>(r.Int(7));
  j.step = r.Text(8);
  j.error = r.Text(9);
  j.created_at = r.Text(10);
  j.finished_at = r.Text(11);
  j.size = r.OptInt(12);
  j.sha256 = r.Text(13);
  return j;
}

Result<std::optional<ExportJob>> LoadJob(store::Tx& tx, const std::string& id) {
  auto row =
      TRY(tx.QueryOne(std::string("SELECT ") + kColumns + " FROM export_jobs WHERE id = ?", {id}));
  if (!row) return std::optional<ExportJob>();
  return std::optional<ExportJob>(JobOf(*row));
}

// Only the user who created a job sees it; anyone else gets the answer of an unknown id.
Result<ExportJob> OwnJob(store::Tx& tx, const security::Actor& actor, const std::string& id) {
  auto job = TRY(LoadJob(tx, id));
  if (!job || job->user_id != actor.user_id || job->org_id != actor.org_id) return Fail(NotFound());
  return std::move(*job);
}

std::string_view ContentType(const std::string& format) {
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "application/pdf";
}

std::string KoreaTimeText(TimePoint now) {
  std::string t = FormatRfc3339(now + std::chrono::hours(9));
  return t.substr(0, 10) + " " + t.substr(11, 5) + " (한국 시간)";
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

bool Finished(const std::string& status) { return status == "done" || status == "failed"; }

std::string ParamsJson(const stats::StatsQuery& q) {
  return boost::json::serialize(
      boost::json::object{{"from", q.from}, {"to", q.to}, {"by", q.by}, {"measure", q.measure}});
}

}  // namespace

std::string ExportJob::FileName() const {
  const std::string base = kind == "stats.network" ? "네트워크통계" : "통계";
  std::string period;
  if (!query.from.empty()) period += "_" + query.from;
  if (!query.to.empty()) period += "_" + query.to;
  return base + period + "." + format;
}

boost::json::object JobJson(const ExportJob& job) {
  boost::json::object out{{"id", job.id},
                          {"kind", job.kind},
                          {"format", job.format},
                          {"status", job.status},
                          {"progress", job.progress},
                          {"step", job.step},
                          {"created_at", job.created_at}};
  if (!job.error.empty()) out["error"] = job.error;
  if (!job.finished_at.empty()) out["finished_at"] = job.finished_at;
  if (job.status == "done") {
    if (job.size) out["size"] = *job.size;
    out["file_name"] = job.FileName();
  }
  return out;
}

ExportService::ExportService(store::Database& db, security::Keyring& keyring,
                             const security::AuditLog& audit, const security::AuthService& auth,
                             stats::StatsService& stats, const Clock& clock, ExportOptions options)
    : db_(db),
      keyring_(keyring),
      audit_(audit),
      auth_(auth),
      stats_(stats),
      clock_(clock),
      options_(std::move(options)) {}

ExportService::~ExportService() { Stop(); }

std::filesystem::path ExportService::FilePath(const std::string& id) const {
  return options_.dir / (id + ".bin");
}

Result<void> ExportService::Start() {
  std::error_code ec;
  std::filesystem::create_directories(options_.dir, ec);
  if (ec) {
    return Fail(ErrorCode::kInternal, "exports.write_failed",
                "cannot create " + options_.dir.string() + ": " + ec.message());
  }
  std::filesystem::permissions(options_.dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  const std::string now = FormatRfc3339(clock_.Now());
  // A crash or a stop left these unfinished: nobody will finish them.
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(tx.Exec(
        "UPDATE export_jobs SET status = 'failed', error = 'exports.interrupted', "
        "step = 'exports.step.failed', finished_at = ? WHERE status IN ('queued', 'running')",
        {now}));
    return Ok();
  }));
  TRY(PurgeExpired());
  // Files that belong to no job (a crash between writing and recording), and half-written
  // plaintext of a job that was running.
  std::vector<std::string> known;
  TRY(db_.Read([&](store::Tx& tx) -> Result<void> {
    for (const auto& r : TRY(tx.Query("SELECT id FROM export_jobs"))) known.push_back(r.Text(0));
    return Ok();
  }));
  for (const auto& entry : std::filesystem::directory_iterator(options_.dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string id =
        name.size() > 4 && name.ends_with(".bin") ? name.substr(0, name.size() - 4) : std::string();
    if (id.empty() || std::find(known.begin(), known.end(), id) == known.end()) {
      std::filesystem::remove_all(entry.path(), ec);
    }
  }
  std::lock_guard lock(mu_);
  stopping_ = false;
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { Work(); });
  return Ok();
}

void ExportService::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  workers_.clear();
  std::lock_guard lock(mu_);
  for (auto& [id, streams] : followers_) {
    for (auto& f : streams) f.stream->Close();
  }
  followers_.clear();
}

Result<void> ExportService::MayCreate(const security::Actor& actor) const {
  TRY(RequirePermission(actor, perm::kExports));
  return auth_.RequireRecentReauth(actor);
}

Result<std::string> ExportService::Create(const security::Actor& actor,
                                          const ExportRequest& request) {
  TRY(MayCreate(actor));
  const bool network = request.kind == "stats.network";
  if (!network && request.kind != "stats.own") {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("kind", "field.unknown_value"));
  }
  if (request.format != "csv" && request.format != "xlsx" && request.format != "pdf") {
    return Fail(Error{ErrorCode::kInvalid, "error.invalid"}.Field("format", "field.unknown_value"));
  }
  // The same permission and the same checks as the statistics it exports, before anything is
  // queued.
  TRY(stats_.Check(actor, network, request.query));
  const std::string id = NewId();
  const std::string now = FormatRfc3339(clock_.Now());
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    auto open = TRY(tx.QueryOne(
        "SELECT COUNT(*) FROM export_jobs WHERE user_id = ? AND status IN ('queued', 'running')",
        {actor.user_id}));
    if (open && (*open).Int(0) >= kMaxUnfinishedPerUser) {
      return Fail(ErrorCode::kRateLimited, "exports.too_many");
    }
    TRY(tx.Exec(
        "INSERT INTO export_jobs (id, org_id, user_id, kind, format, params, status, progress, "
        "step, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, 'exports.step.queued', ?)",
        {id, actor.org_id, actor.user_id, request.kind, request.format, ParamsJson(request.query),
         now}));
    TRY(audit_.Append(tx, security::ActorEvent(actor, "export.create", "export", id,
                                               {request.kind, request.format})));
    return Ok();
  }));
  {
    std::lock_guard lock(mu_);
    queue_.push_back({id, actor});
  }
  wake_.notify_one();
  return id;
}

Result<ExportJob> ExportService::Get(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kExports));
  return db_.ReadValue([&](store::Tx& tx) { return OwnJob(tx, actor, id); });
}

Result<std::vector<ExportJob>> ExportService::List(const security::Actor& actor) {
  TRY(RequirePermission(actor, perm::kExports));
  const std::string since = FormatRfc3339(clock_.Now() - std::chrono::seconds(kKeepSeconds));
  return db_.ReadValue([&](store::Tx& tx) -> Result<std::vector<ExportJob>> {
    std::vector<ExportJob> out;
    for (const auto& r : TRY(tx.Query(std::string("SELECT ") + kColumns +
                                          " FROM export_jobs WHERE user_id = ? AND org_id = ? "
                                          "AND created_at >= ? ORDER BY created_at DESC, id",
                                      {actor.user_id, actor.org_id, since}))) {
      out.push_back(JobOf(r));
    }
    return out;
  });
}

Result<std::shared_ptr<http::EventStream>> ExportService::Follow(const security::Actor& actor,
                                                                 const std::string& id) {
  TRY(Get(actor, id));
  auto stream = std::make_shared<http::EventStream>();
  {
    std::lock_guard lock(mu_);
    followers_[id].push_back({stream});
  }
  // Read after registering: a change from now on is pushed too, so none is missed.
  auto job = TRY(Get(actor, id));
  Publish(job);
  return stream;
}

Result<ExportFile> ExportService::Download(const security::Actor& actor, const std::string& id) {
  TRY(RequirePermission(actor, perm::kExports));
  std::string file_key;
  auto job = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<ExportJob> {
    auto j = TRY(OwnJob(tx, actor, id));
    auto row = TRY(tx.QueryOne("SELECT file_key FROM export_jobs WHERE id = ?", {id}));
    if (row) file_key = row->BlobBytes(0);
    return j;
  }));
  if (job.status != "done" || file_key.empty()) {
    return Fail(ErrorCode::kConflict, "exports.not_ready");
  }
  auto key = TRY(db_.ReadValue([&](store::Tx& tx) -> Result<security::SecretKey> {
    const uint32_t version = TRY(security::WrappingKeyVersion(file_key));
    auto org_key = TRY(keyring_.OrgKeyVersion(tx, job.org_id, version));
    return security::UnwrapKey(*org_key.key, file_key, security::FileKeyAad(id));
  }));
  std::ifstream in(FilePath(id), std::ios::binary);
  if (!in) return Fail(ErrorCode::kNotFound, "error.not_found");
  std::ostringstream plain;
  TRY(security::DecryptStream(key, in, plain));
  ExportFile out{.bytes = std::move(plain).str(),
                 .content_type = std::string(ContentType(job.format)),
                 .file_name = job.FileName()};
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    TRY(audit_.Append(
        tx, security::ActorEvent(actor, "export.download", "export", id, {job.kind, job.format})));
    return Ok();
  }));
  return out;
}

Result<int> ExportService::PurgeExpired() {
  const std::string before = FormatRfc3339(clock_.Now() - std::chrono::seconds(kKeepSeconds));
  std::vector<std::string> ids;
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    for (const auto& r : TRY(tx.Query(
             "SELECT id FROM export_jobs WHERE created_at < ? AND status IN ('done', 'failed')",
             {before}))) {
      ids.push_back(r.Text(0));
    }
    TRY(tx.Exec("DELETE FROM export_jobs WHERE created_at < ? AND status IN ('done', 'failed')",
                {before}));
    return Ok();
  }));
  std::error_code ec;
  for (const auto& id : ids) std::filesystem::remove(FilePath(id), ec);
  return static_cast<int>(ids.size());
}

void ExportService::RunQueued() {
  for (;;) {
    Queued job;
    {
      std::lock_guard lock(mu_);
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    Run(job);
  }
}

void ExportService::Work() {
  for (;;) {
    Queued job;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    Run(job);
  }
}

void ExportService::Run(const Queued& job) {
  auto produced = Produce(job);
  if (!produced) {
    spdlog::error(
        R"({{"event":"export_failed","id":"{}","cause":"{}"}})", job.id,
        produced.error().detail.empty() ? produced.error().message_key : produced.error().detail);
    const std::string key = produced.error().message_key == "exports.font_missing"
                                ? "exports.font_missing"
                                : "exports.failed";
    (void)SetState(job.id, "failed", 100, "exports.step.failed", key);
  }
  std::error_code ec;
  std::filesystem::remove(options_.dir / (job.id + ".work"), ec);
}

Result<void> ExportService::Produce(const Queued& job) {
  const auto loaded = TRY(db_.ReadValue(
      [&](store::Tx& tx) -> Result<std::optional<ExportJob>> { return LoadJob(tx, job.id); }));
  if (!loaded) return Ok();  // purged meanwhile
  const ExportJob& j = *loaded;
  TRY(SetState(j.id, "running", 10, "exports.step.reading"));
  // The statistics door itself: the same permission, the same suppression, the same audit entry
  // (stats.own.read, stats.network.read) as reading the figures on screen.
  auto read = TRY(j.kind == "stats.network" ? stats_.Network(job.actor, j.query)
                                            : stats_.Own(job.actor, j.query));
  TRY(read.audit.Wait());
  TRY(SetState(j.id, "running", 40, "exports.step.writing"));
  const Document doc{.table = read.value,
                     .network = j.kind == "stats.network",
                     .title = j.kind == "stats.network" ? "네트워크 통계" : "기관 통계",
                     .generated_at = KoreaTimeText(clock_.Now())};
  // The plaintext exists only while it is written and encrypted, inside the private data dir.
  const std::filesystem::path work = options_.dir / (j.id + ".work");
  std::string plain;
  if (j.format == "csv") {
    plain = WriteCsv(doc);
  } else {
    if (j.format == "xlsx") {
      TRY(WriteXlsx(doc, work));
    } else {
      TRY(WritePdf(doc, options_.font_path, work));
    }
    std::ifstream in(work, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    plain = std::move(s).str();
    std::error_code ec;
    std::filesystem::remove(work, ec);
  }
  TRY(SetState(j.id, "running", 80, "exports.step.encrypting"));
  std::string wrapped;
  auto file_key = security::SecretKey::Random();
  TRY(db_.Write([&](store::Tx& tx) -> Result<void> {
    auto org_key = TRY(keyring_.CurrentOrgKey(tx, j.org_id));
    wrapped =
        security::WrapKey(*org_key.key, org_key.version, file_key, security::FileKeyAad(j.id));
    return Ok();
  }));
  {
    std::istringstream in(plain);
    const std::filesystem::path tmp = options_.dir / (j.id + ".bin.tmp");
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    TRY(security::EncryptStream(file_key, in, out));
    out.close();
    if (!out)
      return Fail(ErrorCode::kInternal, "exports.write_failed", "cannot write " + tmp.string());
    std::error_code ec;
    std::filesystem::rename(tmp, FilePath(j.id), ec);
    if (ec) return Fail(ErrorCode::kInternal, "exports.write_failed", ec.message());
  }
  return SetState(j.id, "done", 100, "exports.step.done", "",
                  static_cast<std::int64_t>(plain.size()), Sha256Hex(plain), wrapped);
}

Result<void> ExportService::SetState(const std::string& id, const std::string& status, int progress,
                                     const std::string& step, const std::string& error,
                                     std::optional<std::int64_t> size, const std::string& sha256,
                                     const std::string& file_key) {
  const bool finished = Finished(status);
  const std::string now = FormatRfc3339(clock_.Now());
  auto job = TRY(db_.WriteValue([&](store::Tx& tx) -> Result<std::optional<ExportJob>> {
    TRY(tx.Exec(
        "UPDATE export_jobs SET status = ?, progress = ?, step = ?, error = ?, finished_at = ?, "
        "size = ?, sha256 = ?, file_key = ? WHERE id = ?",
        {status, static_cast<std::int64_t>(progress), step,
         error.empty() ? store::Value(nullptr) : store::Value(error),
         finished ? store::Value(now) : store::Value(nullptr),
         size ? store::Value(*size) : store::Value(nullptr),
         sha256.empty() ? store::Value(nullptr) : store::Value(sha256), store::BlobOrNull(file_key),
         id}));
    return LoadJob(tx, id);
  }));
  if (job) Publish(*job);
  return Ok();
}

void ExportService::Publish(const ExportJob& job) {
  const std::string data = boost::json::serialize(JobJson(job));
  std::lock_guard lock(mu_);
  auto it = followers_.find(job.id);
  if (it == followers_.end()) return;
  auto& streams = it->second;
  for (auto& f : streams) {
    if (job.progress <= f.sent && !Finished(job.status)) continue;
    f.sent = job.progress;
    f.stream->Push("progress", data);
    if (Finished(job.status)) f.stream->Close();
  }
  std::erase_if(streams,
                [&](const auto& f) { return Finished(job.status) || f.stream->finished(); });
  if (streams.empty()) followers_.erase(it);
}

void RegisterExportMessages() {
  static constexpr Message kMessages[] = {
      {"exports.too_many",
       "끝나지 않은 내보내기가 이미 3개 있습니다. 하나가 끝난 뒤 다시 요청하세요.",
       "You already have 3 exports that have not finished. Ask again once one has finished."},
      {"exports.not_ready", "내보내기가 아직 끝나지 않았습니다.",
       "The export has not finished yet."},
      {"exports.failed", "내보내기 파일을 만들지 못했습니다.",
       "The export file could not be made."},
      {"exports.interrupted", "서버가 멈춰 내보내기가 중단되었습니다. 다시 요청하세요.",
       "The server stopped during the export. Please ask again."},
      {"exports.write_failed", "내보내기 파일을 쓰지 못했습니다.",
       "The export file could not be written."},
      {"exports.font_missing",
       "PDF에 쓸 한글 글꼴이 없습니다(fonts-nanum 패키지를 설치하거나 exports.font_path를 "
       "설정하세요).",
       "The Korean font for PDF is missing (install the fonts-nanum package or set "
       "exports.font_path)."},
      {"exports.step.queued", "대기 중", "Waiting"},
      {"exports.step.reading", "통계를 세는 중", "Counting the figures"},
      {"exports.step.writing", "파일을 만드는 중", "Writing the file"},
      {"exports.step.encrypting", "파일을 암호화하는 중", "Encrypting the file"},
      {"exports.step.done", "완료", "Done"},
      {"exports.step.failed", "실패", "Failed"},
  };
  RegisterMessages(kMessages);
}

}  // namespace dandelion::exports
