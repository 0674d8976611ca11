#pragma once
// The one place that writes the published site: the staged on-disk OutputSink.
// Each file is written into a staging folder beside the output as it arrives
// (only its path and origin stay in memory), and commit() swaps the staging
// folder in at once: a failed build (an exception, or no commit) leaves the
// earlier output exactly as it was. A file whose bytes did not change is carried
// over (hard link), not rewritten, so its time stamp stays.

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "monsite/site/output_sink.hpp"

namespace monsite::site {

struct PublishReport {
    std::size_t written = 0;    // new or changed files
    std::size_t unchanged = 0;  // carried over from the earlier output
    std::size_t removed = 0;    // earlier files the new output no longer has
};

class Publisher : public OutputSink {
public:
    explicit Publisher(std::filesystem::path out_dir);
    ~Publisher() override;  // removes the staging and scratch folders if commit() did not finish
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // OutputSink::add; the file is in the staging folder when add returns (the
    // folder is made by the first add). Throws util::InternalError on I/O failure.
    void add(std::string_view relative, std::string bytes, std::string origin) override;
    bool contains(std::string_view relative) const override;
    // Carries a file of the earlier output over as it is (hard link, else a copy):
    // the files of a year an earlier build made and this one keeps (manifest.hpp
    // kept_output). Claims the path as add does. Throws util::InternalError.
    void keep(std::string_view relative, std::string origin);
    // Beside the output, never inside it.
    const std::filesystem::path& scratch_dir() override;

    // The staging folder ("" before the first add): for tests.
    std::filesystem::path staging_dir() const;

    // Swaps the staged files in. Throws util::InternalError on I/O failure.
    PublishReport commit();

private:
    void start();  // makes the staging folder; lock_ held
    // Claims `relative` (OutputSink::add) and makes its folder in the staging folder; lock_ held. Returns the staged path.
    std::filesystem::path claim(std::string_view relative, std::string origin);

    std::filesystem::path out_;  // absolute
    std::filesystem::path staging_;
    std::filesystem::path scratch_;
    mutable std::mutex lock_;
    OriginRegistry origins_;
    bool had_output_ = false;
    std::set<std::filesystem::path> made_;  // folders already created: one system call each, not one per file
    PublishReport report_;
};

}  // namespace monsite::site
