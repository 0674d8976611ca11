#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

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

struct Identity {
    ino_t inode = 0;
    struct timespec mtime {};
};

Identity identity(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return {st.st_ino, st.st_mtim};
}

bool same_identity(const Identity& a, const Identity& b) {
    return a.inode == b.inode && a.mtime.tv_sec == b.mtime.tv_sec && a.mtime.tv_nsec == b.mtime.tv_nsec;
}

}  // namespace

TEST_CASE("is_safe_relative_path: plain relative paths of ASCII names") {
    CHECK(site::is_safe_relative_path("data/site.json"));
    CHECK(site::is_safe_relative_path("a/b-c_d.e"));
    CHECK(site::is_safe_relative_path("index.html"));
    CHECK(site::is_safe_relative_path("schools/s-001/index.html"));
    CHECK(site::is_safe_relative_path(".nojekyll"));  // a dot inside a name is fine
    CHECK(site::is_safe_relative_path("a..b"));
}

TEST_CASE("is_safe_relative_path: rejects everything that could leave the folder or surprise a server") {
    CHECK_FALSE(site::is_safe_relative_path(""));
    CHECK_FALSE(site::is_safe_relative_path("/abs"));
    CHECK_FALSE(site::is_safe_relative_path("/"));
    CHECK_FALSE(site::is_safe_relative_path("../x"));
    CHECK_FALSE(site::is_safe_relative_path(".."));
    CHECK_FALSE(site::is_safe_relative_path("."));
    CHECK_FALSE(site::is_safe_relative_path("a/../b"));
    CHECK_FALSE(site::is_safe_relative_path("a/.."));
    CHECK_FALSE(site::is_safe_relative_path("a//b"));
    CHECK_FALSE(site::is_safe_relative_path("a/./b"));
    CHECK_FALSE(site::is_safe_relative_path("./a"));
    CHECK_FALSE(site::is_safe_relative_path("a/"));
    CHECK_FALSE(site::is_safe_relative_path("my file.html"));
    CHECK_FALSE(site::is_safe_relative_path(std::string_view("a\0b", 3)));
    CHECK_FALSE(site::is_safe_relative_path("a\\b"));
    CHECK_FALSE(site::is_safe_relative_path("..\\x"));
    CHECK_FALSE(site::is_safe_relative_path("школы/index.html"));
    CHECK_FALSE(site::is_safe_relative_path("C:/x"));
    CHECK_FALSE(site::is_safe_relative_path("a\nb"));
    CHECK_FALSE(site::is_safe_relative_path(std::string(201, 'a')));  // one part longer than 200
    CHECK(site::is_safe_relative_path(std::string(200, 'a')));
}

TEST_CASE("Publisher::add refuses unsafe paths with an InternalError") {
    TempDir dir;
    site::Publisher p(dir / "public");
    CHECK_THROWS_AS(p.add("", "x", "test"), util::InternalError);
    CHECK_THROWS_AS(p.add("/etc/passwd", "x", "test"), util::InternalError);
    CHECK_THROWS_AS(p.add("../escape.txt", "x", "test"), util::InternalError);
    CHECK_THROWS_AS(p.add("a/../../b", "x", "test"), util::InternalError);
    CHECK_THROWS_AS(p.add("a b.html", "x", "test"), util::InternalError);
    CHECK_FALSE(p.contains("../escape.txt"));
    p.add("ok.txt", "x", "test");
    CHECK(p.contains("ok.txt"));
    CHECK_FALSE(p.contains("other.txt"));
}

TEST_CASE("Publisher: the first commit writes every file into a fresh folder") {
    TempDir dir;
    const fs::path out = dir / "public";
    site::PublishReport report;
    {
        site::Publisher p(out);
        p.add("index.html", "<html>1</html>", "test");
        p.add("data/site.json", "{}\n", "test");
        p.add("data/deep/er/x.csv", "a,b\n", "test");
        p.add("empty.txt", "", "test");
        report = p.commit();
    }
    CHECK(report.written == 4);
    CHECK(report.unchanged == 0);
    CHECK(report.removed == 0);
    CHECK(tree(out) == std::map<std::string, std::string>{{"data/deep/er/x.csv", "a,b\n"},
                                                          {"data/site.json", "{}\n"},
                                                          {"empty.txt", ""},
                                                          {"index.html", "<html>1</html>"}});
    // Nothing but the output folder is left beside it: no staging or scratch folder.
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: a second commit carries unchanged files over and replaces the output whole") {
    TempDir dir;
    const fs::path out = dir / "public";
    {
        site::Publisher p(out);
        p.add("index.html", "<html>1</html>", "test");
        p.add("data/site.json", "{\"v\":1}\n", "test");
        p.add("data/indicators.csv", "a\n", "test");
        p.add("data/old.csv", "gone soon\n", "test");
        p.commit();
    }
    // A file someone put there by hand is not part of the new output either.
    write_file(out / "stray.txt", "x");
    const Identity index_before = identity(out / "index.html");
    const Identity csv_before = identity(out / "data/indicators.csv");
    const Identity json_before = identity(out / "data/site.json");

    site::PublishReport report;
    {
        site::Publisher p(out);
        p.add("index.html", "<html>1</html>", "test");        // same bytes
        p.add("data/indicators.csv", "a\n", "test");          // same bytes
        p.add("data/site.json", "{\"v\":2}\n", "test");       // changed
        report = p.commit();
    }
    // 3 files queued: 1 changed, 3 - 1 = 2 carried over; old.csv and stray.txt are gone.
    CHECK(report.written == 1);
    CHECK(report.unchanged == 2);
    CHECK(report.removed == 2);
    CHECK(tree(out) == std::map<std::string, std::string>{{"data/indicators.csv", "a\n"},
                                                          {"data/site.json", "{\"v\":2}\n"},
                                                          {"index.html", "<html>1</html>"}});
    // The unchanged files are the very same files (hard links): same inode, same time stamp.
    CHECK(same_identity(identity(out / "index.html"), index_before));
    CHECK(same_identity(identity(out / "data/indicators.csv"), csv_before));
    // The changed one is a new file.
    CHECK(identity(out / "data/site.json").inode != json_before.inode);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});

    // A third, identical commit writes nothing and removes nothing.
    {
        site::Publisher p(out);
        p.add("index.html", "<html>1</html>", "test");
        p.add("data/indicators.csv", "a\n", "test");
        p.add("data/site.json", "{\"v\":2}\n", "test");
        report = p.commit();
    }
    CHECK(report.written == 0);
    CHECK(report.unchanged == 3);
    CHECK(report.removed == 0);
    CHECK(same_identity(identity(out / "index.html"), index_before));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: destroyed without commit, it leaves the earlier output exactly as it was") {
    TempDir dir;
    const fs::path out = dir / "public";
    {
        site::Publisher p(out);
        p.add("index.html", "old", "test");
        p.add("data/site.json", "{}", "test");
        p.commit();
    }
    const auto before = tree(out);
    const Identity index_before = identity(out / "index.html");
    {
        site::Publisher p(out);
        p.add("index.html", "new", "test");
        p.add("other.html", "new", "test");
        const fs::path scratch = p.scratch_dir();
        write_file(scratch / "monitoring.xlsx", "scratch bytes");
        CHECK(fs::is_directory(scratch));
        CHECK(scratch.parent_path() == fs::absolute(dir.path()));
        // (no commit: e.g. a later render step threw)
    }
    CHECK(tree(out) == before);
    CHECK(same_identity(identity(out / "index.html"), index_before));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: a publisher that never commits creates nothing") {
    TempDir dir;
    {
        site::Publisher p(dir / "public");
        p.add("index.html", "x", "test");
    }
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("Publisher: scratch_dir is private, stable, outside the output and removed at the end") {
    TempDir dir;
    const fs::path out = dir / "public";
    fs::path scratch;
    site::PublishReport report;
    {
        site::Publisher p(out);
        scratch = p.scratch_dir();
        CHECK(p.scratch_dir() == scratch);  // the same folder on every call
        CHECK(fs::is_directory(scratch));
        CHECK(fs::is_empty(scratch));
        write_file(scratch / "monitoring.xlsx", "workbook");
        p.add("data/monitoring.xlsx", read_bytes(scratch / "monitoring.xlsx"), "test");
        report = p.commit();
        // Not inside the output: nothing of it is published.
        CHECK(tree(out) == std::map<std::string, std::string>{{"data/monitoring.xlsx", "workbook"}});
    }
    CHECK(report.written == 1);
    CHECK_FALSE(fs::exists(scratch));
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: an output path with a trailing slash names the same folder") {
    TempDir dir;
    {
        site::Publisher p(dir.path() / "public/");
        p.add("index.html", "x", "test");
        p.commit();
    }
    CHECK(read_bytes(dir / "public/index.html") == "x");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: an existing empty output folder is filled") {
    TempDir dir;
    fs::create_directories(dir / "public");
    site::PublishReport report;
    {
        site::Publisher p(dir / "public");
        p.add("index.html", "x", "test");
        report = p.commit();
    }
    CHECK(report.written == 1);
    CHECK(report.removed == 0);
    CHECK(read_bytes(dir / "public/index.html") == "x");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
}

TEST_CASE("Publisher: a path added twice is refused, naming both origins; nothing is written") {
    TempDir dir;
    const fs::path out = dir / "public";
    write_file(out / "index.html", "earlier");
    const auto before = tree(out);
    {
        site::Publisher p(out);
        p.add("schools/index.html", "generated", "страница генератора (шаблон schools)");
        p.add("about/index.html", "about", "content/about.md");
        try {
            p.add("schools/index.html", "content", "content/schools.md");
            FAIL("no error");
        } catch (const util::UsageError& e) {
            CHECK(e.message() == "файл сайта «schools/index.html» создаётся дважды: страница генератора (шаблон schools) "
                                 "и content/schools.md; один заменил бы другой");
            CHECK(e.status() == util::ExitStatus::usage);
        }
        CHECK(p.contains("schools/index.html"));
    }
    CHECK(tree(out) == before);  // the publisher ended without commit: the earlier output stays
    CHECK(names_in(dir.path()) == std::vector<std::string>{"public"});
    {
        // The first file added keeps its bytes: nothing was overwritten.
        site::Publisher p(out);
        p.add("a.txt", "first", "one");
        CHECK_THROWS_AS(p.add("a.txt", "second", "two"), util::UsageError);
        p.commit();
    }
    CHECK(read_bytes(out / "a.txt") == "first");
}
