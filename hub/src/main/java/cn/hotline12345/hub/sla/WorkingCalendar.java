package cn.hotline12345.hub.sla;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The legal working-day calendar (法定工作日): weekends, the State Council's holidays and the 调休 weekend days that are
 * worked instead, year by year, with the centre's working hours. Deadlines are counted on it.
 */
public final class WorkingCalendar {

    /** The zone working days and hours are counted in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * One stretch of working time within a day.
     *
     * @param from when it opens
     * @param to when it closes
     */
    public record Period(LocalTime from, LocalTime to) {}

    /** The default working hours: 08:30–12:00 and 14:00–17:30. */
    public static final List<Period> DEFAULT_HOURS = List.of(
            new Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
            new Period(LocalTime.of(14, 0), LocalTime.of(17, 30)));

    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> workdays;
    private final Set<Integer> years;
    private final List<Period> hours;

    private WorkingCalendar(
            Map<LocalDate, String> holidays, Map<LocalDate, String> workdays, Set<Integer> years, List<Period> hours) {
        this.holidays = holidays;
        this.workdays = workdays;
        this.years = years;
        this.hours = hours;
    }

    /** The calendar of the years shipped in the jar ({@code calendar/cn-<year>.json}) with the given hours. */
    public static WorkingCalendar shipped(List<Period> hours) {
        return of(shippedYears(), hours);
    }

    /** The year documents shipped in the jar. */
    public static List<JsonObject> shippedYears() {
        List<JsonObject> years = new ArrayList<>();
        for (String name : resource("calendar/index.txt")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList()) {
            years.add(new JsonObject(resource("calendar/" + name)));
        }
        return years;
    }

    /** A calendar from year documents: {@code {year, holidays: [{name, from, to}], workdays: [{name, date}]}}. */
    public static WorkingCalendar of(List<JsonObject> yearDocuments, List<Period> hours) {
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("working hours must not be empty");
        }
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> workdays = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        for (JsonObject year : yearDocuments) {
            years.add(year.getInteger("year"));
            year.getJsonArray("holidays").forEach(entry -> {
                JsonObject holiday = (JsonObject) entry;
                LocalDate to = LocalDate.parse(holiday.getString("to"));
                for (LocalDate d = LocalDate.parse(holiday.getString("from")); !d.isAfter(to); d = d.plusDays(1)) {
                    holidays.put(d, holiday.getString("name"));
                }
            });
            year.getJsonArray("workdays").forEach(entry -> {
                JsonObject workday = (JsonObject) entry;
                workdays.put(LocalDate.parse(workday.getString("date")), workday.getString("name"));
            });
        }
        return new WorkingCalendar(Map.copyOf(holidays), Map.copyOf(workdays), Set.copyOf(years), List.copyOf(hours));
    }

    /** Parses working hours such as {@code 08:30-12:00,14:00-17:30}. */
    public static List<Period> parseHours(String text) {
        List<Period> periods = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.strip().split("-");
            if (range.length != 2) {
                throw new IllegalArgumentException("working hours must look like 08:30-12:00,14:00-17:30: " + text);
            }
            Period period = new Period(LocalTime.parse(range[0].strip()), LocalTime.parse(range[1].strip()));
            if (!period.from().isBefore(period.to())
                    || (!periods.isEmpty()
                            && period.from()
                                    .isBefore(periods.get(periods.size() - 1).to()))) {
                throw new IllegalArgumentException("working hours must be ascending, non-overlapping ranges: " + text);
            }
            periods.add(period);
        }
        return List.copyOf(periods);
    }

    /** Whether people work on {@code date}: a weekday that is no holiday, or a 调休 workday. */
    public boolean isWorkingDay(LocalDate date) {
        if (workdays.containsKey(date)) {
            return true;
        }
        if (holidays.containsKey(date)) {
            return false;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The years whose holiday notice is loaded. */
    public Set<Integer> years() {
        return years;
    }

    /** The working hours. */
    public List<Period> hours() {
        return hours;
    }

    /**
     * The close of working hours on the {@code days}-th working day after the start's calendar date (the start's own
     * day never counts, whatever its time).
     */
    public OffsetDateTime addWorkingDays(OffsetDateTime start, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("working days must be at least 1");
        }
        LocalDate date = start.atZoneSameInstant(ZONE).toLocalDate();
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date.atTime(hours.get(hours.size() - 1).to()).atZone(ZONE).toOffsetDateTime();
    }

    /** The moment {@code amount} of working time has passed, counted inside working hours from the start or the next opening. */
    public OffsetDateTime addWorkingTime(OffsetDateTime start, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("working time must be positive");
        }
        LocalDateTime at = start.atZoneSameInstant(ZONE).toLocalDateTime();
        Duration remaining = amount;
        LocalDate date = at.toLocalDate();
        for (int guard = 0; guard < 100_000; guard++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period period : hours) {
                LocalDateTime open = date.atTime(period.from());
                LocalDateTime close = date.atTime(period.to());
                if (!close.isAfter(at)) {
                    continue;
                }
                LocalDateTime from = open.isAfter(at) ? open : at;
                Duration available = Duration.between(from, close);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining).atZone(ZONE).toOffsetDateTime();
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("working time too long: " + amount);
    }

    /** The working time between two moments (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(OffsetDateTime from, OffsetDateTime to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime start = from.atZoneSameInstant(ZONE).toLocalDateTime();
        LocalDateTime end = to.atZoneSameInstant(ZONE).toLocalDateTime();
        Duration total = Duration.ZERO;
        for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (Period period : hours) {
                LocalDateTime open = date.atTime(period.from());
                LocalDateTime close = date.atTime(period.to());
                LocalDateTime a = open.isAfter(start) ? open : start;
                LocalDateTime b = close.isBefore(end) ? close : end;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The years between the two dates (inclusive) that have no holiday notice loaded. */
    public Set<Integer> missingYears(LocalDate from, LocalDate to) {
        Set<Integer> missing = new TreeSet<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!years.contains(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    private static String resource(String name) {
        try (InputStream in = WorkingCalendar.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
