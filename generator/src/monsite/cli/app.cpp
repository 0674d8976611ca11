#include "monsite/cli/app.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <iostream>
#include <string>
#include <vector>

#include "monsite/cli/options.hpp"
#include "monsite/pdf/batch.hpp"
#include "monsite/serve/serve.hpp"
#include "monsite/site/build.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/site/scaffold.hpp"
#include "monsite/site/template.hpp"
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

ExitStatus report_errors(const util::Diagnostics& diags, const char* what_next) {
    std::cerr << "Найдено ошибок: " << diags.error_count();
    if (diags.strict_count() > 0)
        std::cerr << ", из них предупреждений в строгом режиме: " << diags.strict_count() << ". ";
    else
        std::cerr << ", предупреждений: " << diags.warning_count() << ". ";
    std::cerr << what_next << '\n';
    return ExitStatus::invalid_data;
}

// With -q the warnings themselves are not shown, but their number always is:
// a skipped file or column is never silent.
void print_quiet_warning_count(const util::Diagnostics& diags) {
    if (diags.warning_count() > 0)
        std::cout << "Предупреждений: " << diags.warning_count() << " (подробности — без -q).\n";
}

void print_year_summary(const model::Dataset& dataset) {
    for (const auto& year : dataset.years) {
        if (year.files.empty()) {  // an empty year folder (a new site): its warning says what to do
            std::cout << year.year << ": данных ещё нет\n";
            continue;
        }
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
}

ExitStatus run_check(const Options& options) {
    const std::string display = options.data_dir.generic_string();
    site::PipelineOptions steps;
    steps.data_dir = options.data_dir;
    steps.display_dir = display;
    steps.config_file = options.config_file;
    steps.threads = options.threads;
    steps.strict = options.strict;
    if (options.verbose) steps.on_file = [](std::string_view file) { std::cerr << "чтение " << file << '\n'; };
    if (options.verbose) steps.on_note = [](std::string_view note) { std::cerr << note << '\n'; };
    // The load step of a build: configuration, then the site's own files (theme,
    // templates, texts, content pages: their mistakes stop check too), then the data.
    site::Pipeline pipeline(std::move(steps));
    util::Diagnostics diags;
    pipeline.load_config();
    pipeline.load_site(diags);
    pipeline.load_data(diags);
    if (pipeline.strict()) diags.warnings_to_errors();
    const config::SiteConfig& config = pipeline.config();
    const std::string& config_used = pipeline.config_used();
    const model::Dataset& dataset = pipeline.data();
    print_diagnostics(diags, options.quiet);
    if (diags.has_errors()) return report_errors(diags, "Исправьте данные и запустите проверку снова.");
    if (options.quiet) print_quiet_warning_count(diags);
    if (!options.quiet) {
        std::cout << "Данные: " << display << '\n'
                  << "Настройки: " << config_used << "; показателей в каталоге: " << config.catalogue.indicators.size()
                  << "; правил рекомендаций: " << pipeline.recommendations().size() << '\n';
        print_year_summary(dataset);
        std::cout << "Предупреждений: " << diags.warning_count() << ". Ошибок нет: данные соответствуют формату.\n";
    }
    return ExitStatus::ok;
}

ExitStatus print_pdfs(const std::filesystem::path& site, const std::optional<std::filesystem::path>& out,
                      unsigned threads, bool quiet, const std::string& shown_out);

ExitStatus run_build(const Options& options) {
    site::BuildOptions build;
    build.data_dir = options.data_dir;
    build.display_dir = options.data_dir.generic_string();
    build.out_dir = options.out_dir;
    build.config_file = options.config_file;
    build.threads = options.threads;
    build.strict = options.strict;
    build.base_url = options.base_url;
    build.site_url = options.site_url;
    build.force = options.force;
    // With -v every step also shows the time since the build started, so a slow stage is easy to see.
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [started] {
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::string text = std::to_string(static_cast<long long>(s * 100 + 0.5));
        if (text.size() < 3) text.insert(0, 3 - text.size(), '0');
        return text.insert(text.size() - 2, ",") + " с";
    };
    if (!options.quiet)
        build.on_progress = [&options, elapsed](std::string_view step) {
            std::cerr << "monsite: " << step << "…";
            if (options.verbose) std::cerr << " [" << elapsed() << ']';
            std::cerr << '\n';
        };
    if (options.verbose) build.on_file = [](std::string_view file) { std::cerr << "чтение " << file << '\n'; };
    if (options.verbose) build.on_note = [](std::string_view note) { std::cerr << note << '\n'; };
    // build --pdf: the PDFs are printed from the staged site into the scratch folder
    // and added to the sink, so that they are published with the site, at once.
    ExitStatus pdf_status = ExitStatus::ok;
    build.pdf = options.pdf;
    if (options.pdf)
        build.before_publish = [&options, &pdf_status](const std::filesystem::path& staged, site::OutputSink& sink) {
            const std::filesystem::path printed = sink.scratch_dir() / "pdf";
            pdf_status = print_pdfs(staged, printed, options.threads, options.quiet,
                                    (options.out_dir / "data").generic_string());
            std::error_code ec;
            for (auto it = std::filesystem::recursive_directory_iterator(printed, ec);
                 !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (!it->is_regular_file() || it->path().extension() != ".pdf") continue;
                std::ifstream in(it->path(), std::ios::binary);
                std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                sink.add("data/" + std::filesystem::relative(it->path(), printed).generic_string(), std::move(bytes),
                         "monsite build --pdf");
            }
        };
    util::Diagnostics diags;
    auto report = site::build_site(build, diags);
    if (options.verbose) std::cerr << "monsite: сборка заняла " << elapsed() << '\n';
    print_diagnostics(diags, options.quiet);
    if (!report) {
        std::string next = "Сайт не собран; прежнее содержимое «" + options.out_dir.generic_string() + "» не изменено.";
        return report_errors(diags, next.c_str());
    }
    if (!options.quiet) {
        std::cout << "Настройки: " << report->config << '\n' << "Годы:";
        for (int y : report->years) std::cout << ' ' << y;
        std::cout << "; школ в последнем году: " << report->schools << "; строк в indicators.csv: "
                  << report->indicator_rows << '\n'
                  << "Сайт: " << options.out_dir.generic_string();
        if (report->unchanged)
            std::cout << " — с прошлой сборки ничего не изменилось, ничего не записано (--force соберёт заново)\n";
        else
            std::cout << " — записано файлов: " << report->files.written << ", без изменений: "
                      << report->files.unchanged << ", удалено: " << report->files.removed << '\n';
        if (!report->kept_years.empty()) {
            std::cout << "Страницы и файлы школ за годы, чьи входные данные не менялись, взяты из прошлой сборки:";
            for (std::size_t i = 0; i < report->kept_years.size(); ++i)
                std::cout << (i ? ", " : " ") << report->kept_years[i];
            std::cout << '\n';
        }
        if (!report->sitemap) std::cout << "sitemap.xml не создан: не задан site_url\n";
        std::cout << "Предупреждений: " << diags.warning_count() << ".\n";
    } else {
        print_quiet_warning_count(diags);
    }
    return pdf_status;
}

// Prints the PDFs of a built site; progress goes to stderr, on one rewritten line on a terminal.
// `shown_out` names where the PDFs end up, for the summary.
ExitStatus print_pdfs(const std::filesystem::path& site, const std::optional<std::filesystem::path>& out,
                      unsigned threads, bool quiet, const std::string& shown_out) {
    pdf::BatchOptions batch;
    batch.site = site;
    if (out) batch.out = *out;
    batch.threads = threads;
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    if (!quiet)
        batch.on_page = [terminal](std::size_t done, std::size_t total, const std::string& label) {
            if (terminal)
                std::cerr << "\rPDF: " << done << " из " << total << " — " << label << "\033[K" << std::flush;
            else
                std::cerr << "PDF: " << done << " из " << total << " — " << label << '\n';
        };
    pdf::BatchReport report = pdf::print_site(batch);
    if (!quiet && terminal && !(report.written.empty() && report.failures.empty())) std::cerr << '\n';
    for (const auto& failure : report.failures)
        std::cerr << "monsite: PDF «" << failure.label << "» не напечатан: " << failure.message << '\n';
    if (!quiet) {
        const std::size_t pages = report.written.size() + report.failures.size();
        char average[32];
        std::snprintf(average, sizeof average, "%.2f", pages ? report.seconds / static_cast<double>(pages) : 0.0);
        std::string avg = average;
        if (auto dot = avg.find('.'); dot != std::string::npos) avg[dot] = ',';
        std::cout << "PDF: записано " << report.written.size() << " из " << pages << " в "
                  << shown_out << "; в среднем " << avg << " с на страницу\n";
    }
    return report.failures.empty() ? ExitStatus::ok : ExitStatus::internal;
}

ExitStatus run_pdf(const Options& options) {
    return print_pdfs(options.site_dir, options.pdf_out, options.threads, options.quiet,
                      (options.pdf_out ? *options.pdf_out : options.site_dir / "data").generic_string());
}

ExitStatus run_template(const Options& options) {
    site::TemplateOptions t;
    t.data_dir = options.data_dir;
    t.display_dir = options.data_dir.generic_string();
    t.config_file = options.config_file;
    t.year = options.year;
    t.out = options.out_file;
    t.school = options.school;
    util::Diagnostics diags;
    auto report = site::write_template(t, diags);
    print_diagnostics(diags, true);
    if (!report) return report_errors(diags, "Книга не записана: исправьте данные, из которых берутся школы.");
    std::cout << "Книга для сбора данных за " << report->year << " год: " << report->file.generic_string() << '\n';
    if (report->register_year)
        std::cout << "Школ: " << report->schools << " (по таблице «ОО» " << report->register_year << " года)\n";
    else
        std::cout << "Таблицы «ОО» в данных нет: строки школ не заполнены.\n";
    return ExitStatus::ok;
}

ExitStatus run_serve(const Options& options) {
    serve::ServeOptions serve;
    serve.data_dir = options.data_dir;
    serve.display_dir = options.data_dir.generic_string();
    serve.config_file = options.config_file;
    serve.threads = options.threads;
    serve.strict = options.strict;
    serve.address = options.bind;
    serve.port = options.port;
    serve.on_line = [](std::string_view line) { std::cout << line << std::endl; };
    serve.on_error = [](std::string_view line) { std::cerr << line << std::endl; };
    serve::serve(serve);
    return ExitStatus::ok;
}

ExitStatus run_new(const Options& options) {
    site::ScaffoldOptions s;
    s.dir = options.new_dir;
    s.municipality = options.municipality;
    s.year = options.year ? *options.year : 0;
    const site::ScaffoldReport report = site::new_site(s);
    const std::string dir = report.dir.generic_string();
    std::cout << "Новый сайт: " << dir << " — записано файлов: " << report.files.size() << '\n';
    auto row = [](const std::string& name, const char* what) {
        std::cout << "  " << name << std::string(name.size() < 24 ? 24 - name.size() : 1, ' ') << what << '\n';
    };
    row("data/site.toml", "настройки (впишите управление образования: department)");
    row("data/indicators.toml", "каталог показателей");
    row("data/" + std::to_string(report.year) + "/", "сюда — заполненные книги школ");
    row(report.workbook, "книга для сбора данных: разошлите её школам");
    row("content/", "страницы сайта и правила рекомендаций");
    row("README.md", "что где лежит и что делать дальше");
    std::cout << "Дальше: cd " << dir << " && monsite check && monsite build\n";
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
            case Command::build: return static_cast<int>(run_build(options));
            case Command::collection_template: return static_cast<int>(run_template(options));
            case Command::pdf: return static_cast<int>(run_pdf(options));
            case Command::serve: return static_cast<int>(run_serve(options));
            case Command::new_site: return static_cast<int>(run_new(options));
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
