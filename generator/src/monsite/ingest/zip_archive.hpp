#pragma once
// Read-only access to a zip container (XLSX, ODS). Owns the libzip handle.
// Decompressed bytes are counted here; sizes declared inside the zip are never trusted.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "monsite/ingest/limits.hpp"
#include "monsite/util/error.hpp"

namespace monsite::ingest {

class ZipArchive {
public:
    // Throws util::DataError at `where` if the file is not a readable zip.
    ZipArchive(const std::filesystem::path& path, util::SourceLocation where, const ReadLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(std::string_view entry) const;
    std::vector<std::string> entry_names() const;

    // Streams the entry's decompressed bytes to `sink` in chunks. Throws
    // util::DataError if the entry is missing or damaged, or if it (or the
    // archive as a whole) decompresses past the limits.
    void read(std::string_view entry, const std::function<void(std::string_view)>& sink);
    // The whole entry as a string, under the same limits.
    std::string read_all(std::string_view entry);

    const util::SourceLocation& where() const { return where_; }

private:
    struct Handle;
    std::unique_ptr<Handle> handle_;
    util::SourceLocation where_;
    ReadLimits limits_;
    std::uint64_t total_read_ = 0;
};

}  // namespace monsite::ingest
