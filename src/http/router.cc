#include "http/router.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "http/text_util.h"

namespace dandelion::http {
namespace {

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

[[noreturn]] void Die(const std::string& what, const Route& route) {
  std::fprintf(stderr, "router: %s: %s %s\n", what.c_str(), route.method.c_str(),
               route.path_template.c_str());
  std::abort();
}

// Decoded segments of a raw path, or nullopt when the path must not reach any handler.
std::optional<std::vector<std::string>> DecodeSegments(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
  std::vector<std::string> segments = SplitPath(raw_path);
  for (std::string& segment : segments) {
    auto decoded = PercentDecode(segment, /*plus_as_space=*/false);
    // Dot segments are refused rather than resolved: no route needs them, and anything that
    // later joins a parameter into a file path is then safe from traversal.
    if (!decoded || *decoded == "." || *decoded == ".." ||
        decoded->find('\0') != std::string::npos || !IsValidUtf8(*decoded)) {
      return std::nullopt;
    }
    segment = std::move(*decoded);
  }
  return segments;
}

// Where a route or request is filed: its length, and its third segment when it has one.
constexpr size_t kShapeSegment = 2;
std::string ShapeKey(const std::vector<std::string>& segments) {
  std::string key = std::to_string(segments.size());
  if (segments.size() > kShapeSegment) key += "/" + segments[kShapeSegment];
  return key;
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

void Router::Add(Route route) {
  std::vector<std::string> segments = SplitPath(route.path_template);
  if (segments.empty()) Die("template must start with '/'", route);
  std::string shape;
  for (const std::string& s : segments) {
    bool braces = s.find_first_of("{}") != std::string::npos;
    if (braces && !IsParam(s)) Die("malformed parameter segment", route);
    shape += IsParam(s) ? "/{}" : "/" + s;
  }
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method != route.method) continue;
    std::string other;
    for (const std::string& s : segments_[i]) other += IsParam(s) ? "/{}" : "/" + s;
    if (other == shape) Die("duplicate route", route);
  }
  if (segments.size() > 64) Die("more than 64 segments", route);
  uint64_t mask = 0;
  for (size_t k = 0; k < segments.size(); ++k) {
    if (!IsParam(segments[k])) mask |= uint64_t{1} << (63 - k);
  }
  if (segments.size() > kShapeSegment && IsParam(segments[kShapeSegment])) {
    by_length_with_param_third_[segments.size()].push_back(routes_.size());
  } else {
    by_shape_[ShapeKey(segments)].push_back(routes_.size());
  }
  literal_masks_.push_back(mask);
  routes_.push_back(std::move(route));
  segments_.push_back(std::move(segments));
}

std::array<const std::vector<size_t>*, 2> Router::Candidates(
    const std::vector<std::string>& segments) const {
  std::array<const std::vector<size_t>*, 2> out{nullptr, nullptr};
  if (auto it = by_shape_.find(ShapeKey(segments)); it != by_shape_.end()) out[0] = &it->second;
  if (auto it = by_length_with_param_third_.find(segments.size());
      it != by_length_with_param_third_.end()) {
    out[1] = &it->second;
  }
  return out;
}

bool Router::Fits(size_t i, const std::vector<std::string>& segments) const {
  const auto& tmpl = segments_[i];
  for (size_t k = 0; k < tmpl.size(); ++k) {
    if (Literal(i, k) ? tmpl[k] != segments[k] : segments[k].empty()) return false;
  }
  return true;
}

void Router::SetFallback(Route route) { fallback_ = std::move(route); }

Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  auto segments = DecodeSegments(path);
  if (!segments) return match;

  const auto candidates = Candidates(*segments);
  // Among the routes whose template fits, the best has a literal at the first position where
  // they differ: so "/cases/new" beats "/cases/{id}" whatever the order they were added in.
  auto best_for = [&](std::string_view m) -> std::optional<size_t> {
    std::optional<size_t> best;
    for (const std::vector<size_t>* routes : candidates) {
      if (routes == nullptr) continue;
      for (size_t i : *routes) {
        if (!Fits(i, *segments)) continue;
        if (routes_[i].method != m) {
          match.path_known = true;
          continue;
        }
        if (!best || literal_masks_[i] > literal_masks_[*best]) best = i;
      }
    }
    return best;
  };

  std::optional<size_t> best = best_for(method);
  if (!best && method == "HEAD") best = best_for("GET");
  if (best) {
    match.route = &routes_[*best];
    match.path_known = false;
    const auto& tmpl = segments_[*best];
    for (size_t k = 0; k < tmpl.size(); ++k) {
      if (!Literal(*best, k)) {
        match.params[tmpl[k].substr(1, tmpl[k].size() - 2)] = (*segments)[k];
      }
    }
    return match;
  }
  if (!match.path_known && fallback_ && (method == "GET" || method == "HEAD") && !IsApiPath(path)) {
    match.route = &*fallback_;
  }
  return match;
}

std::vector<std::string> Router::AllowedMethods(std::string_view path) const {
  std::vector<std::string> out;
  auto segments = DecodeSegments(path);
  if (!segments) return out;
  std::vector<size_t> fitting;
  for (const std::vector<size_t>* routes : Candidates(*segments)) {
    if (routes == nullptr) continue;
    for (size_t i : *routes) {
      if (Fits(i, *segments)) fitting.push_back(i);
    }
  }
  std::sort(fitting.begin(), fitting.end());  // in the order the routes were added
  for (size_t i : fitting) out.push_back(routes_[i].method);
  return out;
}

size_t Router::BodyLimit(std::string_view method, std::string_view target,
                         size_t default_limit) const {
  Match match = Find(method, target.substr(0, target.find('?')));
  if (match.route == nullptr || match.route->body_limit_bytes == 0) return default_limit;
  return match.route->body_limit_bytes;
}

size_t Router::MaxBodyLimit(size_t default_limit) const {
  size_t out = default_limit;
  for (const Route& route : routes_) out = std::max(out, route.body_limit_bytes);
  return out;
}

}  // namespace dandelion::http
