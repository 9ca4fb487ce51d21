package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.SMS;
import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.workflow.Tickets.act;
import static cn.hotline12345.hub.workflow.Tickets.detail;
import static cn.hotline12345.hub.workflow.Tickets.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tickets driven through the whole workflow and each side path over HTTP, on real MariaDB and Redis. */
class LifecycleIT {

    private static final String PHONE = "13800138000";

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long lead() {
        return Staff.department("ZJJ");
    }

    private static long co() {
        return Staff.department("ZHZF");
    }

    /** A web message dispatched to 住建局 (lead) with 城管 as co-unit. */
    private static String assigned(String content) {
        JsonObject ticket = Tickets.dispatched(content, "桂花苑", "城乡建设");
        String no = ticket.getString("ticketNo");
        ok(act(
                Staff.token("DISPATCHER"),
                no,
                "reassign",
                new JsonObject()
                        .put("leadDepartmentId", lead())
                        .put("coDepartmentIds", new JsonArray().add(co()))
                        .put("reason", "住建局牵头，城管协办")));
        return no;
    }

    private static String replied(String no, String content) {
        String leadStaff = Staff.token("DEPARTMENT_STAFF", lead());
        ok(act(leadStaff, no, "accept", new JsonObject()));
        ok(act(leadStaff, no, "reply", new JsonObject().put("content", content).put("resolved", true)));
        return no;
    }

    private static JsonObject progress(String no, String phone) {
        HttpResponse<String> response = get("/api/v1/requests/" + no + "?phone=" + phone);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static void awaitSms(String phone, String text) {
        long until = System.currentTimeMillis() + 15_000;
        while (SMS.to(phone, text).isEmpty()) {
            assertThat(System.currentTimeMillis()).as("SMS with " + text).isLessThan(until);
            Tickets.sleep(100);
        }
    }

    @Test
    void theMainPathFromDispatchToClosedWithCoUnitsReviewSmsAndFollowUp() {
        String no = assigned("小区门口道路破损严重，井盖松动，夜间行人多次绊倒，请尽快维修");
        String leadStaff = Staff.token("DEPARTMENT_STAFF", lead());
        String coStaff = Staff.token("DEPARTMENT_STAFF", co());
        String dispatcher = Staff.token("DISPATCHER");

        HttpResponse<String> leadSub = act(leadStaff, no, "sub-reply", new JsonObject().put("content", "x"));
        assertThat(leadSub.statusCode()).isEqualTo(409);
        assertThat(json(leadSub).getString("detail")).contains("协办单位");
        ok(act(coStaff, no, "sub-reply", new JsonObject().put("content", "城管已于当日对井盖周边实施围挡警示。")));
        assertThat(act(coStaff, no, "accept", new JsonObject()).statusCode()).isEqualTo(409);

        ok(act(leadStaff, no, "accept", new JsonObject()));
        ok(act(
                leadStaff,
                no,
                "note",
                new JsonObject().put("note", "已电话联系诉求人，约定次日现场查看").put("contactMethod", "PHONE")));
        JsonObject reply = ok(act(
                leadStaff,
                no,
                "reply",
                new JsonObject().put("content", "经现场核查，已更换破损井盖并修补路面；城管已设置围挡。").put("resolved", true)));
        assertThat(reply.getString("status")).isEqualTo("REPLIED");
        assertThat(reply.getJsonObject("event").getJsonArray("subReplies")).hasSize(1);
        assertThat(detail(no).getJsonArray("clocks").stream()
                        .map(c -> (JsonObject) c)
                        .filter(c -> c.getString("kind").equals("REPLY") && c.getString("firedAt") == null)
                        .count())
                .isZero();

        JsonObject approved = ok(act(dispatcher, no, "approve", new JsonObject().put("note", "答复规范")));
        assertThat(approved.getString("status")).isEqualTo("FOLLOW_UP");
        awaitSms(PHONE, no);
        JsonObject sms = SMS.to(PHONE, no).get(0);
        assertThat(sms.getString("text")).contains("已更换破损井盖").startsWith("【12345热线】");
        assertThat(sms.getString("authorization")).isEqualTo("Bearer sms-test-token");
        assertThat(sms.getString("reference")).startsWith("outbox-");
        assertThat(progress(no, PHONE).getString("reply")).contains("已更换破损井盖");
        assertThat(progress(no, PHONE).getString("statusName")).isEqualTo("待回访");

        JsonObject closed = ok(act(
                Staff.token("AGENT"),
                no,
                "follow-up",
                new JsonObject()
                        .put("resolved", true)
                        .put("satisfaction", "SATISFIED")
                        .put("comment", "很快就修好了")));
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        JsonObject done = detail(no);
        assertThat(done.getString("satisfaction")).isEqualTo("SATISFIED");
        assertThat(done.getBoolean("resolved")).isTrue();
        assertThat(done.getString("closedAt")).isNotNull();
        assertThat(done.getJsonArray("replies").size()).isEqualTo(2);
        List<String> actions = done.getJsonArray("events").stream()
                .map(e -> ((JsonObject) e).getString("action"))
                .toList();
        assertThat(actions)
                .containsSubsequence(
                        "RECEIVE",
                        "DISPATCH",
                        "REASSIGN",
                        "SUB_REPLY",
                        "ACCEPT",
                        "NOTE",
                        "REPLY",
                        "APPROVE",
                        "FOLLOW_UP");
        done.getJsonArray("events")
                .forEach(e -> assertThat(((JsonObject) e).getString("actor")).isNotBlank());
        assertThat(progress(no, PHONE).getJsonArray("timeline").encode()).contains("已完成回访");
    }

    @Test
    void aRejectedReplyGoesBackAndTheCitizenRatesItThemselves() {
        String no = replied(assigned("楼道里的路灯坏了两个月，晚上漆黑一片"), "已维修");
        String supervisor = Staff.token("SUPERVISOR");
        assertThat(act(supervisor, no, "reject-reply", new JsonObject()).statusCode())
                .isEqualTo(400);
        JsonObject back = ok(act(supervisor, no, "reject-reply", new JsonObject().put("reason", "答复过于简单，请说明维修时间和范围")));
        assertThat(back.getString("status")).isEqualTo("IN_PROGRESS");
        String leadStaff = Staff.token("DEPARTMENT_STAFF", lead());
        ok(act(leadStaff, no, "reply", new JsonObject().put("content", "已于11月20日更换楼道全部6盏路灯。")));
        ok(act(supervisor, no, "approve", new JsonObject()));

        HttpResponse<String> wrongPhone = postJson(
                "/api/v1/requests/" + no + "/rating",
                new JsonObject()
                        .put("phone", "13900000000")
                        .put("resolved", true)
                        .put("satisfaction", "SATISFIED")
                        .encode());
        assertThat(wrongPhone.statusCode()).isEqualTo(404);
        HttpResponse<String> badLevel = postJson(
                "/api/v1/requests/" + no + "/rating",
                new JsonObject()
                        .put("phone", PHONE)
                        .put("resolved", true)
                        .put("satisfaction", "GREAT")
                        .encode());
        assertThat(badLevel.statusCode()).isEqualTo(400);
        assertThat(json(badLevel).getString("field")).isEqualTo("satisfaction");
        HttpResponse<String> rated = postJson(
                "/api/v1/requests/" + no + "/rating",
                new JsonObject()
                        .put("phone", PHONE)
                        .put("resolved", true)
                        .put("satisfaction", "BASICALLY_SATISFIED")
                        .put("comment", "修好了，就是慢了点")
                        .encode());
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(json(rated).getString("status")).isEqualTo("CLOSED");
        JsonObject closed = detail(no);
        assertThat(closed.getJsonArray("followUps").getJsonObject(0).getString("method"))
                .isEqualTo("CITIZEN");
        assertThat(postJson(
                                "/api/v1/requests/" + no + "/rating",
                                new JsonObject()
                                        .put("phone", PHONE)
                                        .put("resolved", true)
                                        .put("satisfaction", "SATISFIED")
                                        .encode())
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void anUnsatisfiedFollowUpMayBeReopenedWithinTheLimit() {
        String no = replied(assigned("小区绿化带长期无人修剪，杂草丛生蚊虫多"), "已安排修剪");
        ok(act(Staff.token("DISPATCHER"), no, "approve", new JsonObject()));
        JsonObject unhappy = ok(act(
                Staff.token("AGENT"),
                no,
                "follow-up",
                new JsonObject()
                        .put("resolved", false)
                        .put("satisfaction", "UNSATISFIED")
                        .put("comment", "根本没人来")));
        assertThat(unhappy.getJsonObject("event").getBoolean("reopenAllowed")).isTrue();
        JsonObject reopened =
                ok(act(Staff.token("SUPERVISOR"), no, "reopen", new JsonObject().put("reason", "群众反映未实际处理")));
        assertThat(reopened.getString("status")).isEqualTo("DISPATCHED");
        JsonObject again = detail(no);
        assertThat(again.getInteger("reopenCount")).isEqualTo(1);
        assertThat(again.getString("closedAt")).isNull();
        assertThat(again.getJsonObject("lead").getLong("id")).isEqualTo(lead());
        assertThat(again.getString("replyDueAt")).isNotNull();

        String satisfied = replied(assigned("路边广告牌松动有坠落危险"), "已拆除");
        ok(act(Staff.token("DISPATCHER"), satisfied, "approve", new JsonObject()));
        ok(act(
                Staff.token("AGENT"),
                satisfied,
                "follow-up",
                new JsonObject().put("resolved", true).put("satisfaction", "SATISFIED")));
        HttpResponse<String> refused =
                act(Staff.token("SUPERVISOR"), satisfied, "reopen", new JsonObject().put("reason", "x"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).getString("detail")).contains("不满意");
    }

    @Test
    void anAgentRegistersACallAndAnswersAConsultationOnTheSpot() {
        String agent = Staff.token("AGENT");
        String callId = "call-" + UUID.randomUUID();
        JsonObject body = new JsonObject()
                .put("caller", new JsonObject().put("phone", "13912345678").put("name", "李四"))
                .put("content", "请问灵活就业人员怎么参加职工养老保险？")
                .put("type", "咨询")
                .put("category", "劳动和社会保障")
                .put("subcategory", "社会保险")
                .put("callId", callId)
                .put("answer", "可持身份证到社保经办机构或通过线上平台办理灵活就业人员参保登记，按规定的缴费基数自行缴费。");
        HttpResponse<String> registered = sendAs(agent, "POST", "/api/v1/tickets", body);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String no = json(registered).getString("ticketNo");
        assertThat(json(registered).getString("status")).isEqualTo("CLOSED");
        HttpResponse<String> retried = sendAs(agent, "POST", "/api/v1/tickets", body);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(json(retried).getString("ticketNo")).isEqualTo(no);
        JsonObject closed = detail(no);
        assertThat(closed.getString("channel")).isEqualTo("hotline");
        assertThat(closed.getString("subcategory")).isEqualTo("社会保险");
        assertThat(closed.getJsonArray("events").stream()
                        .map(e -> ((JsonObject) e).getString("action"))
                        .toList())
                .containsExactly("RECEIVE", "ANSWER");
        assertThat(progress(no, "13912345678").getString("reply")).contains("灵活就业");

        HttpResponse<String> noPhone = sendAs(agent, "POST", "/api/v1/tickets", new JsonObject().put("content", "x"));
        assertThat(noPhone.statusCode()).isEqualTo(400);
        assertThat(json(noPhone).getJsonArray("errors").encode()).contains("caller.phone");
        HttpResponse<String> answerComplaint = sendAs(
                agent,
                "POST",
                "/api/v1/tickets",
                new JsonObject()
                        .put("caller", new JsonObject().put("phone", "13912345678"))
                        .put("content", "投诉噪音")
                        .put("type", "投诉")
                        .put("answer", "好的"));
        assertThat(answerComplaint.statusCode()).isEqualTo(400);
        assertThat(json(answerComplaint).getString("field")).isEqualTo("answer");
        HttpResponse<String> urgent = sendAs(
                agent,
                "POST",
                "/api/v1/tickets",
                new JsonObject()
                        .put("caller", new JsonObject().put("phone", "13912345678"))
                        .put("content", "鼓楼社区阳光花园燃气泄漏，闻到很大的煤气味")
                        .put("type", "求助")
                        .put("category", "城乡建设")
                        .put("urgency", "CRITICAL")
                        .put("address", "阳光花园2幢"));
        assertThat(urgent.statusCode()).isEqualTo(201);
        JsonObject critical = Tickets.awaitStatusNot(json(urgent).getString("ticketNo"), "RECEIVED", 15_000);
        assertThat(critical.getString("urgency")).isEqualTo("CRITICAL");
        long dispatched =
                OffsetDateTime.parse(critical.getString("dispatchedAt")).toEpochSecond();
        long replyDue = OffsetDateTime.parse(critical.getString("replyDueAt")).toEpochSecond();
        assertThat(replyDue - dispatched).isEqualTo(2 * 3600);
    }

    @Test
    void aConsultationIsAnsweredDirectlyAndAnUnacceptableRequestRejectedWithNotices() {
        String consult = Tickets.dispatched("请问在哪里办理居住证？需要带什么材料", null, "政法").getString("ticketNo");
        assertThat(execute(
                        "UPDATE ticket SET status = 'PENDING_DISPATCH', request_type = '咨询' WHERE ticket_no = ?",
                        consult))
                .isEmpty();
        String agent = Staff.token("AGENT");
        JsonObject answered = ok(act(
                agent,
                consult,
                "answer",
                new JsonObject().put("answer", "可到居住地派出所申领居住证，需携带身份证、居住证明。").put("kbEntryId", "kb-17")));
        assertThat(answered.getString("status")).isEqualTo("CLOSED");
        awaitSms(PHONE, consult);

        String other = Tickets.dispatched("要求政府赔偿我炒股亏损的钱", null, "经济管理").getString("ticketNo");
        assertThat(execute("UPDATE ticket SET status = 'PENDING_DISPATCH' WHERE ticket_no = ?", other))
                .isEmpty();
        assertThat(act(agent, other, "reject", new JsonObject()).statusCode()).isEqualTo(400);
        JsonObject rejected = ok(act(agent, other, "reject", new JsonObject().put("reason", "属于个人投资行为，不属于12345受理范围")));
        assertThat(rejected.getString("status")).isEqualTo("REJECTED");
        awaitSms(PHONE, other);
        assertThat(SMS.to(PHONE, other).get(0).getString("text"))
                .contains("不予受理")
                .contains("个人投资");
        assertThat(act(agent, other, "answer", new JsonObject().put("answer", "x"))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aMergedDuplicateGetsTheMastersReplyAndItsOwnFollowUp() {
        String master = assigned("桂花苑小区南门外垃圾堆放多日无人清运，臭气熏天");
        JsonObject duplicate = Tickets.dispatched("南门菜市场旁边垃圾好几天没人收了，味道很大", "南门菜市场", "城乡建设");
        String dup = duplicate.getString("ticketNo");
        String agent = Staff.token("AGENT");
        HttpResponse<String> self = act(agent, dup, "merge", new JsonObject().put("masterTicketNo", dup));
        assertThat(self.statusCode()).isEqualTo(400);
        JsonObject merged = ok(act(
                agent,
                dup,
                "merge",
                new JsonObject().put("masterTicketNo", master).put("reason", "同一处垃圾")));
        assertThat(merged.getString("status")).isEqualTo("MERGED");
        assertThat(detail(dup).getString("masterTicketNo")).isEqualTo(master);
        assertThat(detail(master).getJsonArray("events").encode()).contains(dup);

        replied(master, "已组织环卫力量清运并增加清运频次。");
        JsonObject approved = ok(act(Staff.token("DISPATCHER"), master, "approve", new JsonObject()));
        assertThat(approved.getJsonObject("event").getJsonArray("sharedWith").getList())
                .contains(dup);
        JsonObject child = detail(dup);
        assertThat(child.getString("status")).isEqualTo("FOLLOW_UP");
        assertThat(child.getJsonArray("replies").encode()).contains("增加清运频次");
        assertThat(progress(dup, PHONE).getString("reply")).contains("增加清运频次");
        awaitSms(PHONE, dup);
        ok(act(agent, dup, "follow-up", new JsonObject().put("resolved", true).put("satisfaction", "SATISFIED")));
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_follow_up f JOIN ticket t ON t.id = f.ticket_id WHERE t.ticket_no = ?",
                        dup))
                .isEqualTo(1);
    }

    @Test
    void failedNotificationsAreRetriedWithBackoffUntilDelivered() {
        SMS.failNext(2);
        int refusedBefore = SMS.refused();
        String no = replied(assigned("小区地下车库积水严重，车辆无法进出"), "已疏通排水管道。");
        ok(act(Staff.token("DISPATCHER"), no, "approve", new JsonObject()));
        awaitSms(PHONE, no);
        assertThat(SMS.refused() - refusedBefore).isEqualTo(2);
        assertThat(count("SELECT attempts FROM outbox o JOIN ticket t ON t.id = o.ticket_id WHERE t.ticket_no = ?", no))
                .isEqualTo(3);
        assertThat(count(
                        "SELECT COUNT(*) FROM outbox o JOIN ticket t ON t.id = o.ticket_id"
                                + " WHERE t.ticket_no = ? AND o.status = 'SENT' AND o.delivered_via = 'SMS'",
                        no))
                .isEqualTo(1);
    }

    @Test
    void theTicketListFiltersAndPagesByKeyset() {
        String a = assigned("列表测试甲：道路积水" + UUID.randomUUID());
        String b = assigned("列表测试乙：道路积水" + UUID.randomUUID());
        String dispatcher = Staff.token("DISPATCHER");
        JsonObject page = json(getAs(dispatcher, "/api/v1/tickets?limit=1&q=" + q("列表测试") + "&department=" + lead()));
        assertThat(page.getJsonArray("items")).hasSize(1);
        assertThat(page.getJsonArray("items").getJsonObject(0).getString("ticketNo"))
                .isEqualTo(b);
        JsonObject next = json(getAs(
                dispatcher,
                "/api/v1/tickets?limit=1&q="
                        + q("列表测试") + "&department="
                        + lead() + "&before=" + page.getLong("next")));
        assertThat(next.getJsonArray("items").getJsonObject(0).getString("ticketNo"))
                .isEqualTo(a);
        JsonObject byNumber = json(getAs(dispatcher, "/api/v1/tickets?q=" + a));
        assertThat(byNumber.getJsonArray("items").getJsonObject(0).getString("ticketNo"))
                .isEqualTo(a);
        JsonObject dispatched = json(getAs(
                dispatcher,
                "/api/v1/tickets?status=DISPATCHED,IN_PROGRESS&category="
                        + q(detail(a).getString("category"))
                        + "&overdue=false&dueBefore=2099-01-01T00:00:00%2B08:00&limit=200"));
        assertThat(dispatched.getJsonArray("items").encode()).contains(a);
        HttpResponse<String> badStatus = getAs(dispatcher, "/api/v1/tickets?status=FLYING");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus).getString("field")).isEqualTo("status");
        String otherStaff = Staff.token("DEPARTMENT_STAFF", Staff.department("SLJ"));
        JsonObject foreign = json(getAs(otherStaff, "/api/v1/tickets?q=" + a + "&department=" + lead()));
        assertThat(foreign.getJsonArray("items")).isEmpty();
        JsonObject own = json(getAs(Staff.token("DEPARTMENT_STAFF", co()), "/api/v1/tickets?q=" + a));
        assertThat(own.getJsonArray("items")).hasSize(1);
    }
}
