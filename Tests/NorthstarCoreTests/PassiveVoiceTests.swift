import Testing

@testable import NorthstarCore

/// Passive voice hides who acts: "is confirmed" (by whom?). States that read as adjectives are left alone.
@Suite("PassiveVoiceDetector")
struct PassiveVoiceTests {
    static func passives(in text: String) -> [String] {
        PassiveVoiceDetector.find(in: WordToken.tokenize(text)).map { String(text[$0]) }
    }

    @Test(
        "flags a form of be or get followed by a past participle",
        arguments: [
            // write-good 1.0.8 flags this one in oracle statement 5.
            PassiveCase("We follow up until satisfaction is confirmed.", ["is confirmed"]),
            PassiveCase("The issue was quickly resolved.", ["was quickly resolved"]),
            // write-good flags this one in oracle statement 3.
            PassiveCase("Customer Care is dedicated to you.", ["is dedicated"]),
            PassiveCase("Refunds were sent the same day.", ["were sent"]),
            PassiveCase("Your order gets shipped today.", ["gets shipped"]),
            PassiveCase("Every call is answered and every email is read.", ["is answered", "is read"]),
            PassiveCase("Mistakes have been made.", ["been made"]),
            PassiveCase("It's fixed.", ["It's fixed"]),
            PassiveCase("Customers are kept informed.", ["are kept"]),
            PassiveCase("IS CONFIRMED", ["IS CONFIRMED"]),
        ]
    )
    func flagsPassive(_ passiveCase: PassiveCase) {
        #expect(Self.passives(in: passiveCase.text) == passiveCase.expected)
    }

    @Test(
        "leaves active voice and states alone",
        arguments: [
            // write-good says "is done" may be passive; a careful editor would not rewrite "until it is done".
            "We keep you updated until it is done.",
            "We are open on Saturdays.",
            "We need your order number.",
            "We answer every chat.",
            "The customer confirms it.",
            "We are based in Utrecht.",
            "We are happy to help.",
            "Our team is trained and certified.",
            "We are often the first to call.",
            "Confirmed bookings get a reminder.",
            "It is ten o'clock.",
        ]
    )
    func leavesActiveAlone(_ text: String) {
        #expect(Self.passives(in: text).isEmpty)
    }

    @Test("\"are being handled\" is one passive, not two")
    func beingIsNotASecondPassive() {
        let found = Self.passives(in: "Requests are being handled by the next agent.")
        #expect(found.first == "are being handled")
        // "being" is itself in the auxiliary list, so the loop finds "being handled" again inside the first match:
        // two passive-voice alerts for the same words (columns 10 and 14), and two entries in the reasons.
        #expect(found == ["are being handled"])

    }

    @Test("the range covers the auxiliary through the participle")
    func rangeCoversThePhrase() throws {
        let text = "Every request is promptly handled."
        let range = try #require(PassiveVoiceDetector.find(in: WordToken.tokenize(text)).first)
        #expect(text[range] == "is promptly handled")
        #expect(text.distance(from: text.startIndex, to: range.lowerBound) == 14)
    }

    @Test(
        "participles: -ed, -en and the irregular ones, but not look-alikes",
        arguments: [
            ("confirmed", true), ("taken", true), ("sent", true), ("handled", true), ("made", true),
            ("need", false), ("speed", false), ("often", false), ("when", false), ("red", false), ("answer", false),
        ]
    )
    func participles(word: String, isParticiple: Bool) {
        #expect(PassiveVoiceDetector.isParticiple(word) == isParticiple)
    }

    @Test(
        "words ending in -en that are not participles",
        arguments: [
            "Our reply time is between 1 and 2 hours.",
            "It is even easier to reach us.",
        ]
    )
    func enLookAlikes(_ text: String) {
        // "between" and "even" end in -en and are at least four letters, so isParticiple takes them for
        // participles: "is between" and "is even" are flagged as passive and cost clear-behaviors a point.
        #expect(Self.passives(in: text).isEmpty)

    }
}

struct PassiveCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: [String]

    init(_ text: String, _ expected: [String]) {
        self.text = text
        self.expected = expected
    }

    var testDescription: String { text.debugDescription }
}
