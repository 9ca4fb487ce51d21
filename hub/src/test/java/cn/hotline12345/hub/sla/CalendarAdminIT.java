package cn.hotline12345.hub.sla;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Admins read and replace a year of the legal calendar over HTTP; deadlines follow at once. */
class CalendarAdminIT {

    @Test
    void anAdminReplacesAYearAndDeadlinesFollow() {
        JsonObject years = json(getAs(adminToken(), "/api/v1/admin/calendar"));
        assertThat(years.getJsonArray("years").encode())
                .contains("\"year\":2026")
                .contains("shipped");
        assertThat(years.getJsonArray("workingHours").getJsonObject(0).getString("from"))
                .isEqualTo("08:30");

        JsonObject y2032 = new JsonObject(
                "{\"year\":2032,\"holidays\":[{\"name\":\"国庆节\",\"from\":\"2032-10-01\",\"to\":\"2032-10-07\"}],"
                        + "\"workdays\":[{\"name\":\"国庆节调休\",\"date\":\"2032-10-09\"}]}");
        HttpResponse<String> stored = sendAs(adminToken(), "PUT", "/api/v1/admin/calendar/2032", y2032);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        HttpResponse<String> deadline =
                get("/api/v1/calendar/deadline?start=2032-09-30T10:00:00%2B08:00&workingDays=2");
        assertThat(json(deadline).getString("deadline")).isEqualTo("2032-10-09T17:30:00+08:00");

        HttpResponse<String> mismatch = sendAs(adminToken(), "PUT", "/api/v1/admin/calendar/2033", y2032);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).getString("field")).isEqualTo("year");
        HttpResponse<String> bad = sendAs(
                adminToken(),
                "PUT",
                "/api/v1/admin/calendar/2032",
                new JsonObject()
                        .put("year", 2032)
                        .put("holidays", "none")
                        .put("workdays", new io.vertx.core.json.JsonArray()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getString("detail")).contains("holidays");
        assertThat(sendAs(tokenFor("AGENT", null), "PUT", "/api/v1/admin/calendar/2032", y2032)
                        .statusCode())
                .isEqualTo(403);
    }
}
