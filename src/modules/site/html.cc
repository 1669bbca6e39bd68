#include "modules/site/html.h"

#include <sodium.h>

#include <cstdio>

namespace dandelion::site {
namespace {

// Mobile first: one column on a phone, wider measure on a PC. System fonts only (no font
// download): Korean text renders in the device's own Korean font.
constexpr std::string_view kCss = R"css(
:root{--ink:#1f1f1f;--muted:#555;--accent:#7a5a00;--sun:#f6c700;--line:#d8d8d8;--bg:#fffdf6}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic",sans-serif;
color:var(--ink);background:var(--bg);line-height:1.6;font-size:1.0625rem;word-break:keep-all}
a{color:#1a4f8a}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #1a4f8a;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}.skip:focus{left:0}
header.top{background:#fff;border-bottom:4px solid var(--sun)}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
.brand{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding:.75rem 0}
.brand a.name{font-weight:700;font-size:1.2rem;color:var(--ink);text-decoration:none}
nav.main ul{list-style:none;margin:0;padding:0 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
nav.main a{display:inline-block;padding:.35rem 0;min-height:44px;line-height:2}
.help{background:#7b1e3a;color:#fff;padding:.75rem 0}
.help p{margin:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.help a{color:#fff;font-weight:700;background:#5a1129;border:2px solid #fff;border-radius:.4rem;padding:.4rem .9rem;text-decoration:none}
main{padding:1rem 0 2rem}
h1{font-size:1.6rem;line-height:1.3;margin:1rem 0 .75rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
.muted{color:var(--muted)}
ul.cards{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
@media(min-width:40rem){ul.cards{grid-template-columns:1fr 1fr}}
.card{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem}
.card h3{margin:0 0 .25rem;font-size:1.1rem}
.tag{display:inline-block;font-size:.85rem;background:#fff4c2;color:#4d3900;border-radius:1rem;padding:0 .6rem;margin-right:.4rem}
.tiles{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(5,1fr);gap:.3rem;max-width:30rem}
.tiles li{border-radius:.35rem;padding:.3rem .2rem;text-align:center;font-size:.8rem;line-height:1.25;min-height:3.4rem}
.tiles b{display:block;font-size:.9rem}
.c0{grid-column:1}.c1{grid-column:2}.c2{grid-column:3}.c3{grid-column:4}.c4{grid-column:5}
.r0{grid-row:1}.r1{grid-row:2}.r2{grid-row:3}.r3{grid-row:4}.r4{grid-row:5}.r5{grid-row:6}
.s-in_force{background:#1b5e20;color:#fff}.s-municipal{background:#4e7d2a;color:#fff}
.s-considering{background:#f6c700;color:#1f1f1f}.s-none{background:#e4e4e4;color:#1f1f1f}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;font-size:.9rem}
.legend span{display:inline-block;width:1rem;height:1rem;border-radius:.2rem;vertical-align:-.15rem;margin-right:.3rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left}
caption{text-align:left;font-weight:700;padding:.25rem 0}
form.register{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;max-width:32rem}
form.register label{display:block;font-weight:600;margin-top:.75rem}
form.register input[type=text]{width:100%;font-size:1rem;padding:.55rem;border:1px solid #888;border-radius:.3rem}
form.register .check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
form.register .check input{width:1.4rem;height:1.4rem;margin-top:.2rem}
.hint{font-size:.9rem;color:var(--muted);margin:.15rem 0 0}
.error{color:#a30000;font-weight:600}
.errors{border:2px solid #a30000;background:#fff0f0;border-radius:.5rem;padding:.5rem 1rem;margin-bottom:1rem}
button{font-size:1.05rem;padding:.6rem 1.4rem;margin-top:1rem;background:#1a4f8a;color:#fff;border:0;border-radius:.4rem;min-height:44px}
.ticket{background:#fff;border:2px dashed var(--accent);border-radius:.5rem;padding:1rem;max-width:22rem}
.ticket svg{width:100%;height:auto;max-width:16rem;display:block;margin:0 auto}
.ref{font-size:1.6rem;font-weight:700;letter-spacing:.1em;text-align:center;margin:.5rem 0}
ol.route{padding-left:1.4rem;display:grid;gap:.6rem}
.route .done{border-left:5px solid #1b5e20}
progress{width:10rem;height:1rem;vertical-align:middle}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
footer{border-top:1px solid var(--line);padding:1rem 0 2rem;font-size:.9rem;color:var(--muted)}
)css";

struct StylesheetInfo {
  std::string css{kCss};
  std::string path;
  StylesheetInfo() {
    unsigned char hash[crypto_generichash_BYTES_MIN];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(css.data()),
                       css.size(), nullptr, 0);
    char hex[2 * sizeof hash + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    path = std::string("/site.css?v=") + hex;
  }
};

const StylesheetInfo& Info() {
  static const StylesheetInfo info;
  return info;
}

}  // namespace

std::string Esc(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Paragraphs(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (!line.empty() && line != "\r") out += "<p>" + Esc(line) + "</p>";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string Path(Lang lang, std::string_view rest) {
  return std::string(lang == Lang::kEn ? "/en/" : "/") + std::string(rest);
}

const std::string& StylesheetPath() { return Info().path; }
const std::string& Stylesheet() { return Info().css; }

std::string RenderFrame(const Frame& f) {
  const Lang l = f.lang;
  const Lang other = l == Lang::kEn ? Lang::kKo : Lang::kEn;
  const std::string name(Pick(l, "성매매문제해결을위한전국연대",
                              "National Solidarity against Sexual Exploitation of Women"));
  std::string h;
  h.reserve(f.body.size() + 4096);
  h += "<!doctype html>\n<html lang=\"";
  h += Pick(l, "ko", "en");
  h += "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
       "initial-scale=1\"><title>";
  h += Esc(f.title.empty() ? name : f.title + " · " + name);
  h += "</title><meta name=\"referrer\" content=\"no-referrer\"><link rel=\"stylesheet\" href=\"";
  h += Esc(StylesheetPath());
  h += "\"><link rel=\"alternate\" hreflang=\"";
  h += Pick(other, "ko", "en");
  h += "\" href=\"" + Esc(Path(other, f.rest)) + "\"></head><body>";
  h += "<a class=\"skip\" href=\"#main\">";
  h += Pick(l, "본문으로 건너뛰기", "Skip to content");
  h += "</a><header class=\"top\"><div class=\"wrap\"><div class=\"brand\"><a class=\"name\" "
       "href=\"";
  h += Path(l, "") + "\">" + Esc(name) + "</a><a href=\"" + Esc(Path(other, f.rest)) +
       "\" lang=\"" + std::string(Pick(other, "ko", "en")) + "\" hreflang=\"" +
       std::string(Pick(other, "ko", "en")) + "\">" + std::string(Pick(l, "English", "한국어")) +
       "</a></div>";
  h += "<nav class=\"main\" aria-label=\"";
  h += Pick(l, "사이트 메뉴", "Site menu");
  h += "\"><ul>";
  auto item = [&](std::string_view rest, std::string_view ko, std::string_view en) {
    h += "<li><a href=\"" + Esc(Path(l, rest)) + "\">" + std::string(Pick(l, ko, en)) + "</a></li>";
  };
  item("#about", "소개", "About");
  item("#campaigns", "캠페인", "Campaigns");
  item("#events", "행사", "Events");
  item("policy", "정책 지도", "Policy map");
  item("statements", "성명서", "Statements");
  item("#members", "회원 단체", "Members");
  h += "</ul></nav></div></header>";
  h += "<aside class=\"help\" aria-label=\"";
  h += Pick(l, "도움 요청", "Help");
  h += "\"><div class=\"wrap\"><p><span>";
  h += Pick(l, "도움이 필요하신가요? 이름을 밝히지 않고 언제든 도움을 요청할 수 있습니다.",
            "Do you need help? You can ask at any time, without giving your name.");
  h += "</span><a href=\"";
  h += Pick(l, "/help", "/help/en");
  h += "\">";
  h += Pick(l, "도움 요청하기", "Ask for help");
  h += "</a></p></div></aside>";
  h += "<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">";
  h += f.body;
  h += "</div></main><footer><div class=\"wrap\"><p>";
  h += Esc(name);
  h += Pick(l, " · 이 사이트는 쿠키를 쓰지 않고, 다른 곳의 자료를 불러오지 않습니다.",
            " · This site sets no cookie and loads nothing from elsewhere.");
  h += "</p><p><a href=\"/app/\">";
  h += Pick(l, "회원 단체 활동가 로그인", "Sign-in for member organizations' staff");
  h += "</a></p></div></footer></body></html>\n";
  return h;
}

}  // namespace dandelion::site
