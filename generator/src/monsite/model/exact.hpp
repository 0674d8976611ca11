#pragma once
// Exact rational numbers, so that levels and rounding are decided on true values:
// 29 of 100 against a threshold of 29 % is at the threshold, whatever binary
// floating point makes of 0.29 * 100.

#include <compare>
#include <cstdint>
#include <string>

namespace monsite::model {

class Exact {
public:
    __extension__ typedef __int128 Int;  // GCC and Clang; wide enough for exact sums

    Exact() = default;
    Exact(std::int64_t whole) : num_(whole), den_(1) {}  // NOLINT: integers convert implicitly
    static Exact fraction(Int numerator, Int denominator);
    // A value read from a cell or a config file, taken as the decimal it was
    // written as (rounded to 9 decimals to drop binary noise).
    static Exact from_double(double value);

    Int numerator() const { return num_; }
    Int denominator() const { return den_; }
    double to_double() const;
    bool is_zero() const { return num_ == 0; }

    Exact operator+(const Exact& o) const;
    Exact operator-(const Exact& o) const;
    Exact operator*(const Exact& o) const;
    Exact operator/(const Exact& o) const;  // o must not be zero
    Exact& operator+=(const Exact& o) { return *this = *this + o; }
    std::strong_ordering operator<=>(const Exact& o) const;
    bool operator==(const Exact& o) const { return num_ == o.num_ && den_ == o.den_; }

    // Rounded half away from zero to `decimals` places: "73.00", "-0.50", "12".
    std::string to_fixed(int decimals) const;

private:
    Int num_ = 0;
    Int den_ = 1;
    void normalize();
};

}  // namespace monsite::model
