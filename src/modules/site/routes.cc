#include "modules/site/routes.h"

#include "http/text_util.h"
#include "modules/site/html.h"

namespace dandelion::site {
namespace {

using http::Request;
using http::Response;

constexpr std::string_view kHtml = "text/html; charset=utf-8";

Response Html(int status, std::string html) {
  return Response::Text(status, std::string(kHtml), std::move(html));
}

// The field limits of the JSON registration (events/routes.cc), in characters.
struct Limit {
  std::string_view field;
  size_t chars;
};
constexpr Limit kLimits[] = {{"name", 200}, {"contact", 300}, {"alias", 100}, {"form_token", 100}};

void Add(http::Router& router, std::string method, std::string path, http::Handler handler,
         std::string summary) {
  router.Add({.method = std::move(method),
              .path_template = std::move(path),
              .permission = std::string(http::kPublic),
              .handler = std::move(handler),
              .summary = std::move(summary),
              .tag = "site",
              .hide_caller_address = true});
}

// A page in both languages: "/x" in Korean and "/en/x" in English.
void Both(http::Router& router, std::string_view rest,
          const std::function<http::Reply(Lang, Request&)>& page, std::string summary) {
  Add(
      router, "GET", "/" + std::string(rest), [page](Request& r) { return page(Lang::kKo, r); },
      summary);
  Add(
      router, "GET", "/en/" + std::string(rest), [page](Request& r) { return page(Lang::kEn, r); },
      summary + " (English)");
}

}  // namespace

bool ParseRegistration(std::string_view body, RegistrationForm* form, std::string* token) {
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto name = http::PercentDecode(pair.substr(0, eq), true);
    auto value = http::PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!name || !value || !http::IsValidUtf8(*name) || !http::IsValidUtf8(*value)) return false;
    for (const auto& limit : kLimits) {
      if (limit.field == *name && http::CodePointCount(*value) > limit.chars) {
        form->errors.emplace_back(*name, "field.too_long");
        value->clear();
      }
    }
    if (*name == "name")
      form->name = std::move(*value);
    else if (*name == "contact")
      form->contact = std::move(*value);
    else if (*name == "alias")
      form->alias = std::move(*value);
    else if (*name == "photo_consent")
      form->photo_consent = !value->empty();
    else if (*name == "form_token")
      *token = std::move(*value);
    // Other fields are ignored, as a browser's form may carry more (the submit button).
  }
  return true;
}

void AddRoutes(http::Router& router, PublicSite& site) {
  auto shared = [](const Result<std::shared_ptr<const std::string>>& page) -> http::Reply {
    if (!page) return std::unexpected(page.error());
    return Html(200, **page);
  };
  auto page = [](Result<Page> p) -> http::Reply {
    if (!p) return std::unexpected(p.error());
    return Html(p->status, std::move(p->html));
  };
  Add(
      router, "GET", "/", [&site, shared](Request&) { return shared(site.Home(Lang::kKo)); },
      "The network's public site (Korean)");
  Add(
      router, "GET", "/en/", [&site, shared](Request&) { return shared(site.Home(Lang::kEn)); },
      "The network's public site (English)");
  Add(
      router, "GET", "/en",
      [](Request&) -> http::Reply {
        Response r = Html(308, "");
        r.SetHeader("Location", "/en/");
        return r;
      },
      "The English site's address with its slash");
  Both(
      router, "policy", [&site, shared](Lang l, Request&) { return shared(site.Map(l)); },
      "The published policy map, with its table");
  Both(
      router, "statements",
      [&site, shared](Lang l, Request&) { return shared(site.Statements(l)); },
      "Published statements");
  Both(
      router, "statements/{id}",
      [&site, page](Lang l, Request& r) { return page(site.Statement(l, r.path_params["id"])); },
      "A published statement");
  Both(
      router, "campaigns/{id}",
      [&site, page](Lang l, Request& r) { return page(site.Campaign(l, r.path_params["id"])); },
      "A published campaign with its route");
  Both(
      router, "certificates/{code}",
      [&site, page](Lang l, Request& r) {
        return page(site.Certificate(l, r.path_params["code"]));
      },
      "Whether a training certificate is valid (its QR code leads here)");
  Both(
      router, "events/{id}",
      [&site, page](Lang l, Request& r) { return page(site.Event(l, r.path_params["id"])); },
      "A published event and its registration form");
  for (Lang lang : {Lang::kKo, Lang::kEn}) {
    Add(
        router, "POST", lang == Lang::kEn ? "/en/events/{id}" : "/events/{id}",
        [&site, lang](Request& r) -> http::Reply {
          RegistrationForm form;
          std::string token;
          if (!ParseRegistration(r.body, &form, &token)) {
            form = {};
            form.problem = "error.invalid_utf8";
          }
          // A field over its length is refused before anything is stored; she sees the form.
          Page p = form.errors.empty() && form.problem.empty()
                       ? site.Register(lang, r.path_params["id"], form, token, r.remote_address,
                                       r.request_id)
                       : site.RegisterRefused(lang, r.path_params["id"], form);
          return Html(p.status, std::move(p.html));
        },
        "Register for a published event from its page (HTML form, no account)");
  }
  Add(
      router, "GET", "/site.css",
      [](Request&) -> http::Reply {
        Response r = Response::Text(200, "text/css; charset=utf-8", Stylesheet());
        r.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
        return r;
      },
      "The public site's stylesheet");
}

}  // namespace dandelion::site
