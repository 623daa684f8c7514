import Crypto
import Foundation
import HummingbirdBcrypt

/// The server's secrets: random tokens, their SHA-256 hashes, bcrypt password hashes.
public enum Secrets {
    /// The bcrypt cost of `northstar user add`: 2^12 rounds.
    public static let productionBcryptCost: UInt8 = 12

    /// `byteCount` random bytes from the system's cryptographic generator, as URL-safe base64 without padding.
    public static func randomToken(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 hash of `text`'s UTF-8 bytes, lowercase hex: how tokens and session ids are stored.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The bcrypt hash of a password.
    public static func hashPassword(_ password: String, cost: UInt8 = productionBcryptCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches the bcrypt `hash`.
    public static func verifyPassword(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Whether two strings are equal, in time that depends only on their lengths.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
