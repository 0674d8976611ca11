#include <doctest/doctest.h>

#include <string>

#include "monsite/config/i18n.hpp"
#include "monsite/model/indicator.hpp"
#include "monsite/model/rules.hpp"
#include "monsite/render/format.hpp"
#include "monsite/render/prose.hpp"

using namespace monsite;
using namespace monsite::render;

namespace {
const config::TextCatalogue& ru() {
    static const auto texts = config::builtin_texts(util::Language::ru);
    return texts;
}

model::Indicator rated(model::Better better) {
    model::Indicator ind;
    ind.unit = model::Unit::percent;
    ind.better = better;
    ind.t1 = model::Exact(20);
    ind.t2 = model::Exact(50);
    return ind;
}
}  // namespace

TEST_CASE("level_rules name the level each boundary bounds, following the better side") {
    const auto higher = rated(model::Better::higher);
    auto rules = level_rules(ru(), higher);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].value == 20.0);
    CHECK(rules[0].label == "граница низкого уровня — " + value_text(ru(), higher, higher.t1));
    CHECK(rules[1].value == 50.0);
    CHECK(rules[1].label == "граница высокого уровня — " + value_text(ru(), higher, higher.t2));

    const auto lower = rated(model::Better::lower);
    rules = level_rules(ru(), lower);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].label == "граница высокого уровня — " + value_text(ru(), lower, lower.t1));
    CHECK(rules[1].label == "граница низкого уровня — " + value_text(ru(), lower, lower.t2));

    CHECK(level_rules(ru(), rated(model::Better::none)).empty());
}

TEST_CASE("group_rules mark where the low and high groups begin") {
    model::Rules r;
    auto rules = group_rules(ru(), r);
    REQUIRE(rules.size() == 2);
    CHECK(rules[0].value == 40.0);
    CHECK(rules[0].label == "граница низкой группы — 40");
    CHECK(rules[1].value == 70.0);
    CHECK(rules[1].label == "граница высокой группы — 70");
}
