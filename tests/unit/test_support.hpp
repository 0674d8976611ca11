#pragma once
// Helpers shared by the unit tests: temporary folders and small files.

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

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

inline std::string fixture(const std::string& relative) { return std::string(MONSITE_FIXTURES) + "/" + relative; }

}  // namespace monsite::test
