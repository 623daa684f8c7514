import ArgumentParser
import NorthstarCore

@main
struct Northstar: ParsableCommand {}
