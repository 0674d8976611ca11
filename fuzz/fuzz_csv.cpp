// libFuzzer target: a CSV file of arbitrary bytes through ingest::read_workbook
// (encoding detection, delimiter detection, quoting). The file is named after
// the contract table Кадры, so its header row is matched against that table.
// Only util::Error may come out; anything else is a finding.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static monsite::fuzz::TempFile file("Кадры.csv");
    monsite::fuzz::read_and_exercise(file.write(data, size), /*grid=*/false);
    return 0;
}
