#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "monsite/config/config.hpp"
#include "monsite/config/i18n.hpp"
#include "monsite/ingest/reader.hpp"
#include "monsite/ingest/zip_archive.hpp"
#include "monsite/model/contract.hpp"
#include "monsite/render/collection_workbook.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

struct Written {
    TempDir dir;
    fs::path file;
    explicit Written(std::vector<render::RegisterEntry> schools, util::Language language = util::Language::ru) {
        file = dir / "collection.xlsx";
        render::CollectionWorkbook book{2026, std::move(schools), "Управление образования"};
        render::write_collection_workbook(file, book, config::default_config().catalogue, config::builtin_texts(language));
    }
    std::string part(const std::string& name) const {
        ingest::ZipArchive zip(file, util::SourceLocation{"collection.xlsx"}, {});
        return zip.read_all(name);
    }
};

const std::vector<render::RegisterEntry> two_schools = {
    {"s1", "МБОУ «СОШ № 1»", "СОШ № 1", "СОШ", "Город", "Заречный"},
    {"s2", "=cmd|' /C calc'!A0", "s2", "ООШ", "", ""},
};

}  // namespace

TEST_CASE("collection workbook: a sheet per contract table with its headers; register rows prefilled") {
    Written w(two_schools);
    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(w.file, "collection.xlsx", {}, {}, diags);
    CHECK_FALSE(diags.has_errors());
    const auto tables = model::contract_tables();
    REQUIRE(book.tables.size() == tables.size());
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const ingest::Table& table = book.tables[t];
        INFO(tables[t].name);
        CHECK(table.name() == tables[t].name);
        const auto& header = table.rows().front();
        std::vector<std::string> texts;
        for (const auto& c : table.cells(header)) texts.emplace_back(table.text(c));
        std::vector<std::string> expected;
        for (const auto& f : tables[t].fields) expected.emplace_back(f.header);
        CHECK(texts == expected);
        const bool per_school = t < 3;
        CHECK(table.rows().size() == (per_school ? 3u : 1u));
    }
    // ОО: the register's entry, the formula-looking name as text; Кадры: the code only.
    const ingest::Table& schools = book.tables[0];
    std::vector<std::string> second;
    for (const auto& c : schools.cells(schools.rows()[2])) second.emplace_back(schools.text(c));
    CHECK(second == std::vector<std::string>{"s2", "=cmd|' /C calc'!A0", "s2", "ООШ"});
    const ingest::Table& staff = book.tables[1];
    CHECK(staff.cells(staff.rows()[1]).size() == 1);
    CHECK(std::string(staff.text(staff.cells(staff.rows()[1])[0])) == "s1");
}

TEST_CASE("collection workbook: frozen, protected header; validation and an input message on every column") {
    Written w(two_schools);
    const auto tables = model::contract_tables();
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const std::string xml = w.part("xl/worksheets/sheet" + std::to_string(t + 1) + ".xml");
        INFO(tables[t].name);
        CHECK(xml.find("state=\"frozen\"") != std::string::npos);
        CHECK(xml.find("<sheetProtection") != std::string::npos);
        CHECK(xml.find("<f>") == std::string::npos);
        CHECK(count(xml, "<dataValidation ") == tables[t].fields.size());
        CHECK(count(xml, "showInputMessage=\"1\"") == tables[t].fields.size());
        CHECK(count(xml, "promptTitle=\"Что вписать\"") == tables[t].fields.size());
    }
    // Data cells are unlocked (a format with locked="0" styles the columns and the prefilled cells).
    CHECK(w.part("xl/styles.xml").find("<protection locked=\"0\"/>") != std::string::npos);
    const std::string staff = w.part("xl/worksheets/sheet2.xml");
    CHECK(staff.find("type=\"whole\" operator=\"greaterThanOrEqual\"") != std::string::npos);
    CHECK(staff.find("prompt=\"Все педагогические работники школы на дату мониторинга. Целое число 0 или больше") !=
          std::string::npos);
    const std::string teachers = w.part("xl/worksheets/sheet4.xml");
    CHECK(teachers.find("type=\"decimal\" allowBlank") != std::string::npos);  // "between" is the default operator
    CHECK(teachers.find("<formula1>0</formula1><formula2>100</formula2>") != std::string::npos);
    CHECK(teachers.find("<formula1>\"да,нет\"</formula1>") != std::string::npos);
    CHECK(teachers.find("<formula1>\"высшая,первая,соответствие,без категории\"</formula1>") != std::string::npos);
    const std::string measures = w.part("xl/worksheets/sheet5.xml");
    CHECK(measures.find("<formula1>\"организующее,активизирующее,координирующее,контролирующее,стимулирующее\"") !=
          std::string::npos);
    CHECK(measures.find("<formula1>\"diagnostics,mastery,young,communities,network,staffing,support\"") !=
          std::string::npos);
    CHECK(w.part("xl/worksheets/sheet1.xml").find("<formula1>\"СОШ,ООШ,НОШ,гимназия") != std::string::npos);
    CHECK(w.part("docProps/core.xml").find("сбор данных за 2026 год") != std::string::npos);
}

TEST_CASE("collection workbook: without a register only headers; English messages on an English site") {
    Written w({}, util::Language::en);
    util::Diagnostics diags;
    ingest::Workbook book = ingest::read_workbook(w.file, "collection.xlsx", {}, {}, diags);
    for (const auto& t : book.tables) CHECK(t.rows().size() == 1);
    // The headers stay the contract's Russian ones: they are what monsite reads.
    CHECK(std::string(book.tables[1].text(book.tables[1].cells(book.tables[1].rows()[0])[1])) ==
          "Всего педагогических работников");
    CHECK(w.part("xl/worksheets/sheet2.xml").find("promptTitle=\"What to enter\"") != std::string::npos);
}
