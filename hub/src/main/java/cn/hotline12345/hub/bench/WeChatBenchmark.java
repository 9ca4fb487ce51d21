package cn.hotline12345.hub.bench;

import cn.hotline12345.channels.wechat.WeChatCrypto;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The official account's passive-reply time, which WeChat cuts off at 5 seconds: concurrent followers push signed text
 * messages (plaintext mode) to a running hub — three policy questions answered from the knowledge base for every
 * complaint registered as a ticket — and each reply is timed until its XML arrives.
 */
public final class WeChatBenchmark {

    private static final String[] QUESTIONS = {
        "公积金怎么提取", "社保卡丢了怎么补办", "新生儿怎么办理户口登记",
    };

    private static final String COMPLAINT = "投诉 桂花苑小区东门路灯坏了一个月，晚上出行很不安全，请尽快修理";

    private WeChatBenchmark() {}

    /** Pushes {@code total} messages to {@code baseUrl} whose server token is {@code token}. */
    public static JsonObject overHttp(String baseUrl, String token, int clients, int total, int warmup) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            WebClient client = LoadRun.client(vertx, baseUrl, clients);
            String run = UUID.randomUUID().toString().substring(0, 8);
            IntFunction<Future<?>> push = i -> {
                String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
                String nonce = run + i;
                String content = i % 4 == 3 ? COMPLAINT + "（" + run + "-" + i + "）" : QUESTIONS[i % 3];
                String xml = "<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[oBench" + run
                        + (i % clients) + "]]></FromUserName><CreateTime>" + timestamp
                        + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                        + "]]></Content><MsgId>" + (System.nanoTime() + i) + "</MsgId></xml>";
                return client.post("/api/v1/channels/wechat")
                        .addQueryParam("signature", WeChatCrypto.signature(token, timestamp, nonce))
                        .addQueryParam("timestamp", timestamp)
                        .addQueryParam("nonce", nonce)
                        .putHeader("Content-Type", "text/xml")
                        .sendBuffer(Buffer.buffer(xml, "UTF-8"))
                        .compose(WeChatBenchmark::expectReply);
            };
            if (warmup > 0) {
                new LoadRun(vertx, clients, warmup, i -> push.apply(total + i)).run();
            }
            return new LoadRun(vertx, clients, total, push)
                    .run()
                    .put("target", "official-account passive replies " + baseUrl + " (3 KB answers : 1 ticket)");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static Future<Void> expectReply(HttpResponse<Buffer> response) {
        String body = response.bodyAsString(StandardCharsets.UTF_8.name());
        return response.statusCode() == 200 && body != null && body.contains("<Content>")
                ? Future.succeededFuture()
                : Future.failedFuture("HTTP " + response.statusCode() + ": " + body);
    }
}
