// Scale data (see scale_data.hpp): schools with a persistent type, cluster,
// size and "quality"; each year's counts drawn around them, every part within
// its whole (data contract §4), teacher rows agreeing with the school's counts,
// so `monsite check` finds no error and no warning. libxlsxwriter in
// constant_memory mode (rows streamed to disk, inline strings); fixed
// document dates and an own PRNG keep the bytes equal for equal seeds.

#include "scale/scale_data.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace scale {

namespace {

namespace fs = std::filesystem;

std::uint64_t cells_written = 0;  // non-empty cells, header rows included
int files_written = 0;

constexpr std::array<Preset, 3> presets{{
    {"municipal", 30, 3, 2023, 0},
    {"regional", 1000, 5, 2021, 0},
    {"national", 40000, 1, 2025, 4000},
}};

// splitmix64: defined output on every platform (std distributions are not).
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    template <class T, std::size_t N> const T& pick(const std::array<T, N>& a) { return a[next() % N]; }
};

// A workbook with one sheet, written row by row; closed (and checked) by close(),
// or discarded by the destructor if an exception left it open.
class Book {
public:
    Book(const fs::path& file, std::string_view sheet_name) : path_(file.string()) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;
        book_ = workbook_new_opt(path_.c_str(), &options);
        if (!book_) throw std::runtime_error("cannot create " + path_);
        lxw_doc_properties properties{};
        properties.title = const_cast<char*>("monsite scale data");
        properties.created = 946684800;  // 2000-01-01: the same content gives the same bytes
        workbook_set_properties(book_, &properties);
        sheet_ = workbook_add_worksheet(book_, std::string(sheet_name).c_str());
        if (!sheet_) throw std::runtime_error("cannot add sheet to " + path_);
    }
    ~Book() {
        if (book_) workbook_close(book_);
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    void text(std::uint32_t row, std::uint16_t col, std::string_view v) {
        if (v.empty()) return;
        worksheet_write_string(sheet_, row, col, std::string(v).c_str(), nullptr);
        ++cells_written;
    }
    void number(std::uint32_t row, std::uint16_t col, double v) {
        worksheet_write_number(sheet_, row, col, v, nullptr);
        ++cells_written;
    }
    void row(std::uint32_t r, const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) text(r, static_cast<std::uint16_t>(c), cells[c]);
    }
    void close() {
        lxw_error e = workbook_close(book_);
        book_ = nullptr;
        if (e != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path_ + ": " + lxw_strerror(e));
        ++files_written;
    }

private:
    std::string path_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
};

constexpr std::array<std::string_view, 6> types{"СОШ", "ООШ", "НОШ", "гимназия", "лицей", "МКШ"};
constexpr std::array<std::string_view, 7> subjects{"Математика", "Русский язык", "Физика",          "История",
                                                   "Биология",   "Химия",        "Начальные классы"};
constexpr std::array<std::string_view, 4> categories{"высшая", "первая", "соответствие", "без категории"};

struct School {
    std::string id, name, type, cluster, locality;
    int teachers;
    double quality;
};

struct Year {  // one school's counts in one year; every part within its whole
    int t, vacancies, under35, young3, young1, young_mentor, highest, first, higher_ed, non_ped, retrained;
    int diag, deficits, iom, iom_active, courses, distance, competitions, network, regional, experts, asset, mentors,
        burnout;
    bool model;
    double age, load;
};

Year make_year(const School& s, Rng& rng) {
    Year y{};
    y.t = std::max(6, s.teachers + rng.range(-s.teachers / 10, s.teachers / 10));
    const double q = std::clamp(s.quality + (rng.unit() - 0.5) * 0.2, 0.0, 1.0);
    auto part = [&](double share) { return std::min(y.t, static_cast<int>(y.t * share * (0.6 + 0.6 * rng.unit()))); };
    y.vacancies = rng.range(0, 3);
    y.under35 = part(0.2);
    y.young3 = part(0.12);
    y.young1 = std::min(y.young3, part(0.04));
    y.young_mentor = std::min(y.young3, static_cast<int>(y.young3 * q + 0.5));
    y.highest = part(0.2 * q + 0.1);
    y.first = std::min(y.t - y.highest, part(0.25));
    y.higher_ed = part(0.8);
    y.non_ped = part(0.1);
    y.retrained = std::min(y.non_ped, static_cast<int>(y.non_ped * q));
    y.diag = part(0.3 + 0.7 * q);
    y.deficits = std::min(y.diag, part(0.3));
    y.iom = std::min(y.deficits, static_cast<int>(y.deficits * (0.4 + 0.6 * q)));
    y.iom_active = std::min(y.iom, static_cast<int>(y.iom * (0.5 + 0.5 * q)));
    y.courses = part(0.15 + 0.3 * q);
    y.distance = std::min(y.courses, part(0.2));
    y.competitions = part(0.1 * q + 0.02);
    y.network = part(0.4 + 0.5 * q);
    y.regional = part(0.2 * q + 0.05);
    y.experts = part(0.05 * q + 0.01);
    y.asset = std::min(y.diag, part(0.1 * q + 0.01));
    y.mentors = part(0.08);
    y.burnout = rng.range(0, 6);
    y.model = q > 0.3;
    y.age = rng.range(380, 520) / 10.0;
    y.load = rng.range(100, 150) / 100.0;
    return y;
}

const std::vector<std::string> school_header{"Код ОО", "Наименование ОО", "Тип ОО", "Кластер", "Территория",
                                             "Число обучающихся"};
const std::vector<std::string> staff_header{
    "Код ОО", "Всего педагогических работников", "Вакансии", "Педагоги в возрасте до 35 лет",
    "Молодые специалисты со стажем до 3 лет", "Молодые специалисты со стажем до 1 года",
    "Молодые специалисты, имеющие наставника", "Высшая квалификационная категория",
    "Первая квалификационная категория", "С высшим образованием", "С непедагогическим образованием",
    "Из них прошли профессиональную переподготовку", "Средний возраст", "Средняя учебная нагрузка, ставок"};
const std::vector<std::string> development_header{
    "Код ОО", "Прошли диагностику профессиональных дефицитов", "Выявлены профессиональные дефициты",
    "Имеют индивидуальный образовательный маршрут", "Участвуют в мероприятиях по ИОМ",
    "Прошли повышение квалификации за год", "Из них в дистанционной форме",
    "Участвовали в конкурсах профессионального мастерства",
    "Включены в сетевые методические объединения и сообщества",
    "Участвовали в мероприятиях регионального и федерального уровня", "Эксперты предметных комиссий и аттестации",
    "Входят в муниципальный методический актив", "Педагоги-наставники", "Реализуется целевая модель наставничества",
    "Мероприятия по профилактике профессионального выгорания"};
const std::vector<std::string> teacher_header{"Код педагога", "Код ОО", "Предмет", "Возраст",
                                              "Педагогический стаж, лет", "Категория", "Результат диагностики, %",
                                              "Выявлен дефицит", "ИОМ", "Есть наставник"};
const std::vector<std::string> measure_header{"Мероприятие", "Вид решения", "Направление", "Показатель",
                                              "Код ОО", "Срок", "Ответственный", "Документ"};

struct Measure {
    std::string_view direction, indicator, text;
};
constexpr std::array<Measure, 6> measure_kinds{{
    {"diagnostics", "diag_coverage", "Выездная диагностика профессиональных дефицитов педагогов"},
    {"mastery", "iom_coverage", "Адресное сопровождение: разработка ИОМ для педагогов с дефицитами"},
    {"young", "mentor_coverage", "Закрепление наставников за молодыми специалистами"},
    {"communities", "network_share", "Включение педагогов в сетевые методические объединения"},
    {"staffing", "staffing_level", "Целевое обучение и привлечение педагогов на вакансии"},
    {"support", "experts_share", "Обучение кандидатов в эксперты предметных комиссий"},
}};
constexpr std::array<std::string_view, 5> decision_kinds{"организующее", "активизирующее", "координирующее",
                                                         "контролирующее", "стимулирующее"};

void write_year(const Preset& p, const std::vector<School>& schools, int year, Rng& rng, const fs::path& dir) {
    fs::create_directories(dir);
    std::vector<Year> counts;
    counts.reserve(schools.size());
    for (const auto& s : schools) counts.push_back(make_year(s, rng));

    Book oo(dir / "ОО.xlsx", "ОО"), staff(dir / "Кадры.xlsx", "Кадры"), dev(dir / "Развитие.xlsx", "Развитие");
    oo.row(0, school_header);
    staff.row(0, staff_header);
    dev.row(0, development_header);
    for (std::size_t i = 0; i < schools.size(); ++i) {
        const School& s = schools[i];
        const Year& y = counts[i];
        const auto r = static_cast<std::uint32_t>(i + 1);
        oo.row(r, {s.id, s.name, s.type, s.cluster, s.locality});
        oo.number(r, 5, y.t * 13 + (rng.range(0, 40)));
        staff.text(r, 0, s.id);
        const std::array<int, 11> st{y.t,         y.vacancies, y.under35,   y.young3, y.young1,  y.young_mentor,
                                     y.highest,   y.first,     y.higher_ed, y.non_ped, y.retrained};
        for (std::size_t c = 0; c < st.size(); ++c) staff.number(r, static_cast<std::uint16_t>(c + 1), st[c]);
        staff.number(r, 12, y.age);
        staff.number(r, 13, y.load);
        dev.text(r, 0, s.id);
        const std::array<int, 12> dv{y.diag,    y.deficits,    y.iom,     y.iom_active, y.courses, y.distance,
                                     y.competitions, y.network, y.regional, y.experts,   y.asset,   y.mentors};
        for (std::size_t c = 0; c < dv.size(); ++c) dev.number(r, static_cast<std::uint16_t>(c + 1), dv[c]);
        dev.text(r, 13, y.model ? "да" : "нет");
        dev.number(r, 14, y.burnout);
    }
    oo.close();
    staff.close();
    dev.close();

    // Педагоги: one row per teacher, agreeing with the school's counts (no warnings).
    const std::size_t per_book = p.schools_per_teacher_book ? p.schools_per_teacher_book : schools.size();
    const std::size_t books = (schools.size() + per_book - 1) / per_book;
    for (std::size_t b = 0; b < books; ++b) {
        char file[64];
        if (books == 1) std::snprintf(file, sizeof file, "Педагоги.xlsx");
        else std::snprintf(file, sizeof file, "Педагоги-%02zu.xlsx", b + 1);
        Book book(dir / file, "Педагоги");
        book.row(0, teacher_header);
        std::uint32_t r = 1;
        for (std::size_t i = b * per_book; i < std::min(schools.size(), (b + 1) * per_book); ++i) {
            const Year& y = counts[i];
            for (int k = 0; k < y.t; ++k, ++r) {
                char code[48];
                std::snprintf(code, sizeof code, "T%d-%s-%03d", year, schools[i].id.c_str(), k);
                book.text(r, 0, code);
                book.text(r, 1, schools[i].id);
                book.text(r, 2, rng.pick(subjects));
                book.number(r, 3, rng.range(22, 64));
                book.number(r, 4, rng.range(0, 40));
                book.text(r, 5, rng.pick(categories));
                if (k < y.diag) book.number(r, 6, rng.range(30, 95));
                book.text(r, 7, k < y.deficits ? "да" : "нет");
                book.text(r, 8, k < y.iom ? "да" : "нет");
                book.text(r, 9, k < y.young_mentor ? "да" : "нет");
            }
        }
        book.close();
    }

    // Меры: one measure for every 20 schools, and one for the whole territory per direction.
    Book measures(dir / "Меры.xlsx", "Меры");
    measures.row(0, measure_header);
    std::uint32_t r = 1;
    const std::string period = "сентябрь " + std::to_string(year) + " г. – май " + std::to_string(year + 1) + " г.";
    for (const auto& m : measure_kinds)
        measures.row(r++, {std::string(m.text), "организующее", std::string(m.direction), std::string(m.indicator),
                           "", period, "Управление образования", "План работы на " + std::to_string(year) + " год"});
    for (std::size_t i = 0; i < schools.size(); i += 20) {
        const Measure& m = rng.pick(measure_kinds);
        measures.row(r++, {std::string(m.text), std::string(rng.pick(decision_kinds)), std::string(m.direction),
                           std::string(m.indicator), schools[i].id, period, "Директор ОО",
                           "Приказ ОО от 01.09." + std::to_string(year)});
    }
    measures.close();
}

}  // namespace

std::optional<Preset> find_preset(std::string_view name) {
    for (const auto& p : presets)
        if (p.name == name) return p;
    return std::nullopt;
}

Written write_scale_data(const Preset& preset, std::uint64_t seed, const std::filesystem::path& out) {
    cells_written = 0;
    files_written = 0;
    Rng rng{seed};
    const int width = preset.schools >= 10000 ? 5 : 4;
    constexpr std::array<std::string_view, 4> clusters{"Городские школы", "Сельские школы", "Гимназии и лицеи",
                                                       "Малокомплектные школы"};
    std::vector<School> schools;
    schools.reserve(static_cast<std::size_t>(preset.schools));
    for (int i = 1; i <= preset.schools; ++i) {
        School s;
        char id[16];
        std::snprintf(id, sizeof id, "s%0*d", width, i);
        s.id = id;
        s.type = std::string(rng.pick(types));
        s.name = "МБОУ «" + s.type + " № " + std::to_string(i) + "»";
        s.cluster = std::string(s.type == "гимназия" || s.type == "лицей" ? clusters[2]
                                : s.type == "МКШ"                         ? clusters[3]
                                                                          : clusters[rng.next() % 2]);
        s.locality = s.cluster == clusters[0] || s.cluster == clusters[2] ? "город" : "село";
        s.teachers = s.type == "МКШ" ? rng.range(6, 15) : rng.range(14, 54);
        s.quality = rng.unit();
        schools.push_back(std::move(s));
    }
    for (int y = 0; y < preset.years; ++y) {
        const int year = preset.first_year + y;
        write_year(preset, schools, year, rng, out / std::to_string(year));
    }
    return {files_written, cells_written};
}

}  // namespace scale
