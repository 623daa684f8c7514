import Foundation
import Testing

@testable import NorthstarCore

/// Every statistic against oracle values computed once with NumPy 2.4, SciPy 1.17 and mpmath 1.3 by
/// `scripts/statistics-oracles.py` (each table names the Python expression), never with the code under test.
/// Tolerance: 1e-9 relative unless a test says otherwise (percentiles must match exactly); an expected 0 must be
/// met exactly.
@Suite("Statistics")
struct StatisticsTests {
    // MARK: Percentiles, median, mean

    @Test(
        "percentiles match NumPy's linear interpolation to the last bit",
        arguments: [
            // np.percentile(x, p); at tenths 21.3, firstResponses 9 and 16.1, resolutionHours 8.2, NumPy's lerp
            // (from the nearer end) differs in the last bit from the naive a + (b − a)·g
            (.single, 0.0, 42.5),
            (.single, 37.5, 42.5),
            (.single, 50.0, 42.5),
            (.single, 100.0, 42.5),
            (.pair, 0.0, 10.0),
            (.pair, 25.0, 12.5),
            (.pair, 50.0, 15.0),
            (.pair, 75.0, 17.5),
            (.pair, 90.0, 19.0),
            (.pair, 100.0, 20.0),
            (.equal, 0.0, 7.0),
            (.equal, 33.3, 7.0),
            (.equal, 90.0, 7.0),
            (.equal, 100.0, 7.0),
            (.tenths, 10.0, 0.13),
            (.tenths, 21.3, 0.16390000000000002),
            (.tenths, 33.0, 0.199),
            (.tenths, 50.0, 0.25),
            (.tenths, 66.6, 0.29979999999999996),
            (.tenths, 95.0, 0.6399999999999998),
            (.firstResponses, 0.0, 12.0),
            (.firstResponses, 9.0, 14.97),
            (.firstResponses, 10.0, 15.3),
            (.firstResponses, 16.1, 17.313),
            (.firstResponses, 25.0, 29.25),
            (.firstResponses, 50.0, 67.5),
            (.firstResponses, 80.0, 211.0000000000001),
            (.firstResponses, 90.0, 294.0),
            (.firstResponses, 95.0, 704.9999999999993),
            (.firstResponses, 99.0, 1101.0000000000005),
            (.firstResponses, 100.0, 1200.0),
            (.resolutionHours, 5.0, 1.5000000000000002),
            (.resolutionHours, 8.2, 2.4599999999999995),
            (.resolutionHours, 50.0, 12.5),
            (.resolutionHours, 75.0, 24.0),
            (.resolutionHours, 90.0, 43.20000000000002),
            (.resolutionHours, 99.9, 71.71200000000003),
            (.generated1000, 50.0, 126.375),
            (.generated1000, 90.0, 226.775),
            (.generated1000, 99.0, 249.5025),
        ] as [(StatisticsDataset, Double, Double)]
    )
    func percentile(dataset: StatisticsDataset, p: Double, expected: Double) {
        #expect(Statistics.percentile(sorted: dataset.sorted, p) == expected)
    }

    @Test(
        "the median is NumPy's median",
        arguments: [
            // np.median(x)
            (.single, 42.5),
            (.pair, 15.0),
            (.equal, 7.0),
            (.tenths, 0.25),
            (.firstResponses, 67.5),
            (.resolutionHours, 12.5),
            (.generated1000, 126.375),
        ] as [(StatisticsDataset, Double)]
    )
    func median(dataset: StatisticsDataset, expected: Double) {
        expectClose(Statistics.median(sorted: dataset.sorted), expected)
    }

    @Test(
        "the mean is the exact mean, rounded",
        arguments: [
            // float(sum(Fraction(v) for v in x) / len(x)): exact rational arithmetic, rounded once
            (.single, 42.5),
            (.pair, 15.0),
            (.equal, 7.0),
            (.tenths, 0.325),
            (.firstResponses, 181.66666666666666),
            (.resolutionHours, 18.245),
            (.generated100000, 126.002595),
        ] as [(StatisticsDataset, Double)]
    )
    func mean(dataset: StatisticsDataset, expected: Double) {
        expectClose(Statistics.mean(dataset.values), expected, relative: 1e-15)
    }

    @Test("compensated summation keeps what naive summation loses")
    func compensatedSum() {
        // 1 + 1e-16 × 10 000 − 1: exactly 1e-12; naive left-to-right summation returns 0.
        let values = [1.0] + Array(repeating: 1e-16, count: 10_000) + [-1.0]
        expectClose(Statistics.compensatedSum(values), 1e-12, relative: 1e-12)
    }

    // MARK: Wilson

    @Test(
        "the Wilson interval matches the textbook formula",
        arguments: [
            // Wilson centre ± half-width, z = scipy.stats.norm.ppf(1 - (1 - c) / 2), in mpmath at 50 digits:
            // (p + z²/2n ∓ z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n)
            (0, 1, 0.95, 0.0, 0.7934506856227626),
            (1, 1, 0.95, 0.20654931437723742, 1.0),
            (0, 20, 0.95, 0.0, 0.16112515805281935),
            (20, 20, 0.95, 0.8388748419471806, 1.0),
            (1, 20, 0.95, 0.008881448800795392, 0.23613119344674202),
            (18, 20, 0.95, 0.6989663547715127, 0.9721335187862318),
            (45, 50, 0.95, 0.7863976856252034, 0.9565242350681096),
            (90, 100, 0.95, 0.8256343384950865, 0.9447708629393249),
            (900, 1000, 0.95, 0.8798480368046516, 0.9170905564069043),
            (5, 10, 0.9, 0.26927182113826725, 0.7307281788617328),
            (5, 10, 0.99, 0.18422551824723546, 0.8157744817527646),
            (850, 1000, 0.8, 0.8349558408624527, 0.8638963821265396),
            (0, 10_000_000, 0.95, 0.0, 3.841457345014105e-07),
            (1, 10_000_000, 0.95, 1.765245571161743e-08, 5.664932019606462e-07),
            (9_000_000, 10_000_000, 0.95, 0.8998139078042375, 0.9001857848791749),
            (9_999_999, 10_000_000, 0.95, 0.999999433506798, 0.9999999823475443),
            (10_000_000, 10_000_000, 0.95, 0.9999996158542654, 1.0),
            (123_456, 10_000_000, 0.999, 0.012231225802041121, 0.012461030218872349),
        ] as [(Int, Int, Double, Double, Double)]
    )
    func wilson(successes: Int, trials: Int, confidence: Double, low: Double, high: Double) {
        let interval = Statistics.wilsonInterval(successes: successes, trials: trials, confidence: confidence)
        expectClose(interval.low, low)
        expectClose(interval.high, high)
    }

    @Test("the Wilson interval for failures mirrors the one for successes", arguments: [1, 7, 20, 333, 100_000])
    func wilsonSymmetry(trials: Int) {
        for successes in Set([0, 1, trials / 3, trials / 2, trials - 1, trials]) {
            let interval = Statistics.wilsonInterval(successes: successes, trials: trials)
            let mirror = Statistics.wilsonInterval(successes: trials - successes, trials: trials)
            #expect(abs(interval.low - (1 - mirror.high)) <= 1e-15)
            #expect(interval.low <= Double(successes) / Double(trials))
            #expect(interval.high >= Double(successes) / Double(trials))
        }
    }

    // MARK: Order-statistic interval for quantiles

    @Test(
        "the quantile interval is SciPy's order-statistic interval",
        arguments: [
            // quantileInterval: scipy.stats.quantile_test(x, q=0, p=p/100).confidence_interval(c);
            // p = 0 and 100 (which quantile_test refuses): no rank from binom(n, p/100).ppf / .isf
            (.single, 50.0, 0.95, nil),
            (.pair, 50.0, 0.95, nil),
            (.generated5, 50.0, 0.95, nil),
            (.generated6, 50.0, 0.95, (0.0, 214.0)),
            (.firstResponses, 50.0, 0.95, (18.0, 240.0)),
            (.firstResponses, 90.0, 0.95, nil),
            (.firstResponses, 50.0, 0.8, (33.0, 95.0)),
            (.resolutionHours, 50.0, 0.95, (6.0, 22.75)),
            (.resolutionHours, 80.0, 0.95, (18.0, 72.0)),
            (.resolutionHours, 90.0, 0.95, nil),
            (.resolutionHours, 0.0, 0.95, nil),
            (.resolutionHours, 100.0, 0.95, nil),
            (.equal30, 50.0, 0.95, (7.0, 7.0)),
            (.generated100, 50.0, 0.95, (99.25, 152.0)),
            (.generated100, 90.0, 0.95, (213.0, 243.0)),
            (.generated100, 95.0, 0.95, (227.5, 251.25)),
            (.generated100, 50.0, 0.9, (105.5, 150.0)),
            (.generated100, 50.0, 0.99, (91.0, 160.25)),
            (.generated1000, 50.0, 0.95, (118.5, 134.25)),
            (.generated1000, 80.0, 0.95, (195.5, 208.0)),
            (.generated1000, 90.0, 0.95, (222.0, 231.75)),
            (.generated1000, 99.0, 0.95, (247.75, 251.25)),
            (.generated1000, 99.9, 0.95, nil),
            (.generated1000, 90.0, 0.99, (220.5, 233.25)),
        ] as [(StatisticsDataset, Double, Double, (Double, Double)?)]
    )
    func quantileInterval(dataset: StatisticsDataset, p: Double, confidence: Double, expected: (Double, Double)?) {
        let interval = Statistics.quantileInterval(sorted: dataset.sorted, p: p, confidence: confidence)
        #expect(interval?.low == expected?.0)
        #expect(interval?.high == expected?.1)
        #expect((interval == nil) == (expected == nil))
    }

    @Test(
        "the quantile interval's ranks follow SciPy's binomial rule, up to ten million values",
        arguments: [
            // ranks: l = binom.ppf(a, n, p/100), u = binom.isf(a, n, p/100) + 1, a = (1 - c) / 2;
            // nil when l < 1 or u > n (scipy.stats.quantile_test's rule, one-based)
            (5, 50.0, 0.95, nil),
            (6, 50.0, 0.95, (1, 6)),
            (20, 50.0, 0.95, (6, 15)),
            (20, 90.0, 0.95, nil),
            (20, 80.0, 0.8, (14, 19)),
            (29, 90.0, 0.95, nil),
            (45, 90.0, 0.95, (36, 45)),
            (59, 95.0, 0.95, nil),
            (100, 99.0, 0.95, nil),
            (1000, 50.0, 0.95, (469, 532)),
            (1000, 99.9, 0.95, nil),
            (1_000_000, 95.0, 0.95, (949_572, 950_428)),
            (10_000_000, 50.0, 0.95, (4_996_901, 5_003_100)),
            (10_000_000, 90.0, 0.95, (8_998_140, 9_001_860)),
            (10_000_000, 99.0, 0.99, (9_899_189, 9_900_811)),
            (10_000_000, 99.9, 0.95, (9_989_804, 9_990_196)),
            (10_000_000, 99.99, 0.95, (9_998_938, 9_999_062)),
            (10_000_000, 0.01, 0.95, (939, 1063)),
            // the smallest samples with a 95% interval (docs/statistics.md): 17 for p80, 36 for p90, 72, 368
            (16, 80.0, 0.95, nil),
            (17, 80.0, 0.95, (10, 17)),
            (35, 90.0, 0.95, nil),
            (36, 90.0, 0.95, (29, 36)),
            (71, 95.0, 0.95, nil),
            (72, 95.0, 0.95, (64, 72)),
            (367, 99.0, 0.95, nil),
            (368, 99.0, 0.95, (360, 368)),
        ] as [(Int, Double, Double, (Int, Int)?)]
    )
    func quantileIntervalRanks(count: Int, p: Double, confidence: Double, expected: (Int, Int)?) {
        let ranks = Statistics.quantileIntervalRanks(count: count, p: p, confidence: confidence)
        #expect(ranks?.lower == expected?.0)
        #expect(ranks?.upper == expected?.1)
        #expect((ranks == nil) == (expected == nil))
    }

    @Test("the quantile interval of ten million values picks the order statistics at those ranks")
    func quantileIntervalOfTenMillion() throws {
        // x = np.arange(10**7): the value of rank r is r − 1; ranks (4 996 901, 5 003 100) from the table above.
        let values = (0..<10_000_000).map(Double.init)
        let interval = try #require(Statistics.quantileInterval(sorted: values, p: 50))
        #expect(interval.low == 4_996_900)
        #expect(interval.high == 5_003_099)
    }

    @Test("an empty sample has no quantile interval")
    func quantileIntervalOfNothing() {
        #expect(Statistics.quantileInterval(sorted: [], p: 50) == nil)
    }

    @Test(
        "binomial probabilities match SciPy, up to ten million trials",
        arguments: [
            // scipy.stats.binom.cdf(k, n, p), scipy.stats.binom.sf(k, n, p), scipy.stats.binom.pmf(k, n, p)
            (0, 1, 0.5, 0.5, 0.5, 0.5000000000000001),
            (3, 10, 0.5, 0.171875, 0.828125, 0.1171875),
            (5, 10, 0.5, 0.623046875, 0.376953125, 0.24609375000000003),
            (9, 10, 0.5, 0.9990234375, 0.0009765625, 0.009765625000000002),
            (0, 20, 0.9, 9.999999999999956e-21, 1.0, 9.999999999999954e-21),
            (17, 20, 0.9, 0.32307319481053387, 0.6769268051894661, 0.19011987137619873),
            (1, 30, 0.01, 0.9638520016877593, 0.036147998312240644, 0.22415162829947874),
            (0, 1000, 0.001, 0.36769542477096406, 0.6323045752290359, 0.3676954247709639),
            (250, 1000, 0.3, 0.0002598030365289303, 0.999740196963471, 6.125571029588986e-05),
            (989, 1000, 0.99, 0.4169591966989028, 0.5830408033010972, 0.11430928284200688),
            (4_996_901, 10_000_000, 0.5, 0.025017566287548754, 0.9749824337124513, 3.6962771259941454e-05),
            (5_000_000, 10_000_000, 0.5, 0.5001261566229462, 0.49987384337705376, 0.0002523132458941848),
            (5_003_099, 10_000_000, 0.5, 0.975019396483695, 0.024980603516305024, 3.696277125992143e-05),
            (8_998_141, 10_000_000, 0.9, 0.025077917491975753, 0.9749220825080243, 6.16697918929097e-05),
            (9_001_859, 10_000_000, 0.9, 0.9750304296634653, 0.024969570336534724, 6.164126930502652e-05),
            (9_899_700, 10_000_000, 0.99, 0.1705681255650753, 0.8294318744349247, 0.0008039642896093948),
            (9_990_000, 10_000_000, 0.999, 0.501331804199225, 0.49866819580077504, 0.003991385750977873),
            (9_999_990, 10_000_000, 0.999999, 0.5420703481191774, 0.4579296518808226, 0.1251100982761971),
            (120, 10_000_000, 1e-05, 0.977331227026894, 0.022668772973106002, 0.005560987031162873),
        ] as [(Int, Int, Double, Double, Double, Double)]
    )
    func binomial(k: Int, trials: Int, probability: Double, cdf: Double, sf: Double, pmf: Double) {
        let binomial = BinomialDistribution(trials: trials, probability: probability)
        // 1e-12: SciPy's own error at n = 10⁷ is about 3e-13 (an mpmath sum agrees with Northstar to 1e-14).
        expectClose(binomial.cumulative(through: k), cdf, relative: 1e-12)
        expectClose(binomial.survival(after: k), sf, relative: 1e-12)
        expectClose(binomial.probability(of: k), pmf, relative: 1e-12)
    }

    @Test("a binomial with certain outcomes puts all its mass on one count", arguments: [0.0, 1.0])
    func degenerateBinomial(probability: Double) {
        let binomial = BinomialDistribution(trials: 12, probability: probability)
        let certain = probability == 0 ? 0 : 12
        #expect(binomial.probability(of: certain) == 1)
        #expect(binomial.cumulative(through: certain) == 1)
        #expect(binomial.cumulative(through: certain - 1) == 0)
        #expect(binomial.survival(after: certain) == 0)
        #expect(binomial.survival(after: certain - 1) == 1)
    }

    // MARK: Normal and Student's t

    @Test(
        "the normal quantile agrees with SciPy to 1e-12",
        arguments: [
            // scipy.stats.norm.ppf(p), checked against mpmath (log Φ(z) = log p at 50 digits) to 1e-15
            (1e-300, -37.0470962993612),
            (1e-20, -9.262340089798409),
            (1e-10, -6.361340902404056),
            (0.001, -3.090232306167813),
            (0.025, -1.9599639845400545),
            (0.05, -1.6448536269514729),
            (0.1, -1.2815515655446004),
            (0.3, -0.5244005127080409),
            (0.5, 0.0),
            (0.6, 0.2533471031357997),
            (0.8, 0.8416212335729143),
            (0.9, 1.2815515655446004),
            (0.975, 1.959963984540054),
            (0.99, 2.3263478740408408),
            (0.999999, 4.753424308817087),
        ] as [(Double, Double)]
    )
    func normalQuantile(p: Double, expected: Double) {
        expectClose(Statistics.normalQuantile(p), expected, relative: 1e-12)
    }

    @Test(
        "the t quantile agrees with SciPy for every number of degrees of freedom",
        arguments: [
            // scipy.stats.t.ppf(p, df), checked against mpmath's incomplete beta to 1e-12
            (0.975, 1, 12.706204736174694),
            (0.975, 2, 4.302652729749462),
            (0.975, 3, 3.1824463052837078),
            (0.975, 4, 2.7764451051977934),
            (0.975, 5, 2.5705818356363146),
            (0.975, 7, 2.364624251592784),
            (0.975, 10, 2.228138851986274),
            (0.975, 19, 2.0930240544083087),
            (0.975, 29, 2.045229642132703),
            (0.975, 30, 2.0422724563012378),
            (0.975, 100, 1.9839715185235518),
            (0.975, 1000, 1.9623390808264083),
            (0.975, 100_000, 1.9599877075346095),
            (0.975, 9_999_999, 1.9599642217672286),
            (0.95, 3, 2.3533634348018233),
            (0.995, 3, 5.840909309733355),
            (0.9995, 3, 12.923978636687961),
            (0.025, 5, -2.5705818356363155),
            (0.6, 12, 0.25903274567688733),
            (0.999999, 4, 41.5778541501515),
            (0.999999, 50, 5.376673401732294),
            (0.9, 1, 3.0776835371752544),
            (0.9, 2, 1.8856180831641272),
            (0.55, 9_999_999, 0.12566135004621556),
            (0.975, 4999, 1.9604386466615247),
            (0.975, 5000, 1.9604385517065073),
            (0.999999999, 4999, 6.008914934252577),
            (0.999999999, 5000, 6.008912709137422),
            (1e-12, 20_000, -7.038925322416716),
        ] as [(Double, Int, Double)]
    )
    func studentTQuantile(p: Double, degreesOfFreedom: Int, expected: Double) {
        // 1e-12, tighter than the 1e-9 required: the oracle is checked against mpmath to 1e-12.
        let t = Statistics.studentTQuantile(p, degreesOfFreedom: Double(degreesOfFreedom))
        expectClose(t, expected, relative: 1e-12)
    }

    @Test(
        "the t upper tail agrees with SciPy",
        arguments: [
            // scipy.stats.t.sf(t, df)
            (2.0, 1, 0.14758361765043326),
            (2.0, 3, 0.06966298427942152),
            (0.5, 3, 0.3257239824240755),
            (-1.5, 8, 0.9139983540240444),
            (4.0, 25, 0.0002477218352660437),
            (2.5, 1_000_000, 0.006209744751081627),
            (10.0, 5, 8.547378787148181e-05),
            (2.0, 4999, 0.0227771353953487),
            (2.0, 5000, 0.022777129994146977),
            (6.0, 5000, 1.0560481416526974e-09),
            (-2.0, 9_999_999, 0.9772498545540772),
            (0.0, 7, 0.5),
        ] as [(Double, Int, Double)]
    )
    func studentTUpperTail(t: Double, degreesOfFreedom: Int, expected: Double) {
        let tail = Statistics.studentTUpperTail(t, degreesOfFreedom: Double(degreesOfFreedom))
        expectClose(tail, expected, relative: 1e-12)
    }

    // MARK: Mean and NPS intervals

    @Test(
        "the mean interval is SciPy's t interval",
        arguments: [
            // scipy.stats.t.interval(c, n - 1, loc=np.mean(x), scale=scipy.stats.sem(x))
            (.pair, 0.95, (-48.531023680873474, 78.53102368087347)),
            (.tenths, 0.95, (-0.09348463042743965, 0.7434846304274396)),
            (.firstResponses, 0.95, (-30.034008263779754, 393.36734159711307)),
            (.firstResponses, 0.9, (8.930368798506947, 354.4029645348263)),
            (.firstResponses, 0.99, (-117.06380524422454, 480.3971385775578)),
            (.resolutionHours, 0.95, (10.533861855236491, 25.95613814476351)),
            (.generated1000, 0.95, (121.64718938753438, 130.69181061246562)),
            (.generated100000, 0.95, (125.55126037130712, 126.45392962869288)),
        ] as [(StatisticsDataset, Double, (Double, Double))]
    )
    func meanInterval(dataset: StatisticsDataset, confidence: Double, expected: (Double, Double)) throws {
        let interval = try #require(Statistics.meanInterval(values: dataset.values, confidence: confidence))
        expectClose(interval.low, expected.0)
        expectClose(interval.high, expected.1)
    }

    @Test("a mean interval needs two values, and equal values give a single point")
    func meanIntervalEdges() throws {
        #expect(Statistics.meanInterval(values: []) == nil)
        #expect(Statistics.meanInterval(values: StatisticsDataset.single.values) == nil)
        // s = 0, so the interval is the mean itself (scipy.stats.t.interval refuses scale = 0).
        let interval = try #require(Statistics.meanInterval(values: StatisticsDataset.equal30.values))
        #expect(interval.low == 7)
        #expect(interval.high == 7)
    }

    @Test(
        "the NPS interval uses the variance of a difference of multinomial proportions",
        arguments: [
            // 100 * (nps ∓ scipy.stats.norm.ppf(1 - (1 - c) / 2) * np.sqrt((P + D - nps**2) / n)), clipped to
            // [-100, 100], with P = promoters / n, D = detractors / n, nps = P - D
            (50, 30, 20, 0.95, 14.69219192495733, 45.307808075042665),
            (10, 0, 0, 0.95, 100.0, 100.0),
            (0, 0, 10, 0.95, -100.0, -100.0),
            (0, 10, 0, 0.95, 0.0, 0.0),
            (9, 1, 0, 0.95, 71.40614903086315, 100.0),
            (1, 0, 1, 0.95, -100.0, 100.0),
            (600, 250, 150, 0.9, 41.151253397380856, 48.84874660261914),
            (30, 40, 30, 0.99, -19.95228799063588, 19.95228799063588),
            (4_000_000, 3_500_000, 2_500_000, 0.95, 14.950902999989966, 15.04909700001004),
        ] as [(Int, Int, Int, Double, Double, Double)]
    )
    func npsInterval(promoters: Int, passives: Int, detractors: Int, confidence: Double, low: Double, high: Double) {
        let interval = Statistics.npsInterval(
            promoters: promoters,
            passives: passives,
            detractors: detractors,
            confidence: confidence
        )
        expectClose(interval.low, low)
        expectClose(interval.high, high)
    }

    // MARK: Misuse

    @Test("a percentile of no values stops the program")
    func percentileOfNothing() async {
        await #expect(processExitsWith: .failure) {
            _ = Statistics.percentile(sorted: [], 50)
        }
    }

    @Test("more successes than trials stops the program")
    func impossibleProportion() async {
        await #expect(processExitsWith: .failure) {
            _ = Statistics.wilsonInterval(successes: 3, trials: 2)
        }
    }
}

/// The data sets of the oracle tables, defined identically in `scripts/statistics-oracles.py`.
enum StatisticsDataset: String, Sendable, CaseIterable {
    case single, pair, equal, tenths, firstResponses, resolutionHours, equal30
    case generated5, generated6, generated100, generated1000, generated100000

    /// The values, in the order the script lists them.
    var values: [Double] {
        switch self {
        case .single: [42.5]
        case .pair: [10, 20]
        case .equal: Array(repeating: 7, count: 5)
        case .tenths: [0.1, 0.2, 0.3, 0.7]
        case .firstResponses: [45, 12, 300, 87, 60, 15, 1200, 33, 95, 240, 18, 75]
        case .resolutionHours:
            [
                0.5, 1.25, 3, 3, 3, 4.75, 8, 12.5, 16, 24, 24, 30.25, 48, 2.5, 6, 7.125, 9, 11, 13.5, 18, 20, 22.75,
                36, 60, 72,
            ]
        case .equal30: Array(repeating: 7, count: 30)
        case .generated5: Self.generated(5)
        case .generated6: Self.generated(6)
        case .generated100: Self.generated(100)
        case .generated1000: Self.generated(1000)
        case .generated100000: Self.generated(100_000)
        }
    }

    /// The values in ascending order.
    var sorted: [Double] { values.sorted() }

    /// ((i · 7919) mod 1009) / 4 for i in 0..<n: spread, with ties, exact in binary.
    private static func generated(_ count: Int) -> [Double] {
        (0..<count).map { Double(($0 * 7919) % 1009) / 4 }
    }
}

/// Expects `actual` within `tolerance` of `expected`, relatively; an expected 0 must be met exactly.
private func expectClose(
    _ actual: Double,
    _ expected: Double,
    relative tolerance: Double = 1e-9,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let error = abs(actual - expected)
    #expect(
        error <= tolerance * abs(expected),
        "\(actual) differs from \(expected) by \(error / max(abs(expected), .leastNonzeroMagnitude)) relative",
        sourceLocation: sourceLocation
    )
}
