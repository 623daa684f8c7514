import Testing

@testable import NorthstarCore

/// The Erlang A closed forms against the project's own discrete-event simulation of M/M/c+M: each closed-form
/// value must lie inside the simulation's 95% interval. Seeded, so the run is the same every time.
@Suite("Staffing simulation")
struct StaffingSimulationTests {
    @Test(
        "Erlang A lies inside the simulation's 95% intervals",
        arguments: [
            // (contacts per 30 min, handle s, patience s, servers): comfortable, at the load, below the load
            (100.0, 180.0, 300.0, 13),
            (120.0, 180.0, 120.0, 12),
            (1_000.0, 180.0, 120.0, 96),
            (200.0, 180.0, 90.0, 16),
        ]
    )
    func erlangAAgainstSimulation(_ contacts: Double, _ handle: Double, _ patience: Double, _ servers: Int) throws {
        let interval = try StaffingInterval(
            contacts: contacts,
            intervalSeconds: 1_800,
            handleTimeSeconds: handle,
            patienceSeconds: patience
        )
        let exact = StaffingModel(interval).performance(servers: servers, answerWithinSeconds: 20)
        let simulated = QueueSimulation(
            interval: interval,
            servers: servers,
            answerWithinSeconds: 20,
            replications: 20,
            contactsPerReplication: 10_000,
            seed: 2_026
        ).run()
        let label = "\(contacts) contacts, \(servers) servers"
        #expect(
            simulated.waitProbability.contains(exact.waitProbability),
            "\(label): P(wait) \(exact.waitProbability) \(simulated.waitProbability)"
        )
        #expect(
            simulated.abandonment.contains(exact.abandonment),
            "\(label): abandonment \(exact.abandonment) \(simulated.abandonment)"
        )
        #expect(
            simulated.asaSeconds.contains(exact.asaSeconds),
            "\(label): ASA \(exact.asaSeconds) \(simulated.asaSeconds)"
        )
        #expect(
            simulated.serviceLevel.contains(exact.serviceLevel),
            "\(label): SL \(exact.serviceLevel) \(simulated.serviceLevel)"
        )
    }

    @Test("without patience the simulation agrees with Erlang C")
    func erlangCAgainstSimulation() throws {
        let interval = try StaffingInterval(contacts: 100, intervalSeconds: 1_800, handleTimeSeconds: 180)
        let exact = StaffingModel(interval).performance(servers: 14, answerWithinSeconds: 20)
        let simulated = QueueSimulation(
            interval: interval,
            servers: 14,
            answerWithinSeconds: 20,
            contactsPerReplication: 10_000,
            seed: 7
        ).run()
        #expect(simulated.waitProbability.contains(exact.waitProbability))
        #expect(simulated.asaSeconds.contains(exact.asaSeconds))
        #expect(simulated.abandonment.mean == 0)
    }

    @Test("the same seed gives the same numbers")
    func deterministic() throws {
        let interval = try StaffingInterval(
            contacts: 100,
            intervalSeconds: 1_800,
            handleTimeSeconds: 180,
            patienceSeconds: 300
        )
        let make = {
            QueueSimulation(interval: interval, servers: 12, answerWithinSeconds: 20, contactsPerReplication: 500)
        }
        #expect(make().run() == make().run())
    }
}
