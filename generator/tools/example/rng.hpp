#pragma once
// The example generator's random numbers: splitmix64 with hand-written
// distributions (portable, reproducible), one independent stream per key.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace example {

inline constexpr std::uint64_t kSeed = 0x5A5245434E4F4531ull;  // fixed seed

class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uni() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0,1)
    double uni(double a, double b) { return a + (b - a) * uni(); }
    long range(long lo, long hi) {  // inclusive
        return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uni() < p; }
    double normal() {  // Irwin-Hall approximation of N(0,1)
        double s = 0;
        for (int i = 0; i < 12; ++i) s += uni();
        return s - 6.0;
    }
    template <class T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[static_cast<std::size_t>(range(0, static_cast<long>(i) - 1))]);
    }

private:
    std::uint64_t s_;
};

// Independent stream per key, so that adding a school does not reshuffle others.
inline Rng rng_for(std::string_view a, int year, std::string_view b) {
    std::uint64_t h = 1469598103934665603ull ^ kSeed;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
        h ^= 0xFF; h *= 1099511628211ull;
    };
    mix(a);
    mix(std::to_string(year));
    mix(b);
    Rng r(h);
    r.next();
    return r;
}

inline long rnd(double v) { return static_cast<long>(std::floor(v + 0.5)); }

}  // namespace example
