// The output sinks (site/output_sink.hpp, site/publisher.hpp): one file per
// path, both origins named on a clash; the staged sink writes files as they
// arrive and swaps them in only on commit.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "monsite/site/output_sink.hpp"
#include "monsite/site/publisher.hpp"
#include "monsite/util/error.hpp"
#include "test_support.hpp"

using namespace monsite;
using monsite::test::TempDir;
using monsite::test::read_bytes;
using monsite::test::tree;
using monsite::test::names_in;
using monsite::test::write_file;
namespace fs = std::filesystem;

namespace {

struct timespec mtime_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mtim;
}

bool same_time(const struct timespec& a, const struct timespec& b) {
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

// The clash message of either sink, or "" if adding did not throw.
std::string clash(site::OutputSink& sink) {
    sink.add("schools/index.html", "generated", "страница генератора (шаблон schools)");
    try {
        sink.add("schools/index.html", "content", "content/schools.md");
    } catch (const util::UsageError& e) {
        return e.message();
    }
    return "";
}

const char* const clash_message =
    "файл сайта «schools/index.html» создаётся дважды: страница генератора (шаблон schools) и content/schools.md; "
    "один заменил бы другой";

}  // namespace

TEST_CASE("MemorySink: keeps every file with its origin, sorted by path") {
    site::MemorySink sink;
    sink.add("b/index.html", "B", "b");
    sink.add("a.txt", "A", "a");
    CHECK(sink.contains("a.txt"));
    CHECK_FALSE(sink.contains("c.txt"));
    REQUIRE(sink.find("b/index.html"));
    CHECK(*sink.find("b/index.html") == "B");
    CHECK(sink.find("c.txt") == nullptr);
    CHECK(sink.origin_of("a.txt") == "a");
    std::vector<std::string> paths;
    for (const auto& [path, bytes] : sink.files()) paths.push_back(path);
    CHECK(paths == std::vector<std::string>{"a.txt", "b/index.html"});
}

TEST_CASE("MemorySink: a path added twice names both origins, keeps the first bytes; unsafe paths are refused") {
    site::MemorySink sink;
    CHECK(clash(sink) == clash_message);
    CHECK(*sink.find("schools/index.html") == "generated");
    CHECK(sink.origin_of("schools/index.html") == "страница генератора (шаблон schools)");
    CHECK_THROWS_AS(sink.add("../x", "", "test"), util::InternalError);
    CHECK_THROWS_AS(sink.add("a//b", "", "test"), util::InternalError);
    CHECK(sink.files().size() == 1);
}

TEST_CASE("MemorySink: the scratch folder exists while the sink lives, outside anything published") {
    fs::path scratch;
    {
        site::MemorySink sink;
        scratch = sink.scratch_dir();
        CHECK(sink.scratch_dir() == scratch);
        CHECK(fs::is_directory(scratch));
        write_file(scratch / "x.xlsx", "bytes");
        CHECK(sink.files().empty());
    }
    CHECK_FALSE(fs::exists(scratch));
}

TEST_CASE("MemorySink and Publisher: adds from several threads all arrive, each once") {
    TempDir dir;
    site::MemorySink memory;
    site::Publisher staged(dir / "public");
    for (site::OutputSink* sink : std::vector<site::OutputSink*>{&memory, &staged}) {
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([sink, t] {
                for (int i = 0; i < 50; ++i)
                    sink->add("t" + std::to_string(t) + "/f" + std::to_string(i) + ".txt", std::to_string(t * 100 + i),
                              "thread " + std::to_string(t));
            });
        for (auto& th : threads) th.join();
    }
    CHECK(memory.files().size() == 200);
    CHECK(*memory.find("t3/f7.txt") == "307");
    const auto report = staged.commit();
    CHECK(report.written == 200);
    const auto files = tree(dir / "public");
    CHECK(files.size() == 200);
    CHECK(files.at("t3/f7.txt") == "307");
}

TEST_CASE("Publisher: a path added twice names both origins, as MemorySink does") {
    TempDir dir;
    site::Publisher sink(dir / "public");
    CHECK(clash(sink) == clash_message);
}

TEST_CASE("Publisher: each file is in the staging folder as soon as it is added, not yet in the output") {
    TempDir dir;
    const fs::path out = dir / "public";
    write_file(out / "index.html", "earlier");
    site::Publisher sink(out);
    CHECK(sink.staging_dir().empty());  // nothing made before the first file
    sink.add("index.html", "new", "test");
    sink.add("schools/s1/index.html", "school", "test");
    const fs::path staging = sink.staging_dir();
    REQUIRE_FALSE(staging.empty());
    CHECK(staging.parent_path() == fs::absolute(dir.path()));
    CHECK(tree(staging) == std::map<std::string, std::string>{{"index.html", "new"}, {"schools/s1/index.html", "school"}});
    CHECK(tree(out) == std::map<std::string, std::string>{{"index.html", "earlier"}});
    sink.commit();
    CHECK(tree(out) == std::map<std::string, std::string>{{"index.html", "new"}, {"schools/s1/index.html", "school"}});
    CHECK_FALSE(fs::exists(staging));
}

TEST_CASE("Publisher: a build that fails half-way leaves the earlier output exactly as it was") {
    TempDir dir;
    const fs::path out = dir / "public";
    {
        site::Publisher sink(out);
        sink.add("index.html", "old", "test");
        sink.add("gone.html", "old", "test");
        sink.commit();
    }
    const auto before = tree(out);
    const auto index_time = mtime_of(out / "index.html");
    try {
        site::Publisher sink(out);
        sink.add("index.html", "new", "test");
        sink.add("other.html", "new", "test");
        throw std::runtime_error("a render step failed");
    } catch (const std::runtime_error&) {
    }
    CHECK(tree(out) == before);
    CHECK(same_time(mtime_of(out / "index.html"), index_time));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});  // no staging folder left
}

TEST_CASE("Publisher: after a commit the output holds only the new files; unchanged files keep their time stamp") {
    TempDir dir;
    const fs::path out = dir / "public";
    {
        site::Publisher sink(out);
        sink.add("same.html", "same", "test");
        sink.add("changed.html", "v1", "test");
        sink.add("gone.html", "gone", "test");
        sink.commit();
    }
    const auto same_time_before = mtime_of(out / "same.html");
    site::PublishReport report;
    {
        site::Publisher sink(out);
        sink.add("same.html", "same", "test");
        sink.add("changed.html", "v2", "test");
        sink.add("new/index.html", "new", "test");
        report = sink.commit();
    }
    CHECK(tree(out) ==
          std::map<std::string, std::string>{{"changed.html", "v2"}, {"new/index.html", "new"}, {"same.html", "same"}});
    CHECK(same_time(mtime_of(out / "same.html"), same_time_before));
    CHECK(report.written == 2);
    CHECK(report.unchanged == 1);
    CHECK(report.removed == 1);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: a commit without files publishes an empty site") {
    TempDir dir;
    write_file(dir / "public/old.html", "old");
    site::PublishReport report;
    {
        site::Publisher sink(dir / "public");
        report = sink.commit();
    }
    CHECK(report.removed == 1);
    CHECK(fs::is_directory(dir / "public"));
    CHECK(fs::is_empty(dir / "public"));
}
