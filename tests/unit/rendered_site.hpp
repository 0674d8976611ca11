#pragma once
// For tests that read rendered pages: the small fixture site (tests/fixtures/
// site-small) copied to a temporary folder, changed by the test, then loaded,
// computed and rendered in memory on one thread (site/pipeline.hpp).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include <doctest/doctest.h>

#include "monsite/site/output_sink.hpp"
#include "monsite/site/pipeline.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

namespace monsite::test {

class RenderedSite {
public:
    // `change` gets the copied data folder (to add or rewrite files) before loading;
    // loading must succeed.
    explicit RenderedSite(const std::function<void(const std::filesystem::path& data)>& change) {
        const std::filesystem::path data = dir_.path() / "data";
        std::filesystem::copy(std::filesystem::path(MONSITE_FIXTURES) / "site-small" / "data", data,
                              std::filesystem::copy_options::recursive);
        if (change) change(data);
        site::PipelineOptions options;
        options.data_dir = data;
        options.display_dir = "data";
        options.threads = 1;
        site::Pipeline pipeline(options);
        util::Diagnostics diags;
        REQUIRE(pipeline.load(diags));
        pipeline.compute();
        pipeline.render(sink_);
    }
    // The published file at `path` (fails the test when there is none).
    const std::string& page(const std::string& path) const {
        const std::string* body = sink_.find(path);
        REQUIRE_MESSAGE(body, path << " is not published");
        return *body;
    }
    const site::MemorySink& sink() const { return sink_; }

private:
    TempDir dir_;
    site::MemorySink sink_;
};

// Measures (Меры) in 2024 and 2025 of the small site: four in 2024 (one with
// markup in its text, three tied to an indicator or a direction), one in 2025.
inline void add_measures(const std::filesystem::path& data) {
    const std::string header = "Мероприятие;Вид решения;Направление;Показатель;Код ОО;Срок;Ответственный;Документ\n";
    write_file(data / "2024" / "Меры.csv",
               header + "Закрепить наставников <b>всем</b>;организующее;young;mentor_coverage;;2024;ИМЦ;Приказ № 1\n"
                        "Тренинги;контролирующее;diagnostics;;s1;2024;Директор;План\n"
                        "Совещание руководителей;координирующее;;;;2024;Управление;Протокол\n"
                        "Наставники в школе;организующее;;mentor_coverage;s2;2024;Директор;Программа\n");
    write_file(data / "2025" / "Меры.csv", header + "Курсы для педагогов;стимулирующее;mastery;;s1;2025;ИМЦ;План-график\n");
}

// The small site with add_measures' measures.
struct MeasuresSite : RenderedSite {
    MeasuresSite() : RenderedSite(add_measures) {}
};

// How many times `what` occurs in `text`, not overlapping.
inline std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace monsite::test
