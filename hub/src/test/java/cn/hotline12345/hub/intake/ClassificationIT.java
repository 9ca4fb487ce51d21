package cn.hotline12345.hub.intake;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ClassificationIT {

    private static String submit(String content) {
        return json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "wechat")
                                .put("content", content)
                                .encode()))
                .getString("ticketNo");
    }

    @Test
    void everyNewTicketIsStoredWithTypeCategoryConfidenceAndModelVersion() {
        String ticketNo = submit("投诉东湖街道滨江花园楼下的烧烤店，油烟太大，天天熏得我们家没法开窗，晚上还吵到半夜，希望环保部门管一管！");

        assertThat(count(
                        "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND request_type = '投诉' AND category = '环境保护'"
                                + " AND category_confidence > 0.5 AND triage = 0 AND classifier_version LIKE 'category-%+type-%'",
                        ticketNo))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE t.ticket_no = ?"
                                + " AND JSON_VALUE(e.payload, '$.classification.category') = '环境保护'",
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void anUnclearRequestWaitsForTriage() {
        String ticketNo = submit("喂喂，你好");

        assertThat(count("SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND triage = 1", ticketNo))
                .isEqualTo(1);
    }
}
