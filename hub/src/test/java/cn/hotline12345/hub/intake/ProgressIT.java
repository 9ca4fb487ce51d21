package cn.hotline12345.hub.intake;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ProgressIT {

    private static String submit(String phone) {
        return json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "hotline")
                                .put("content", "市民来电反映：东湖街道滨江花园小区供暖不热，室温只有14度。")
                                .put(
                                        "citizen",
                                        new JsonObject().put("name", "赵先生").put("phone", phone))
                                .encode()))
                .getString("ticketNo");
    }

    @Test
    void theRegisteredPhoneSeesStatusAndACitizenSafeTimeline() {
        String ticketNo = submit("13911112222");

        HttpResponse<String> response = get("/api/v1/requests/" + ticketNo + "?phone=139-1111-2222");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject progress = json(response);
        assertThat(progress.getString("ticketNo")).isEqualTo(ticketNo);
        assertThat(progress.getString("statusName")).isEqualTo("已受理");
        assertThat(progress.getJsonArray("timeline")).hasSize(1);
        JsonObject step = progress.getJsonArray("timeline").getJsonObject(0);
        assertThat(step.getString("description")).contains("受理");
        assertThat(step.getString("at")).endsWith("+08:00");
        assertThat(response.body()).doesNotContain("赵先生").doesNotContain("13911112222");
    }

    @Test
    void wrongMissingOrUnknownLooksTheSame() {
        String ticketNo = submit("13922223333");

        HttpResponse<String> wrongPhone = get("/api/v1/requests/" + ticketNo + "?phone=13922223334");
        HttpResponse<String> noPhone = get("/api/v1/requests/" + ticketNo);
        HttpResponse<String> unknown = get("/api/v1/requests/19990101000001?phone=13922223333");
        HttpResponse<String> garbage = get("/api/v1/requests/abc?phone=13922223333");

        for (HttpResponse<String> response : new HttpResponse[] {wrongPhone, noPhone, unknown, garbage}) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).getString("detail"))
                    .isEqualTo(json(wrongPhone).getString("detail"));
            assertThat(json(response).getString("type")).isEqualTo("/problems/not-found");
        }
    }
}
