// Reading benchmark: writes a workbook of ROWS x 20 columns (numbers, shared
// strings, percent cells) with libxlsxwriter, then reads it with monsite's
// XLSX reader several times and reports cells per second.
//   bench_read [rows=100000] [repeats=5] [file=/tmp/monsite-bench.xlsx]

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "monsite/ingest/reader.hpp"

namespace {

constexpr int columns = 20;

void write_workbook(const std::string& path, int rows) {
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Педагоги");
    lxw_format* percent = workbook_add_format(book);
    format_set_num_format(percent, "0%");
    for (int c = 0; c < columns; ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), ("Столбец " + std::to_string(c + 1)).c_str(), nullptr);
    const char* subjects[] = {"Математика", "Русский язык", "Физика", "История", "Биология", "Химия"};
    unsigned state = 12345;
    for (int r = 1; r <= rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            state = state * 1103515245u + 12345u;
            auto row = static_cast<lxw_row_t>(r);
            auto col = static_cast<lxw_col_t>(c);
            if (c == 0) worksheet_write_string(sheet, row, col, ("T-" + std::to_string(r)).c_str(), nullptr);
            else if (c == 1 || c == 2) worksheet_write_string(sheet, row, col, subjects[(state >> 16) % 6], nullptr);
            else if (c == 3) worksheet_write_number(sheet, row, col, ((state >> 16) % 100) / 100.0, percent);
            else worksheet_write_number(sheet, row, col, static_cast<double>((state >> 16) % 1000), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(3);
    }
}

}  // namespace

int main(int argc, char** argv) {
    int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::string path = argc > 3 ? argv[3] : "/tmp/monsite-bench.xlsx";
    write_workbook(path, rows);

    std::vector<double> seconds;
    std::size_t cells = 0;
    for (int i = 0; i < repeats; ++i) {
        monsite::util::Diagnostics diags;
        auto start = std::chrono::steady_clock::now();
        auto book = monsite::ingest::read_workbook(path, path, {}, [](std::string_view) { return true; }, diags);
        auto end = std::chrono::steady_clock::now();
        seconds.push_back(std::chrono::duration<double>(end - start).count());
        cells = 0;
        for (const auto& t : book.tables) cells += t.cell_count();
    }
    std::sort(seconds.begin(), seconds.end());
    double best = seconds.front(), median = seconds[seconds.size() / 2];
    std::printf("workbook: %d rows x %d columns, %zu cells read\n", rows, columns, cells);
    std::printf("best   %.3f s  %.2f million cells/s\n", best, static_cast<double>(cells) / best / 1e6);
    std::printf("median %.3f s  %.2f million cells/s\n", median, static_cast<double>(cells) / median / 1e6);
    return 0;
}
