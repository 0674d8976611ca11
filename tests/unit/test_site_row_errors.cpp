#include <doctest/doctest.h>

#include <string>

#include "monsite/site/row_errors.hpp"

using namespace monsite;
using site::FoldUnit;
using site::RowErrors;

namespace {

util::SourceLocation cell(std::uint32_t row, std::uint32_t column, const char* sheet = "Кадры") {
    return {"data/2025/школа_12.xlsx", sheet, row, column, false};
}

std::string lines(const util::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.all()) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_CASE("one error: file, sheet!cell, the column and the school, then the message") {
    util::Diagnostics diags;
    RowErrors errors(diags);
    errors.add({cell(17, 3), "«Вакансии», школа sch12", "ожидалось целое число ≥ 0, найдено «много»",
                site::fold_key("sch12", "count"), FoldUnit::cells});
    errors.flush();
    CHECK(lines(diags) ==
          "data/2025/школа_12.xlsx: Кадры!C17 («Вакансии», школа sch12): ожидалось целое число ≥ 0, найдено «много»\n");
}

TEST_CASE("errors of one kind for one school fold into one line with a count and the first cells") {
    util::Diagnostics diags;
    RowErrors errors(diags);
    for (std::uint32_t c = 3; c <= 9; ++c)
        errors.add({cell(17, c), "«x», школа sch12", "ожидалось целое число ≥ 0, найдено «много»",
                    site::fold_key("sch12", "count"), FoldUnit::cells});
    // Another school, another kind, no school: lines of their own.
    errors.add({cell(18, 3), "«x», школа sch13", "ожидалось целое число ≥ 0, найдено «много»",
                site::fold_key("sch13", "count"), FoldUnit::cells});
    errors.add({cell(17, 10), "«y», школа sch12", "ожидалось «да» или «нет», найдено «в проекте»",
                site::fold_key("sch12", "boolean"), FoldUnit::cells});
    errors.add({cell(19, 3), "«x»", "ожидалось целое число ≥ 0, найдено «много»", site::fold_key("", "count"),
                FoldUnit::cells});
    errors.add({cell(20, 3), "«x»", "ожидалось целое число ≥ 0, найдено «много»", site::fold_key("", "count"),
                FoldUnit::cells});
    errors.add({cell(18, 4), "«x», школа sch12", "ожидалось целое число ≥ 0, найдено «-1»",
                site::fold_key("sch12", "count"), FoldUnit::cells});
    errors.flush();
    INFO(lines(diags));
    REQUIRE(diags.error_count() == 5);
    CHECK(diags.all()[0].to_string() ==
          "data/2025/школа_12.xlsx: Кадры!C17 («x», школа sch12): ожидалось целое число ≥ 0, найдено «много»; "
          "и ещё 7 ячеек того же вида: D17, E17, F17, G17, H17, …");
    CHECK(diags.all()[1].to_string().starts_with("data/2025/школа_12.xlsx: Кадры!C18 («x», школа sch13): "));
    CHECK(diags.all()[2].to_string().ends_with("найдено «в проекте»"));
    CHECK(diags.all()[3].to_string().ends_with("Кадры!C19 («x»): ожидалось целое число ≥ 0, найдено «много»"));
    CHECK(diags.all()[4].to_string().ends_with("Кадры!C20 («x»): ожидалось целое число ≥ 0, найдено «много»"));
}

TEST_CASE("plural forms, rows and CSV places") {
    auto folded = [](std::size_t n, FoldUnit unit, bool csv) {
        util::Diagnostics diags;
        RowErrors errors(diags);
        for (std::uint32_t r = 2; r < 2 + n + 1; ++r)
            errors.add({{"Педагоги.csv", "", r, 2, csv}, {}, "школы с кодом «sch04» нет в таблице «ОО»",
                        site::fold_key("sch04", "unknown"), unit});
        errors.flush();
        REQUIRE(diags.error_count() == 1);
        return diags.all()[0].message;
    };
    CHECK(folded(1, FoldUnit::cells, false).ends_with("; и ещё 1 ячейка того же вида: B3"));
    CHECK(folded(3, FoldUnit::cells, false).ends_with("; и ещё 3 ячейки того же вида: B3, B4, B5"));
    CHECK(folded(11, FoldUnit::cells, false).ends_with("; и ещё 11 ячеек того же вида: B3, B4, B5, B6, B7, …"));
    CHECK(folded(21, FoldUnit::rows, false).ends_with("; и ещё 21 строка с этим кодом: B3, B4, B5, B6, B7, …"));
    CHECK(folded(54, FoldUnit::rows, false).ends_with("; и ещё 54 строки с этим кодом: B3, B4, B5, B6, B7, …"));
    CHECK(folded(2, FoldUnit::rows, true).ends_with("; и ещё 2 строки с этим кодом: строки 3, 4"));
    CHECK(folded(1, FoldUnit::rows, true).ends_with("; и ещё 1 строка с этим кодом: строка 3"));
    CHECK(folded(2, FoldUnit::cells, true).ends_with("; и ещё 2 ячейки того же вида: (строка:столбец) 3:2, 4:2"));
}

TEST_CASE("at most 1,000 lines a table; folded errors never count against the cap") {
    util::Diagnostics diags;
    RowErrors errors(diags);
    for (std::uint32_t r = 2; r < 2 + 1500; ++r) {
        std::string school = "s" + std::to_string(r);
        errors.add({cell(r, 2), "«x», школа " + school, "ожидалось целое число ≥ 0, найдено «много»",
                    site::fold_key(school, "count"), FoldUnit::cells});
        errors.add({cell(r, 3), "«y», школа " + school, "ожидалось целое число ≥ 0, найдено «много»",
                    site::fold_key(school, "count"), FoldUnit::cells});
    }
    errors.add({cell(5, 2, "Развитие"), {}, "другая таблица", {}, FoldUnit::cells});
    errors.flush();
    REQUIRE(diags.error_count() == 1002);
    CHECK(diags.all()[0].message.ends_with("; и ещё 1 ячейка того же вида: C2"));
    CHECK(diags.all()[1000].to_string() == "data/2025/школа_12.xlsx: Развитие!B5: другая таблица");
    CHECK(diags.all()[1001].to_string() ==
          "data/2025/школа_12.xlsx: Кадры: и ещё 1000 таких ошибок в этой таблице (показаны первые 1000)");
}
