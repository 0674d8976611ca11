#pragma once
// A structure-aware mutator for the zip-based formats (XLSX, ODS). Mutating a
// zip's bytes mostly breaks deflate streams and checksums, so the XML inside
// is rarely reached. Most of the time this mutator unpacks the input, lets
// libFuzzer mutate one entry (or its name, or drops an entry) and packs the
// archive again with every entry stored; the rest of the time, and for inputs
// that are not readable zips, it mutates the raw bytes, so the zip layer is
// fuzzed too. The target still receives plain file bytes.

#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace monsite::fuzz {

struct ZipEntry {
    std::string name;
    std::string data;
};

// Every entry of a zip in memory; false if it is not a readable zip (or too big to bother).
inline bool unzip(const std::uint8_t* data, std::size_t size, std::vector<ZipEntry>& out) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (source) zip_source_free(source);
        return false;
    }
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    bool ok = count > 0 && count <= 64;
    for (zip_int64_t i = 0; ok && i < count; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        const char* name = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
        zip_file_t* file = name ? zip_fopen_index(archive, index, 0) : nullptr;
        if (!file) {
            ok = false;
            break;
        }
        ZipEntry entry{name, {}};
        char buffer[16384];
        for (;;) {
            zip_int64_t got = zip_fread(file, buffer, sizeof buffer);
            if (got < 0 || entry.data.size() > (1u << 20)) {
                ok = false;
                break;
            }
            if (got == 0) break;
            entry.data.append(buffer, static_cast<std::size_t>(got));
        }
        zip_fclose(file);
        out.push_back(std::move(entry));
    }
    zip_discard(archive);  // frees the source too
    return ok;
}

// A zip of `entries`, in order, every one stored (not compressed).
inline bool build_zip(const std::vector<ZipEntry>& entries, std::string& out) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!target) {
        zip_error_fini(&error);
        return false;
    }
    zip_source_keep(target);  // still ours after zip_close
    zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (!archive) {
        zip_source_free(target);
        zip_source_free(target);
        return false;
    }
    bool ok = !entries.empty();
    for (const auto& e : entries) {
        zip_source_t* s = zip_source_buffer(archive, e.data.data(), e.data.size(), 0);
        zip_int64_t index = s ? zip_file_add(archive, e.name.c_str(), s, ZIP_FL_ENC_GUESS) : -1;
        if (index < 0) {
            if (s) zip_source_free(s);
            ok = false;
            break;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (!ok) {
        zip_discard(archive);
        zip_source_free(target);
        return false;
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        zip_source_free(target);
        return false;
    }
    ok = zip_source_open(target) == 0;
    if (ok) {
        zip_source_seek(target, 0, SEEK_END);
        zip_int64_t length = zip_source_tell(target);
        zip_source_seek(target, 0, SEEK_SET);
        ok = length > 0;
        if (ok) {
            out.resize(static_cast<std::size_t>(length));
            ok = zip_source_read(target, out.data(), static_cast<zip_uint64_t>(length)) == length;
        }
        zip_source_close(target);
    }
    zip_source_free(target);
    return ok;
}

// libFuzzer's mutation of `text` in place, growing it by at most `room` bytes.
inline void mutate_string(std::string& text, std::size_t room) {
    const std::size_t old_size = text.size();
    if (old_size == 0 && room == 0) return;
    text.resize(old_size + room);
    if (old_size == 0) text[0] = '<';
    std::size_t n = LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(text.data()), old_size ? old_size : 1,
                                     text.size());
    text.resize(n);
}

inline std::size_t mutate_zip(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
    std::minstd_rand rng(seed);
    std::vector<ZipEntry> entries;
    if (rng() % 5 != 0 && unzip(data, size, entries)) {
        const std::size_t slack = max_size > size ? max_size - size : 0;
        const std::size_t room = slack < 4096 ? slack : 4096;
        const std::size_t pick = rng() % entries.size();
        switch (rng() % 16) {
            case 0:  // a missing part
                if (entries.size() > 1) entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(pick));
                break;
            case 1: {  // a misnamed part
                std::string& name = entries[pick].name;
                mutate_string(name, room < 32 ? room : 32);
                if (name.empty() || name.find('\0') != std::string::npos) name = "x";
                break;
            }
            default: mutate_string(entries[pick].data, room); break;
        }
        std::string rebuilt;
        if (build_zip(entries, rebuilt) && rebuilt.size() <= max_size) {
            std::memcpy(data, rebuilt.data(), rebuilt.size());
            return rebuilt.size();
        }
    }
    return LLVMFuzzerMutate(data, size, max_size);
}

}  // namespace monsite::fuzz
