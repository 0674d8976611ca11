#include "monsite/serve/watch.hpp"

#include <algorithm>
#include <chrono>
#include <system_error>

namespace monsite::serve {
namespace {

namespace fs = std::filesystem;

void stamp(Snapshot& snapshot, const fs::path& file, Change kind) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    if (ec) return;
    auto time = fs::last_write_time(file, ec);
    if (ec) return;
    FileStamp s{size,
                std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count(), kind};
    auto [at, fresh] = snapshot.try_emplace(file.generic_string(), s);
    // A file under two roots (the source tree's theme is also the site's) counts as the stronger.
    if (!fresh && s.kind > at->second.kind) at->second.kind = s.kind;
}

}  // namespace

std::vector<WatchRoot> site_roots(const fs::path& data_dir, const fs::path& config_file, const fs::path& site_root,
                                  const fs::path& shipped) {
    std::vector<WatchRoot> roots;
    if (!config_file.empty()) roots.push_back({config_file, Change::config});
    std::error_code ec;
    for (auto it = fs::directory_iterator(data_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec))
            roots.push_back({it->path(), Change::data});
        else if (it->path().extension() == ".toml")
            roots.push_back({it->path(), Change::config});
    }
    // A year folder added later, or site.toml created: the data folder's own entries.
    roots.push_back({data_dir, Change::none});
    roots.push_back({site_root / "content", Change::content});
    roots.push_back({site_root / "themes", Change::theme});
    roots.push_back({site_root / "i18n", Change::theme});
    if (!shipped.empty()) {
        roots.push_back({shipped / "themes" / "default", Change::theme});
        roots.push_back({shipped / "i18n", Change::theme});
    }
    return roots;
}

Snapshot take_snapshot(const std::vector<WatchRoot>& roots) {
    Snapshot snapshot;
    for (const auto& root : roots) {
        std::error_code ec;
        auto status = fs::status(root.path, ec);
        if (ec) continue;
        if (fs::is_regular_file(status)) {
            if (!is_ignored_name(root.path.filename().string())) stamp(snapshot, root.path, root.kind);
            continue;
        }
        if (!fs::is_directory(status)) continue;
        if (root.kind == Change::none) {
            // The data folder itself: a new year folder or a new .toml file is a change of the configuration
            // (the years published and the files watched change with it).
            for (auto it = fs::directory_iterator(root.path, ec); !ec && it != fs::directory_iterator();
                 it.increment(ec))
                if (!is_ignored_name(it->path().filename().string()))
                    snapshot.try_emplace(it->path().generic_string() + "/", FileStamp{0, 0, Change::config});
            continue;
        }
        for (auto it = fs::recursive_directory_iterator(root.path, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (is_ignored_name(name)) continue;
            if (it->is_regular_file(ec)) stamp(snapshot, it->path(), root.kind);
        }
    }
    return snapshot;
}

Difference compare(const Snapshot& before, const Snapshot& after) {
    Difference d;
    auto note = [&d](const std::string& file, Change kind) {
        d.files.push_back(file);
        d.change = std::max(d.change, kind);
    };
    auto a = before.begin();
    auto b = after.begin();
    while (a != before.end() || b != after.end()) {
        if (b == after.end() || (a != before.end() && a->first < b->first)) {
            note(a->first, a->second.kind);  // removed
            ++a;
        } else if (a == before.end() || b->first < a->first) {
            note(b->first, b->second.kind);  // added
            ++b;
        } else {
            if (!(a->second == b->second)) note(b->first, std::max(a->second.kind, b->second.kind));
            ++a;
            ++b;
        }
    }
    return d;
}

}  // namespace monsite::serve
