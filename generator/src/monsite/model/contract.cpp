#include "monsite/model/contract.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "monsite/util/strings.hpp"

namespace monsite::model {
namespace {

using T = FieldType;

constexpr std::array<std::string_view, 4> categories = {"высшая", "первая", "соответствие", "без категории"};
constexpr std::array<std::string_view, 5> decision_kinds = {"организующее", "активизирующее", "координирующее",
                                                            "контролирующее", "стимулирующее"};

constexpr std::array schools_fields = {
    FieldSpec{"school_id", "Код ОО", T::text, true},
    FieldSpec{"name", "Наименование ОО", T::text, true},
    FieldSpec{"short_name", "Краткое наименование", T::text, false},
    FieldSpec{"type", "Тип ОО", T::text, true},
    FieldSpec{"cluster", "Кластер", T::text, false},
    FieldSpec{"locality", "Территория", T::text, false},
    FieldSpec{"students", "Число обучающихся", T::count, false},
};

constexpr std::array staff_fields = {
    FieldSpec{"school_id", "Код ОО", T::text, true},
    FieldSpec{"teachers_total", "Всего педагогических работников", T::count, true},
    FieldSpec{"vacancies", "Вакансии", T::count, true},
    FieldSpec{"under_35", "Педагоги в возрасте до 35 лет", T::count, false},
    FieldSpec{"young_0_3", "Молодые специалисты со стажем до 3 лет", T::count, false},
    FieldSpec{"young_0_1", "Молодые специалисты со стажем до 1 года", T::count, false},
    FieldSpec{"young_with_mentor", "Молодые специалисты, имеющие наставника", T::count, false},
    FieldSpec{"cat_highest", "Высшая квалификационная категория", T::count, false},
    FieldSpec{"cat_first", "Первая квалификационная категория", T::count, false},
    FieldSpec{"higher_ed", "С высшим образованием", T::count, false},
    FieldSpec{"non_ped_ed", "С непедагогическим образованием", T::count, false},
    FieldSpec{"retrained", "Из них прошли профессиональную переподготовку", T::count, false},
    FieldSpec{"avg_age", "Средний возраст", T::number, false},
    FieldSpec{"avg_load", "Средняя учебная нагрузка, ставок", T::number, false},
};

constexpr std::array development_fields = {
    FieldSpec{"school_id", "Код ОО", T::text, true},
    FieldSpec{"diagnosed", "Прошли диагностику профессиональных дефицитов", T::count, false},
    FieldSpec{"deficits_found", "Выявлены профессиональные дефициты", T::count, false},
    FieldSpec{"with_iom", "Имеют индивидуальный образовательный маршрут", T::count, false},
    FieldSpec{"iom_active", "Участвуют в мероприятиях по ИОМ", T::count, false},
    FieldSpec{"courses", "Прошли повышение квалификации за год", T::count, false},
    FieldSpec{"courses_distance", "Из них в дистанционной форме", T::count, false},
    FieldSpec{"competitions", "Участвовали в конкурсах профессионального мастерства", T::count, false},
    FieldSpec{"network", "Включены в сетевые методические объединения и сообщества", T::count, false},
    FieldSpec{"events_regional", "Участвовали в мероприятиях регионального и федерального уровня", T::count, false},
    FieldSpec{"experts", "Эксперты предметных комиссий и аттестации", T::count, false},
    FieldSpec{"method_asset", "Входят в муниципальный методический актив", T::count, false},
    FieldSpec{"mentors", "Педагоги-наставники", T::count, false},
    FieldSpec{"mentoring_model", "Реализуется целевая модель наставничества", T::boolean, false},
    FieldSpec{"burnout_events", "Мероприятия по профилактике профессионального выгорания", T::count, false},
};

constexpr std::array teachers_fields = {
    FieldSpec{"teacher_id", "Код педагога", T::text, true},
    FieldSpec{"school_id", "Код ОО", T::text, true},
    FieldSpec{"subject", "Предмет", T::text, false},
    FieldSpec{"age", "Возраст", T::count, false},
    FieldSpec{"experience", "Педагогический стаж, лет", T::number, false},
    FieldSpec{"category", "Категория", T::enumeration, false, categories},
    FieldSpec{"diag_score", "Результат диагностики, %", T::score, false},
    FieldSpec{"deficit", "Выявлен дефицит", T::boolean, false},
    FieldSpec{"iom", "ИОМ", T::boolean, false},
    FieldSpec{"mentor", "Есть наставник", T::boolean, false},
};

constexpr std::array measures_fields = {
    FieldSpec{"measure", "Мероприятие", T::text, true},
    FieldSpec{"kind", "Вид решения", T::enumeration, false, decision_kinds},
    FieldSpec{"direction", "Направление", T::direction, false},
    FieldSpec{"indicator", "Показатель", T::indicator, false},
    FieldSpec{"school_id", "Код ОО", T::text, false},
    FieldSpec{"period", "Срок", T::text, false},
    FieldSpec{"responsible", "Ответственный", T::text, false},
    FieldSpec{"document", "Документ", T::text, false},
};

constexpr std::array tables = {
    TableSpec{TableId::schools, "ОО", true, schools_fields},
    TableSpec{TableId::staff, "Кадры", true, staff_fields},
    TableSpec{TableId::development, "Развитие", true, development_fields},
    TableSpec{TableId::teachers, "Педагоги", false, teachers_fields},
    TableSpec{TableId::measures, "Меры", false, measures_fields},
};

constexpr std::array direction_list = {
    Direction{"diagnostics", "Выявление профессиональных дефицитов"},
    Direction{"mastery", "Повышение профессионального мастерства"},
    Direction{"young", "Поддержка молодых педагогов и наставничество"},
    Direction{"communities", "Методические объединения и профессиональные сообщества"},
    Direction{"network", "Сетевое взаимодействие педагогов"},
    Direction{"staffing", "Кадровые потребности"},
    Direction{"support", "Научно-методическое сопровождение"},
};

constexpr std::array<std::string_view, 25> indicator_ids = {
    "diag_coverage",      "deficit_rate",       "diag_score_avg",          "iom_coverage",
    "iom_activity",       "courses_share",      "distance_share",          "competitions_share",
    "retraining_share",   "mentor_coverage",    "mentors_share",           "under35_share",
    "mentoring_model_schools", "network_share", "network_schools",         "regional_events_share",
    "staffing_level",     "vacancies",          "qualified_share",         "avg_age",
    "avg_load",           "young_0_1_count",    "experts_share",           "method_asset_share",
    "burnout_events",
};

std::vector<const FieldSpec*> build_school_fields() {
    std::vector<const FieldSpec*> out;
    for (const auto* list : {&tables[0], &tables[1], &tables[2]})
        for (const auto& f : list->fields)
            if (f.type == T::count || f.type == T::number || f.type == T::boolean) out.push_back(&f);
    return out;
}

}  // namespace

std::span<const TableSpec> contract_tables() { return tables; }

const TableSpec& table_spec(TableId id) { return tables[static_cast<std::size_t>(id)]; }

FieldIndex::FieldIndex(const TableSpec& spec) : spec_(&spec) {
    for (std::size_t i = 0; i < spec.fields.size(); ++i) positions_.emplace_back(spec.fields[i].id, i);
    std::sort(positions_.begin(), positions_.end());
}

std::size_t FieldIndex::operator()(std::string_view field_id) const {
    auto it = std::lower_bound(positions_.begin(), positions_.end(), field_id,
                               [](const auto& p, std::string_view id) { return p.first < id; });
    if (it == positions_.end() || it->first != field_id)
        throw std::logic_error("table \"" + std::string(spec_->name) + "\" has no field \"" + std::string(field_id) + "\"");
    return it->second;
}

const FieldIndex& field_index(TableId id) {
    static const std::vector<FieldIndex> indexes = [] {
        std::vector<FieldIndex> out;
        for (const auto& spec : tables) out.emplace_back(spec);
        return out;
    }();
    return indexes.at(static_cast<std::size_t>(id));
}

const TableSpec* find_table(std::string_view sheet_name) {
    std::string key = util::normalize_key(sheet_name);
    for (const auto& t : tables)
        if (util::normalize_key(t.name) == key) return &t;
    return nullptr;
}

std::span<const Direction> directions() { return direction_list; }

const Direction* find_direction(std::string_view id_or_name) {
    std::string key = util::normalize_key(id_or_name);
    for (const auto& d : direction_list)
        if (key == d.id || key == util::normalize_key(d.name)) return &d;
    return nullptr;
}

std::span<const std::string_view> default_indicator_ids() { return indicator_ids; }

std::span<const std::string_view> boolean_words() {
    static constexpr std::array<std::string_view, 2> words = {"да", "нет"};
    return words;
}

std::span<const FieldSpec* const> school_fields() {
    static const std::vector<const FieldSpec*> fields = build_school_fields();
    return fields;
}

std::optional<std::size_t> school_field_index(std::string_view field_id) {
    auto fields = school_fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i]->id == field_id) return i;
    return std::nullopt;
}

}  // namespace monsite::model
