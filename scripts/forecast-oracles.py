#!/usr/bin/env python3
"""Oracles for Northstar's Holt-Winters recursions, from statsmodels (pip install statsmodels).

Usage: python3 scripts/forecast-oracles.py > Tests/NorthstarCoreTests/Fixtures/holt-winters-statsmodels.json

For a few seeded series with a season, it runs statsmodels' additive Holt-Winters with the classical starting
state (level: first season's mean; trend: change of the season mean per step; seasonals: the first season less
its mean), given parameters and no optimisation, and writes the one-step fitted values, the final state and the
next forecasts. Northstar's test runs its own recursions on the same inputs and compares.

The forecasts are the textbook ones (Hyndman & Athanasopoulos, FPP §8.3: level + h trend + the latest seasonal
term of that position) from statsmodels' final state. statsmodels' own `forecast()` differs at every h that is
a multiple of the season: it replaces the last observation's updated seasonal term with the one from a season
earlier (`s[nobs + m - 1:] = [s[(nobs - 1) + j % m] ...]` in `_predict`). Its output is kept as
`statsmodelsForecast` for reference.
"""
import json
import random

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing


def series(seed, season, seasons):
    rng = random.Random(seed)
    shape = [10 + 8 * np.sin(2 * np.pi * i / season) + rng.uniform(0, 3) for i in range(season)]
    return [max(0.0, shape[i % season] + 0.02 * i + rng.gauss(0, 2)) for i in range(season * seasons)]


cases = []
for seed, season, seasons, alpha, beta, gamma in [
    (1, 7, 6, 0.3, 0.1, 0.2),
    (2, 24, 5, 0.5, 0.0, 0.3),
    (3, 48, 4, 0.15, 0.05, 0.6),
    (4, 12, 8, 0.9, 0.2, 0.05),
]:
    y = series(seed, season, seasons)
    first = sum(y[:season]) / season
    second = sum(y[season:2 * season]) / season
    level, trend = first, (second - first) / season
    seasonal = [v - first for v in y[:season]]
    model = ExponentialSmoothing(
        np.array(y), trend="add", seasonal="add", seasonal_periods=season,
        initialization_method="known", initial_level=level, initial_trend=trend, initial_seasonal=seasonal,
    ).fit(smoothing_level=alpha, smoothing_trend=beta, smoothing_seasonal=gamma, optimized=False)
    final_level, final_trend = float(model.level[-1]), float(model.trend[-1])
    final_season = [float(v) for v in model.season[-season:]]
    position = len(y) % season  # the season position of the next step
    by_position = [final_season[(i - position) % season] for i in range(season)]
    forecast = [final_level + h * final_trend + by_position[(position + h - 1) % season] for h in range(1, 2 * season + 1)]
    cases.append({
        "season": season, "alpha": alpha, "beta": beta, "gamma": gamma, "values": y,
        "fitted": list(model.fittedvalues), "level": final_level, "trend": final_trend,
        "seasonal": by_position, "forecast": forecast, "statsmodelsForecast": list(model.forecast(2 * season)),
    })
print(json.dumps({"tool": f"statsmodels {statsmodels.__version__}", "cases": cases}, indent=1))
