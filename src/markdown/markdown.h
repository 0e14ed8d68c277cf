// Markdown → safe HTML with cmark-gfm (tables, strikethrough, autolinks, task
// lists): the one renderer for everything a leader or member writes in
// Markdown — knowledge articles, the newsletter's introduction, event
// descriptions.
//
//   std::string html = markdown::RenderMarkdown("# Titel\n\n**vet**");
//
// The output is safe to embed in a page or an e-mail: raw HTML in the source
// is dropped (never passed through), links and images with unsafe schemes
// (javascript:, vbscript:, file:, data: other than images) are emptied by
// cmark's safe mode, and a final pass checks that no <script>, <iframe>,
// <style>, <object> or on* event-handler attribute survived.
// Thread-safety: RenderMarkdown is safe to call from many threads.
#pragma once

#include <string>

namespace verbinder::markdown {

std::string RenderMarkdown(const std::string& markdown);

// True when `html` contains no script/style/iframe/object/embed element, no
// on*= attribute and no javascript:/vbscript: URL (case-insensitive).
bool LooksSafeHtml(const std::string& html);

}  // namespace verbinder::markdown
