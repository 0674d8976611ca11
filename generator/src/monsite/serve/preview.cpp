#include "monsite/serve/preview.hpp"

#include <algorithm>
#include <chrono>

#include "monsite/util/error.hpp"

namespace monsite::serve {

PreviewSite::PreviewSite(site::PipelineOptions options) : options_(std::move(options)) {
    options_.pdf = false;
    options_.on_progress = nullptr;
}

PreviewSite::~PreviewSite() = default;

std::shared_ptr<const Build> PreviewSite::rebuild(Change change) {
    const auto started = std::chrono::steady_clock::now();
    auto build = std::make_shared<Build>();
    util::Diagnostics diags;
    try {
        if (change >= Change::config || !config_ok_) {
            pipeline_ = std::make_unique<site::Pipeline>(options_);
            config_ok_ = site_ok_ = data_ok_ = computed_ = false;
            build->stages.push_back("настройки");
            pipeline_->load_config();
            config_ok_ = true;
        }
        if (change == Change::content || change == Change::theme || !site_ok_) {
            site_ok_ = false;
            build->stages.push_back("тема и страницы");
            pipeline_->load_site(diags);
            site_ok_ = true;
            // New recommendation rules need a new evaluation; a theme or text change does not.
            if (change != Change::theme) computed_ = false;
        }
        if (change == Change::data || !data_ok_) {
            data_ok_ = false;
            computed_ = false;
            build->stages.push_back("данные");
            const std::size_t before = diags.all().size();
            data_ok_ = pipeline_->load_data(diags);
            data_warnings_.clear();
            for (std::size_t i = before; i < diags.all().size(); ++i)
                if (diags.all()[i].severity != util::Severity::error) data_warnings_.push_back(diags.all()[i].to_string());
        } else {
            build->warnings = data_warnings_;
        }
        if (data_ok_ && !computed_) {
            build->stages.push_back("расчёт");
            pipeline_->compute();
            computed_ = true;
        }
        if (data_ok_) {
            build->stages.push_back("вёрстка");
            auto files = std::make_shared<site::MemorySink>();
            pipeline_->render(*files);
            build->files = std::move(files);
        }
    } catch (const util::Error& e) {
        // A faulty configuration, template, catalogue or content page: shown like a data error.
        diags.error({}, e.to_diagnostic().to_string());
        build->files.reset();
    } catch (const std::exception& e) {
        diags.error({}, std::string("внутренняя ошибка: ") + e.what());
        build->files.reset();
    }
    for (const auto& d : diags.all())
        if (d.severity == util::Severity::error || std::find(build->warnings.begin(), build->warnings.end(),
                                                             d.to_string()) == build->warnings.end())
            (d.severity == util::Severity::error ? build->errors : build->warnings).push_back(d.to_string());
    if (build->errors.empty() && !build->files) build->errors.push_back("сайт не собран");
    if (config_ok_) {
        build->base_url = pipeline_->config().base_url;
        build->language = pipeline_->config().language;
    }
    build->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::lock_guard guard(lock_);
    build->generation = ++generation_;
    current_ = std::move(build);
    return current_;
}

std::shared_ptr<const Build> PreviewSite::current() const {
    std::lock_guard guard(lock_);
    return current_;
}

}  // namespace monsite::serve
