#pragma once
// Caps that keep a hostile or broken file from exhausting memory or time.

#include <cstdint>

namespace monsite::ingest {

struct ReadLimits {
    std::uint64_t max_part_bytes = 512ull << 20;   // one decompressed zip entry
    std::uint64_t max_file_bytes = 1024ull << 20;  // all decompressed entries of one file
    std::uint64_t max_csv_bytes = 512ull << 20;    // one CSV file
    std::uint32_t max_xml_depth = 256;
    std::uint32_t max_shared_strings = 5'000'000;
    std::uint32_t max_cell_chars = 32767;          // Excel's own limit for one cell
    // What one file may expand to: non-empty cells, and the bytes of their
    // text, counting a shared string (XLSX) or a repeated cell (ODS) once for
    // every cell that shows it. A small file must not become gigabytes.
    std::uint64_t max_cells = 50'000'000;
    std::uint64_t max_text_bytes = 256ull << 20;
};

}  // namespace monsite::ingest
