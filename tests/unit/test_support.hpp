#pragma once
// Helpers shared by the unit tests: temporary folders, small files, expected errors.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "monsite/util/error.hpp"

namespace monsite::test {

// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("monsite-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// The bytes of a file (empty if it cannot be read).
inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every regular file below `root`: relative path ('/'-separated) -> bytes.
inline std::map<std::string, std::string> tree(const std::filesystem::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[std::filesystem::relative(e.path(), root).generic_string()] = read_bytes(e.path());
    return out;
}

// The names directly in `dir`, sorted.
inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Sets (or, with nullopt, removes) an environment variable for the guard's lifetime.
class EnvVar {
public:
    EnvVar(std::string name, const std::optional<std::string>& value) : name_(std::move(name)) {
        if (const char* old = std::getenv(name_.c_str())) old_ = old;
        set(value);
    }
    ~EnvVar() { set(old_); }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    void set(const std::optional<std::string>& value) {
        if (value)
            ::setenv(name_.c_str(), value->c_str(), 1);
        else
            ::unsetenv(name_.c_str());
    }
    std::string name_;
    std::optional<std::string> old_;
};

inline std::string fixture(const std::string& relative) { return std::string(MONSITE_FIXTURES) + "/" + relative; }

// The util::UsageError that `f` must throw; fails the test if nothing is thrown.
template <typename F>
util::UsageError usage_error(F&& f) {
    try {
        f();
    } catch (const util::UsageError& e) {
        return e;
    }
    FAIL("no util::UsageError was thrown");
    return util::UsageError("");
}

// True if the error's full text (location and message) contains `text`.
inline bool mentions(const util::UsageError& e, const std::string& text) {
    return e.to_diagnostic().to_string().find(text) != std::string::npos;
}

// Whether `text` holds a Cyrillic letter (U+0400..U+04FF: lead bytes D0..D3 in UTF-8).
inline bool has_cyrillic(const std::string& text) {
    for (unsigned char c : text)
        if (c >= 0xD0 && c <= 0xD3) return true;
    return false;
}

// Changes a file's last digit (1 <-> 2, any other -> 1), keeping its size: only its content tells the change.
inline void flip_last_digit(const std::filesystem::path& file) {
    std::string bytes = read_bytes(file);
    auto at = bytes.find_last_of("0123456789");
    REQUIRE(at != std::string::npos);
    bytes[at] = bytes[at] == '1' ? '2' : '1';
    write_file(file, bytes);
}

}  // namespace monsite::test
