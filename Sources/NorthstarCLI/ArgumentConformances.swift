// The library's enums are parsed straight from the command line. The conformances live here, in the
// executable, so that the core library never depends on ArgumentParser.
public import ArgumentParser
public import NorthstarCore

extension StatementKind: ExpressibleByArgument {}
extension Tone: ExpressibleByArgument {}
extension CharterExample: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}
extension Verdict: ExpressibleByArgument {}
