package cn.hotline12345.hub.web;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Test helpers for the citizen side: tickets driven over the API to the state a citizen page needs (待回访, 已办结,
 * 已公开), fresh phone numbers, and the web forms' per-IP rate limit cleared so browser tests can submit.
 */
public final class CitizenTickets {

    private static final String[][] MOVED = {
        {"ticket", "created_at", "ticket_no = ?"},
        {"ticket", "closed_at", "ticket_no = ?"},
        {"ticket", "replied_at", "ticket_no = ?"},
        {"ticket", "reply_due_at", "ticket_no = ?"},
        {"ticket", "published_at", "ticket_no = ?"},
        {"ticket_dispatch", "dispatched_at", "ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)"},
        {"ticket_dispatch", "accept_due_at", "ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)"},
        {"ticket_dispatch", "accepted_at", "ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)"},
        {"ticket_follow_up", "created_at", "ticket_id = (SELECT id FROM ticket WHERE ticket_no = ?)"}
    };

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private CitizenTickets() {}

    /** A mobile number no other test uses (the forms also limit submissions per phone per day). */
    public static String freshPhone() {
        return "139"
                + String.format(
                        java.util.Locale.ROOT,
                        "%08d",
                        ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Registers a request over the unified intake; answers its ticket number. */
    public static String submit(String content, String phone, boolean consent) {
        JsonObject body = new JsonObject()
                .put("channel", "web")
                .put("externalId", "citizen-" + UUID.randomUUID())
                .put("title", "小区路灯不亮")
                .put("content", content)
                .put("address", "桂花苑")
                .put("publicConsent", consent)
                .put("citizen", new JsonObject().put("name", "李四").put("phone", phone));
        HttpResponse<String> response = postJson("/api/v1/requests", body.encode());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("ticketNo");
    }

    /** A request driven to 待回访 (FOLLOW_UP): dispatched, accepted, replied with {@code reply}, the reply approved. */
    public static String awaitingRating(String content, String phone, boolean consent, String reply) {
        String no = submit(content, phone, consent);
        JsonObject ticket = awaitRouted(no);
        Long lead = ticket.getJsonObject("lead") == null
                ? null
                : ticket.getJsonObject("lead").getLong("id");
        if (!"DISPATCHED".equals(ticket.getString("status")) || lead == null) {
            lead = department("ZJJ");
            ok(act(token("DISPATCHER", null), no, "dispatch", new JsonObject().put("leadDepartmentId", lead)));
        }
        String staff = token("DEPARTMENT_STAFF", lead);
        ok(act(staff, no, "accept", new JsonObject()));
        ok(act(staff, no, "reply", new JsonObject().put("content", reply).put("resolved", true)));
        JsonObject approved = ok(act(token("DISPATCHER", null), no, "approve", new JsonObject()));
        assertThat(approved.getString("status")).isEqualTo("FOLLOW_UP");
        return no;
    }

    /** A request closed by the citizen's rating {@code satisfaction}. */
    public static String closed(String content, String phone, boolean consent, String reply, String satisfaction) {
        String no = awaitingRating(content, phone, consent, reply);
        HttpResponse<String> rated = postJson(
                "/api/v1/requests/" + no + "/rating",
                new JsonObject()
                        .put("phone", phone)
                        .put("resolved", true)
                        .put("satisfaction", satisfaction)
                        .encode());
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        return no;
    }

    /** A closed request published on 政务公开. */
    public static String published(String content, String phone, String reply) {
        String no = closed(content, phone, true, reply, "SATISFIED");
        ok(act(token("DISPATCHER", null), no, "publish", new JsonObject().put("note", "同意公开")));
        return no;
    }

    /**
     * Moves a ticket's life (registration, dispatch, acceptance, reply, follow-up, closing, publication) by whole days
     * to the 15th of {@code month}, so monthly figures can be checked on a month no other test touches.
     */
    public static void moveToMonth(String no, YearMonth month) {
        long days = ChronoUnit.DAYS.between(month.atDay(15), LocalDate.now(ZoneId.of("Asia/Shanghai")));
        for (String[] column : MOVED) {
            String sql = "UPDATE " + column[0] + " SET " + column[1] + " = " + column[1] + " - INTERVAL ? DAY WHERE "
                    + column[2];
            assertThat(TestHub.execute(sql, days, no)).as(sql).isEmpty();
        }
    }

    /** A random month between 2003 and 2019, where only tests that moved tickets there have any. */
    public static YearMonth quietMonth() {
        return YearMonth.of(2003, 1).plusMonths(ThreadLocalRandom.current().nextInt(200));
    }

    /** The ticket as staff see it. */
    public static JsonObject detail(String no) {
        return TestHub.ticketDetail(no);
    }

    /** A signed-in staff user of {@code role} (one per role and department). */
    public static String token(String role, Long department) {
        return TOKENS.computeIfAbsent(role + "@" + department, key -> tokenFor(role, department));
    }

    /** The id of the department with {@code code}. */
    public static long department(String code) {
        return TestHub.departmentId(code);
    }

    /**
     * Forgets this hour's count of web-form submissions from 127.0.0.1 (the key of {@code publication.RateLimiter}),
     * since every test submits from there.
     */
    public static void clearRateLimit() {
        long slot = System.currentTimeMillis() / TimeUnit.HOURS.toMillis(1);
        String key = TestHub.get().config().redisKeyPrefix() + "rl:ip:127.0.0.1:" + slot;
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI.api(Redis.createClient(vertx, TestHub.get().redisUri()))
                    .del(List.of(key))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not clear the rate limit", e);
        } finally {
            vertx.close();
        }
    }

    private static JsonObject awaitRouted(String no) {
        long until = System.currentTimeMillis() + 15_000;
        while (true) {
            JsonObject ticket = detail(no);
            String status = ticket.getString("status");
            if (Boolean.TRUE.equals(ticket.getBoolean("triage")) && "RECEIVED".equals(status)) {
                HttpResponse<String> reclassified = sendAs(
                        adminToken(),
                        "POST",
                        "/api/v1/tickets/" + no + "/actions/reclassify",
                        new JsonObject().put("type", "投诉").put("category", "城乡建设"));
                assertThat(reclassified.statusCode()).as(reclassified.body()).isEqualTo(200);
            } else if (!"RECEIVED".equals(status)) {
                return ticket;
            }
            assertThat(System.currentTimeMillis())
                    .as("ticket " + no + " routed")
                    .isLessThan(until);
            pause(150);
        }
    }

    private static HttpResponse<String> act(String token, String no, String action, JsonObject body) {
        return sendAs(token, "POST", "/api/v1/tickets/" + no + "/actions/" + action, body);
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Sleeps, for polling. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
