// The public site's HTML: escaping, the page frame every page shares, and the two languages'
// paths. Pure functions; the pages themselves are in pages.h.
//
// The frame is the same on every page: a skip link, the network's name, the language switch,
// the help banner (a woman who needs help must find the form from anywhere on the site), the
// navigation and the footer. No script, no inline style (the CSP forbids both), no cookie, no
// asset from anywhere else.
#pragma once

#include <string>
#include <string_view>

#include "core/messages.h"

namespace dandelion::site {

// Text safe inside an element or a quoted attribute.
std::string Esc(std::string_view text);

inline std::string_view Pick(Lang lang, std::string_view ko, std::string_view en) {
  return lang == Lang::kEn ? en : ko;
}

// Plain text as paragraphs, one per non-empty line, escaped.
std::string Paragraphs(std::string_view text);

// A page's path in a language: Path(kEn, "events/7") = "/en/events/7", Path(kKo, "") = "/".
std::string Path(Lang lang, std::string_view rest);

// The stylesheet's address, versioned by its contents so it can be cached for a year.
const std::string& StylesheetPath();
const std::string& Stylesheet();

struct Frame {
  Lang lang = Lang::kKo;
  std::string title;  // the page's own title; the network's name is added
  std::string rest;   // the page's path without the language prefix ("events/7"), for the switch
  std::string body;   // the contents of <main>
};

std::string RenderFrame(const Frame& frame);

}  // namespace dandelion::site
