#pragma once
// Writes the example tables as users send them: XLSX through the library's
// adaptor (render::XlsxWriter), ODS as LibreOffice writes it (libzip), CSV in
// Windows-1251 with ';'. Fixed document times keep the bytes reproducible.

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "tables.hpp"

namespace example {

// Seconds since 1970 for a UTC civil date, independent of TZ.
std::time_t utc_time(int y, unsigned m, unsigned d, int hh, int mm);

void write_xlsx(const std::filesystem::path& file, const std::vector<Table>& tables, std::time_t created,
                const std::string& title);
// libzip stores DOS times in local time: the caller pins TZ=UTC.
void write_ods(const std::filesystem::path& file, const std::vector<Table>& tables, std::time_t mtime);
void write_csv_1251(const std::filesystem::path& file, const Table& t);

}  // namespace example
