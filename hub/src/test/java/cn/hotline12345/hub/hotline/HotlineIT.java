package cn.hotline12345.hub.hotline;

import static cn.hotline12345.hub.TestHub.CTI_PASSWORD;
import static cn.hotline12345.hub.TestHub.SWITCH;
import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hub on the call-centre switch, with {@link cn.hotline12345.hub.SwitchStub} playing FreeSWITCH. */
class HotlineIT {

    private static String agent;
    private static String agentName;
    private static String extension;

    @BeforeAll
    static void agentWithExtension() {
        TestHub.get();
        agent = tokenFor("AGENT", null);
        agentName = json(getAs(agent, "/api/v1/auth/me")).getString("username");
        extension = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        HttpResponse<String> set = sendAs(
                adminToken(),
                "PATCH",
                "/api/v1/admin/users/" + agentName,
                new JsonObject().put("extension", extension));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(set).getString("extension")).isEqualTo(extension);
        awaitTrue("the hub subscribes to the switch", () -> SWITCH.connected() == 1);
    }

    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static String phone() {
        return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    static Map<String, String> answer(String callId, String caller, Instant at) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("Event-Name", "CHANNEL_ANSWER");
        event.put("Core-UUID", "c26be8e2-c1fc-11e1-a7bd-cf9911a69d1e");
        event.put("Event-Date-Timestamp", String.valueOf(at.toEpochMilli() * 1000));
        event.put("Unique-ID", callId);
        event.put("Call-Direction", "outbound");
        event.put("Caller-Caller-ID-Number", caller);
        event.put("Caller-Destination-Number", extension);
        event.put("Caller-Channel-Answered-Time", String.valueOf(at.toEpochMilli() * 1000));
        return event;
    }

    static Map<String, String> hangup(String callId, String caller, Instant answered, int billsec) {
        Map<String, String> event = answer(callId, caller, answered);
        event.put("Event-Name", "CHANNEL_HANGUP_COMPLETE");
        event.put("Hangup-Cause", "NORMAL_CLEARING");
        event.put(
                "Caller-Channel-Hangup-Time",
                String.valueOf(answered.plusSeconds(billsec).toEpochMilli() * 1000));
        event.put("variable_billsec", String.valueOf(billsec));
        event.put("variable_duration", String.valueOf(billsec + 6));
        event.put("variable_record_file_path", "/var/lib/freeswitch/recordings/2026 12/" + callId + " 录音.wav");
        return event;
    }

    static long calls(String callId) {
        return count("SELECT COUNT(*) FROM hotline_call WHERE call_uuid = ?", callId);
    }

    static HttpResponse<String> register(String callId, String phone) {
        return sendAs(
                agent,
                "POST",
                "/api/v1/tickets",
                new JsonObject()
                        .put("caller", new JsonObject().put("phone", phone))
                        .put("content", "小区门口的路灯坏了一个星期，晚上出行不安全")
                        .put("type", "投诉")
                        .put("category", "城乡建设")
                        .put("callId", callId));
    }

    @Test
    void aCallIsStoredOnceEndedAndLinkedToTheTicketRegisteredWithIt() {
        String callId = UUID.randomUUID().toString();
        String caller = phone();
        Instant answered = Instant.parse("2026-12-01T02:00:00Z");
        SWITCH.event(answer(callId, caller, answered));
        SWITCH.event(answer(callId, caller, answered));
        awaitTrue("the call is stored", () -> calls(callId) == 1);

        HttpResponse<String> registered = register(callId, caller);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String ticketNo = json(registered).getString("ticketNo");
        assertThat(count(
                        "SELECT COUNT(*) FROM hotline_call c JOIN ticket t ON t.id = c.ticket_id"
                                + " WHERE c.call_uuid = ? AND t.ticket_no = ?",
                        callId,
                        ticketNo))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket t JOIN citizen_identity i ON i.citizen_id = t.citizen_id"
                                + " WHERE t.ticket_no = ? AND i.kind = 'PHONE' AND i.identifier = ? AND i.verified = 1",
                        ticketNo,
                        caller))
                .isEqualTo(1);

        SWITCH.event(hangup(callId, caller, answered, 87));
        SWITCH.event(hangup(callId, caller, answered, 87));
        awaitTrue(
                "the end of the call is stored",
                () -> count(
                                "SELECT COUNT(*) FROM hotline_call WHERE call_uuid = ? AND duration_seconds = 87"
                                        + " AND ended_at = '2026-12-01 02:01:27'",
                                callId)
                        == 1);
        assertThat(calls(callId)).isEqualTo(1);

        JsonObject detail = json(getAs(agent, "/api/v1/tickets/" + ticketNo));
        JsonObject call = detail.getJsonArray("calls").getJsonObject(0);
        assertThat(call.getString("callId")).isEqualTo(callId);
        assertThat(call.getString("caller")).isEqualTo(caller);
        assertThat(call.getInteger("durationSeconds")).isEqualTo(87);
        assertThat(call.getString("recording"))
                .isEqualTo("/var/lib/freeswitch/recordings/2026 12/" + callId + " 录音.wav");
        assertThat(call.getString("answeredAt")).isNotNull();
    }

    @Test
    void anAnsweredCallPopsUpOnTheAnsweringAgentsScreenWithTheCallersHistory() throws Exception {
        String caller = phone();
        String firstCall = UUID.randomUUID().toString();
        SWITCH.event(answer(firstCall, caller, Instant.now().minusSeconds(3600)));
        awaitTrue("the first call is stored", () -> calls(firstCall) == 1);
        HttpResponse<String> earlier = register(firstCall, caller);
        assertThat(earlier.statusCode()).as(earlier.body()).isEqualTo(201);
        String earlierTicket = json(earlier).getString("ticketNo");

        try (LiveSocket live = LiveSocket.open(agent)) {
            String callId = UUID.randomUUID().toString();
            Instant answered = Instant.parse("2026-12-01T03:04:05Z");
            SWITCH.event(answer(callId, caller, answered));
            JsonObject pop = live.next(e -> callId.equals(e.getString("callId")), 10_000);
            assertThat(pop).as("screen-pop").isNotNull();
            assertThat(pop.getString("type")).isEqualTo("screen-pop");
            assertThat(pop.getString("caller")).isEqualTo(caller);
            assertThat(pop.getString("answeredAt")).isNotNull();
            assertThat(pop.getJsonObject("history").encode()).contains(earlierTicket);

            SWITCH.event(answer(callId, caller, answered));
            assertThat(live.next(e -> callId.equals(e.getString("callId")), 700))
                    .as("a redelivered answer pops nothing")
                    .isNull();
        }
    }

    @Test
    void aTicketRegisteredBeforeTheSwitchReportsTheCallIsAttachedWhenItDoes() {
        String callId = UUID.randomUUID().toString();
        String caller = phone();
        HttpResponse<String> registered = register(callId, caller);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Instant answered = Instant.now().minusSeconds(30);
        SWITCH.event(hangup(callId, caller, answered, 25));
        awaitTrue(
                "the call is stored and attached",
                () -> count(
                                "SELECT COUNT(*) FROM hotline_call c JOIN ticket t ON t.id = c.ticket_id"
                                        + " WHERE c.call_uuid = ? AND t.ticket_no = ? AND c.duration_seconds = 25",
                                callId,
                                json(registered).getString("ticketNo"))
                        == 1);
    }

    @Test
    void badCallIdsAreRefusedWithTheField() {
        HttpResponse<String> bad = register("呼叫 123; DROP", phone());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(bad).getJsonArray("errors").encode()).contains("callId").contains("通话编号");
    }

    @Test
    void extensionsAreUniqueAndCanBeCleared() {
        String other = tokenFor("AGENT", null);
        String otherName = json(getAs(other, "/api/v1/auth/me")).getString("username");
        String path = "/api/v1/admin/users/" + otherName;
        HttpResponse<String> taken = sendAs(adminToken(), "PATCH", path, new JsonObject().put("extension", extension));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).getString("detail")).contains("分机号");
        HttpResponse<String> bad = sendAs(adminToken(), "PATCH", path, new JsonObject().put("extension", "80 01"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getString("field")).isEqualTo("extension");
        String mine = extension + "9";
        assertThat(json(sendAs(adminToken(), "PATCH", path, new JsonObject().put("extension", mine)))
                        .getString("extension"))
                .isEqualTo(mine);
        assertThat(json(sendAs(adminToken(), "PATCH", path, new JsonObject().putNull("extension")))
                        .getString("extension"))
                .isNull();
        assertThat(json(getAs(adminToken(), "/api/v1/admin/users"))
                        .getJsonArray("users")
                        .encode())
                .contains("\"extension\":\"" + extension + "\"");
    }

    @Test
    void malformedFramesAreSkippedAndTheConnectionStays() {
        int accepted = SWITCH.accepted();
        SWITCH.raw("Content-Length: many\nContent-Type: text/event-plain\n\n");
        SWITCH.raw("Content-Length: 17\nContent-Type: text/event-plain\n\nno event here\n\n\n");
        SWITCH.raw("Content-Type: text/something-new\n\n");
        String callId = UUID.randomUUID().toString();
        SWITCH.event(answer(callId, phone(), Instant.now()));
        awaitTrue("the call after the bad frames is stored", () -> calls(callId) == 1);
        assertThat(SWITCH.accepted()).isEqualTo(accepted);
        assertThat(SWITCH.subscriptions())
                .allMatch(s -> s.equals("event plain CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE"));
    }

    @Test
    void theHubReconnectsWhenTheSwitchDropsTheConnection() {
        int accepted = SWITCH.accepted();
        SWITCH.drop();
        awaitTrue("the hub reconnects", () -> SWITCH.accepted() > accepted && SWITCH.connected() == 1);
        String callId = UUID.randomUUID().toString();
        SWITCH.event(answer(callId, phone(), Instant.now()));
        awaitTrue("events arrive on the new connection", () -> calls(callId) == 1);
    }

    @Test
    void aRefusedPasswordIsRetriedWithBackoffUntilTheSwitchAcceptsIt() {
        int refused = SWITCH.refused();
        int accepted = SWITCH.accepted();
        SWITCH.requirePassword("changed-on-the-switch");
        try {
            SWITCH.drop();
            awaitTrue("the hub retries after being refused", () -> SWITCH.refused() >= refused + 3);
            assertThat(SWITCH.connected()).isZero();
        } finally {
            SWITCH.requirePassword(CTI_PASSWORD);
        }
        awaitTrue("the hub gets back in", () -> SWITCH.accepted() > accepted && SWITCH.connected() == 1);
        String callId = UUID.randomUUID().toString();
        SWITCH.event(answer(callId, phone(), Instant.now()));
        awaitTrue("events arrive again", () -> calls(callId) == 1);
    }
}
