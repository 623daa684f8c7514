#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Erlang B and C formulas, by recursions that never form a factorial or a power of the load.
///
/// Erlang B, the probability that an arrival finds all `c` servers busy in a loss system offered `A` Erlangs,
/// follows from B(0) = 1 and B(k) = A·B(k−1) / (k + A·B(k−1)). Every step is a ratio of positive numbers, so the
/// relative error grows by at most a few units in the last place per step: about 1e-12 at 10,000 servers.
/// Erlang C, the probability of waiting in M/M/c with an infinite queue, is C = c·B / (c − A·(1 − B)) for c > A.
public enum Erlang {
    /// Erlang B: the blocking probability of `servers` servers offered `load` Erlangs.
    ///
    /// - Precondition: `servers` ≥ 0 and `load` > 0.
    public static func blocking(servers: Int, load: Double) -> Double {
        precondition(servers >= 0 && load > 0, "Erlang B needs servers ≥ 0 and a positive load.")
        var blocking = 1.0
        for k in stride(from: 1, through: servers, by: 1) {
            blocking = nextBlocking(blocking, servers: k, load: load)
        }
        return blocking
    }

    /// Erlang C: the probability that an arrival waits, with `servers` servers offered `load` Erlangs and
    /// callers who never give up; 1 when `servers` ≤ `load` (the queue grows without bound).
    ///
    /// - Precondition: `servers` ≥ 1 and `load` > 0.
    public static func waitProbability(servers: Int, load: Double) -> Double {
        precondition(servers >= 1 && load > 0, "Erlang C needs servers ≥ 1 and a positive load.")
        return waitProbability(servers: servers, load: load, blocking: blocking(servers: servers, load: load))
    }

    /// One step of the Erlang B recursion: B(k) from B(k − 1).
    @inline(__always)
    static func nextBlocking(_ previous: Double, servers k: Int, load: Double) -> Double {
        let carried = load * previous
        return carried / (Double(k) + carried)
    }

    /// Erlang C from Erlang B at the same number of servers.
    @inline(__always)
    static func waitProbability(servers: Int, load: Double, blocking: Double) -> Double {
        let c = Double(servers)
        guard c > load else { return 1 }
        return min(1, c * blocking / (c - load * (1 - blocking)))
    }
}
