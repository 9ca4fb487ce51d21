package cn.hotline12345.hub.citizen;

import cn.hotline12345.channels.Identity;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.account.Authentication;
import cn.hotline12345.hub.account.Role;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.QueryParams;
import cn.hotline12345.hub.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One citizen across channels, for the hotline centre's staff: look a citizen up by phone or WeChat id, read the
 * history across channels, and merge, split or link with an audit record.
 */
public final class CitizenRoutes {

    private static final Role[] CENTRE = {Role.AGENT, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN};
    private static final Map<String, Identity.Kind> LOOKUPS = Map.of(
            "phone", Identity.Kind.PHONE,
            "openid", Identity.Kind.WECHAT_OPENID,
            "miniOpenid", Identity.Kind.MINIPROGRAM_OPENID,
            "unionid", Identity.Kind.WECHAT_UNIONID);

    private final CitizenHistory history;
    private final CitizenLinks links;
    private final Authentication authentication;

    public CitizenRoutes(CitizenHistory history, CitizenLinks links, Authentication authentication) {
        this.history = history;
        this.links = links;
        this.authentication = authentication;
    }

    /** Adds the routes to the {@code /api/v1} router. */
    public void mount(Router api) {
        api.get("/citizens").handler(authentication.require(CENTRE)).handler(this::lookup);
        api.get("/citizens/:id").handler(authentication.require(CENTRE)).handler(this::show);
        api.post("/citizens/:id/merge").handler(authentication.require(CENTRE)).handler(this::merge);
        api.post("/citizens/:id/split").handler(authentication.require(CENTRE)).handler(this::split);
        api.post("/citizens/:id/identities")
                .handler(authentication.require(CENTRE))
                .handler(this::link);
    }

    private void lookup(RoutingContext ctx) {
        List<String> given = new ArrayList<>();
        LOOKUPS.keySet().forEach(name -> {
            if (ctx.request().getParam(name) != null) {
                given.add(name);
            }
        });
        if (given.size() != 1) {
            throw ApiException.invalid("phone", "请提供且只提供一个查询条件：phone、openid、miniOpenid 或 unionid");
        }
        String name = given.get(0);
        String value = QueryParams.text(ctx, name, 128);
        if (value == null) {
            throw ApiException.invalid(name, "查询条件不能为空");
        }
        Identity.Kind kind = LOOKUPS.get(name);
        Future<JsonObject> found;
        if (kind == Identity.Kind.PHONE) {
            String phone = PhoneNumbers.normalise(value).orElseThrow(() -> ApiException.invalid("phone", "电话号码格式不正确"));
            found = history.ofPhone(phone);
        } else {
            found = history.ofIdentity(kind, value)
                    .map(h -> h.orElseThrow(() -> ApiException.notFound("未找到该标识对应的市民档案")));
        }
        found.onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
    }

    private void show(RoutingContext ctx) {
        long id = citizenId(ctx);
        history.of(id)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("市民档案不存在")))
                .onSuccess(body -> Responses.json(ctx, 200, body))
                .onFailure(ctx::fail);
    }

    private void merge(RoutingContext ctx) {
        long id = citizenId(ctx);
        JsonInput in = JsonInput.of(ctx);
        Long sourceId = in.positiveId("sourceId", "要并入的市民档案");
        String reason = in.requiredText("reason", "合并原因", 200);
        in.throwIfInvalid();
        String actor = Authentication.user(ctx).actor();
        links.merge(id, sourceId, actor, reason)
                .compose(done -> history.of(id))
                .onSuccess(body -> Responses.json(ctx, 200, body.orElseThrow()))
                .onFailure(ctx::fail);
    }

    private void split(RoutingContext ctx) {
        long id = citizenId(ctx);
        JsonInput in = JsonInput.of(ctx);
        List<Long> identityIds = in.idList("identityIds", "拆出的标识", 20);
        List<String> ticketNos = in.textList("ticketNos", "拆出的工单", 200, 20);
        String reason = in.requiredText("reason", "拆分原因", 200);
        if (identityIds.isEmpty() && ticketNos.isEmpty()) {
            in.reject("identityIds", "请至少选择一个要拆出的标识或工单");
        }
        in.throwIfInvalid();
        links.split(id, identityIds, ticketNos, Authentication.user(ctx).actor(), reason)
                .compose(created -> history.of(created))
                .onSuccess(body -> Responses.json(ctx, 201, body.orElseThrow()))
                .onFailure(ctx::fail);
    }

    private void link(RoutingContext ctx) {
        long id = citizenId(ctx);
        JsonInput in = JsonInput.of(ctx);
        String kindText = in.requiredText("kind", "标识类型", 32);
        String value = in.requiredText("value", "标识", 128);
        String reason = in.requiredText("reason", "关联原因", 200);
        Optional<Identity.Kind> kind = kindText == null
                ? Optional.empty()
                : LOOKUPS.values().stream()
                        .filter(k -> k.name().equals(kindText))
                        .findFirst();
        if (kindText != null && kind.isEmpty()) {
            in.reject("kind", "标识类型须为 PHONE、WECHAT_OPENID、MINIPROGRAM_OPENID 或 WECHAT_UNIONID");
        }
        String normalised = value;
        if (kind.orElse(null) == Identity.Kind.PHONE && value != null) {
            normalised = PhoneNumbers.normalise(value).orElse(null);
            if (normalised == null) {
                in.reject("value", "电话号码格式不正确");
            }
        }
        in.throwIfInvalid();
        links.link(id, kind.orElseThrow(), normalised, Authentication.user(ctx).actor(), reason)
                .compose(done -> history.of(id))
                .onSuccess(body -> Responses.json(ctx, 201, body.orElseThrow()))
                .onFailure(ctx::fail);
    }

    private static long citizenId(RoutingContext ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
        }
        throw ApiException.notFound("市民档案不存在");
    }
}
