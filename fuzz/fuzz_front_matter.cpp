// libFuzzer target: config::split_front_matter on arbitrary page text. Bad
// front matter must end in util::UsageError; anything else is a finding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "monsite/config/front_matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace monsite;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        config::SplitPage page = config::split_front_matter(text, "content/page.md");
        // The body is a view into the input (or empty).
        MONSITE_FUZZ_CHECK(page.body.empty() ||
                           (page.body.data() >= text.data() && page.body.data() + page.body.size() <= text.data() + text.size()));
        MONSITE_FUZZ_CHECK(page.front.weight >= -100000 && page.front.weight <= 100000);
        if (!text.starts_with("+++") && !text.starts_with("\xEF\xBB\xBF+++")) {
            MONSITE_FUZZ_CHECK(page.front.title.empty() && !page.front.draft && page.front.weight == 0);
        }
    } catch (const util::UsageError& e) {
        MONSITE_FUZZ_CHECK(!e.message().empty());
        (void)e.to_diagnostic().to_string();
    }
    return 0;
}
