package cn.hotline12345.hub.sla;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CalendarIT {

    @Test
    void answersTheDeadlineContract() {
        JsonObject days = json(get("/api/v1/calendar/deadline?start=2026-02-13T10:00:00%2B08:00&workingDays=2"));
        assertThat(days.getString("deadline")).isEqualTo("2026-02-24T17:30:00+08:00");
        assertThat(days.getJsonArray("warnings")).isEmpty();

        JsonObject hours = json(get("/api/v1/calendar/deadline?start=2026-03-02T18:00:00%2B08:00&workingHours=2"));
        assertThat(hours.getString("deadline")).isEqualTo("2026-03-03T10:30:00+08:00");

        JsonObject unencodedPlus = json(get("/api/v1/calendar/deadline?start=2026-09-30T12:00:00+08:00&workingDays=1"));
        assertThat(unencodedPlus.getString("deadline")).isEqualTo("2026-10-08T17:30:00+08:00");

        JsonObject missingYear = json(get("/api/v1/calendar/deadline?start=2026-12-31T10:00:00%2B08:00&workingDays=1"));
        assertThat(missingYear.getJsonArray("warnings")).hasSize(1);
    }

    @Test
    void badQueriesAreProblems() {
        for (String query : new String[] {
            "workingDays=2",
            "start=yesterday&workingDays=2",
            "start=2026-02-13T10:00:00%2B08:00",
            "start=2026-02-13T10:00:00%2B08:00&workingDays=2&workingHours=3",
            "start=2026-02-13T10:00:00%2B08:00&workingDays=-1",
            "start=2026-02-13T10:00:00%2B08:00&workingHours=abc",
            "start=2026-02-13T10:00:00%2B08:00&workingHours=0.0000001",
            "start=%2B999999999-12-31T10:00:00%2B08:00&workingDays=5",
            "start=9999-12-31T10:00:00%2B08:00&workingDays=3650"
        }) {
            HttpResponse<String> response = get("/api/v1/calendar/deadline?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).getString("field")).isNotBlank();
        }
    }
}
