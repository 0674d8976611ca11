#pragma once
// Synthetic scale data for benchmarks: a municipality, region or nation as XLSX
// under OUT/<year>/, one workbook per table (ОО, Кадры, Развитие, Педагоги,
// Меры), the Педагоги table split over several workbooks for the national
// preset (data contract §1: tables of one name in several files are
// concatenated; a sheet holds at most 1,048,576 rows). Valid under the data
// contract; deterministic: the same shape and seed give byte-identical files.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace scale {

struct Preset {
    std::string_view name;
    int schools;
    int years;
    int first_year;
    int schools_per_teacher_book;  // 0: one Педагоги workbook
};

// municipal (30 schools, 3 years), regional (1,000 schools, 5 years, ≈30,000
// teacher rows a year), national (40,000 schools, 1 year, ≈1.2 million teacher
// rows in workbooks of 4,000 schools); nullopt for another name.
std::optional<Preset> find_preset(std::string_view name);

struct Written {
    int files;
    std::uint64_t cells;  // non-empty cells, header rows included
};

// Writes every year of `preset` below `out` (created). Throws std::runtime_error
// when a file cannot be written. Not thread-safe (counts in file-level state).
Written write_scale_data(const Preset& preset, std::uint64_t seed, const std::filesystem::path& out);

}  // namespace scale
