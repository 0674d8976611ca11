// libFuzzer target: a .ods file of arbitrary bytes through ingest::read_workbook.
// Only util::Error may come out; any other exception, crash, leak or broken
// invariant is a finding. A zip-aware mutator (zip_mutator.hpp) reaches the XML.

#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"
#include "zip_mutator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static monsite::fuzz::TempFile file("fuzz.ods");
    monsite::fuzz::read_and_exercise(file.write(data, size), /*grid=*/true);
    return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
    return monsite::fuzz::mutate_zip(data, size, max_size, seed);
}
