package cn.hotline12345.hub.classify;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.TestHub;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Corrections as training data, models stored with reports, activation picked up by a running hub, restore. */
class ModelRegistryIT {

    private static Vertx vertx;
    private static Pool pool;
    private static ModelRegistry registry;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        pool = MySQLBuilder.pool()
                .connectingTo(MySQLConnectOptions.fromUri(TestHub.get().mysqlUri()))
                .using(vertx)
                .build();
        registry = new ModelRegistry(pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        await(registry.deactivate("category"));
        pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static String submit(String content) {
        return json(postJson(
                        "/api/v1/requests",
                        new JsonObject()
                                .put("channel", "web")
                                .put("content", content)
                                .encode()))
                .getString("ticketNo");
    }

    @Test
    void anAgentsCorrectionIsAnEventAndATrainingExample() throws Exception {
        String ticketNo = submit("喂喂，你好");

        boolean applied =
                await(new TicketRepository(pool).reclassify(ticketNo, "咨询", "民政", null, "user:agent07", Instant.now()));

        assertThat(applied).isTrue();
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND category = '民政' AND request_type = '咨询'"
                                + " AND triage = 0 AND event_seq = 2",
                        ticketNo))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE t.ticket_no = ?"
                                + " AND e.seq = 2 AND e.action = 'RECLASSIFY' AND e.actor = 'user:agent07'",
                        ticketNo))
                .isEqualTo(1);
        assertThat(await(registry.corrections(ShippedModels.Target.CATEGORY)))
                .anyMatch(example ->
                        example.text().contains("喂喂，你好") && example.label().equals("民政"));
        assertThat(await(new TicketRepository(pool)
                        .reclassify("19990101000001", "咨询", "民政", null, "user:x", Instant.now())))
                .isFalse();
    }

    @Test
    void anActivatedModelIsUsedByTheRunningHubAndThePreviousOneCanBeRestored() throws Exception {
        List<LabelledText> training = new ArrayList<>(ShippedModels.trainingSet(ShippedModels.Target.CATEGORY));
        training.addAll(await(registry.corrections(ShippedModels.Target.CATEGORY)));
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(Features.DEFAULT, "NAIVEBAYES", 1, 1);
        TextClassifier first = ClassifierTrainer.train(training, settings, "category");
        Thread.sleep(1_100);
        TextClassifier second = ClassifierTrainer.train(training, settings, "category");
        for (TextClassifier model : List.of(first, second)) {
            Evaluation report = Evaluation.of(model, ShippedModels.heldOut(ShippedModels.Target.CATEGORY));
            await(registry.store(model, settings.describe(), training.size(), report));
        }

        await(registry.activate(first.version()));
        await(registry.activate(second.version()));
        assertThat(usedVersionEventually(second.version())).isTrue();
        assertThat(await(registry.evaluation(second.version())).getDouble("macroF1"))
                .isGreaterThan(0.5);

        assertThat(await(registry.restorePrevious("category"))).isEqualTo(first.version());
        assertThat(usedVersionEventually(first.version())).isTrue();

        await(registry.deactivate("category"));
        assertThat(usedVersionEventually(
                        ShippedModels.load(ShippedModels.Target.CATEGORY).version()))
                .isTrue();
    }

    private static boolean usedVersionEventually(String version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String ticketNo = submit("小区门口的路灯坏了，晚上很黑");
            if (count(
                            "SELECT COUNT(*) FROM ticket WHERE ticket_no = ? AND classifier_version LIKE ?",
                            ticketNo,
                            version + "+%")
                    == 1) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }
}
