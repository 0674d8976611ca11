#include "monsite/config/formula.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <vector>

#include "monsite/model/contract.hpp"
#include "monsite/util/strings.hpp"

namespace monsite::config {
namespace {

using model::Comparison;
using model::Formula;
using model::FormulaKind;

enum class Tok { word, number, symbol, end };

struct Token {
    Tok kind;
    std::string text;
    std::size_t offset;
};

class Parser {
public:
    Parser(std::string_view text, const util::SourceLocation& where) : text_(text), where_(where) { tokenize(); }

    Formula parse() {
        Formula f;
        f.text = std::string(util::trim(text_));
        const Token& first = peek();
        if (first.kind == Tok::word && peek(1).text == "(") {
            std::string name = take().text;
            expect("(");
            if (name == "sum") {
                f.kind = FormulaKind::sum;
                f.numerator = {field()};
            } else if (name == "weighted_mean") {
                f.kind = FormulaKind::weighted_mean;
                f.numerator = {field()};
                expect(",");
                f.weight = field();
            } else if (name == "share_of_schools") {
                f.kind = FormulaKind::share_of_schools;
                f.numerator = {field()};
                f.comparison = comparison();
                f.operand = operand();
            } else if (name == "mean") {
                f.kind = FormulaKind::teacher_mean;
                std::string table = take_word("teachers");
                if (table != "teachers") fail("ожидалось mean(teachers.поле)");
                expect(".");
                f.teacher_field = take_word("поле таблицы «Педагоги»");
                static constexpr std::array<std::string_view, 3> allowed = {"diag_score", "age", "experience"};
                if (std::find(allowed.begin(), allowed.end(), f.teacher_field) == allowed.end())
                    fail("mean() считается только по полям diag_score, age, experience таблицы «Педагоги», а не «" +
                         f.teacher_field + "»");
            } else {
                fail("неизвестная функция «" + name + "»; допустимы sum, weighted_mean, share_of_schools, mean");
            }
            expect(")");
        } else {
            f.kind = FormulaKind::ratio;
            f.numerator = terms();
            expect("/");
            f.denominator = terms();
        }
        if (peek().kind != Tok::end) fail("лишний текст «" + peek().text + "» в конце формулы");
        return f;
    }

private:
    void tokenize() {
        std::size_t i = 0;
        while (i < text_.size()) {
            unsigned char c = static_cast<unsigned char>(text_[i]);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
            std::size_t start = i;
            if (std::isalpha(c) || c == '_' || c >= 0x80) {
                while (i < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[i])) || text_[i] == '_' ||
                                            static_cast<unsigned char>(text_[i]) >= 0x80))
                    ++i;
                tokens_.push_back({Tok::word, std::string(text_.substr(start, i - start)), start});
            } else if (std::isdigit(c) || c == '-') {
                ++i;
                while (i < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[i])) || text_[i] == '.')) ++i;
                tokens_.push_back({Tok::number, std::string(text_.substr(start, i - start)), start});
            } else if ((c == '>' || c == '<' || c == '!' || c == '=') && i + 1 < text_.size() && text_[i + 1] == '=') {
                tokens_.push_back({Tok::symbol, std::string(text_.substr(start, 2)), start});
                i += 2;
            } else {
                tokens_.push_back({Tok::symbol, std::string(1, static_cast<char>(c)), start});
                ++i;
            }
        }
        tokens_.push_back({Tok::end, "", text_.size()});
    }

    const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
    Token take() {
        Token t = peek();
        if (pos_ < tokens_.size() - 1) ++pos_;
        return t;
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw util::UsageError("формула «" + std::string(util::trim(text_)) + "»: " + what, where_);
    }

    void expect(std::string_view symbol) {
        if (peek().text != symbol)
            fail("ожидалось «" + std::string(symbol) + "»" +
                 (peek().kind == Tok::end ? " в конце" : ", найдено «" + peek().text + "»"));
        take();
    }

    std::string take_word(std::string_view what) {
        if (peek().kind != Tok::word) fail("ожидалось " + std::string(what));
        return take().text;
    }

    std::size_t field() {
        std::string name = take_word("имя поля");
        auto index = model::school_field_index(name);
        if (!index) fail("неизвестное поле «" + name + "»; поля берутся из таблиц ОО, Кадры и Развитие");
        return *index;
    }

    // A field, or several fields in parentheses joined by +.
    std::vector<std::size_t> terms() {
        if (peek().text != "(") return {field()};
        take();
        std::vector<std::size_t> out{field()};
        while (peek().text == "+") {
            take();
            out.push_back(field());
        }
        expect(")");
        return out;
    }

    Comparison comparison() {
        static constexpr std::pair<std::string_view, Comparison> operators[] = {
            {"=", Comparison::equal},          {"==", Comparison::equal},     {"!=", Comparison::not_equal},
            {">", Comparison::greater},        {">=", Comparison::greater_equal}, {"<", Comparison::less},
            {"<=", Comparison::less_equal},
        };
        for (const auto& [text, comparison] : operators)
            if (peek().text == text) {
                take();
                return comparison;
            }
        fail("ожидалось сравнение (=, !=, >, >=, <, <=) после имени поля");
    }

    model::Exact operand() {
        Token t = take();
        if (t.kind == Tok::word) {
            std::string key = util::normalize_key(t.text);
            if (key == "да" || key == "true") return 1;
            if (key == "нет" || key == "false") return 0;
            fail("ожидалось число, «да» или «нет», найдено «" + t.text + "»");
        }
        if (t.kind != Tok::number) fail("ожидалось число, «да» или «нет»");
        double v = 0;
        auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (ec != std::errc() || end != t.text.data() + t.text.size()) fail("неверное число «" + t.text + "»");
        if (std::fabs(v) > 1e15) fail("число «" + t.text + "» слишком велико");
        return model::Exact::from_double(v);
    }

    std::string_view text_;
    const util::SourceLocation& where_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

}  // namespace

model::Formula parse_formula(std::string_view text, const util::SourceLocation& where) {
    return Parser(text, where).parse();
}

}  // namespace monsite::config
