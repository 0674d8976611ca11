#pragma once
// What `monsite serve` watches, and what a change means for the rebuild. A
// Snapshot is the path, size and modification time of every watched file;
// comparing two says which kinds of input changed. Polling, not inotify: the
// trees are small, and it sees editors' rename-on-save and network folders alike.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "monsite/site/sources.hpp"

namespace monsite::serve {

// What a changed file asks to redo, least to most. The pipeline's stages:
// theme -> render; content -> load_site, compute, render (the recommendation
// rules live in content/); data -> load_data, compute, render; config -> all.
enum class Change : std::uint8_t { none, theme, content, data, config };

// A watched folder or file and what its changes mean.
struct WatchRoot {
    std::filesystem::path path;  // a folder (watched recursively) or a single file
    Change kind = Change::none;
};

// The roots of a site: the configuration file (or <data>/site.toml and any
// other .toml at the top of the data folder: the indicator catalogue), the
// year folders of `data_dir`, <site>/content, <site>/themes, <site>/i18n, and
// monsite's own theme and catalogues (`shipped`, may be empty), for theme work.
std::vector<WatchRoot> site_roots(const std::filesystem::path& data_dir, const std::filesystem::path& config_file,
                                  const std::filesystem::path& site_root, const std::filesystem::path& shipped);

struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t modified = 0;  // nanoseconds of the file's mtime
    Change kind = Change::none;
    bool operator==(const FileStamp&) const = default;
};

// Path (generic string) -> stamp, for every regular file below the roots.
// Office lock files (~$name, .~lock.name#) and editors' backups (name~, .swp)
// are left out: opening a workbook must not rebuild the site.
using Snapshot = std::map<std::string, FileStamp>;
Snapshot take_snapshot(const std::vector<WatchRoot>& roots);

// The strongest change between two snapshots, and the files that differ (for
// the message), in path order.
struct Difference {
    Change change = Change::none;
    std::vector<std::string> files;
};
Difference compare(const Snapshot& before, const Snapshot& after);

// True for the files take_snapshot leaves out (site/sources.hpp).
using site::is_ignored_name;

}  // namespace monsite::serve
