#include "monsite/site/publisher.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

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

Publisher::Publisher(fs::path out_dir) : out_(fs::absolute(out_dir).lexically_normal()) {
    if (out_.filename().empty()) out_ = out_.parent_path();  // "public/" is "public"
}

Publisher::~Publisher() {
    std::error_code ec;
    if (!staging_.empty()) fs::remove_all(staging_, ec);
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

bool Publisher::contains(std::string_view relative) const {
    std::lock_guard guard(lock_);
    return origins_.contains(relative);
}

fs::path Publisher::staging_dir() const {
    std::lock_guard guard(lock_);
    return staging_;
}

const fs::path& Publisher::scratch_dir() {
    std::lock_guard guard(lock_);
    if (scratch_.empty()) {
        fs::path parent = out_.parent_path();
        fs::create_directories(parent);
        scratch_ = parent / ("." + out_.filename().string() + ".scratch-" + unique_suffix());
        fs::remove_all(scratch_);
        fs::create_directories(scratch_);
    }
    return scratch_;
}

void Publisher::start() {
    std::error_code ec;
    fs::create_directories(out_.parent_path(), ec);
    if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {out_.parent_path().string()});
    fs::path staging = out_.parent_path() / ("." + out_.filename().string() + ".staging-" + unique_suffix());
    fs::remove_all(staging, ec);
    staging_ = staging;  // from here on the destructor removes it
    fs::create_directories(staging_, ec);
    if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {staging_.string()});
    had_output_ = fs::is_directory(out_, ec);
}

fs::path Publisher::claim(std::string_view relative, std::string origin) {
    origins_.claim(relative, std::move(origin));
    if (staging_.empty()) start();
    fs::path target = staging_ / relative;
    if (made_.insert(target.parent_path()).second) {
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec) throw util::InternalError("не удалось создать папку: " + ec.message(), {target.parent_path().string()});
    }
    return target;
}

void Publisher::add(std::string_view relative, std::string bytes, std::string origin) {
    fs::path target, earlier;
    bool compare = false;
    {
        // Names and folders under the lock; the bytes are compared and written outside it, so that
        // the threads rendering pages write their files at the same time.
        std::lock_guard guard(lock_);
        target = claim(relative, std::move(origin));
        earlier = out_ / relative;
        compare = had_output_;
    }
    if (compare && same_bytes(earlier, bytes)) {
        std::error_code ec;
        fs::create_hard_link(earlier, target, ec);
        if (!ec) {
            std::lock_guard guard(lock_);
            ++report_.unchanged;
            return;
        }
    }
    write_file(target, bytes);
    std::lock_guard guard(lock_);
    ++report_.written;
}

void Publisher::keep(std::string_view relative, std::string origin) {
    fs::path target, earlier;
    {
        std::lock_guard guard(lock_);
        target = claim(relative, std::move(origin));
        earlier = out_ / relative;
    }
    std::error_code ec;
    fs::create_hard_link(earlier, target, ec);
    if (ec) {
        ec.clear();
        fs::copy_file(earlier, target, fs::copy_options::overwrite_existing, ec);
        if (ec) throw util::InternalError("не удалось перенести файл прошлой сборки: " + ec.message(), {earlier.string()});
    }
    std::lock_guard guard(lock_);
    ++report_.unchanged;
}

PublishReport Publisher::commit() {
    std::lock_guard guard(lock_);
    if (staging_.empty()) start();  // a site without files still replaces the earlier one
    const fs::path& out = out_;
    std::error_code ec;
    PublishReport report = report_;
    if (had_output_) {
        for (auto it = fs::recursive_directory_iterator(out, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec))
            if (it->is_regular_file() && !origins_.contains(fs::relative(it->path(), out).generic_string()))
                ++report.removed;
    }

    if (!had_output_) {
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
