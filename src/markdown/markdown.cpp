#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

#include "util/strings.h"

namespace verbinder::markdown {
namespace {

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

bool LooksSafeHtml(const std::string& html) {
  std::string lower = AsciiLower(html);
  for (const char* bad : {"<script", "<style", "<iframe", "<object", "<embed", "<form", "javascript:", "vbscript:"})
    if (lower.find(bad) != std::string::npos) return false;
  // An event-handler attribute: whitespace, "on", letters, optional spaces, "=" inside a tag.
  bool in_tag = false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (in_tag && (c == ' ' || c == '\t' || c == '\n' || c == '/') && lower.compare(i + 1, 2, "on") == 0) {
      size_t j = i + 3;
      while (j < lower.size() && lower[j] >= 'a' && lower[j] <= 'z') ++j;
      while (j < lower.size() && lower[j] == ' ') ++j;
      if (j > i + 3 && j < lower.size() && lower[j] == '=') return false;
    }
  }
  return true;
}

std::string RenderMarkdown(const std::string& markdown) {
  RegisterExtensionsOnce();
  // CMARK_OPT_DEFAULT is the safe mode: raw HTML and dangerous URLs are not rendered.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* raw = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string html = raw ? raw : "";
  std::free(raw);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  // Defence in depth: should cmark ever let something through, show the text escaped instead.
  if (!LooksSafeHtml(html)) return "<pre>" + HtmlEscape(markdown) + "</pre>\n";
  return html;
}

}  // namespace verbinder::markdown
