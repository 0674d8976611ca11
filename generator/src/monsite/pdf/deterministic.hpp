#pragma once
// Makes a PDF Chromium printed depend on the page only, so that the same site
// prints the same bytes: the printing time (CreationDate, ModDate) becomes
// 2000-01-01 00:00:00, and the tagged structure's element ids ("node01234567",
// the browser's DOM node numbers, which depend on what the tab showed before)
// are renumbered in order of first appearance. Every change keeps the length,
// so the cross-reference offsets stay right.

#include <string>

namespace monsite::pdf {

void make_deterministic(std::string& pdf);

}  // namespace monsite::pdf
