package cn.hotline12345.hub.kb;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.postJson;
import static cn.hotline12345.hub.TestHub.sendAs;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Main;
import cn.hotline12345.hub.TestHub;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The knowledge base over HTTP and the CLI, on real MariaDB and Redis. */
class KnowledgeBaseIT {

    private static JsonObject ask(String question) {
        HttpResponse<String> response =
                get("/api/v1/kb/answer?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonObject awaitAnswer(String question, Predicate<JsonObject> until) {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonObject answer = ask(question);
        while (!until.test(answer)) {
            assertThat(System.currentTimeMillis())
                    .as("answer to " + question + ": " + answer)
                    .isLessThan(deadline);
            sleep(200);
            answer = ask(question);
        }
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        assertThat(status).as(err.toString()).isZero();
        return new JsonObject(out.toString().strip());
    }

    @Test
    void theStarterContentAnswersWithSourcesAndRefusesTheUnrelated() {
        JsonObject answer = ask("你好，我想问一下公积金怎么提取啊");
        assertThat(answer.getBoolean("answered")).isTrue();
        assertThat(answer.getString("question")).contains("公积金");
        assertThat(answer.getJsonObject("source").getString("title")).isNotBlank();
        assertThat(answer.getDouble("confidence")).isBetween(0.0, 1.0);
        assertThat(answer.getLong("entryId")).isPositive();
        assertThat(answer.getJsonArray("alternatives")).isNotNull();
        long queryId = answer.getLong("queryId");
        assertThat(postJson(
                                "/api/v1/kb/feedback",
                                new JsonObject()
                                        .put("queryId", queryId)
                                        .put("helpful", true)
                                        .encode())
                        .statusCode())
                .isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/kb/feedback",
                                new JsonObject()
                                        .put("queryId", 999_999_999)
                                        .put("helpful", false)
                                        .encode())
                        .statusCode())
                .isEqualTo(404);

        JsonObject unrelated = ask("明天会下雨吗，要不要带伞");
        assertThat(unrelated.getBoolean("answered")).isFalse();
        assertThat(unrelated.getString("answer")).contains("人工");
        HttpResponse<String> missing = get("/api/v1/kb/answer");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).getString("field")).isEqualTo("q");

        JsonObject gaps = json(getAs(adminToken(), "/api/v1/kb/gaps?days=1"));
        assertThat(gaps.getJsonArray("topics").encode()).contains("明天会下雨吗");
    }

    @Test
    void entriesGoThroughReviewAndARepealedDocumentRetiresItsEntriesAtOnce() {
        String kbAdmin = tokenFor("KB_ADMIN", null);
        String editor = tokenFor("AGENT", null);
        HttpResponse<String> document = sendAs(
                kbAdmin,
                "POST",
                "/api/v1/kb/documents",
                new JsonObject()
                        .put("title", "青溪县宠物犬只登记管理办法")
                        .put("docNo", "青政发〔2026〕9号")
                        .put("issuer", "青溪县人民政府")
                        .put("date", "2026-03-01")
                        .put(
                                "text",
                                "第一章 总则\n第一条 为规范犬只饲养管理，制定本办法。\n第二章 登记\n"
                                        + "第五条 饲养犬只的居民应当在取得犬只后三十日内到所在地派出所办理犬只登记，并为犬只接种狂犬病疫苗。\n"
                                        + "第六条 犬只登记证每年年检一次。"));
        assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
        long documentId = json(document).getLong("id");
        assertThat(json(document).getInteger("passages")).isEqualTo(3);

        JsonObject fromPassage = awaitAnswer("养了狗要去哪里办理犬只登记", a -> a.getJsonObject("passage") != null);
        assertThat(fromPassage.getJsonObject("passage").getString("citation"))
                .contains("青溪县宠物犬只登记管理办法")
                .contains("第五条");

        HttpResponse<String> draft = sendAs(
                editor,
                "POST",
                "/api/v1/kb/entries",
                new JsonObject()
                        .put("question", "犬只登记证多久年检一次？")
                        .put("similar", new JsonArray().add("狗证要年检吗"))
                        .put("answer", "犬只登记证每年年检一次，请到登记的派出所办理。")
                        .put("category", "政法/治安管理")
                        .put("submit", true));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = json(draft).getLong("id");
        assertThat(json(draft).getString("status")).isEqualTo("PENDING_REVIEW");
        assertThat(sendAs(editor, "POST", "/api/v1/kb/entries/" + id + "/approve", new JsonObject())
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> linked = sendAs(
                kbAdmin,
                "PUT",
                "/api/v1/kb/entries/" + id,
                new JsonObject()
                        .put("question", "犬只登记证多久年检一次？")
                        .put("similar", new JsonArray().add("狗证要年检吗"))
                        .put("answer", "犬只登记证每年年检一次，请到登记的派出所办理。")
                        .put("category", "政法/治安管理")
                        .put(
                                "source",
                                new JsonObject().put("title", "青溪县宠物犬只登记管理办法").put("docNo", "青政发〔2026〕9号"))
                        .put("submit", true));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(TestHub.execute("UPDATE kb_entry SET document_id = ? WHERE id = ?", documentId, id))
                .isEmpty();
        JsonObject approved = json(sendAs(kbAdmin, "POST", "/api/v1/kb/entries/" + id + "/approve", new JsonObject()));
        assertThat(approved.getString("status")).isEqualTo("PUBLISHED");
        JsonObject served = awaitAnswer("狗证每年都要年检吗", a -> Long.valueOf(id).equals(a.getLong("entryId")));
        assertThat(served.getJsonObject("source").getString("docNo")).isEqualTo("青政发〔2026〕9号");
        JsonObject history = json(getAs(kbAdmin, "/api/v1/kb/entries/" + id));
        assertThat(history.getJsonArray("versions").size()).isGreaterThanOrEqualTo(3);

        JsonObject repealed =
                json(sendAs(kbAdmin, "POST", "/api/v1/kb/documents/" + documentId + "/repeal", new JsonObject()));
        assertThat(repealed.getInteger("entriesRetired")).isEqualTo(1);
        JsonObject after = awaitAnswer("狗证每年都要年检吗", a -> !Long.valueOf(id).equals(a.getLong("entryId")));
        assertThat(after.encode()).doesNotContain("犬只登记证每年年检一次");
        assertThat(json(getAs(kbAdmin, "/api/v1/kb/entries/" + id)).getString("status"))
                .isEqualTo("REPEALED");
    }

    @Test
    void anExpiredEntryIsNeverServed() {
        String kbAdmin = tokenFor("KB_ADMIN", null);
        HttpResponse<String> created = sendAs(
                kbAdmin,
                "POST",
                "/api/v1/kb/entries",
                new JsonObject()
                        .put("question", "青溪县冬季取暖补贴怎么申领？")
                        .put("answer", "符合条件的困难家庭可向社区申请冬季取暖补贴。")
                        .put("validTo", LocalDate.now().minusDays(1).toString())
                        .put("publish", true));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).getLong("id");
        sleep(2_000);
        JsonObject answer = ask("青溪县冬季取暖补贴怎么申领");
        assertThat(answer.getValue("entryId")).isNotEqualTo(id);
        assertThat(answer.encode()).doesNotContain("冬季取暖补贴可向社区申请");
    }

    @Test
    void theCommandLineImportsAndAsksWithTheSameJson() throws IOException {
        Path file = TestHub.dataDir("kb").resolve("entries.jsonl");
        Files.writeString(
                file,
                new JsonObject()
                                .put("question", "青溪县老年人乘坐公交车免费吗？")
                                .put("similar", new JsonArray().add("老人坐公交要钱吗"))
                                .put("answer", "年满65周岁的老年人凭老年优待证可免费乘坐县内公交车。")
                                .put("category", "交通运输/公共交通")
                                .put("source", "青溪县老年人优待办法")
                                .encode()
                        + "\n",
                StandardCharsets.UTF_8);
        String dataDir = TestHub.get().config().dataDir().toString();
        JsonObject imported = run("kb", "import", "--data-dir", dataDir, "--input", file.toString());
        assertThat(imported.getInteger("imported")).isEqualTo(1);
        JsonObject cli = run("kb", "ask", "--data-dir", dataDir, "--question", "老年人坐公交车要钱吗");
        assertThat(cli.getBoolean("answered")).isTrue();
        assertThat(cli.getString("question")).isEqualTo("青溪县老年人乘坐公交车免费吗？");
        assertThat(cli.getJsonObject("source").getString("title")).isEqualTo("青溪县老年人优待办法");
        JsonObject http = awaitAnswer(
                "老年人坐公交车要钱吗", a -> a.getBoolean("answered") && "青溪县老年人乘坐公交车免费吗？".equals(a.getString("question")));
        assertThat(http.fieldNames()).containsAll(cli.fieldNames());
    }

    @Test
    void entriesRoundTripThroughExcel() {
        String kbAdmin = tokenFor("KB_ADMIN", null);
        HttpResponse<byte[]> exported = TestHub.download(kbAdmin, "/api/v1/kb/export?format=xlsx");
        assertThat(exported.statusCode()).isEqualTo(200);
        Sheet sheet = Spreadsheets.readXlsx(exported.body());
        assertThat(sheet.rows().size()).isGreaterThanOrEqualTo(230);
        assertThat(sheet.cell(sheet.rows().get(0), "政策来源")).isNotBlank();

        Sheet one = Sheet.of(
                sheet.header(),
                java.util.List.of(java.util.List.of(
                        "青溪县图书馆办理借书证需要押金吗？",
                        "图书馆借书证要交押金吗|办借书证收费吗",
                        "青溪县图书馆办理借书证免押金，凭身份证即可办理。",
                        "教育文体/文化体育设施",
                        "青溪县文化广电旅游体育局",
                        "青溪县公共图书馆服务规范",
                        "",
                        "青溪县文化广电旅游体育局",
                        "",
                        "",
                        "")));
        HttpResponse<String> imported = TestHub.upload(
                kbAdmin,
                "/api/v1/kb/import",
                Spreadsheets.toXlsx(one, "政策问答"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(json(imported).getInteger("imported")).isEqualTo(1);
        JsonObject answer = awaitAnswer("办借书证要交押金吗", a -> "青溪县图书馆办理借书证需要押金吗？".equals(a.getString("question")));
        assertThat(answer.getJsonObject("source").getString("title")).isEqualTo("青溪县公共图书馆服务规范");
    }
}
