#include "monsite/cli/app.hpp"

#include <iostream>
#include <string>
#include <vector>

#include "monsite/cli/options.hpp"
#include "monsite/site/load.hpp"
#include "monsite/util/error.hpp"

namespace monsite::cli {
namespace {

using util::ExitStatus;

void print_diagnostics(const util::Diagnostics& diags, bool quiet) {
    for (const auto& d : diags.all())
        if (!quiet || d.severity == util::Severity::error) std::cerr << d.to_string() << '\n';
}

std::string plural(std::size_t n, const char* one, const char* few, const char* many) {
    std::size_t mod100 = n % 100, mod10 = n % 10;
    if (mod100 >= 11 && mod100 <= 14) return many;
    if (mod10 == 1) return one;
    if (mod10 >= 2 && mod10 <= 4) return few;
    return many;
}

ExitStatus run_check(const Options& options) {
    site::LoadOptions load;
    load.data_dir = options.data_dir;
    load.display_dir = options.data_dir.generic_string();
    if (options.verbose) load.on_file = [](std::string_view file) { std::cerr << "чтение " << file << '\n'; };
    util::Diagnostics diags;
    model::Dataset dataset = site::load_dataset(load, diags);
    print_diagnostics(diags, options.quiet);

    if (diags.has_errors()) {
        std::cerr << "Найдено ошибок: " << diags.error_count() << ", предупреждений: " << diags.warning_count()
                  << ". Исправьте данные и запустите проверку снова.\n";
        return ExitStatus::invalid_data;
    }
    if (!options.quiet) {
        std::cout << "Данные: " << load.display_dir << '\n';
        for (const auto& year : dataset.years) {
            std::cout << year.year << ": " << year.schools.size() << ' '
                      << plural(year.schools.size(), "школа", "школы", "школ") << ", " << year.files.size() << ' '
                      << plural(year.files.size(), "файл", "файла", "файлов") << "; строк:";
            bool first = true;
            for (const auto& spec : model::contract_tables()) {
                auto it = year.rows.find(std::string(spec.name));
                if (it == year.rows.end()) continue;
                std::cout << (first ? " " : ", ") << spec.name << " — " << it->second;
                first = false;
            }
            std::cout << '\n';
        }
        std::cout << "Предупреждений: " << diags.warning_count() << ". Ошибок нет: данные соответствуют формату.\n";
    }
    return ExitStatus::ok;
}

}  // namespace

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        Options options = parse_options(args);
        switch (options.command) {
            case Command::none:
                std::cerr << general_help();
                return static_cast<int>(ExitStatus::usage);
            case Command::help:
                std::cout << (options.help_topic.empty() ? general_help() : command_help(options.help_topic));
                return 0;
            case Command::version:
                std::cout << "monsite " << MONSITE_VERSION << '\n';
                return 0;
            case Command::check: return static_cast<int>(run_check(options));
        }
    } catch (const util::Error& e) {
        std::cerr << "monsite: " << e.to_diagnostic().to_string() << '\n';
        return static_cast<int>(e.status());
    } catch (const std::exception& e) {
        std::cerr << "monsite: внутренняя ошибка: " << e.what() << '\n';
        return static_cast<int>(ExitStatus::internal);
    }
    return static_cast<int>(ExitStatus::internal);
}

}  // namespace monsite::cli
