// Scale data for benchmarks (scale/scale_data.hpp): a synthetic municipality,
// region or nation as XLSX, one workbook per table, valid under the data
// contract and byte-identical for the same preset and seed.
//   make_scale_data PRESET OUT_DIR [--seed N]
//   PRESET: municipal (30 schools, 3 years), regional (1,000 schools, 5 years,
//   ≈30,000 teacher rows a year), national (40,000 schools, 1 year, ≈1.2
//   million teacher rows in ten workbooks).
// Prints one line for scripts: the preset, schools, years, files and
// non-empty cells written (bench/run.sh reads "cells N").

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>

#include "scale/scale_data.hpp"

namespace {

int usage() {
    std::fprintf(stderr, "usage: make_scale_data municipal|regional|national OUT_DIR [--seed N]\n");
    return 64;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) return usage();
    const auto preset = scale::find_preset(argv[1]);
    if (!preset) return usage();
    std::uint64_t seed = 15;
    if (argc == 5) {
        if (std::string_view(argv[3]) != "--seed") return usage();
        try {
            seed = std::stoull(argv[4]);
        } catch (const std::exception&) {
            return usage();
        }
    }
    try {
        const auto written = scale::write_scale_data(*preset, seed, std::filesystem::path(argv[2]));
        std::printf("make_scale_data: %s: schools %d years %d files %d cells %llu\n", argv[1], preset->schools,
                    preset->years, written.files, static_cast<unsigned long long>(written.cells));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_scale_data: %s\n", e.what());
        return 1;
    }
    return 0;
}
