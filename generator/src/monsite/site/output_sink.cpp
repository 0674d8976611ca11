#include "monsite/site/output_sink.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>

#include "monsite/util/error.hpp"

namespace monsite::site {

namespace fs = std::filesystem;

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

void OriginRegistry::claim(std::string_view relative, std::string origin) {
    if (!is_safe_relative_path(relative))
        throw util::InternalError("недопустимый путь публикуемого файла «" + std::string(relative) + "»");
    auto [at, fresh] = origins_.try_emplace(std::string(relative), std::move(origin));
    if (!fresh)
        throw util::UsageError("файл сайта «" + std::string(relative) + "» создаётся дважды: " + at->second + " и " +
                               origin + "; один заменил бы другой");
}

MemorySink::~MemorySink() {
    std::error_code ec;
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

void MemorySink::add(std::string_view relative, std::string bytes, std::string origin) {
    std::lock_guard guard(lock_);
    origins_.claim(relative, std::move(origin));
    files_.emplace(std::string(relative), std::move(bytes));
}

bool MemorySink::contains(std::string_view relative) const {
    std::lock_guard guard(lock_);
    return origins_.contains(relative);
}

const fs::path& MemorySink::scratch_dir() {
    std::lock_guard guard(lock_);
    if (scratch_.empty()) {
        std::string pattern = (fs::temp_directory_path() / "monsite-scratch-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw util::InternalError("не удалось создать временную папку: " + std::string(std::strerror(errno)),
                                      {pattern});
        scratch_ = pattern;
    }
    return scratch_;
}

const std::string* MemorySink::find(std::string_view relative) const {
    std::lock_guard guard(lock_);
    auto it = files_.find(relative);
    return it == files_.end() ? nullptr : &it->second;
}

std::string MemorySink::origin_of(std::string_view relative) const {
    std::lock_guard guard(lock_);
    auto it = origins_.origins().find(relative);
    return it == origins_.origins().end() ? std::string() : it->second;
}

}  // namespace monsite::site
