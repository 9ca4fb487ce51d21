package cn.hotline12345.hub.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become RFC 9457 {@code application/problem+json} responses. */
public final class Problems {

    /** The media type of every error response. */
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final int bodyLimitBytes;

    public Problems(int bodyLimitBytes) {
        this.bodyLimitBytes = bodyLimitBytes;
    }

    /** Failure handler for every route: writes the failure as a problem document. */
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        send(ctx, toApiException(ctx.failure(), ctx.statusCode(), ctx));
    }

    /** Writes a problem document for {@code problem}. */
    public static void send(RoutingContext ctx, ApiException problem) {
        JsonObject body = new JsonObject()
                .put("type", "/problems/" + problem.type())
                .put("title", titleOf(problem.status()))
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", ctx.request().path());
        if (!problem.errors().isEmpty()) {
            body.put("field", problem.errors().get(0).field());
            JsonArray errors = new JsonArray();
            problem.errors().forEach(error -> errors.add(error.toJson()));
            body.put("errors", errors);
        }
        problem.extensions().forEach(member -> body.put(member.getKey(), member.getValue()));
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE + "; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 429) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "3600");
        }
        if (problem.status() == 503) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        ctx.response().end(body.encode());
    }

    private ApiException toApiException(Throwable failure, int status, RoutingContext ctx) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof DecodeException) {
            return ApiException.invalid("body", "请求体不是合法的JSON，请检查格式与编码（需UTF-8）");
        }
        if (failure instanceof IllegalArgumentException && status <= 0) {
            return ApiException.invalid("request", "请求格式有误");
        }
        if (isUnavailable(failure)) {
            log.warn(
                    "Request {} {} failed: a backing server is unavailable",
                    ctx.request().method(),
                    ctx.request().path(),
                    failure);
            return new ApiException(503, "unavailable", "服务暂时不可用，请稍后重试", List.of());
        }
        int effective = status > 0 ? status : 500;
        return switch (effective) {
            case 400 -> ApiException.invalid("request", "请求格式有误");
            case 401 -> new ApiException(401, "unauthorized", "请先登录", List.of());
            case 403 -> new ApiException(403, "forbidden", "没有执行该操作的权限", List.of());
            case 404 -> ApiException.notFound("请求的资源不存在");
            case 405 -> new ApiException(405, "method-not-allowed", "该地址不支持此请求方法", List.of());
            case 406 -> new ApiException(406, "not-acceptable", "无法提供所要求的响应格式", List.of());
            case 413 -> new ApiException(
                    413,
                    "payload-too-large",
                    "请求体过大，上限为" + (bodyLimitBytes / 1024) + "KB",
                    List.of(new FieldError("body", "请求体过大")));
            case 414 -> new ApiException(414, "uri-too-long", "请求地址过长", List.of());
            case 415 -> new ApiException(
                    415,
                    "unsupported-media-type",
                    "不支持的内容类型，请使用 Content-Type: application/json",
                    List.of(new FieldError("Content-Type", "必须是application/json")));
            default -> {
                if (effective >= 500) {
                    log.error(
                            "Request {} {} failed",
                            ctx.request().method(),
                            ctx.request().path(),
                            failure);
                    yield new ApiException(500, "internal-error", "服务器内部错误，请稍后重试", List.of());
                }
                yield new ApiException(effective, "client-error", "请求无法处理", List.of());
            }
        };
    }

    private static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedConnectionException
                    || t instanceof TimeoutException
                    || t instanceof java.net.ConnectException
                    || t.getClass().getSimpleName().endsWith("TimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "请求参数有误";
            case 401 -> "未登录";
            case 403 -> "无权限";
            case 404 -> "未找到";
            case 405 -> "方法不允许";
            case 409 -> "状态冲突";
            case 413 -> "请求体过大";
            case 415 -> "内容类型不支持";
            case 422 -> "内容校验未通过";
            case 429 -> "请求过于频繁";
            case 503 -> "服务不可用";
            default -> status >= 500 ? "服务器错误" : "请求错误";
        };
    }
}
