#include "monsite/model/exact.hpp"

#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>

namespace monsite::model {
namespace {

using Int = Exact::Int;

// __int128 arithmetic that throws instead of overflowing: signed overflow is
// undefined behaviour, and absurd values (a count of 10^22 in a hostile file, a
// threshold of 1e30 in a catalogue) must end in an error, not in a wrong result.
constexpr Int int_max = (Int(1) << 126) - 1 + (Int(1) << 126);
constexpr Int int_min = -int_max - 1;

[[noreturn]] void too_large() { throw std::overflow_error("Exact: number too large"); }

Int add(Int a, Int b) {
    Int r;
    if (__builtin_add_overflow(a, b, &r)) too_large();
    return r;
}

Int neg(Int a) {
    if (a == int_min) too_large();
    return -a;
}

// The overflow check costs no division (a 128-bit division is a library call).
Int mul(Int a, Int b) {
    Int r;
    if (__builtin_mul_overflow(a, b, &r)) too_large();
    return r;
}

Int gcd(Int a, Int b) {
    if (a < 0) a = neg(a);
    if (b < 0) b = neg(b);
    // Nearly every value fits 64 bits, where the remainder is one instruction.
    constexpr Int small = Int(UINT64_MAX);
    if (a <= small && b <= small)
        return static_cast<Int>(std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b)));
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
    if (std::fabs(value) >= 1e37) too_large();
    return fraction(static_cast<Int>(std::round(value)), 1);
}

void Exact::normalize() {
    if (den_ < 0) {
        den_ = neg(den_);
        num_ = neg(num_);
    }
    Int g = gcd(num_, den_);
    if (g > 1) {
        num_ /= g;
        den_ /= g;
    }
}

double Exact::to_double() const { return static_cast<double>(num_) / static_cast<double>(den_); }

Exact Exact::operator+(const Exact& o) const {
    return fraction(add(mul(num_, o.den_), mul(o.num_, den_)), mul(den_, o.den_));
}
Exact Exact::operator-(const Exact& o) const {
    return fraction(add(mul(num_, o.den_), neg(mul(o.num_, den_))), mul(den_, o.den_));
}
Exact Exact::operator*(const Exact& o) const { return fraction(mul(num_, o.num_), mul(den_, o.den_)); }
Exact Exact::operator/(const Exact& o) const { return fraction(mul(num_, o.den_), mul(den_, o.num_)); }

std::strong_ordering Exact::operator<=>(const Exact& o) const {
    if (den_ == o.den_) return num_ <=> o.num_;  // whole numbers and equal scales: no product needed
    Int left = mul(num_, o.den_), right = mul(o.num_, den_);
    return left < right ? std::strong_ordering::less
                        : (left > right ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::string Exact::to_fixed(int decimals) const {
    Int scale = 1;
    for (int i = 0; i < decimals; ++i) scale = mul(scale, 10);
    Int magnitude = num_ < 0 ? neg(num_) : num_;
    // round(|v| * scale) half up, then restore the sign: half away from zero.
    Int scaled = add(mul(mul(magnitude, scale), 2), den_) / mul(den_, 2);
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
