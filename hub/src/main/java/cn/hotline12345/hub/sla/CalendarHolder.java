package cn.hotline12345.hub.sla;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar in force: the shipped years, replaced or extended by the years admins imported, reloaded periodically
 * so an import reaches every running hub without a restart.
 */
public final class CalendarHolder {

    private static final Logger log = LoggerFactory.getLogger(CalendarHolder.class);

    private final CalendarRepository repository;
    private final List<WorkingCalendar.Period> hours;
    private volatile WorkingCalendar current;

    public CalendarHolder(CalendarRepository repository, List<WorkingCalendar.Period> hours) {
        this.repository = repository;
        this.hours = hours;
        this.current = WorkingCalendar.shipped(hours);
    }

    /** The calendar to count with now. */
    public WorkingCalendar current() {
        return current;
    }

    /** Loads the imported years now, then again every {@code periodMillis}. */
    public Future<Void> follow(Vertx vertx, long periodMillis) {
        return refresh()
                .onSuccess(done -> vertx.setPeriodic(periodMillis, id -> refresh()
                        .onFailure(failure -> log.warn("Could not reload the calendar", failure))));
    }

    /** Rebuilds the calendar from the shipped and imported years. */
    public Future<Void> refresh() {
        return repository.years().map(imported -> {
            Map<Integer, JsonObject> byYear = new TreeMap<>();
            WorkingCalendar.shippedYears().forEach(doc -> byYear.put(doc.getInteger("year"), doc));
            imported.forEach(doc -> byYear.put(doc.getInteger("year"), doc));
            current = WorkingCalendar.of(new ArrayList<>(byYear.values()), hours);
            return null;
        });
    }

    /** Warnings for operators: the current or next year has no holiday notice loaded. */
    public List<String> warnings(LocalDate today) {
        List<String> warnings = new ArrayList<>();
        for (int year : current.missingYears(today, today.plusYears(1).withDayOfYear(1))) {
            warnings.add(year + "年的法定节假日安排尚未导入（hub calendar import）");
        }
        return warnings;
    }
}
