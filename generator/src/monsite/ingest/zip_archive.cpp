#include "monsite/ingest/zip_archive.hpp"

#include <zip.h>

#include <array>

namespace monsite::ingest {

struct ZipArchive::Handle {
    zip_t* zip = nullptr;
    ~Handle() {
        if (zip) zip_discard(zip);
    }
};

namespace {

struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string zip_error_text(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, util::SourceLocation where, const ReadLimits& limits)
    : handle_(std::make_unique<Handle>()), where_(std::move(where)), limits_(limits) {
    int code = 0;
    handle_->zip = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!handle_->zip) {
        if (code == ZIP_ER_NOZIP)
            throw util::DataError(where_, "файл не является книгой Excel или OpenDocument (это не zip-архив)");
        if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
            throw util::DataError(where_, "не удалось открыть файл: " + zip_error_text(code));
        throw util::DataError(where_, "файл повреждён (" + zip_error_text(code) +
                                          "); откройте его в Excel или LibreOffice и сохраните заново");
    }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::contains(std::string_view entry) const {
    return zip_name_locate(handle_->zip, std::string(entry).c_str(), 0) >= 0;
}

std::vector<std::string> ZipArchive::entry_names() const {
    std::vector<std::string> names;
    zip_int64_t n = zip_get_num_entries(handle_->zip, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(handle_->zip, static_cast<zip_uint64_t>(i), 0);
        if (name) names.emplace_back(name);
    }
    return names;
}

void ZipArchive::read(std::string_view entry, const std::function<void(std::string_view)>& sink) {
    std::string name(entry);
    zip_int64_t index = zip_name_locate(handle_->zip, name.c_str(), 0);
    if (index < 0) throw util::DataError(where_, "в файле нет части " + name + "; файл повреждён или неполон");
    std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(handle_->zip, static_cast<zip_uint64_t>(index), 0));
    if (!file)
        throw util::DataError(where_, "не удалось распаковать часть " + name + ": " +
                                          zip_strerror(handle_->zip));
    std::array<char, 64 * 1024> buffer;
    std::uint64_t part_read = 0;
    for (;;) {
        zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
        if (got < 0)
            throw util::DataError(where_, "часть " + name + " повреждена: " + zip_file_strerror(file.get()));
        if (got == 0) break;
        part_read += static_cast<std::uint64_t>(got);
        total_read_ += static_cast<std::uint64_t>(got);
        if (part_read > limits_.max_part_bytes)
            throw util::DataError(where_, "часть " + name + " после распаковки больше " +
                                              std::to_string(limits_.max_part_bytes >> 20) +
                                              " МиБ; файл отклонён как небезопасный");
        if (total_read_ > limits_.max_file_bytes)
            throw util::DataError(where_, "файл после распаковки больше " +
                                              std::to_string(limits_.max_file_bytes >> 20) +
                                              " МиБ; файл отклонён как небезопасный");
        sink(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
    }
}

std::string ZipArchive::read_all(std::string_view entry) {
    std::string out;
    read(entry, [&](std::string_view chunk) { out.append(chunk); });
    return out;
}

}  // namespace monsite::ingest
