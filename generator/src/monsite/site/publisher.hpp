#pragma once
// The one place that writes the published site. Files are collected, written
// into a staging folder beside the output, and swapped in at once: a failed
// build leaves the earlier output exactly as it was. A file whose bytes did not
// change is carried over (hard link), not rewritten, so its time stamp stays.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace monsite::site {

struct PublishReport {
    std::size_t written = 0;    // new or changed files
    std::size_t unchanged = 0;  // carried over from the earlier output
    std::size_t removed = 0;    // earlier files the new output no longer has
};

class Publisher {
public:
    explicit Publisher(std::filesystem::path out_dir);
    ~Publisher();  // removes the staging and scratch folders if commit() did not finish
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // Queues a file. `relative` is '/'-separated below the output folder; a
    // path that is absolute, empty, or has "." / ".." parts or unusual
    // characters throws util::InternalError (no output may land outside).
    // `origin` says what made the file ("content/about.md", "открытые данные
    // (schools.csv)"): a path added twice is never overwritten silently but
    // throws util::UsageError naming both origins.
    void add(std::string_view relative, std::string bytes, std::string origin);
    bool contains(std::string_view relative) const { return files_.count(std::string(relative)) > 0; }

    // A private folder for libraries that insist on writing files themselves;
    // it is removed when the publisher ends.
    const std::filesystem::path& scratch_dir();

    // Writes everything and swaps it in. Throws util::InternalError on I/O failure.
    PublishReport commit();

private:
    std::filesystem::path out_;
    std::filesystem::path staging_;
    std::filesystem::path scratch_;
    std::map<std::string, std::string> files_;    // sorted: deterministic order of writing
    std::map<std::string, std::string> origins_;  // path -> what added it
};

// True if `relative` is a path the publisher accepts.
bool is_safe_relative_path(std::string_view relative);

}  // namespace monsite::site
