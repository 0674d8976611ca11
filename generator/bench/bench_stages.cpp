// Google Benchmark of the build's stages on scale data (generator/tools/scale):
//   BM_ReadTeachers/N   reading the Педагоги workbook of N schools (≈30 rows a
//                       school × 10 columns): cells/s (items = cells read)
//   BM_ReadSynthetic/R  reading a workbook of R rows × 20 columns (numbers,
//                       shared strings, percent cells): the former bench_read
//   BM_ComputeYear/N    Pipeline::compute on one year of N schools: schools/s
//   BM_RenderPages/N    Pipeline::render into a MemorySink: pages/s (items = .html files)
// Data is written once per size under $MONSITE_BENCH_DIR (default
// /tmp/monsite-bench)/stages/N (seed 15) and reused. Run e.g.
//   build/generator/bench/bench_stages --benchmark_filter=Read
// ctest bench.smoke runs the smallest sizes with a tiny --benchmark_min_time.
// Rates: reading (one thread) per CPU second of the process, which a shared
// machine disturbs less; compute and render (a thread pool) per wall-clock second.

#include <benchmark/benchmark.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "monsite/ingest/reader.hpp"
#include "monsite/site/output_sink.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/util/error.hpp"
#include "scale/scale_data.hpp"

namespace {

namespace fs = std::filesystem;

fs::path bench_dir() {
    const char* dir = std::getenv("MONSITE_BENCH_DIR");
    return fs::path(dir && *dir ? dir : "/tmp/monsite-bench") / "stages";
}

// One year (2025) of `schools` schools; written on first use.
fs::path data_of(int schools) {
    const fs::path root = bench_dir() / std::to_string(schools);
    const fs::path data = root / "data";
    if (!fs::exists(root / "done")) {
        fs::remove_all(root);
        scale::write_scale_data({"bench", schools, 1, 2025, 0}, 15, data);
        std::FILE* done = std::fopen((root / "done").c_str(), "w");
        if (done) std::fclose(done);
    }
    return data;
}

std::size_t read_all_cells(const fs::path& file) {
    monsite::util::Diagnostics diags;
    auto book = monsite::ingest::read_workbook(file, file.string(), {}, [](std::string_view) { return true; }, diags);
    std::size_t cells = 0;
    for (const auto& t : book.tables) cells += t.cell_count();
    return cells;
}

void BM_ReadTeachers(benchmark::State& state) {
    const fs::path file = data_of(static_cast<int>(state.range(0))) / "2025" / "Педагоги.xlsx";
    std::size_t cells = 0;
    for (auto _ : state) benchmark::DoNotOptimize(cells = read_all_cells(file));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cells));
    state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_ReadTeachers)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The workbook of the former bench_read: R rows × 20 columns.
fs::path synthetic_workbook(int rows) {
    const fs::path path = bench_dir() / ("synthetic-" + std::to_string(rows) + ".xlsx");
    if (fs::exists(path)) return path;
    fs::create_directories(path.parent_path());
    const fs::path partial = path.string() + ".part";
    lxw_workbook* book = workbook_new(partial.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Педагоги");
    lxw_format* percent = workbook_add_format(book);
    format_set_num_format(percent, "0%");
    constexpr int columns = 20;
    for (int c = 0; c < columns; ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), ("Столбец " + std::to_string(c + 1)).c_str(),
                               nullptr);
    const char* subjects[] = {"Математика", "Русский язык", "Физика", "История", "Биология", "Химия"};
    unsigned seed = 12345;
    for (int r = 1; r <= rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            seed = seed * 1103515245u + 12345u;
            auto row = static_cast<lxw_row_t>(r);
            auto col = static_cast<lxw_col_t>(c);
            if (c == 0) worksheet_write_string(sheet, row, col, ("T-" + std::to_string(r)).c_str(), nullptr);
            else if (c == 1 || c == 2) worksheet_write_string(sheet, row, col, subjects[(seed >> 16) % 6], nullptr);
            else if (c == 3) worksheet_write_number(sheet, row, col, ((seed >> 16) % 100) / 100.0, percent);
            else worksheet_write_number(sheet, row, col, static_cast<double>((seed >> 16) % 1000), nullptr);
        }
    }
    if (workbook_close(book) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + partial.string());
    fs::rename(partial, path);
    return path;
}

void BM_ReadSynthetic(benchmark::State& state) {
    const fs::path file = synthetic_workbook(static_cast<int>(state.range(0)));
    std::size_t cells = 0;
    for (auto _ : state) benchmark::DoNotOptimize(cells = read_all_cells(file));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * cells));
    state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_ReadSynthetic)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// A loaded pipeline per size, kept for the process (loading is not measured here).
// Computed once too, so that rendering can be measured on its own.
monsite::site::Pipeline& loaded(int schools) {
    static std::map<int, std::unique_ptr<monsite::site::Pipeline>> pipelines;
    auto& p = pipelines[schools];
    if (!p) {
        monsite::site::PipelineOptions options;
        options.data_dir = data_of(schools);
        options.display_dir = "data";
        p = std::make_unique<monsite::site::Pipeline>(options);
        monsite::util::Diagnostics diags;
        if (!p->load(diags)) throw std::runtime_error("bench data has errors");
        p->compute();
    }
    return *p;
}

void BM_ComputeYear(benchmark::State& state) {
    const int schools = static_cast<int>(state.range(0));
    auto& pipeline = loaded(schools);
    for (auto _ : state) pipeline.compute();
    state.SetItemsProcessed(state.iterations() * schools);
}
BENCHMARK(BM_ComputeYear)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_RenderPages(benchmark::State& state) {
    auto& pipeline = loaded(static_cast<int>(state.range(0)));
    std::int64_t pages = 0;
    for (auto _ : state) {
        auto sink = std::make_unique<monsite::site::MemorySink>();
        pipeline.render(*sink);
        state.PauseTiming();  // counting and freeing the files is not rendering
        pages = 0;
        for (const auto& [path, bytes] : sink->files())
            if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++pages;
        sink.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * pages);
    state.counters["pages"] = static_cast<double>(pages);
}
BENCHMARK(BM_RenderPages)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
