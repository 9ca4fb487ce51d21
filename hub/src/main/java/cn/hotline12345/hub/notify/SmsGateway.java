package cn.hotline12345.hub.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Optional;

/**
 * An SMS gateway reached over HTTP: {@code POST {url}} with {@code {"to", "text", "reference"}} as JSON and an optional
 * bearer token; any 2xx is accepted. The reference ({@code outbox-<id>}) lets the gateway drop a repeated delivery.
 */
public final class SmsGateway implements Notifier {

    private final WebClient client;
    private final String url;
    private final Optional<String> token;

    public SmsGateway(Vertx vertx, String url, Optional<String> token) {
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout(5_000)
                        .setIdleTimeout(30)
                        .setUserAgent("hotline12345-hub"));
        this.url = url;
        this.token = token;
    }

    @Override
    public Future<String> deliver(OutboxMessage message) {
        var request = client.postAbs(url).timeout(10_000);
        token.ifPresent(request::bearerTokenAuthentication);
        return request.sendJsonObject(new JsonObject()
                        .put("to", message.recipient())
                        .put("text", message.text())
                        .put("reference", "outbox-" + message.id()))
                .compose(response -> response.statusCode() / 100 == 2
                        ? Future.succeededFuture("SMS")
                        : Future.failedFuture("SMS gateway answered " + response.statusCode()));
    }
}
