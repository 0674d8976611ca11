// libFuzzer target: config::parse_formula on arbitrary text. A malformed
// formula must end in util::UsageError; anything else is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "monsite/config/formula.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace monsite;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const util::SourceLocation where{"indicators.toml", "", 7, 0, true};
    try {
        model::Formula f = config::parse_formula(text, where);
        MONSITE_FUZZ_CHECK(f.text == util::trim(text));
        const std::size_t fields = model::school_fields().size();
        for (std::size_t i : f.inputs()) MONSITE_FUZZ_CHECK(i < fields);
        switch (f.kind) {
            case model::FormulaKind::ratio:
                MONSITE_FUZZ_CHECK(!f.numerator.empty() && !f.denominator.empty());
                break;
            case model::FormulaKind::sum:
            case model::FormulaKind::weighted_mean:
            case model::FormulaKind::share_of_schools: MONSITE_FUZZ_CHECK(f.numerator.size() == 1); break;
            case model::FormulaKind::teacher_mean: MONSITE_FUZZ_CHECK(!f.teacher_field.empty()); break;
        }
    } catch (const util::UsageError& e) {
        MONSITE_FUZZ_CHECK(!e.message().empty());
        (void)e.to_diagnostic().to_string();
    }
    return 0;
}
