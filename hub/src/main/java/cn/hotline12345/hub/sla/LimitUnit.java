package cn.hotline12345.hub.sla;

import java.time.Duration;
import java.time.OffsetDateTime;

/** How a time limit is counted: natural minutes or hours, or working hours or days on the legal calendar. */
public enum LimitUnit {
    /** Natural minutes (特急). */
    MINUTES("分钟"),
    /** Natural hours (紧急). */
    HOURS("小时"),
    /** Hours inside working hours (工作小时). */
    WORKING_HOURS("工作小时"),
    /** Working days (工作日), ending at the close of the last one. */
    WORKING_DAYS("工作日");

    private final String displayName;

    LimitUnit(String displayName) {
        this.displayName = displayName;
    }

    /** The Chinese name. */
    public String displayName() {
        return displayName;
    }

    /** Whether the unit counts only working time. */
    public boolean working() {
        return this == WORKING_HOURS || this == WORKING_DAYS;
    }

    /** The deadline {@code amount} of this unit after {@code start}. */
    public OffsetDateTime add(WorkingCalendar calendar, OffsetDateTime start, int amount) {
        return switch (this) {
            case MINUTES -> start.plusMinutes(amount);
            case HOURS -> start.plusHours(amount);
            case WORKING_HOURS -> calendar.addWorkingTime(start, Duration.ofHours(amount));
            case WORKING_DAYS -> calendar.addWorkingDays(start, amount);
        };
    }

    /** The time between two moments as this unit counts it: working time for working units, natural otherwise. */
    public Duration between(WorkingCalendar calendar, OffsetDateTime from, OffsetDateTime to) {
        return working() ? calendar.workingTimeBetween(from, to) : Duration.between(from, to);
    }

    /** {@code start} moved on by {@code amount} counted as this unit counts (working or natural time). */
    public OffsetDateTime shift(WorkingCalendar calendar, OffsetDateTime start, Duration amount) {
        if (amount.isZero() || amount.isNegative()) {
            return start;
        }
        return working() ? calendar.addWorkingTime(start, amount) : start.plus(amount);
    }
}
