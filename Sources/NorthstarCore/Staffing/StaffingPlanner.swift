import Foundation

/// Builds a ``StaffingPlan`` from a charter and the contacts history.
///
/// For every promise on first response or speed of answer with a time target, on one channel:
/// - the target becomes staffing targets: `within T, share S` is a service level S within T, `pNN ≤ T` a service
///   level NN% within T, `mean ≤ T` an ASA cap of T;
/// - arrivals per interval are counted from the population's contacts in the charter's zone and forecast by
///   seasonal naive and Holt–Winters (weekly season), the one with the lower WAPE on the last week winning;
/// - live channels (phone, chat, …) are staffed by Erlang A when the history shows abandons (patience estimated
///   from the waits), otherwise Erlang C; other channels by workload (``AsynchronousStaffing``);
/// - handle time is the population's mean (answer to end, plus after-contact work), or the settings' value.
public struct StaffingPlanner: Sendable {
    public let charter: Charter
    public let contacts: [Contact]
    public let settings: StaffingPlan.Settings
    /// Forecasts by promise: they do not change with a what-if target, and fitting Holt–Winters is the slow part.
    private let forecasts = ForecastCache()

    public init(charter: Charter, contacts: [Contact], settings: StaffingPlan.Settings = .init()) {
        self.charter = charter
        self.contacts = contacts
        self.settings = settings
    }

    /// The plan, with `targets` replacing the targets of the promises they name (what-if).
    public func plan(targets: [String: PromiseTarget] = [:]) throws -> StaffingPlan {
        guard [15, 30, 60].contains(settings.intervalMinutes) else {
            throw StaffingError(code: .invalidInput, message: "The interval must be 15m, 30m or 60m.")
        }
        guard settings.weeks >= 1 else {
            throw StaffingError(code: .invalidInput, message: "Plan at least one week (--weeks 1).")
        }
        guard let lastArrival = contacts.map(\.createdAt).max(), let firstArrival = contacts.map(\.createdAt).min()
        else {
            throw StaffingError(code: .invalidInput, message: "There are no contacts to forecast from.")
        }
        let zone = charter.timeZoneIdentifier
        // Whole local days of history: from the first arrival's day to the day before the last arrival's (a
        // partial last day would look like a quiet one).
        let historyStart = LocalDate.containing(firstArrival, timeZoneIdentifier: zone)
        let lastFullDay = LocalDate.containing(lastArrival, timeZoneIdentifier: zone).adding(days: -1)
        let firstDay = lastFullDay.adding(days: 1)
        var plans: [StaffingPlan.PromisePlan] = []
        var skipped: [StaffingPlan.Skipped] = []
        for promise in charter.promises {
            var promise = promise
            if let target = targets[promise.id] { promise.target = target }
            switch planPromise(promise, from: historyStart, through: lastFullDay, firstDay: firstDay) {
            case .success(let plan): plans.append(plan)
            case .failure(let reason): skipped.append(.init(id: promise.id, reason: reason.message))
            }
        }
        return total(plans, skipped: skipped, firstDay: firstDay)
    }

    // MARK: One promise

    private func planPromise(
        _ promise: Promise,
        from historyStart: LocalDate,
        through lastDay: LocalDate,
        firstDay: LocalDate
    ) -> Result<StaffingPlan.PromisePlan, StaffingError> {
        func skip(_ reason: String) -> Result<StaffingPlan.PromisePlan, StaffingError> {
            .failure(StaffingError(code: .invalidInput, message: reason))
        }
        guard promise.metric == .firstResponse || promise.metric == .speedOfAnswer else {
            return skip("not a response-time promise")
        }
        guard let channels = promise.population.filters[.channel], channels.count == 1, let channel = channels.first
        else { return skip("staffing needs a promise on one channel (`where: {channel: …}`)") }
        var serviceLevel: Double?
        var within: Double
        var maxASA: Double?
        switch promise.target {
        case .attainment(let limit, let share):
            serviceLevel = share.fraction
            within = Double(limit.seconds)
        case .statistic(.percentile(let p), let limit):
            serviceLevel = p / 100
            within = Double(limit.seconds)
        case .statistic(.mean, let limit):
            within = 0
            maxASA = Double(limit.seconds)
        case .atLeast, .atMost:
            return skip("not a time target")
        }
        let population = contacts.filter { contact in promise.population.contains { contact.value(of: $0) } }
        let live = MetricDefinitions.liveChannels.contains(channel)
        guard let handleTime = settings.handleTimes[channel] ?? (live ? Self.meanHandleTime(population) : nil) else {
            return skip("no handle time for \(channel): the data has none; give --handle-time \(channel)=8m")
        }
        let patience = live ? Self.patience(population) : nil

        // History and forecast.
        let key = promise.id + "|" + promise.population.summary
        let predicted = forecasts.value(for: key) {
            arrivalForecast(population, from: historyStart, through: lastDay)
        }
        guard let predicted else { return skip("less than a week of history to forecast from") }
        let (forecast, method, backtests, perDay) = predicted

        // Agents per interval.
        // Business hours: the promise's calendar, or else the charter's first, to price 24/7 coverage against.
        let calendar: BusinessCalendar? =
            if case .business(let name) = promise.clock { charter.calendar(named: name) } else {
                charter.calendars.first
            }
        let intervalSeconds = Double(settings.intervalMinutes * 60)
        var intervals: [StaffingPlan.Interval] = []
        intervals.reserveCapacity(forecast.count)
        let startWeekday = Weekday.of(firstDay)
        do {
            for (step, arrivals) in forecast.enumerated() {
                let day = step / perDay
                let minute = (step % perDay) * settings.intervalMinutes
                let weekday = Weekday.allCases[(Weekday.allCases.firstIndex(of: startWeekday)! + day) % 7]
                let requirement = try requirement(
                    arrivals: arrivals,
                    intervalSeconds: intervalSeconds,
                    handleTime: handleTime,
                    patience: patience,
                    live: live,
                    concurrency: channel == "chat" || channel == "messaging" ? settings.chatConcurrency : 1,
                    serviceLevel: serviceLevel,
                    within: within,
                    maxASA: maxASA
                )
                let open = calendar.map { Self.isOpen($0, on: firstDay.adding(days: day), minute: minute) } ?? true
                intervals.append(
                    .init(
                        day: day,
                        minute: minute,
                        weekday: weekday,
                        forecast: arrivals,
                        agents: requirement?.agents ?? 0,
                        scheduled: requirement?.scheduled ?? 0,
                        open: open
                    )
                )
            }
        } catch let error as StaffingError {
            return .failure(error)
        } catch {
            return skip("\(error)")
        }
        let allHours = cost(of: intervals)
        let businessHours = cost(of: intervals.filter(\.open))
        return .success(
            .init(
                id: promise.id,
                channel: channel,
                model: !live ? "workload" : patience == nil ? "erlang-c" : "erlang-a",
                serviceLevel: serviceLevel,
                answerWithinSeconds: within,
                maxASASeconds: maxASA,
                handleTimeSeconds: handleTime,
                patienceSeconds: patience,
                forecastMethod: method,
                backtests: backtests,
                intervals: intervals,
                weeklyHours: allHours.hours,
                fte: allHours.hours / settings.hoursPerFTE,
                weeklyCost: allHours.cost,
                businessCalendar: calendar?.name,
                businessHoursFTE: businessHours.hours / settings.hoursPerFTE,
                businessHoursWeeklyCost: businessHours.cost
            )
        )
    }

    /// The population's arrivals forecast for the plan's weeks by the method with the lower backtest WAPE on the
    /// last week, with every method's WAPE and the intervals per day; `nil` with less than a week of history.
    private func arrivalForecast(
        _ population: [Contact],
        from historyStart: LocalDate,
        through lastDay: LocalDate
    ) -> (values: [Double], method: ArrivalForecast.Method, backtests: [String: Double?], perDay: Int)? {
        guard
            let series = ArrivalSeries(
                arrivals: population.map(\.createdAt),
                timeZoneIdentifier: charter.timeZoneIdentifier,
                intervalMinutes: settings.intervalMinutes,
                from: historyStart,
                through: lastDay
            ), series.days >= 7
        else { return nil }
        let season = series.intervalsPerWeek
        var backtests: [String: Double?] = [:]
        for method in ArrivalForecast.Method.allCases {
            backtests[method.rawValue] = ArrivalForecast.backtest(
                series.counts,
                season: season,
                holdout: season,
                method: method
            )
        }
        // The method with the lower backtest error; seasonal naive while the history is too short to test.
        var method = ArrivalForecast.Method.seasonalNaive
        var lowest = Double.infinity
        for candidate in ArrivalForecast.Method.allCases {
            guard let error = backtests[candidate.rawValue] ?? nil, error < lowest else { continue }
            method = candidate
            lowest = error
        }
        let steps = settings.weeks * season
        guard let values = ArrivalForecast.forecast(series.counts, season: season, steps: steps, method: method)
        else { return nil }
        return (values, method, backtests, series.intervalsPerDay)
    }

    /// One interval's requirement; `nil` when nothing is forecast to arrive.
    private func requirement(
        arrivals: Double,
        intervalSeconds: Double,
        handleTime: Double,
        patience: Double?,
        live: Bool,
        concurrency: Int,
        serviceLevel: Double?,
        within: Double,
        maxASA: Double?
    ) throws -> StaffingRequirement? {
        // Less than a thousandth of a contact in an interval is a closed or silent interval.
        guard arrivals >= 0.001 else { return nil }
        let interval = try StaffingInterval(
            contacts: arrivals,
            intervalSeconds: intervalSeconds,
            handleTimeSeconds: handleTime,
            patienceSeconds: patience,
            concurrency: concurrency
        )
        guard live else {
            return try AsynchronousStaffing.requirement(
                interval,
                respondWithinSeconds: maxASA ?? within,
                maxOccupancy: settings.maxOccupancy,
                shrinkage: settings.shrinkage
            )
        }
        let targets = try StaffingTargets(
            serviceLevel: serviceLevel,
            answerWithinSeconds: within,
            maxASASeconds: maxASA,
            maxOccupancy: settings.maxOccupancy,
            shrinkage: settings.shrinkage
        )
        return try StaffingModel(interval).requirement(for: targets)
    }

    /// Scheduled hours and their cost per week (the plan's weeks averaged).
    private func cost(of intervals: [StaffingPlan.Interval]) -> (hours: Double, cost: Double) {
        let hoursPerInterval = Double(settings.intervalMinutes) / 60
        var hours = 0.0
        var cost = 0.0
        for interval in intervals {
            let paid = Double(interval.scheduled) * hoursPerInterval
            hours += paid
            cost += paid * settings.hourlyCost * (1 + differential(interval))
        }
        let weeks = Double(settings.weeks)
        return (hours / weeks, cost / weeks)
    }

    /// The extra pay share of an interval: night and weekend differentials add up.
    func differential(_ interval: StaffingPlan.Interval) -> Double {
        let start = settings.nightStartMinute
        let end = settings.nightEndMinute
        let night =
            start > end
            ? interval.minute >= start || interval.minute < end : interval.minute >= start && interval.minute < end
        let weekend = interval.weekday == .saturday || interval.weekday == .sunday
        return (night ? settings.nightDifferential : 0) + (weekend ? settings.weekendDifferential : 0)
    }

    private func total(
        _ plans: [StaffingPlan.PromisePlan],
        skipped: [StaffingPlan.Skipped],
        firstDay: LocalDate
    ) -> StaffingPlan {
        let steps = plans.first?.intervals.count ?? 0
        var byChannel: [String: [Int]] = [:]
        for plan in plans {
            var needed = byChannel[plan.channel] ?? Array(repeating: 0, count: steps)
            for (index, interval) in plan.intervals.enumerated() {
                needed[index] = max(needed[index], interval.scheduled)
            }
            byChannel[plan.channel] = needed
        }
        var totals = Array(repeating: 0, count: steps)
        for needed in byChannel.values { for index in needed.indices { totals[index] += needed[index] } }
        let template = plans.first?.intervals ?? []
        let combined = zip(template, totals).map { interval, scheduled in
            var interval = interval
            interval.scheduled = scheduled
            return interval
        }
        let (hours, cost) = cost(of: combined)
        return StaffingPlan(
            settings: settings,
            firstDay: firstDay,
            timeZoneIdentifier: charter.timeZoneIdentifier,
            promises: plans,
            skipped: skipped,
            totalScheduled: totals,
            totalWeeklyHours: hours,
            totalFTE: hours / settings.hoursPerFTE,
            totalWeeklyCost: cost
        )
    }

    // MARK: From the data

    /// The mean of answer to end plus after-contact work over answered contacts that ended; `nil` with none.
    static func meanHandleTime(_ contacts: [Contact]) -> Double? {
        var total = 0.0
        var count = 0
        for contact in contacts {
            guard let answered = contact.firstResponseAt, let ended = contact.endedAt, ended >= answered else {
                continue
            }
            total += Double(ended.seconds - answered.seconds + Int64(contact.wrapSeconds ?? 0))
            count += 1
        }
        return count > 0 && total > 0 ? total / Double(count) : nil
    }

    /// The callers' mean patience from their waits (``PatienceEstimator``); `nil` when nobody abandoned.
    static func patience(_ contacts: [Contact]) -> Double? {
        var estimator = PatienceEstimator()
        for contact in contacts {
            if contact.abandoned == true, let ended = contact.endedAt {
                estimator.add(waitSeconds: Double(ended.seconds - contact.createdAt.seconds), abandoned: true)
            } else if let answered = contact.firstResponseAt {
                estimator.add(waitSeconds: Double(answered.seconds - contact.createdAt.seconds), abandoned: false)
            }
        }
        return estimator.meanPatienceSeconds
    }

    /// Whether the calendar is open at local `minute` of `date`.
    static func isOpen(_ calendar: BusinessCalendar, on date: LocalDate, minute: Int) -> Bool {
        guard !calendar.allHolidays.contains(date) else { return false }
        let hours = calendar.weeklyHours(on: date)[Weekday.of(date)] ?? []
        return hours.contains { $0.startMinute <= minute && minute < $0.endMinute }
    }
}

extension Weekday {
    /// The weekday of a date.
    static func of(_ date: LocalDate) -> Weekday {
        // 1970-01-01 was a Thursday.
        allCases[((date.daysSinceEpoch + 3) % 7 + 7) % 7]
    }
}

extension LocalDate {
    /// The local date of `instant` in a zone (UTC when the zone is unknown).
    package static func containing(_ instant: Timestamp, timeZoneIdentifier: String) -> LocalDate {
        let offset = ZoneOffsetTable(identifier: timeZoneIdentifier)?.offset(at: instant.seconds).offset ?? 0
        let day = ZoneOffsetTable.day(ofWall: instant.seconds + offset)
        let (year, month, dayOfMonth) = civil(daysSinceEpoch: Int(day))
        return LocalDate(year: year, month: month, day: dayOfMonth) ?? LocalDate(year: 1970, month: 1, day: 1)!
    }
}

/// Forecasts computed once per planner and promise population.
private final class ForecastCache: @unchecked Sendable {
    typealias Forecast = (values: [Double], method: ArrivalForecast.Method, backtests: [String: Double?], perDay: Int)
    private let lock = NSLock()
    private var stored: [String: Forecast?] = [:]

    func value(for key: String, _ make: () -> Forecast?) -> Forecast? {
        lock.lock()
        if let found = stored[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        stored[key] = made
        lock.unlock()
        return made
    }
}
