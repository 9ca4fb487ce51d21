package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static cn.hotline12345.hub.workflow.Tickets.act;
import static cn.hotline12345.hub.workflow.Tickets.detail;
import static cn.hotline12345.hub.workflow.Tickets.dispatched;
import static cn.hotline12345.hub.workflow.Tickets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dispatch by the responsibility list, deadlines, returns, pauses and extensions over HTTP on real servers. */
class DispatchIT {

    private static final String WATER = "桂花苑小区停水三天了，自来水一直没有来，家里老人孩子没法生活，请尽快处理";

    private static String deadline(String start, String unit, int amount) {
        HttpResponse<String> response = get("/api/v1/calendar/deadline?start="
                + URLEncoder.encode(start, StandardCharsets.UTF_8) + "&" + unit + "=" + amount);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).getString("deadline");
    }

    private static JsonObject explainFor(JsonObject ticket) {
        String query = "category=" + URLEncoder.encode(ticket.getString("category"), StandardCharsets.UTF_8)
                + "&type=" + URLEncoder.encode(ticket.getString("type"), StandardCharsets.UTF_8)
                + "&text="
                + URLEncoder.encode(
                        ticket.getString("title") + "。" + ticket.getString("content"), StandardCharsets.UTF_8)
                + (ticket.getString("address") == null
                        ? ""
                        : "&area=" + URLEncoder.encode(ticket.getString("address"), StandardCharsets.UTF_8));
        return json(get("/api/v1/routing/explain?" + query));
    }

    private static long instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    @Test
    void aNewTicketIsRoutedByTheListWithDeadlinesClocksAndTheMatchedRowRecorded() {
        JsonObject ticket = dispatched(WATER, "桂花苑3幢", "城乡建设");
        assertThat(ticket.getString("status")).isEqualTo("DISPATCHED");
        JsonObject expected = explainFor(ticket);
        assertThat(ticket.getJsonObject("lead").getLong("id"))
                .isEqualTo(expected.getJsonObject("lead").getLong("id"));
        assertThat(ticket.getInteger("routingRowNo"))
                .isEqualTo(expected.getJsonObject("row").getInteger("rowNo"));
        assertThat(ticket.getInteger("routingVersion")).isEqualTo(expected.getInteger("listVersion"));
        assertThat(ticket.getString("areaCode")).isEqualTo("330999001002");

        JsonObject dispatch = ticket.getJsonArray("events").stream()
                .map(e -> (JsonObject) e)
                .filter(e -> e.getString("action").equals("DISPATCH"))
                .findFirst()
                .orElseThrow();
        assertThat(dispatch.getString("actor")).isEqualTo("system:router");
        JsonObject routing = dispatch.getJsonObject("payload").getJsonObject("routing");
        assertThat(routing.getInteger("listVersion")).isEqualTo(expected.getInteger("listVersion"));
        assertThat(routing.getJsonObject("row").getInteger("rowNo")).isEqualTo(ticket.getInteger("routingRowNo"));
        assertThat(routing.getString("explanation")).startsWith("按责任清单第");

        String dispatchedAt = ticket.getString("dispatchedAt");
        assertThat(instant(ticket.getString("acceptDueAt")))
                .isEqualTo(instant(deadline(dispatchedAt, "workingHours", 2)));
        assertThat(instant(ticket.getString("replyDueAt")))
                .isEqualTo(instant(deadline(dispatchedAt, "workingDays", 5)));
        assertThat(instant(ticket.getString("returnDueAt")))
                .isEqualTo(instant(deadline(dispatchedAt, "workingDays", 2)));
        List<String> clocks = ticket.getJsonArray("clocks").stream()
                .map(c -> ((JsonObject) c).getString("kind") + "/" + ((JsonObject) c).getString("stage"))
                .toList();
        assertThat(clocks).containsExactlyInAnyOrder("ACCEPT/WARN", "ACCEPT/DUE", "REPLY/WARN", "REPLY/DUE");
    }

    @Test
    void onlyTheLeadUnitAcceptsAndOtherDepartmentsDoNotSeeTheTicket() {
        JsonObject ticket = dispatched(WATER, "桂花苑5幢", "城乡建设");
        String no = ticket.getString("ticketNo");
        long lead = ticket.getJsonObject("lead").getLong("id");
        long other = otherDepartment(lead);
        String leadStaff = tokenFor("DEPARTMENT_STAFF", lead);
        String otherStaff = tokenFor("DEPARTMENT_STAFF", other);

        assertThat(getAs(otherStaff, "/api/v1/tickets/" + no).statusCode()).isEqualTo(404);
        assertThat(act(otherStaff, no, "accept", new JsonObject()).statusCode()).isEqualTo(404);
        HttpResponse<String> agent = act(tokenFor("AGENT", null), no, "accept", new JsonObject());
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(json(agent).getString("detail")).contains("话务员");

        JsonObject accepted = ok(act(leadStaff, no, "accept", new JsonObject()));
        assertThat(accepted.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(accepted.getString("statusName")).isEqualTo("办理中");
        HttpResponse<String> again = act(leadStaff, no, "accept", new JsonObject());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(json(again).getString("detail")).contains("办理中").contains("签收");
        assertThat(getAs(leadStaff, "/api/v1/tickets/" + no).statusCode()).isEqualTo(200);

        JsonObject after = detail(no);
        assertThat(after.getString("acceptedAt")).isNotNull();
        assertThat(after.getJsonArray("clocks").stream()
                        .map(c -> ((JsonObject) c).getString("kind"))
                        .toList())
                .containsOnly("REPLY");
    }

    @Test
    void aReturnIsDecidedByADispatcherEitherUpheldOrReassigned() {
        String dispatcher = tokenFor("DISPATCHER", null);

        JsonObject first = dispatched(WATER, "南门菜市场旁", "城乡建设");
        String no = first.getString("ticketNo");
        long lead = first.getJsonObject("lead").getLong("id");
        String staff = tokenFor("DEPARTMENT_STAFF", lead);

        HttpResponse<String> noReason = act(staff, no, "return", new JsonObject().put("reasonCode", "WHATEVER"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).getJsonArray("errors").encode())
                .contains("reasonCode")
                .contains("reason");

        JsonObject returned = ok(act(
                staff,
                no,
                "return",
                new JsonObject().put("reasonCode", "NOT_OUR_DUTY").put("reason", "该小区供水由物业二次加压泵房负责，不属本单位")));
        assertThat(returned.getString("status")).isEqualTo("RETURN_REQUESTED");
        JsonArray queue =
                json(getAs(dispatcher, "/api/v1/tickets/returns?limit=200")).getJsonArray("items");
        assertThat(queue.encode()).contains(no).contains("非本单位职责");

        assertThat(act(dispatcher, no, "uphold", new JsonObject()).statusCode()).isEqualTo(400);
        JsonObject upheld = ok(act(dispatcher, no, "uphold", new JsonObject().put("reason", "属于供水企业服务范围")));
        assertThat(upheld.getString("status")).isEqualTo("DISPATCHED");
        HttpResponse<String> twice = act(
                staff, no, "return", new JsonObject().put("reasonCode", "OTHER").put("reason", "再次退回"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).getString("detail")).contains("维持原派");

        JsonObject second = dispatched(WATER, "丽景湾小区", "城乡建设");
        String no2 = second.getString("ticketNo");
        long lead2 = second.getJsonObject("lead").getLong("id");
        String staff2 = tokenFor("DEPARTMENT_STAFF", lead2);
        ok(act(
                staff2,
                no2,
                "return",
                new JsonObject().put("reasonCode", "WRONG_AREA").put("reason", "不在本单位辖区")));
        long target = otherDepartment(lead2);
        JsonObject reassigned = ok(act(
                dispatcher,
                no2,
                "reassign",
                new JsonObject().put("leadDepartmentId", target).put("reason", "按属地改派")));
        assertThat(reassigned.getString("status")).isEqualTo("DISPATCHED");
        JsonObject moved = detail(no2);
        assertThat(moved.getJsonObject("lead").getLong("id")).isEqualTo(target);
        assertThat(moved.getInteger("routingRowNo")).isNull();
        assertThat(getAs(staff2, "/api/v1/tickets/" + no2).statusCode()).isEqualTo(404);
        assertThat(TestCounts.returns(lead2)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPauseMovesTheReplyDeadlineByTheWorkingTimeItLasted() {
        JsonObject ticket = dispatched(WATER, "翠苑小区", "城乡建设");
        String no = ticket.getString("ticketNo");
        String staff = tokenFor("DEPARTMENT_STAFF", ticket.getJsonObject("lead").getLong("id"));
        ok(act(staff, no, "accept", new JsonObject()));
        JsonObject paused = ok(act(staff, no, "pause", new JsonObject().put("reason", "需诉求人提供水费缴纳凭证")));
        assertThat(paused.getString("status")).isEqualTo("PAUSED");
        assertThat(detail(no).getJsonArray("clocks").stream()
                        .filter(c -> ((JsonObject) c).getString("firedAt") == null)
                        .count())
                .isZero();
        assertThat(execute("UPDATE ticket SET paused_at = paused_at - INTERVAL 7 DAY WHERE ticket_no = ?", no))
                .isEmpty();
        JsonObject resumed = ok(act(staff, no, "resume", new JsonObject()));
        assertThat(resumed.getString("status")).isEqualTo("IN_PROGRESS");
        JsonObject event = resumed.getJsonObject("event");
        assertThat(event.getLong("pausedMinutes")).isGreaterThanOrEqualTo(4 * 7 * 60L);
        assertThat(instant(event.getString("replyDue"))).isGreaterThan(instant(event.getString("replyDueBefore")));
        JsonObject after = detail(no);
        assertThat(instant(after.getString("replyDueAt"))).isEqualTo(instant(event.getString("replyDue")));
        assertThat(after.getJsonArray("clocks").stream()
                        .map(c -> (JsonObject) c)
                        .filter(c -> c.getString("firedAt") == null)
                        .map(c -> c.getString("kind"))
                        .toList())
                .contains("REPLY");
    }

    @Test
    void anApprovedExtensionMovesTheReplyDeadlineByWorkingDays() {
        JsonObject ticket = dispatched(WATER, "金桂园", "城乡建设");
        String no = ticket.getString("ticketNo");
        String staff = tokenFor("DEPARTMENT_STAFF", ticket.getJsonObject("lead").getLong("id"));
        String supervisor = tokenFor("SUPERVISOR", null);
        ok(act(staff, no, "accept", new JsonObject()));

        HttpResponse<String> tooLong = act(
                staff, no, "request-extension", new JsonObject().put("days", 11).put("reason", "管网改造"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).getString("field")).isEqualTo("days");
        assertThat(act(supervisor, no, "approve-extension", new JsonObject()).statusCode())
                .isEqualTo(409);

        ok(act(staff, no, "request-extension", new JsonObject().put("days", 3).put("reason", "需更换主管道，施工周期较长")));
        assertThat(act(
                                staff,
                                no,
                                "request-extension",
                                new JsonObject().put("days", 1).put("reason", "再申请"))
                        .statusCode())
                .isEqualTo(409);
        String before = detail(no).getString("replyDueAt");
        JsonObject approved = ok(act(supervisor, no, "approve-extension", new JsonObject().put("note", "同意")));
        assertThat(approved.getJsonObject("event").getInteger("days")).isEqualTo(3);
        JsonObject after = detail(no);
        assertThat(instant(after.getString("replyDueAt"))).isEqualTo(instant(deadline(before, "workingDays", 3)));
        assertThat(after.getInteger("extendedDays")).isEqualTo(3);

        ok(act(staff, no, "request-extension", new JsonObject().put("days", 2).put("reason", "材料未齐")));
        JsonObject denied = ok(act(supervisor, no, "deny-extension", new JsonObject().put("reason", "时限充足")));
        assertThat(denied.getString("action")).isEqualTo("DENY_EXTENSION");
        assertThat(detail(no).getString("replyDueAt")).isEqualTo(after.getString("replyDueAt"));
    }

    @Test
    void anUnroutableTicketWaitsForADispatcherWhoSendsItWithAReason() {
        JsonObject ticket = dispatched(WATER, "阳光花园", "城乡建设");
        String no = ticket.getString("ticketNo");
        assertThat(execute(
                        "UPDATE ticket SET status = 'RECEIVED', category = '外星事务', lead_department_id = NULL"
                                + " WHERE ticket_no = ?",
                        no))
                .isEmpty();
        JsonObject waiting = Tickets.awaitStatusNot(no, "RECEIVED", 15_000);
        assertThat(waiting.getString("status")).isEqualTo("PENDING_DISPATCH");
        String dispatcher = tokenFor("DISPATCHER", null);
        JsonArray queue = json(getAs(dispatcher, "/api/v1/tickets/pending-dispatch?limit=200"))
                .getJsonArray("items");
        JsonObject item = queue.stream()
                .map(i -> (JsonObject) i)
                .filter(i -> i.getString("ticketNo").equals(no))
                .findFirst()
                .orElseThrow();
        assertThat(item.getJsonObject("routing").getBoolean("routed")).isFalse();

        long lead = ticket.getJsonObject("lead").getLong("id");
        HttpResponse<String> badCo = act(
                dispatcher,
                no,
                "dispatch",
                new JsonObject().put("leadDepartmentId", lead).put("coDepartmentIds", new JsonArray().add(lead)));
        assertThat(badCo.statusCode()).isEqualTo(400);
        assertThat(json(badCo).getString("field")).isEqualTo("coDepartmentIds");
        JsonObject sent = ok(act(
                dispatcher,
                no,
                "dispatch",
                new JsonObject().put("leadDepartmentId", lead).put("reason", "人工派单")));
        assertThat(sent.getString("status")).isEqualTo("DISPATCHED");
        assertThat(sent.getJsonObject("event").getBoolean("manual")).isTrue();
    }

    @Test
    void supervisorsUrgeAndSuperviseAndUnknownActionsAre404() {
        JsonObject ticket = dispatched(WATER, "东湖花苑", "城乡建设");
        String no = ticket.getString("ticketNo");
        String supervisor = tokenFor("SUPERVISOR", null);
        assertThat(ok(act(supervisor, no, "urge", new JsonObject().put("note", "请尽快处理")))
                        .getString("action"))
                .isEqualTo("URGE");
        assertThat(ok(act(supervisor, no, "supervise", new JsonObject().put("note", "列入督办")))
                        .getString("action"))
                .isEqualTo("SUPERVISE");
        assertThat(act(supervisor, no, "teleport", new JsonObject()).statusCode())
                .isEqualTo(404);
        assertThat(act(adminToken(), "20990101999999", "urge", new JsonObject()).statusCode())
                .isEqualTo(404);
    }

    private static long otherDepartment(long notThis) {
        JsonArray departments = json(getAs(adminToken(), "/api/v1/departments")).getJsonArray("items");
        return departments.stream()
                .map(d -> (JsonObject) d)
                .map(d -> d.getLong("id"))
                .filter(id -> id != notThis)
                .findFirst()
                .orElseThrow();
    }

    private static final class TestCounts {
        static long returns(long department) {
            return cn.hotline12345.hub.TestHub.count(
                    "SELECT COUNT(*) FROM ticket_return WHERE department_id = ?", department);
        }
    }
}
