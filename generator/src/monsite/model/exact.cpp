#include "monsite/model/exact.hpp"

#include <cmath>
#include <stdexcept>

namespace monsite::model {
namespace {

using Int = Exact::Int;

Int gcd(Int a, Int b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        Int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

std::string to_string(Int v) {
    if (v == 0) return "0";
    bool negative = v < 0;
    std::string digits;
    while (v != 0) {
        int d = static_cast<int>(v % 10);
        digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
        v /= 10;
    }
    return negative ? "-" + digits : digits;
}

}  // namespace

Exact Exact::fraction(Int numerator, Int denominator) {
    if (denominator == 0) throw std::domain_error("Exact: zero denominator");
    Exact e;
    e.num_ = numerator;
    e.den_ = denominator;
    e.normalize();
    return e;
}

Exact Exact::from_double(double value) {
    if (!std::isfinite(value)) throw std::domain_error("Exact: not a finite number");
    constexpr std::int64_t scale = 1'000'000'000;
    double scaled = std::round(value * static_cast<double>(scale));
    if (std::fabs(scaled) < 9e18) return fraction(static_cast<Int>(static_cast<std::int64_t>(scaled)), scale);
    // Beyond 9e9 a double has no meaningful ninth decimal: keep its whole part.
    return fraction(static_cast<Int>(std::llround(value)), 1);
}

void Exact::normalize() {
    if (den_ < 0) {
        den_ = -den_;
        num_ = -num_;
    }
    Int g = gcd(num_, den_);
    if (g > 1) {
        num_ /= g;
        den_ /= g;
    }
}

double Exact::to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }

Exact Exact::operator+(const Exact& o) const { return fraction(num_ * o.den_ + o.num_ * den_, den_ * o.den_); }
Exact Exact::operator-(const Exact& o) const { return fraction(num_ * o.den_ - o.num_ * den_, den_ * o.den_); }
Exact Exact::operator*(const Exact& o) const { return fraction(num_ * o.num_, den_ * o.den_); }
Exact Exact::operator/(const Exact& o) const { return fraction(num_ * o.den_, den_ * o.num_); }

std::strong_ordering Exact::operator<=>(const Exact& o) const {
    Int left = num_ * o.den_, right = o.num_ * den_;
    return left < right ? std::strong_ordering::less
                        : (left > right ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::string Exact::to_fixed(int decimals) const {
    Int scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    Int magnitude = num_ < 0 ? -num_ : num_;
    // round(|v| * scale) half up, then restore the sign: half away from zero.
    Int scaled = (magnitude * scale * 2 + den_) / (den_ * 2);
    std::string digits = to_string(scaled);
    if (decimals > 0) {
        const auto places = static_cast<std::size_t>(decimals);
        if (digits.size() <= places) digits = std::string(places + 1 - digits.size(), '0') + digits;
        std::string fraction = digits.substr(digits.size() - places);
        digits.resize(digits.size() - places);
        digits += '.';
        digits += fraction;
    }
    if (num_ < 0 && scaled != 0) digits.insert(digits.begin(), '-');
    return digits;
}

}  // namespace monsite::model
