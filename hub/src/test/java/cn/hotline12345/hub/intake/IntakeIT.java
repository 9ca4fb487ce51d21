package cn.hotline12345.hub.intake;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IntakeIT {

    private static String request(String externalId, String phone) {
        JsonObject body = new JsonObject()
                .put("channel", "web")
                .put("content", "幸福里小区3栋门口的路灯坏了半个月，晚上老人出门很不安全，请尽快修理。")
                .put("citizen", new JsonObject().put("name", "李女士").put("phone", phone))
                .put("address", "云江市江北区建设路88号幸福里小区")
                .put("publicConsent", true);
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        return body.encode();
    }

    @Test
    void answers201WithADateOrderedTicketNumberAfterStoringTicketAndFirstEvent() {
        HttpResponse<String> response = postJson("/api/v1/requests", request(null, "13800001111"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject body = json(response);
        String ticketNo = body.getString("ticketNo");
        assertThat(ticketNo).matches("20[0-9]{6}[0-9]{6}");
        assertThat(body.getString("status")).isEqualTo("RECEIVED");
        assertThat(body.getString("statusName")).isEqualTo("已受理");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/requests/" + ticketNo);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE ticket_no = ?", ticketNo))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                                + " WHERE t.ticket_no = ? AND e.seq = 1 AND e.action = 'RECEIVE' AND e.to_status = t.status",
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void storesTheNormalisedRequestAndDerivesATitle() {
        String ticketNo = json(postJson("/api/v1/requests", request(null, "+86 138-0000-2222")))
                .getString("ticketNo");

        assertThat(count(
                        "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND citizen_phone = '13800002222'"
                                + " AND title = '幸福里小区3栋门口的路灯坏了半个月，晚上老人出门很不安全' AND public_consent = 1"
                                + " AND channel = 'web' AND citizen_id IS NOT NULL",
                        ticketNo))
                .isEqualTo(1);
    }

    @Test
    void aRetriedChannelMessageAnswers200WithTheSameTicket() {
        String externalId = "web-" + UUID.randomUUID();
        HttpResponse<String> first = postJson("/api/v1/requests", request(externalId, "13800003333"));
        HttpResponse<String> second = postJson("/api/v1/requests", request(externalId, "13800003333"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).getString("ticketNo")).isEqualTo(json(first).getString("ticketNo"));
        assertThat(json(second).getBoolean("duplicate")).isTrue();
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE external_id = ?", externalId))
                .isEqualTo(1);
    }

    @Test
    void theSameExternalIdOnAnotherChannelIsAnotherTicket() {
        String externalId = "shared-" + UUID.randomUUID();
        String web = json(postJson("/api/v1/requests", request(externalId, "13800004444")))
                .getString("ticketNo");
        String app = json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "app")
                                .put("content", "咨询公积金提取")
                                .put("externalId", externalId)
                                .encode()))
                .getString("ticketNo");

        assertThat(app).isNotEqualTo(web);
    }

    @Test
    void aRetriedIdempotencyKeyAnswers200WithTheSameTicket() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postJson("/api/v1/requests", request(null, "13800005555"), "Idempotency-Key", key);
        HttpResponse<String> second =
                postJson("/api/v1/requests", request(null, "13800005555"), "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).getString("ticketNo")).isEqualTo(json(first).getString("ticketNo"));
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE idempotency_key = ?", key))
                .isEqualTo(1);
    }

    @Test
    void concurrentRetriesCreateExactlyOneTicket() throws Exception {
        String externalId = "burst-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> postJson("/api/v1/requests", request(externalId, "13800006666")));
                calls.add(() -> postJson("/api/v1/requests", request(null, "13800006666"), "Idempotency-Key", key));
            }
            Set<String> byExternalId = new HashSet<>();
            Set<String> byKey = new HashSet<>();
            int created = 0;
            List<Future<HttpResponse<String>>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                HttpResponse<String> response = results.get(i).get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                (i % 2 == 0 ? byExternalId : byKey).add(json(response).getString("ticketNo"));
            }
            assertThat(byExternalId).hasSize(1);
            assertThat(byKey).hasSize(1);
            assertThat(created).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM ticket WHERE external_id = ?", externalId))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM ticket WHERE idempotency_key = ?", key))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentNewRequestsGetDistinctNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                calls.add(() -> postJson("/api/v1/requests", request(null, "13800007777")));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                assertThat(result.get().statusCode()).isEqualTo(201);
                numbers.add(json(result.get()).getString("ticketNo"));
            }
            assertThat(numbers).hasSize(120);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ticketEventsAreAppendOnly() {
        String ticketNo =
                json(postJson("/api/v1/requests", request(null, "13800008888"))).getString("ticketNo");

        assertThat(cn.hotline12345.hub.TestHub.execute(
                        "UPDATE ticket_event SET actor = 'x' WHERE ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)",
                        ticketNo))
                .contains("append-only");
        assertThat(cn.hotline12345.hub.TestHub.execute(
                        "DELETE FROM ticket_event WHERE ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)",
                        ticketNo))
                .contains("append-only");
    }
}
