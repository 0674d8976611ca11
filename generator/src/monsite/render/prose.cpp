#include "monsite/render/prose.hpp"

#include <vector>

#include "monsite/model/contract.hpp"
#include "monsite/render/format.hpp"

namespace monsite::render {

using model::Exact;
using model::Indicator;
using model::Level;

const std::map<std::string, std::string>& direction_texts() {
    static const std::map<std::string, std::string> texts = {
        {"diagnostics", "Насколько полно педагоги проходят диагностику профессиональных дефицитов и каковы её результаты."},
        {"mastery", "Индивидуальные образовательные маршруты, курсы повышения квалификации, конкурсы мастерства и переподготовка."},
        {"young", "Наставничество и поддержка педагогов в первые годы работы, приток молодых кадров."},
        {"communities", "Участие педагогов в методических объединениях и профессиональных сообществах."},
        {"network", "Участие педагогов в мероприятиях регионального и федерального уровня."},
        {"staffing", "Укомплектованность, вакансии, квалификация и возраст педагогических коллективов."},
        {"support", "Экспертная деятельность, методический актив и профилактика профессионального выгорания."},
    };
    return texts;
}

const char* group_advice(Level group) {
    switch (group) {
        case Level::high:
            return "Большинство показателей школы на высоком уровне. Такой школе рекомендуется делиться опытом: "
                   "проводить открытые мероприятия, принимать коллег на стажировки, выделять наставников для школ "
                   "с низкими результатами.";
        case Level::medium:
            return "Показатели школы в основном на среднем уровне. Рекомендуется выделить направления, где значения "
                   "ниже порога, включить их в план методической работы и использовать опыт школ высокой группы.";
        case Level::low:
            return "Школе нужна адресная поддержка. По каждому слабому направлению предлагаются школы-партнёры с "
                   "высоким уровнем в этом направлении; рекомендуется составить дорожную карту с ответственными "
                   "и сроками и отслеживать её выполнение.";
        case Level::none: break;
    }
    return "Недостаточно данных для отнесения школы к группе.";
}

namespace {

std::string field_header(std::size_t index) {
    return "«" + std::string(model::school_fields()[index]->header) + "»";
}

std::string fields_text(const std::vector<std::size_t>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? " + " : "") + field_header(fields[i]);
    return out;
}

}  // namespace

std::string unit_label(const Indicator& ind) {
    switch (ind.unit) {
        case model::Unit::percent: return "%";
        case model::Unit::count: return "человек, мероприятий или единиц";
        case model::Unit::years: return "лет";
        case model::Unit::rates: return "ставок";
    }
    return "";
}

std::string formula_in_words(const Indicator& ind) {
    const auto& f = ind.formula;
    const std::string scale = ind.unit == model::Unit::percent ? ", умноженное на 100" : "";
    switch (f.kind) {
        case model::FormulaKind::ratio:
            return "Отношение " + fields_text(f.numerator) + " к " + fields_text(f.denominator) + scale +
                   ". Для кластера и округа числители и знаменатели школ складываются (а не усредняются проценты).";
        case model::FormulaKind::sum: return "Сумма значений поля " + field_header(f.numerator[0]) + ".";
        case model::FormulaKind::weighted_mean:
            return "Значение поля " + field_header(f.numerator[0]) + " школы, если " + field_header(f.weight) +
                   " больше 0 (иначе нет данных); для кластера и округа — среднее, взвешенное по " +
                   field_header(f.weight) + ".";
        case model::FormulaKind::share_of_schools:
            return "Доля школ, для которых выполнено условие «" + f.text.substr(f.text.find('(') + 1, f.text.rfind(')') - f.text.find('(') - 1) +
                   "», среди школ, указавших значение поля " + field_header(f.numerator[0]) + scale + ".";
        case model::FormulaKind::teacher_mean:
            return "Среднее значение поля «" + f.teacher_field + "» таблицы «Педагоги» по всем педагогам, у которых оно указано.";
    }
    return {};
}

std::string thresholds_text(const Indicator& ind) {
    auto t = [&](const Exact& v) { return ru_value(ind, v); };
    switch (ind.better) {
        case model::Better::higher:
            return "Чем выше, тем лучше. Уровень низкий — меньше " + t(ind.t1) + ", средний — от " + t(ind.t1) +
                   " до " + t(ind.t2) + ", высокий — " + t(ind.t2) + " и выше.";
        case model::Better::lower:
            return "Чем ниже, тем лучше. Уровень высокий — не больше " + t(ind.t1) + ", средний — больше " + t(ind.t1) +
                   " и не больше " + t(ind.t2) + ", низкий — больше " + t(ind.t2) + ".";
        case model::Better::none: break;
    }
    return "Справочный показатель: уровень не определяется и в интегральный балл не входит.";
}

std::vector<ChartRule> level_rules(const Indicator& ind) {
    if (!ind.rated()) return {};
    const bool higher = ind.better == model::Better::higher;
    return {{ind.t1.to_double(), std::string(higher ? "граница низкого уровня" : "граница высокого уровня") + " — " +
                                     ru_value(ind, ind.t1)},
            {ind.t2.to_double(), std::string(higher ? "граница высокого уровня" : "граница низкого уровня") + " — " +
                                     ru_value(ind, ind.t2)}};
}

std::vector<ChartRule> group_rules(const model::Rules& rules) {
    return {{rules.group_medium.to_double(), "граница низкой группы — " + ru_decimal(rules.group_medium, 0)},
            {rules.group_high.to_double(), "граница высокой группы — " + ru_decimal(rules.group_high, 0)}};
}

}  // namespace monsite::render
