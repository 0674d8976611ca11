#include "monsite/model/recommendation.hpp"

#include "monsite/util/strings.hpp"

namespace monsite::model {

const char* to_string(Addressee a) {
    switch (a) {
        case Addressee::school_head: return "school_head";
        case Addressee::teachers: return "teachers";
        case Addressee::methodical_centre: return "methodical_centre";
        case Addressee::department: return "department";
    }
    return "";
}

const char* to_string(DecisionKind k) {
    switch (k) {
        case DecisionKind::none: return "";
        case DecisionKind::organizing: return "organizing";
        case DecisionKind::activating: return "activating";
        case DecisionKind::coordinating: return "coordinating";
        case DecisionKind::controlling: return "controlling";
        case DecisionKind::stimulating: return "stimulating";
    }
    return "";
}

const char* to_string(Change c) {
    switch (c) {
        case Change::worse: return "worse";
        case Change::same: return "same";
        case Change::better: return "better";
    }
    return "";
}

const char* to_string(GroupMove m) { return m == GroupMove::down ? "down" : "up"; }

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::improved: return "improved";
        case Verdict::unchanged: return "unchanged";
        case Verdict::worsened: return "worsened";
        case Verdict::too_early: return "too_early";
        case Verdict::no_data: return "no_data";
        case Verdict::not_rated: return "not_rated";
    }
    return "";
}

std::optional<Addressee> parse_addressee(std::string_view id) {
    for (Addressee a : all_addressees)
        if (id == to_string(a)) return a;
    return std::nullopt;
}

std::optional<DecisionKind> parse_decision_kind(std::string_view text) {
    // The contract's words (Меры.kind), in the order of all_decision_kinds.
    static const char* const russian[] = {"организующее", "активизирующее", "координирующее", "контролирующее",
                                          "стимулирующее"};
    const std::string lower = util::to_lower(util::trim(text));
    for (std::size_t i = 0; i < std::size(all_decision_kinds); ++i)
        if (lower == to_string(all_decision_kinds[i]) || lower == russian[i]) return all_decision_kinds[i];
    return std::nullopt;
}

}  // namespace monsite::model
