package cn.hotline12345.hub.sla;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CalendarImportIT {

    @Test
    void readinessWarnsAboutAMissingNextYearAndAnImportedYearCounts() throws Exception {
        LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
        if (today.getYear() >= 2026) {
            assertThat(json(get("/health/ready")).getJsonArray("warnings").encode())
                    .contains(String.valueOf(today.getYear() + 1));
        }
        Vertx vertx = Vertx.vertx();
        Pool pool = MySQLBuilder.pool()
                .connectingTo(MySQLConnectOptions.fromUri(TestHub.get().mysqlUri()))
                .using(vertx)
                .build();
        try {
            CalendarRepository repository = new CalendarRepository(pool, Clock.systemUTC());
            JsonObject year2030 = new JsonObject(
                    "{\"year\":2030,\"holidays\":[{\"name\":\"国庆节\",\"from\":\"2030-10-01\",\"to\":\"2030-10-07\"}],"
                            + "\"workdays\":[{\"name\":\"国庆节调休\",\"date\":\"2030-09-29\"}]}");
            assertThat(repository
                            .importYear(year2030, "it")
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(30, TimeUnit.SECONDS))
                    .isEqualTo(2030);

            CalendarHolder holder = new CalendarHolder(repository, WorkingCalendar.DEFAULT_HOURS);
            holder.refresh().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            WorkingCalendar calendar = holder.current();
            assertThat(calendar.years()).contains(2025, 2026, 2030);
            assertThat(calendar.isWorkingDay(LocalDate.parse("2030-09-29"))).isTrue();
            assertThat(calendar.addWorkingDays(OffsetDateTime.parse("2030-09-30T10:00:00+08:00"), 1))
                    .isEqualTo(OffsetDateTime.parse("2030-10-08T17:30:00+08:00"));

            assertThatThrownBy(() -> repository.importYear(
                            new JsonObject(
                                    "{\"year\":2031,\"holidays\":[{\"name\":\"x\",\"from\":\"2030-01-01\",\"to\":\"2030-01-02\"}],\"workdays\":[]}"),
                            "it"))
                    .hasMessageContaining("不在 2031 年内");
        } finally {
            pool.close();
            vertx.close();
        }
    }
}
