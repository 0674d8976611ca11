#pragma once
// Where a build's files go: every file once, by its path below the site root,
// with what made it. Publisher (publisher.hpp) writes them to disk, staged and
// swapped in at once; MemorySink keeps them in memory (tests, a preview server).

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace monsite::site {

class OutputSink {
public:
    virtual ~OutputSink() = default;

    // Adds a file. `relative` is '/'-separated below the site root; a path that
    // is absolute, empty, or has "." / ".." parts or unusual characters throws
    // util::InternalError. `origin` says what made the file ("content/about.md",
    // "открытые данные (schools.csv)"): a path added twice is never overwritten
    // but throws util::UsageError naming both origins. Safe to call from several threads.
    virtual void add(std::string_view relative, std::string bytes, std::string origin) = 0;
    virtual bool contains(std::string_view relative) const = 0;

    // A private folder for libraries that insist on writing files themselves
    // (the XLSX writer); never published, removed when the sink ends.
    virtual const std::filesystem::path& scratch_dir() = 0;
};

// The path -> origin record every sink keeps: checks a path and refuses it twice.
class OriginRegistry {
public:
    // Throws as OutputSink::add says; on success remembers relative -> origin.
    void claim(std::string_view relative, std::string origin);
    bool contains(std::string_view relative) const { return origins_.find(relative) != origins_.end(); }
    const std::map<std::string, std::string, std::less<>>& origins() const { return origins_; }

private:
    std::map<std::string, std::string, std::less<>> origins_;
};

// Every file in memory, sorted by path. Owns the bytes.
class MemorySink : public OutputSink {
public:
    MemorySink() = default;
    ~MemorySink() override;  // removes the scratch folder
    MemorySink(const MemorySink&) = delete;
    MemorySink& operator=(const MemorySink&) = delete;

    void add(std::string_view relative, std::string bytes, std::string origin) override;
    bool contains(std::string_view relative) const override;
    const std::filesystem::path& scratch_dir() override;  // a fresh folder below the system's temporary folder

    // Path -> bytes. Not to be called while another thread adds.
    const std::map<std::string, std::string, std::less<>>& files() const { return files_; }
    // The bytes of one file, or nullptr.
    const std::string* find(std::string_view relative) const;
    // What made a file ("" if there is none).
    std::string origin_of(std::string_view relative) const;

private:
    mutable std::mutex lock_;
    OriginRegistry origins_;
    std::map<std::string, std::string, std::less<>> files_;
    std::filesystem::path scratch_;
};

// True if `relative` is a path the sinks accept.
bool is_safe_relative_path(std::string_view relative);

}  // namespace monsite::site
