#include "monsite/site/publisher.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "monsite/util/error.hpp"

namespace monsite::site {
namespace {

namespace fs = std::filesystem;

bool same_bytes(const fs::path& file, const std::string& bytes) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) != bytes.size() || ec) return false;
    std::ifstream in(file, std::ios::binary);
    std::string existing(bytes.size(), '\0');
    in.read(existing.data(), static_cast<std::streamsize>(existing.size()));
    return in.gcount() == static_cast<std::streamsize>(bytes.size()) && existing == bytes;
}

void write_file(const fs::path& file, const std::string& bytes) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    for (std::size_t done = 0; ok && done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<std::size_t>(n);
    }
    int saved = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok) throw util::InternalError("не удалось записать файл: " + std::string(std::strerror(saved)), {file.string()});
}

// Swaps two folders in one step where the kernel allows it.
bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
    (void)a;
    (void)b;
    return false;
#endif
}

std::string unique_suffix() { return std::to_string(::getpid()); }

}  // namespace

bool is_safe_relative_path(std::string_view relative) {
    if (relative.empty() || relative.front() == '/' || relative.back() == '/') return false;
    std::size_t start = 0;
    while (start <= relative.size()) {
        std::size_t end = relative.find('/', start);
        if (end == std::string_view::npos) end = relative.size();
        std::string_view part = relative.substr(start, end - start);
        if (part.empty() || part == "." || part == ".." || part.size() > 200) return false;
        for (char c : part)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                  c == '_'))
                return false;
        start = end + 1;
    }
    return true;
}

Publisher::Publisher(fs::path out_dir) : out_(std::move(out_dir)) {
    if (out_.filename().empty()) out_ = out_.parent_path();
}

Publisher::~Publisher() {
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

void Publisher::add(std::string_view relative, std::string bytes, std::string origin) {
    if (!is_safe_relative_path(relative))
        throw util::InternalError("недопустимый путь публикуемого файла «" + std::string(relative) + "»");
    auto [at, fresh] = origins_.try_emplace(std::string(relative), std::move(origin));
    if (!fresh)
        throw util::UsageError("файл сайта «" + std::string(relative) + "» создаётся дважды: " + at->second + " и " +
                               origin + "; один заменил бы другой");
    files_.emplace(std::string(relative), std::move(bytes));
}

const fs::path& Publisher::scratch_dir() {
    if (scratch_.empty()) {
        fs::path parent = fs::absolute(out_).parent_path();
        fs::create_directories(parent);
        scratch_ = parent / ("." + out_.filename().string() + ".scratch-" + unique_suffix());
        fs::remove_all(scratch_);
        fs::create_directories(scratch_);
    }
    return scratch_;
}

PublishReport Publisher::commit() {
    PublishReport report;
    const fs::path out = fs::absolute(out_);
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {out.parent_path().string()});
    staging_ = out.parent_path() / ("." + out.filename().string() + ".staging-" + unique_suffix());
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
    if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {staging_.string()});

    const bool had_output = fs::is_directory(out, ec);
    std::set<fs::path> made;  // folders already created: one system call each, not one per file
    for (const auto& [relative, bytes] : files_) {
        fs::path target = staging_ / relative;
        if (made.insert(target.parent_path()).second) {
            fs::create_directories(target.parent_path(), ec);
            if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {target.parent_path().string()});
        }
        fs::path earlier = out / relative;
        if (had_output && same_bytes(earlier, bytes)) {
            fs::create_hard_link(earlier, target, ec);
            if (!ec) {
                ++report.unchanged;
                continue;
            }
            ec.clear();
        }
        write_file(target, bytes);
        ++report.written;
    }
    if (had_output) {
        for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file() && !files_.count(fs::relative(it->path(), out).generic_string())) ++report.removed;
    }

    if (!had_output) {
        fs::rename(staging_, out, ec);
        if (ec) throw util::InternalError("не удалось опубликовать сайт: " + ec.message(), {out.string()});
    } else if (exchange(staging_, out)) {
        fs::remove_all(staging_, ec);  // now the earlier output
    } else {
        fs::path old = out.parent_path() / ("." + out.filename().string() + ".old-" + unique_suffix());
        fs::rename(out, old, ec);
        if (ec) throw util::InternalError("не удалось заменить сайт: " + ec.message(), {out.string()});
        fs::rename(staging_, out, ec);
        if (ec) {
            std::error_code back;
            fs::rename(old, out, back);
            throw util::InternalError("не удалось заменить сайт: " + ec.message(), {out.string()});
        }
        fs::remove_all(old, ec);
    }
    staging_.clear();
    return report;
}

}  // namespace monsite::site
