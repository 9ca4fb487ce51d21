package cn.hotline12345.hub;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.storage.FreePorts;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Runs {@code hub.jar} as a real process, kills it with SIGKILL under load and checks nothing acknowledged is lost. */
class CrashRecoveryIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir = TestHub.dataDir("crash");
    private final Path jar = Path.of("target", "hub.jar").toAbsolutePath();

    @Test
    void everyAcknowledgedTicketSurvivesSigkillExactlyOnce() throws Exception {
        int port = FreePorts.pick();
        Process first = startHub(port, "first");
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String externalId = "crash-" + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> response = post(port, externalId);
                        if (response.statusCode() == 201 || response.statusCode() == 200) {
                            acknowledged.put(externalId, new JsonObject(response.body()).getString("ticketNo"));
                        }
                    } catch (IOException expectedWhenKilled) {
                        sleepQuietly(20);
                    }
                }
                return null;
            });
        }
        long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (acknowledged.size() < 150 && System.nanoTime() < loadDeadline) {
            Thread.sleep(20);
        }
        assertThat(acknowledged).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(150);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(300);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        Process second = startHub(port, "second");
        try {
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                HttpResponse<String> progress = get(port, "/api/v1/requests/" + ack.getValue() + "?phone=13700001234");
                assertThat(progress.statusCode())
                        .as("ticket %s", ack.getValue())
                        .isEqualTo(200);
            }
            List<String> replayed = new ArrayList<>();
            for (String externalId : acknowledged.keySet().stream().limit(40).toList()) {
                HttpResponse<String> replay = post(port, externalId);
                assertThat(replay.statusCode()).isEqualTo(200);
                replayed.add(new JsonObject(replay.body()).getString("ticketNo"));
                assertThat(replayed.get(replayed.size() - 1)).isEqualTo(acknowledged.get(externalId));
            }
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertChildrenStopped();
    }

    private void assertChildrenStopped() throws IOException {
        for (Path pidFile : List.of(dataDir.resolve("mariadb/mariadbd.pid"), dataDir.resolve("redis/redis.pid"))) {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(
                        Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("child %s still running", pidFile)
                        .isFalse();
            }
        }
    }

    private Process startHub(int port, String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--data-dir",
                        dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        builder.environment().remove("HUB_MYSQL_URI");
        builder.environment().remove("HUB_REDIS_URI");
        builder.environment().put("HUB_LOG_FORMAT", "text");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("hub exited; see %s.log", name).isTrue();
            try {
                if (get(port, "/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("hub did not become ready; see " + dataDir.resolve(name + ".log"));
    }

    private static HttpResponse<String> post(int port, String externalId) throws IOException {
        String body = new JsonObject()
                .put("channel", "miniprogram")
                .put("content", "小程序提交：南桥镇石桥村自来水浑浊，已经三天了。")
                .put("externalId", externalId)
                .put("citizen", new JsonObject().put("phone", "13700001234"))
                .encode();
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
