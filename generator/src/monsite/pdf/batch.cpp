#include "monsite/pdf/batch.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "monsite/pdf/browser.hpp"
#include "monsite/pdf/deterministic.hpp"
#include "monsite/pdf/outline.hpp"
#include "monsite/pdf/pdf_info.hpp"
#include "monsite/pdf/server.hpp"
#include "monsite/util/error.hpp"

namespace monsite::pdf {
namespace {

using util::InternalError;
using util::UsageError;
namespace fs = std::filesystem;

// Resolves when every chart on the page has settled: site.js marks each
// .chart-canvas with chart-ready (drawn) or chart-failed once vegaEmbed is done,
// the charts' own ready signal; then waits for the fonts. Returns the page's
// title and the charts that failed.
constexpr const char* ready_script = R"JS((async () => {
  const charts = [...document.querySelectorAll('figure.chart .chart-canvas')];
  if (charts.length && typeof window.vegaEmbed !== 'function')
    return { title: document.title, failed: 'vega-embed not loaded' };
  const settled = () => charts.every((c) => c.classList.contains('chart-ready') || c.classList.contains('chart-failed'));
  if (!settled()) {
    await new Promise((resolve) => {
      const watch = new MutationObserver(() => { if (settled()) { watch.disconnect(); resolve(); } });
      watch.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
  }
  await document.fonts.ready;
  return { title: document.title,
           contents: document.querySelectorAll('.toc-page[data-for]').length,
           failed: charts.filter((c) => c.classList.contains('chart-failed')).map((c) => c.id).join(' ') };
})())JS";

// Links in a PDF must lead to the published site, not to the loopback server
// the page is printed from: every link into the site gets the site's full
// address (site_url), or stops being a link when there is none. Links within
// the page (#...) stay, so the contents jump to their sections.
constexpr const char* links_script = R"JS(((base, siteUrl) => {
  for (const a of document.querySelectorAll('a[href]')) {
    const raw = a.getAttribute('href');
    if (raw.startsWith('#')) continue;
    const url = new URL(a.href);
    if (url.origin !== location.origin) continue;
    const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
    if (siteUrl) a.setAttribute('href', siteUrl + path + url.search + url.hash);
    else a.removeAttribute('href');
  }
}))JS";

// Fills each contents entry (<span class="toc-page" data-for="ID">) with the
// page of heading ID, read from the first print's outline (entries in
// document order, as the contents): returns the headings not found.
constexpr const char* contents_script = R"JS(((entries) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const missing = [];
  let from = 0;
  for (const span of document.querySelectorAll('.toc-page[data-for]')) {
    const heading = document.getElementById(span.dataset.for);
    const title = heading ? norm(heading.textContent) : '';
    let found = -1;
    for (let i = from; title && i < entries.length; ++i)
      if (entries[i].page > 0 && norm(entries[i].title) === title) { found = i; break; }
    if (found < 0) { missing.push(title || span.dataset.for); continue; }
    span.textContent = String(entries[found].page);
    from = found + 1;
  }
  return missing;
}))JS";

std::string escape_html(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// The footer Chromium draws on every page: the document's title and the page
// number; no header, date or address.
std::string footer_template(const std::string& title) {
    return "<div style=\"font-family:sans-serif;font-size:7pt;color:#333;width:100%;margin:0 10mm;"
           "display:flex;justify-content:space-between\"><span>" +
           escape_html(title) +
           "</span><span><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";
}

std::string decode_base64(const std::string& in) {
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(alphabet[i])] = i;
        return t;
    }();
    std::string out;
    out.reserve(in.size() * 3 / 4);
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : in) {
        int v = table[c];
        if (v < 0) continue;
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
        }
    }
    return out;
}

void write_atomically(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    fs::path temp = file;
    temp += ".part";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw InternalError("не удалось записать " + temp.string());
    }
    std::error_code ec;
    fs::rename(temp, file, ec);
    if (ec) throw InternalError("не удалось записать " + file.string() + ": " + ec.message());
}

struct SiteFacts {
    std::string base = "/";
    std::string site_url;  // the published site's full address, ending in "/", or empty
    std::string department;
    std::string language = "ru";
    int year = 0;
};

SiteFacts read_site(const fs::path& site) {
    std::ifstream in(site / "data" / "site.json", std::ios::binary);
    if (!in)
        throw UsageError("папка «" + site.generic_string() +
                         "» не похожа на собранный сайт: в ней нет data/site.json (сначала monsite build)");
    nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        throw UsageError("не удалось прочитать " + (site / "data" / "site.json").generic_string());
    SiteFacts facts;
    facts.base = json.value("base_url", "/");
    if (facts.base.empty() || facts.base.back() != '/') facts.base += '/';
    facts.site_url = json.value("site_url", "");
    if (!facts.site_url.empty() && facts.site_url.back() != '/') facts.site_url += '/';
    facts.department = json.value("department", "");
    facts.language = json.value("language", "ru");
    facts.year = json.value("latest_year", 0);
    return facts;
}

// Prints one page in an open tab (session).
void print_one(Browser& browser, const std::string& session, const std::string& url, const PdfJob& job,
               const SiteFacts& facts) {
    browser.clear_events(session);
    nlohmann::json navigated = browser.call("Page.navigate", {{"url", url}}, session);
    if (navigated.contains("errorText") && !navigated["errorText"].get<std::string>().empty())
        throw InternalError("страница не открылась: " + navigated["errorText"].get<std::string>());
    browser.wait_event(session, "Page.loadEventFired", std::chrono::seconds(60));
    nlohmann::json ready = browser.call(
        "Runtime.evaluate", {{"expression", ready_script}, {"awaitPromise", true}, {"returnByValue", true}}, session,
        std::chrono::seconds(60));
    if (ready.contains("exceptionDetails"))
        throw InternalError("ошибка скрипта на странице: " + ready["exceptionDetails"].value("text", ""));
    const nlohmann::json value = ready["result"].value("value", nlohmann::json::object());
    const std::string failed = value.value("failed", "");
    if (!failed.empty()) throw InternalError("графики не построены: " + failed);
    const std::string title = value.value("title", job.label);
    nlohmann::json relinked = browser.call(
        "Runtime.evaluate",
        {{"expression", std::string(links_script) + "(" + nlohmann::json(facts.base).dump() + "," +
                             nlohmann::json(facts.site_url).dump() + ")"},
         {"returnByValue", true}},
        session);
    if (relinked.contains("exceptionDetails"))
        throw InternalError("ошибка скрипта ссылок: " + relinked["exceptionDetails"].value("text", ""));
    auto print = [&] {
        nlohmann::json pdf = browser.call("Page.printToPDF",
                                          {{"printBackground", true},
                                           {"preferCSSPageSize", true},
                                           {"displayHeaderFooter", true},
                                           {"headerTemplate", "<span></span>"},
                                           {"footerTemplate", footer_template(title)},
                                           {"generateTaggedPDF", true},
                                           {"generateDocumentOutline", true}},
                                          session, std::chrono::seconds(120));
        std::string bytes = decode_base64(pdf.value("data", ""));
        if (bytes.compare(0, 5, "%PDF-") != 0) throw InternalError("chromium вернул не PDF");
        return bytes;
    };
    std::string bytes = print();
    if (value.value("contents", 0) > 0) {
        // Contents with page numbers: the first print tells where each heading
        // landed; the numbers go into the page and it is printed again. The
        // contents stand on pages of their own, so the numbers move nothing.
        nlohmann::json entries = nlohmann::json::array();
        for (const auto& e : read_outline(bytes)) entries.push_back({{"title", e.title}, {"page", e.page}});
        nlohmann::json filled = browser.call(
            "Runtime.evaluate",
            {{"expression", std::string(contents_script) + "(" + entries.dump() + ")"}, {"returnByValue", true}},
            session);
        if (filled.contains("exceptionDetails"))
            throw InternalError("ошибка скрипта содержания: " + filled["exceptionDetails"].value("text", ""));
        const nlohmann::json missing = filled["result"].value("value", nlohmann::json::array());
        if (!missing.empty())
            throw InternalError("в содержании нет номера страницы для раздела «" + missing[0].get<std::string>() + "»");
        bytes = print();
    }
    make_deterministic(bytes);
    set_document_info(bytes, {title, facts.department, {}, "monsite " MONSITE_VERSION});
    write_atomically(job.out, bytes);
}

}  // namespace

std::vector<PdfJob> plan_jobs(const BatchOptions& options) {
    const SiteFacts facts = read_site(options.site);
    const fs::path out = options.out.empty() ? options.site / "data" : options.out;
    std::vector<PdfJob> jobs;
    std::vector<std::string> ids;
    std::error_code ec;
    for (fs::directory_iterator it(options.site / "schools", ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory() && fs::is_regular_file(it->path() / "index.html"))
            ids.push_back(it->path().filename().string());
    std::sort(ids.begin(), ids.end());
    // As render's school_pdf_path: the page's folder is the school's slug.
    const std::string year = std::to_string(facts.year);
    for (const auto& id : ids)
        jobs.push_back({id, facts.base + "schools/" + id + "/", out / "schools" / (id + "-" + year + ".pdf")});
    if (fs::is_regular_file(options.site / "report" / "index.html"))
        jobs.push_back({"report", facts.base + "report/", out / ("report-" + year + ".pdf")});
    return jobs;
}

BatchReport print_site(const BatchOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const SiteFacts facts = read_site(options.site);
    const std::vector<PdfJob> jobs = plan_jobs(options);
    BatchReport report;
    if (jobs.empty()) return report;
    const auto executable = find_chromium();
    if (!executable) throw UsageError(chromium_missing_message());

    LoopbackServer server(options.site, facts.base);
    Browser browser(*executable);
    unsigned threads = options.threads;
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    threads = std::min<unsigned>(threads, static_cast<unsigned>(jobs.size()));

    std::atomic<std::size_t> next{0};
    std::mutex lock;
    std::size_t done = 0;
    std::vector<char> ok(jobs.size(), 0);  // not vector<bool>: written from several threads
    std::vector<std::string> errors(jobs.size());
    std::string setup_error;  // a tab that could not be opened
    auto worker = [&] {
        std::string session;
        try {
            const std::string target =
                browser.call("Target.createTarget", {{"url", "about:blank"}})["targetId"].get<std::string>();
            session = browser.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})["sessionId"]
                          .get<std::string>();
            browser.call("Page.enable", nlohmann::json::object(), session);
        } catch (const std::exception& e) {
            // No tab: the other workers take the pages.
            std::lock_guard guard(lock);
            if (setup_error.empty()) setup_error = e.what();
            return;
        }
        for (std::size_t i; (i = next.fetch_add(1)) < jobs.size();) {
            try {
                print_one(browser, session, server.origin() + jobs[i].path, jobs[i], facts);
                ok[i] = 1;
            } catch (const util::Error& e) {
                errors[i] = e.message();
            } catch (const std::exception& e) {
                errors[i] = e.what();
            }
            std::lock_guard guard(lock);
            ++done;
            if (options.on_page) options.on_page(done, jobs.size(), jobs[i].label);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (ok[i]) report.written.push_back(jobs[i].out);
        else report.failures.push_back({jobs[i].label, !errors[i].empty() ? errors[i] : !setup_error.empty() ? setup_error : "страница не напечатана"});
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

}  // namespace monsite::pdf
