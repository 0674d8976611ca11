#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "monsite/model/contract.hpp"

using namespace monsite::model;

TEST_CASE("field_index finds each contract field at its position in the row") {
    for (const auto& spec : contract_tables()) {
        const FieldIndex& index = field_index(spec.id);
        for (std::size_t i = 0; i < spec.fields.size(); ++i) CHECK(index(spec.fields[i].id) == i);
    }
    CHECK(field_index(TableId::teachers)("school_id") == 1);
    CHECK(field_index(TableId::measures)("school_id") == 4);
}

TEST_CASE("field_index fails loudly for an id its table does not have") {
    CHECK_THROWS_AS(field_index(TableId::schools)("no_such_field"), std::logic_error);
    CHECK_THROWS_AS(field_index(TableId::measures)("teacher_id"), std::logic_error);
    try {
        field_index(TableId::staff)("clusterr");
        FAIL("no exception");
    } catch (const std::logic_error& e) {
        const std::string what = e.what();
        CHECK(what.find("clusterr") != std::string::npos);
        CHECK(what.find("Кадры") != std::string::npos);
    }
}
