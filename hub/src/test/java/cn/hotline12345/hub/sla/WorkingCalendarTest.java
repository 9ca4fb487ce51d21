package cn.hotline12345.hub.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.shipped(WorkingCalendar.DEFAULT_HOURS);

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        "2026-02-13T10:00:00+08:00, 1, 2026-02-14T17:30:00+08:00",
        "2026-02-13T10:00:00+08:00, 2, 2026-02-24T17:30:00+08:00",
        "2026-02-14T09:00:00+08:00, 1, 2026-02-24T17:30:00+08:00",
        "2026-02-20T09:00:00+08:00, 1, 2026-02-24T17:30:00+08:00",
        "2026-02-26T09:00:00+08:00, 2, 2026-02-28T17:30:00+08:00",
        "2026-02-26T09:00:00+08:00, 3, 2026-03-02T17:30:00+08:00",
        "2025-12-31T16:00:00+08:00, 1, 2026-01-04T17:30:00+08:00",
        "2026-01-02T16:00:00+08:00, 1, 2026-01-04T17:30:00+08:00",
        "2026-04-02T08:00:00+08:00, 2, 2026-04-07T17:30:00+08:00",
        "2026-04-30T12:00:00+08:00, 1, 2026-05-06T17:30:00+08:00",
        "2026-05-07T12:00:00+08:00, 2, 2026-05-09T17:30:00+08:00",
        "2026-06-18T12:00:00+08:00, 1, 2026-06-22T17:30:00+08:00",
        "2026-09-18T12:00:00+08:00, 1, 2026-09-20T17:30:00+08:00",
        "2026-09-24T12:00:00+08:00, 1, 2026-09-28T17:30:00+08:00",
        "2026-09-30T12:00:00+08:00, 1, 2026-10-08T17:30:00+08:00",
        "2026-10-08T12:00:00+08:00, 2, 2026-10-10T17:30:00+08:00",
        "2026-03-02T23:59:00+08:00, 1, 2026-03-03T17:30:00+08:00",
        "2026-03-02T00:01:00+08:00, 1, 2026-03-03T17:30:00+08:00",
        "2026-03-02T17:00:00Z,      1, 2026-03-04T17:30:00+08:00",
        "2026-03-02T10:00:00+08:00, 5, 2026-03-09T17:30:00+08:00",
    })
    void workingDaysNeverCountTheStartDay(String start, int days, String deadline) {
        assertThat(calendar.addWorkingDays(OffsetDateTime.parse(start), days))
                .isEqualTo(OffsetDateTime.parse(deadline));
    }

    @ParameterizedTest(name = "{0} + {1} working hours = {2}")
    @CsvSource({
        "2026-03-02T09:00:00+08:00, 2,   2026-03-02T11:00+08:00",
        "2026-03-02T11:00:00+08:00, 2,   2026-03-02T15:00+08:00",
        "2026-03-02T12:30:00+08:00, 1,   2026-03-02T15:00+08:00",
        "2026-03-02T18:00:00+08:00, 2,   2026-03-03T10:30+08:00",
        "2026-03-02T07:00:00+08:00, 0.5, 2026-03-02T09:00+08:00",
        "2026-02-13T17:00:00+08:00, 2,   2026-02-14T10:00+08:00",
        "2026-02-14T17:00:00+08:00, 2,   2026-02-24T10:00+08:00",
        "2026-09-30T16:30:00+08:00, 24,  2026-10-12T10:30+08:00",
        "2026-03-02T12:00:00+08:00, 3.5, 2026-03-02T17:30+08:00",
    })
    void workingHoursCountOnlyInsideWorkingHours(String start, double hours, String deadline) {
        Duration amount = Duration.ofSeconds(Math.round(hours * 3600));
        assertThat(calendar.addWorkingTime(OffsetDateTime.parse(start), amount))
                .isEqualTo(OffsetDateTime.parse(deadline));
    }

    @Test
    void knowsHolidaysAndMakeUpDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-01-26"))).isTrue();
        assertThat(calendar.years()).contains(2025, 2026);
        assertThat(calendar.missingYears(LocalDate.parse("2026-12-30"), LocalDate.parse("2027-01-05")))
                .containsExactly(2027);
    }

    @Test
    void workingTimeBetweenSkipsNightsWeekendsAndHolidays() {
        assertThat(calendar.workingTimeBetween(
                        java.time.OffsetDateTime.parse("2026-09-30T16:30:00+08:00"),
                        java.time.OffsetDateTime.parse("2026-10-08T09:30:00+08:00")))
                .isEqualTo(java.time.Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(
                        java.time.OffsetDateTime.parse("2026-10-10T08:00:00+08:00"),
                        java.time.OffsetDateTime.parse("2026-10-10T20:00:00+08:00")))
                .isEqualTo(java.time.Duration.ofHours(7));
        assertThat(calendar.workingTimeBetween(
                        java.time.OffsetDateTime.parse("2026-10-10T20:00:00+08:00"),
                        java.time.OffsetDateTime.parse("2026-10-10T08:00:00+08:00")))
                .isZero();
    }

    @Test
    void limitUnitsCountNaturalOrWorkingTime() {
        java.time.OffsetDateTime friday = java.time.OffsetDateTime.parse("2026-11-20T16:00:00+08:00");
        assertThat(LimitUnit.HOURS.add(calendar, friday, 24).toString()).isEqualTo("2026-11-21T16:00+08:00");
        assertThat(LimitUnit.MINUTES.add(calendar, friday, 30).toString()).isEqualTo("2026-11-20T16:30+08:00");
        assertThat(LimitUnit.WORKING_HOURS.add(calendar, friday, 2).toString()).isEqualTo("2026-11-23T09:00+08:00");
        assertThat(LimitUnit.WORKING_DAYS.add(calendar, friday, 5).toString()).isEqualTo("2026-11-27T17:30+08:00");
        assertThat(LimitUnit.WORKING_HOURS
                        .shift(calendar, friday, java.time.Duration.ofMinutes(90))
                        .toString())
                .isEqualTo("2026-11-20T17:30+08:00");
    }
}
