#!/usr/bin/env python3
"""Prints the oracle rows of Tests/NorthstarCoreTests/StatisticsTests.swift.

The expected values in those tests were computed once with this script (NumPy, SciPy and mpmath; never
with Northstar) and pasted into the `arguments:` tables. Run it again to check or extend them:

    python3 scripts/statistics-oracles.py
"""

from fractions import Fraction

import mpmath
import numpy as np
import scipy
from scipy import stats

mpmath.mp.dps = 50


def generated(n):
    """The `generated` data set of the tests: ((i * 7919) % 1009) / 4, exact in both languages."""
    return [((i * 7919) % 1009) / 4 for i in range(n)]


DATASETS = {
    "single": [42.5],
    "pair": [10.0, 20.0],
    "equal": [7.0] * 5,
    "tenths": [0.1, 0.2, 0.3, 0.7],
    "firstResponses": [45.0, 12.0, 300.0, 87.0, 60.0, 15.0, 1200.0, 33.0, 95.0, 240.0, 18.0, 75.0],
    "resolutionHours": [
        0.5, 1.25, 3.0, 3.0, 3.0, 4.75, 8.0, 12.5, 16.0, 24.0, 24.0, 30.25, 48.0, 2.5, 6.0, 7.125, 9.0,
        11.0, 13.5, 18.0, 20.0, 22.75, 36.0, 60.0, 72.0,
    ],
    "equal30": [7.0] * 30,
    "generated5": generated(5),
    "generated6": generated(6),
    "generated100": generated(100),
    "generated1000": generated(1000),
    "generated100000": generated(100_000),
}


def r(x):
    """A Swift literal for a double."""
    if x is None or (isinstance(x, float) and np.isnan(x)):
        return "nil"
    return repr(float(x))


def z_of(confidence):
    return stats.norm.ppf(1 - (1 - confidence) / 2)


def percentiles():
    print("// percentile: np.percentile(x, p); 21.3, 9, 16.1 and 8.2 are where NumPy's two-sided lerp differs")
    print("// from the naive a + (b - a) * g in the last bit")
    cases = [
        ("single", [0, 37.5, 50, 100]),
        ("pair", [0, 25, 50, 75, 90, 100]),
        ("equal", [0, 33.3, 90, 100]),
        ("tenths", [10, 21.3, 33, 50, 66.6, 95]),
        ("firstResponses", [0, 9, 10, 16.1, 25, 50, 80, 90, 95, 99, 100]),
        ("resolutionHours", [5, 8.2, 50, 75, 90, 99.9]),
        ("generated1000", [50, 90, 99]),
    ]
    for name, ps in cases:
        for p in ps:
            print(f"(.{name}, {r(p)}, {r(np.percentile(DATASETS[name], p))}),")


def medians():
    print("// median: np.median(x)")
    for name in ["single", "pair", "equal", "tenths", "firstResponses", "resolutionHours", "generated1000"]:
        print(f"(.{name}, {r(np.median(DATASETS[name]))}),")


def means():
    print("// mean: float(sum(Fraction(v) for v in x) / len(x)), exact then rounded once")
    for name in ["single", "pair", "equal", "tenths", "firstResponses", "resolutionHours", "generated100000"]:
        exact = sum(Fraction(v) for v in DATASETS[name]) / len(DATASETS[name])
        assert abs(float(exact) - np.mean(DATASETS[name])) <= 1e-12 * abs(float(exact))
        print(f"(.{name}, {r(float(exact))}),")


def wilson(s, n, c):
    """Wilson's centre ± half-width, z = norm.ppf(1 - (1 - c) / 2), in mpmath at 50 digits."""
    z = mpmath.mpf(float(z_of(c)))
    s, n = mpmath.mpf(s), mpmath.mpf(n)
    p = s / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z / (1 + z**2 / n) * mpmath.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return float(centre - half), float(centre + half)


def wilsons():
    print("// wilson: centre ± half-width with z = scipy.stats.norm.ppf(1 - (1 - c) / 2), mpmath 50 digits")
    cases = [
        (0, 1, 0.95), (1, 1, 0.95), (0, 20, 0.95), (20, 20, 0.95), (1, 20, 0.95), (18, 20, 0.95),
        (45, 50, 0.95), (90, 100, 0.95), (900, 1000, 0.95), (5, 10, 0.9), (5, 10, 0.99), (850, 1000, 0.8),
        (0, 10_000_000, 0.95), (1, 10_000_000, 0.95), (9_000_000, 10_000_000, 0.95),
        (9_999_999, 10_000_000, 0.95), (10_000_000, 10_000_000, 0.95), (123_456, 10_000_000, 0.999),
    ]
    for s, n, c in cases:
        low, high = wilson(s, n, c)
        low = 0.0 if abs(low) < 1e-40 else low  # s = 0: exactly 0, up to mpmath's last digits
        print(f"({s}, {n}, {r(c)}, {r(low)}, {r(high)}),")


def quantile_intervals():
    print("// quantileInterval: scipy.stats.quantile_test(x, q=0, p=p/100).confidence_interval(c);")
    print("// p = 0 and 100 (which quantile_test refuses): no rank from binom(n, p/100).ppf / .isf")
    cases = [
        ("single", 50, 0.95), ("pair", 50, 0.95), ("generated5", 50, 0.95), ("generated6", 50, 0.95),
        ("firstResponses", 50, 0.95), ("firstResponses", 90, 0.95), ("firstResponses", 50, 0.8),
        ("resolutionHours", 50, 0.95), ("resolutionHours", 80, 0.95), ("resolutionHours", 90, 0.95),
        ("resolutionHours", 0, 0.95), ("resolutionHours", 100, 0.95), ("equal30", 50, 0.95),
        ("generated100", 50, 0.95), ("generated100", 90, 0.95), ("generated100", 95, 0.95),
        ("generated100", 50, 0.9), ("generated100", 50, 0.99), ("generated1000", 50, 0.95),
        ("generated1000", 80, 0.95), ("generated1000", 90, 0.95), ("generated1000", 99, 0.95),
        ("generated1000", 99.9, 0.95), ("generated1000", 90, 0.99),
    ]
    for name, p, c in cases:
        if p in (0, 100):
            # quantile_test refuses p = 0 and 1; its rule on Binomial(n, 0) or (n, 1) gives no rank:
            b = stats.binom(len(DATASETS[name]), p / 100)
            assert int(b.ppf((1 - c) / 2)) < 1 or int(b.isf((1 - c) / 2)) + 1 > len(DATASETS[name])
            print(f"(.{name}, {r(p)}, {r(c)}, nil),")
            continue
        ci = stats.quantile_test(DATASETS[name], q=0, p=p / 100).confidence_interval(c)
        if np.isnan(ci.low) or np.isnan(ci.high):
            print(f"(.{name}, {r(p)}, {r(c)}, nil),")
        else:
            print(f"(.{name}, {r(p)}, {r(c)}, ({r(ci.low)}, {r(ci.high)})),")


def ranks():
    print("// ranks: l = binom.ppf(a, n, p/100), u = binom.isf(a, n, p/100) + 1, a = (1 - c) / 2;")
    print("// nil when l < 1 or u > n (scipy.stats.quantile_test's rule, one-based)")
    cases = [
        (5, 50, 0.95), (6, 50, 0.95), (20, 50, 0.95), (20, 90, 0.95), (20, 80, 0.8), (29, 90, 0.95),
        (45, 90, 0.95), (59, 95, 0.95), (100, 99, 0.95), (1000, 50, 0.95), (1000, 99.9, 0.95),
        (1_000_000, 95, 0.95), (10_000_000, 50, 0.95), (10_000_000, 90, 0.95), (10_000_000, 99, 0.99),
        (10_000_000, 99.9, 0.95), (10_000_000, 99.99, 0.95), (10_000_000, 0.01, 0.95),
        # the smallest samples with a 95% interval (docs/statistics.md): 17 for p80, 36 for p90, 72, 368
        (16, 80, 0.95), (17, 80, 0.95), (35, 90, 0.95), (36, 90, 0.95), (71, 95, 0.95), (72, 95, 0.95),
        (367, 99, 0.95), (368, 99, 0.95),
    ]
    for n, p, c in cases:
        a = (1 - c) / 2
        b = stats.binom(n, p / 100)
        low = int(b.ppf(a))
        high = int(b.isf(a)) + 1
        # The rule written out: smallest k with cdf(k) >= a, smallest k with sf(k) <= a.
        assert b.cdf(low) >= a and (low == 0 or b.cdf(low - 1) < a)
        assert b.sf(high - 1) <= a and (high - 1 == 0 or b.sf(high - 2) > a)
        if low < 1 or high > n:
            print(f"({n}, {r(p)}, {r(c)}, nil),")
        else:
            print(f"({n}, {r(p)}, {r(c)}, ({low}, {high})),")


def binomial_cdf_mpmath(k, n, p):
    """P(B <= k) summed downwards from the exact P(B = k) until the terms stop mattering, at 30 digits."""
    with mpmath.workdps(30):
        p = mpmath.mpf(p)
        q = 1 - p
        term = mpmath.binomial(n, k) * p**k * q ** (n - k)
        total, j = term, k
        while j > 0 and term > total * mpmath.mpf(10) ** -28:
            term = term * j / (n - j + 1) * q / p
            total += term
            j -= 1
        return total


def binomials():
    print("// binomial: scipy.stats.binom.cdf(k, n, p), .sf(k, n, p), .pmf(k, n, p)")
    cases = [
        (0, 1, 0.5), (3, 10, 0.5), (5, 10, 0.5), (9, 10, 0.5), (0, 20, 0.9), (17, 20, 0.9), (1, 30, 0.01),
        (0, 1000, 0.001), (250, 1000, 0.3), (989, 1000, 0.99),
        (4_996_901, 10_000_000, 0.5), (5_000_000, 10_000_000, 0.5), (5_003_099, 10_000_000, 0.5),
        (8_998_141, 10_000_000, 0.9), (9_001_859, 10_000_000, 0.9), (9_899_700, 10_000_000, 0.99),
        (9_990_000, 10_000_000, 0.999), (9_999_990, 10_000_000, 0.999999), (120, 10_000_000, 0.00001),
    ]
    for k, n, p in cases:
        if n >= 1_000_000 and k < n * p:
            # SciPy itself, checked against an mpmath sum at 30 digits: within 1e-12 (it is ~3e-13 off at n = 1e7).
            exact = binomial_cdf_mpmath(k, n, p)
            assert abs(stats.binom.cdf(k, n, p) - exact) <= 1e-12 * exact, (k, n, p)
        print(f"({k}, {n}, {r(p)}, {r(stats.binom.cdf(k, n, p))}, {r(stats.binom.sf(k, n, p))}, "
              f"{r(stats.binom.pmf(k, n, p))}),")


def normals():
    print("// normal: scipy.stats.norm.ppf(p)")
    for p in [1e-300, 1e-20, 1e-10, 0.001, 0.025, 0.05, 0.1, 0.3, 0.5, 0.6, 0.8, 0.9, 0.975, 0.99, 0.999999]:
        expected = stats.norm.ppf(p)
        # Cross-check SciPy with mpmath: solve log Φ(z) = log p at 50 digits, from a start off by 1e-3.
        target = mpmath.log(mpmath.mpf(p))
        start = float(expected) * 1.001
        exact = mpmath.findroot(lambda z: mpmath.log(mpmath.ncdf(z)) - target, start) if p != 0.5 else 0
        assert abs(expected - float(exact)) <= 1e-15 * abs(expected), (p, expected, exact)
        print(f"({r(p)}, {r(expected)}),")


def students():
    print("// t: scipy.stats.t.ppf(p, df)")
    cases = [
        (0.975, 1), (0.975, 2), (0.975, 3), (0.975, 4), (0.975, 5), (0.975, 7), (0.975, 10), (0.975, 19),
        (0.975, 29), (0.975, 30), (0.975, 100), (0.975, 1000), (0.975, 100_000), (0.975, 9_999_999),
        (0.95, 3), (0.995, 3), (0.9995, 3), (0.025, 5), (0.6, 12), (0.999999, 4), (0.999999, 50),
        (0.9, 1), (0.9, 2), (0.55, 9_999_999), (0.975, 4999), (0.975, 5000), (1 - 1e-9, 4999), (1 - 1e-9, 5000),
        (1e-12, 20_000),
    ]
    for p, df in cases:
        expected = stats.t.ppf(p, df)
        # Cross-check SciPy with mpmath: P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 at the quantile.
        nu, t = mpmath.mpf(df), mpmath.mpf(float(expected))
        tail = mpmath.betainc(nu / 2, 0.5, 0, nu / (nu + t * t), regularized=True) / 2
        upper = 1 - mpmath.mpf(p) if p > 0.5 else mpmath.mpf(p)
        density = mpmath.gamma((nu + 1) / 2) / (mpmath.sqrt(nu * mpmath.pi) * mpmath.gamma(nu / 2)) \
            * (1 + t * t / nu) ** (-(nu + 1) / 2)
        assert abs((tail - upper) / density) <= 1e-12 * abs(t), (p, df)
        print(f"({r(p)}, {df}, {r(expected)}),")
    print("// t tail: scipy.stats.t.sf(t, df)")
    for t, df in [(2.0, 1), (2.0, 3), (0.5, 3), (-1.5, 8), (4.0, 25), (2.5, 1_000_000), (10.0, 5), (2.0, 4999),
                  (2.0, 5000), (6.0, 5000), (-2.0, 9_999_999), (0.0, 7)]:
        print(f"({r(t)}, {df}, {r(stats.t.sf(t, df))}),")


def mean_intervals():
    print("// meanInterval: scipy.stats.t.interval(c, n - 1, loc=np.mean(x), scale=scipy.stats.sem(x))")
    cases = [
        ("pair", 0.95), ("tenths", 0.95), ("firstResponses", 0.95), ("firstResponses", 0.9),
        ("firstResponses", 0.99), ("resolutionHours", 0.95), ("generated1000", 0.95),
        ("generated100000", 0.95),
    ]
    for name, c in cases:
        x = DATASETS[name]
        low, high = stats.t.interval(c, len(x) - 1, loc=np.mean(x), scale=stats.sem(x))
        print(f"(.{name}, {r(c)}, ({r(low)}, {r(high)})),")


def nps():
    print("// npsInterval: 100 * (nps ∓ norm.ppf(1 - (1 - c) / 2) * sqrt((P + D - nps**2) / n)),")
    print("// P = promoters / n, D = detractors / n, nps = P - D, clipped to [-100, 100]")
    cases = [
        (50, 30, 20, 0.95), (10, 0, 0, 0.95), (0, 0, 10, 0.95), (0, 10, 0, 0.95), (9, 1, 0, 0.95),
        (1, 0, 1, 0.95), (600, 250, 150, 0.9), (30, 40, 30, 0.99), (4_000_000, 3_500_000, 2_500_000, 0.95),
    ]
    for promoters, passives, detractors, c in cases:
        n = promoters + passives + detractors
        p, d = promoters / n, detractors / n
        score = p - d
        half = z_of(c) * np.sqrt((p + d - score**2) / n)
        low, high = max(-100.0, 100 * (score - half)), min(100.0, 100 * (score + half))
        print(f"({promoters}, {passives}, {detractors}, {r(c)}, {r(low)}, {r(high)}),")


if __name__ == "__main__":
    print(f"// numpy {np.__version__}, scipy {scipy.__version__}, mpmath {mpmath.__version__}")
    for section in [percentiles, medians, means, wilsons, quantile_intervals, ranks, binomials, normals,
                    students, mean_intervals, nps]:
        section()
        print()
