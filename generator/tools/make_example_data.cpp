// make_example_data: generates the fictional example municipality
// («Заречный муниципальный округ») into OUT_DIR/2023, 2024, 2025.
//
// Layouts (see data/README.md):
//   2023  one workbook for the municipality (ОО, Кадры, Развитие, Меры)
//   2024  one workbook per school; a few schools send .ods (written with libzip);
//         the department's measures in a workbook of their own (Меры)
//   2025  ОО.csv in Windows-1251 with ';' + one workbook (Кадры, Развитие, Педагоги, Меры)
//
// Output is deterministic: own PRNG (example/rng.hpp), fixed document times and
// zip mtimes. Values are aimed at the thresholds of the built-in indicator
// catalogue (config::default_config()); workbooks are written by the library's
// XLSX adaptor (render::XlsxWriter), tables carry the contract's headers.
// Invariants of the data contract (section 4) are checked before anything is
// written; the summary printed is what compute::compute makes of the data.

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "example/generate.hpp"
#include "example/invariants.hpp"
#include "example/measures.hpp"
#include "example/summary.hpp"
#include "example/tables.hpp"
#include "example/writers.hpp"
#include "monsite/config/config.hpp"

namespace fs = std::filesystem;

namespace {

using namespace example;

void clear_year_dir(const fs::path& dir) {
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(dir)) {
        auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".xlsx" || ext == ".ods" || ext == ".csv")) fs::remove(e.path());
    }
}

int run(const fs::path& out) {
    // libzip stores DOS times in local time: pin the zone for reproducible files.
    setenv("TZ", "UTC", 1);
    tzset();

    const monsite::config::SiteConfig config = monsite::config::default_config();
    const Generator generator(config.catalogue);
    std::map<int, std::vector<SchoolYear>> years;
    for (int y = kFirstYear; y <= kLastYear; ++y)
        for (const auto& d : schools())
            if (d.teachers[static_cast<size_t>(y - kFirstYear)] > 0) years[y].push_back(generator.school_year(d, y));
    int errors = 0;
    for (auto& [y, ys] : years) blank_some_cells(ys);
    for (auto& [y, ys] : years) errors += check_invariants(ys);
    if (errors) {
        std::fprintf(stderr, "%d invariant violations; nothing written\n", errors);
        return 1;
    }
    print_summary(years, config);

    // 2023: one municipal workbook; a couple of cells typed as text, as people do.
    {
        auto& ys = years[2023];
        Table reg = register_table(ys), staff = staff_table(ys), dev = dev_table(ys);
        for (size_t i = 0; i < ys.size(); ++i) {
            if (ys[i].reg.id == "gim1" && ys[i].reg.students)  // "1 140" with a no-break space
                reg.rows[i][6] = str(grouped_thousands(*ys[i].reg.students));
            if (ys[i].reg.id == "sosh10" && ys[i].staff.avg_load)  // decimal comma in a text cell
                staff.rows[i][13] = str(display_number(*ys[i].staff.avg_load));
        }
        fs::path dir = out / "2023";
        clear_year_dir(dir);
        write_xlsx(dir / "мониторинг_2023.xlsx", {reg, staff, dev, measures_table(2023)}, utc_time(2023, 9, 20, 9, 0),
                   "Мониторинг профессионального развития педагогов, 2023");
    }
    // 2024: a workbook per school, three rural schools send ODS; the department's measures apart.
    {
        fs::path dir = out / "2024";
        clear_year_dir(dir);
        const std::set<std::string> ods = {"berezovka", "lugovoe", "kamenka"};
        for (const auto& sy : years[2024]) {
            std::vector<SchoolYear> one{sy};
            std::vector<Table> tabs{register_table(one), staff_table(one), dev_table(one)};
            if (ods.count(sy.reg.id)) write_ods(dir / (sy.reg.id + ".ods"), tabs, utc_time(2024, 9, 18, 12, 0));
            else write_xlsx(dir / (sy.reg.id + ".xlsx"), tabs, utc_time(2024, 9, 18, 12, 0),
                            "Мониторинг 2024: " + sy.reg.name);
        }
        write_xlsx(dir / "меры_2024.xlsx", {measures_table(2024)}, utc_time(2024, 10, 7, 9, 0),
                   "Меры по итогам мониторинга 2024 года");
    }
    // 2025: register as CSV (Windows-1251, ';'), the rest in one workbook.
    {
        auto& ys = years[2025];
        fs::path dir = out / "2025";
        clear_year_dir(dir);
        Table reg = register_table(ys);
        for (size_t i = 0; i < ys.size(); ++i)
            if (ys[i].reg.id == "gim1" && ys[i].reg.students)  // Excel "# ##0" format writes a no-break space
                reg.rows[i][6] = str(grouped_thousands(*ys[i].reg.students));
        write_csv_1251(dir / "ОО.csv", reg);
        write_xlsx(dir / "мониторинг_2025.xlsx", {staff_table(ys), dev_table(ys), teacher_table(ys), measures_table(2025)},
                   utc_time(2025, 9, 19, 9, 0), "Мониторинг профессионального развития педагогов, 2025");
    }
    std::printf("\nwritten to %s\n", out.string().c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 64;
    }
    try {
        return run(argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_example_data: %s\n", e.what());
        return 1;
    }
}
