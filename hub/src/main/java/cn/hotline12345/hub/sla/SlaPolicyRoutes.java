package cn.hotline12345.hub.sla;

import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Responses;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Admins' SLA policies (办理时限): list, add or change one scope's limits, delete. */
public final class SlaPolicyRoutes {

    private static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT", "CRITICAL");

    private final SlaPolicyRepository repository;
    private final Runnable changed;
    private final Authentication authentication;

    public SlaPolicyRoutes(SlaPolicyRepository repository, Runnable changed, Authentication authentication) {
        this.repository = repository;
        this.changed = changed;
        this.authentication = authentication;
    }

    /** Adds the routes to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/admin/sla-policies")
                .handler(authentication.require(Role.ADMIN, Role.SUPERVISOR, Role.DISPATCHER))
                .handler(this::list);
        api.put("/admin/sla-policies")
                .consumes("application/json")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::save);
        api.delete("/admin/sla-policies/:id")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        repository
                .load()
                .onSuccess(policies -> {
                    JsonArray items = new JsonArray();
                    policies.policies().forEach(p -> items.add(p.toJson()));
                    Responses.json(ctx, 200, new JsonObject().put("items", items));
                })
                .onFailure(ctx::fail);
    }

    private void save(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String type = in.text("requestType", "诉求类型", 16);
        String urgency = in.text("urgency", "紧急程度", 8);
        String category = in.text("category", "一级分类", 64);
        String area = in.text("areaCode", "区划代码", 12);
        if (urgency != null && !URGENCIES.contains(urgency)) {
            in.reject("urgency", "紧急程度应为 NORMAL（一般）、URGENT（紧急）或 CRITICAL（特急）");
        }
        SlaPolicy.TimeLimit accept = limit(in, "accept", "签收时限");
        SlaPolicy.TimeLimit reply = limit(in, "reply", "答复时限");
        SlaPolicy.TimeLimit followUp = limit(in, "followUp", "回访时限");
        Integer returnWindow = in.intRange("returnWindowDays", "退单时限（工作日）", 1, 30);
        Integer maxExtension = in.intRange("maxExtensionDays", "延期上限（工作日）", 0, 60);
        JsonObject raw = ctx.body().asJsonObject();
        Object share = raw.getValue("warnShare");
        BigDecimal warnShare = new BigDecimal("0.8");
        if (share != null) {
            if (share instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1) {
                warnShare = new BigDecimal(n.toString()).setScale(3, java.math.RoundingMode.HALF_UP);
            } else {
                in.reject("warnShare", "预警比例（warnShare）须为大于0且不超过1的小数，如0.8");
            }
        }
        in.throwIfInvalid();
        SlaPolicy policy = new SlaPolicy(
                0,
                type,
                urgency,
                category,
                area,
                accept,
                reply,
                followUp,
                returnWindow == null ? 2 : returnWindow,
                maxExtension == null ? 10 : maxExtension,
                warnShare);
        repository
                .save(policy, Authentication.user(ctx).actor())
                .onSuccess(id -> {
                    changed.run();
                    Responses.json(ctx, 200, policy.toJson().put("id", id));
                })
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("id", "时限规则编号须为整数");
        }
        repository
                .delete(id, Authentication.user(ctx).actor())
                .onSuccess(done -> {
                    changed.run();
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }

    private static SlaPolicy.TimeLimit limit(JsonInput in, String field, String label) {
        JsonInput limit = in.object(field, label);
        if (!in.has(field)) {
            in.reject(field, "缺少必填字段：" + label + "（" + field + "），如 {\"amount\": 5, \"unit\": \"WORKING_DAYS\"}");
            return null;
        }
        Integer amount = limit.intRange("amount", label + "数值", 1, 10_000);
        if (!limit.has("amount")) {
            limit.reject("amount", "缺少" + label + "数值（amount）");
        }
        String unitText = limit.requiredText("unit", label + "单位", 16);
        LimitUnit unit = Arrays.stream(LimitUnit.values())
                .filter(u -> u.name().equals(unitText))
                .findFirst()
                .orElse(null);
        if (unitText != null && unit == null) {
            limit.reject(
                    "unit",
                    label + "单位应为 " + String.join("、", List.of("MINUTES", "HOURS", "WORKING_HOURS", "WORKING_DAYS")));
        }
        return amount == null || unit == null ? null : new SlaPolicy.TimeLimit(amount, unit);
    }
}
