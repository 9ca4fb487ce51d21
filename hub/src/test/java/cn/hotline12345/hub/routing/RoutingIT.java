package cn.hotline12345.hub.routing;

import static cn.hotline12345.hub.TestHub.adminToken;
import static cn.hotline12345.hub.TestHub.download;
import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.upload;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingIT {

    private static JsonObject explain(String query) {
        HttpResponse<String> response = get("/api/v1/routing/explain?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theMostSpecificRowWinsAndTheDecisionIsExplained() {
        JsonObject street = explain("category=" + q("城乡建设") + "&subcategory=" + q("物业管理") + "&area=" + q("锦绣华庭3栋")
                + "&text=" + q("物业不作为，电梯坏了一个月"));
        assertThat(street.getBoolean("routed")).isTrue();
        assertThat(street.getJsonObject("lead").getString("name")).isEqualTo("青溪县城关街道办事处");
        assertThat(street.getJsonArray("coUnits").encode()).contains("住房和城乡建设局");
        assertThat(street.getJsonObject("area").getString("name")).isEqualTo("鼓楼社区");
        assertThat(street.getJsonArray("areaChain").getList()).containsExactly("鼓楼社区", "城关街道", "青溪县");
        assertThat(street.getJsonObject("row").getInteger("rowNo")).isEqualTo(3);
        assertThat(street.getString("explanation")).contains("第3条").contains("城关街道");
        assertThat(street.getInteger("listVersion")).isPositive();
        JsonArray candidates = street.getJsonArray("candidates");
        assertThat(candidates.getJsonObject(0).getInteger("rowNo")).isEqualTo(3);
        assertThat(candidates.stream()
                        .map(c -> (JsonObject) c)
                        .filter(c -> c.getInteger("rowNo") == 2)
                        .findFirst()
                        .orElseThrow()
                        .getBoolean("matches"))
                .isTrue();
        assertThat(candidates.stream()
                        .map(c -> (JsonObject) c)
                        .filter(c -> c.getInteger("rowNo") == 4)
                        .findFirst()
                        .orElseThrow()
                        .getString("reason"))
                .contains("区域");

        JsonObject town = explain(
                "category=" + q("城乡建设") + "&subcategory=" + q("供水排水") + "&area=" + q("竹坑村") + "&text=" + q("村里的水井干了"));
        assertThat(town.getJsonObject("lead").getString("name")).isEqualTo("青溪县水利局");

        JsonObject keyword = explain(
                "category=" + q("城乡建设") + "&subcategory=" + q("供水排水") + "&area=" + q("竹坑村") + "&text=" + q("家里停水两天了"));
        assertThat(keyword.getJsonObject("lead").getString("name")).isEqualTo("青溪县自来水有限公司");
        assertThat(keyword.getJsonObject("row").getJsonArray("keywords").getList())
                .contains("停水");
        assertThat(keyword.getString("explanation")).contains("停水");

        JsonObject countyWide = explain("category=" + q("城乡建设") + "&text=" + q("不知道找谁"));
        assertThat(countyWide.getJsonObject("lead").getString("name")).isEqualTo("青溪县住房和城乡建设局");
        assertThat(countyWide.getJsonObject("area")).isNull();

        JsonObject byAddressInText =
                explain("category=" + q("城乡建设") + "&subcategory=" + q("物业管理") + "&text=" + q("桂花苑小区物业乱收费"));
        assertThat(byAddressInText.getJsonObject("lead").getString("name")).isEqualTo("青溪县城关街道办事处");

        JsonObject nothing = explain("category=" + q("不存在的分类"));
        assertThat(nothing.getBoolean("routed")).isFalse();
        assertThat(nothing.getString("explanation")).contains("待派单");
    }

    @Test
    void explainRejectsMissingCategoryAndUnknownArea() {
        HttpResponse<String> missing = get("/api/v1/routing/explain?text=abc");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(missing).getString("field")).isEqualTo("category");
        HttpResponse<String> area = get("/api/v1/routing/explain?category=" + q("城乡建设") + "&area=" + q("火星基地"));
        assertThat(area.statusCode()).isEqualTo(400);
        assertThat(json(area).getString("field")).isEqualTo("area");
        assertThat(json(area).getString("detail")).contains("火星基地");
    }

    @Test
    void anXlsxListRoundTripsThroughImportAndExport() {
        String admin = adminToken();
        JsonArray versions =
                json(getAs(admin, "/api/v1/admin/responsibility-lists")).getJsonArray("items");
        int published = versions.stream()
                .map(v -> (JsonObject) v)
                .filter(v -> v.getString("status").equals("PUBLISHED"))
                .findFirst()
                .orElseThrow()
                .getInteger("version");
        HttpResponse<byte[]> exported =
                download(admin, "/api/v1/admin/responsibility-lists/" + published + "/export?format=xlsx");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        Sheet sheet = Spreadsheets.readXlsx(exported.body());
        assertThat(sheet.header()).isEqualTo(ResponsibilityListFile.COLUMNS);
        assertThat(sheet.rows()).hasSizeGreaterThan(100);

        List<List<String>> edited = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            List<String> cells = new ArrayList<>(row.cells());
            while (cells.size() < ResponsibilityListFile.COLUMNS.size()) {
                cells.add("");
            }
            if (cells.get(0).equals("1")) {
                cells.set(6, "城管局");
            }
            edited.add(cells);
        }
        byte[] draft = Spreadsheets.toXlsx(Sheet.of(sheet.header(), edited), "责任清单");
        HttpResponse<String> imported = upload(
                admin,
                "/api/v1/admin/responsibility-lists?name=" + q("测试草稿"),
                draft,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonObject result = json(imported);
        assertThat(result.getString("status")).isEqualTo("DRAFT");
        assertThat(result.getJsonObject("report").getBoolean("valid")).isTrue();
        assertThat(result.getJsonObject("report").getInteger("rows"))
                .isEqualTo(sheet.rows().size());
        int version = result.getInteger("version");

        JsonObject shown = json(getAs(admin, "/api/v1/admin/responsibility-lists/" + version));
        assertThat(shown.getString("status")).isEqualTo("DRAFT");
        assertThat(shown.getJsonArray("rows")
                        .getJsonObject(0)
                        .getJsonObject("lead")
                        .getString("name"))
                .isEqualTo("青溪县综合行政执法局");

        HttpResponse<byte[]> csv =
                download(admin, "/api/v1/admin/responsibility-lists/" + version + "/export?format=csv");
        Sheet again = Spreadsheets.read(csv.body());
        assertThat(again.rows()).hasSize(sheet.rows().size());
        assertThat(again.cell(again.rows().get(0), "主办单位")).isEqualTo("青溪县综合行政执法局");
        assertThat(again.cell(again.rows().get(5), "职责依据"))
                .isEqualTo(sheet.cell(sheet.rows().get(5), "职责依据"));

        JsonObject whatIf = json(getAs(admin, "/api/v1/admin/responsibility-lists/" + version + "/what-if?days=30"));
        assertThat(whatIf.getInteger("simulatedVersion")).isEqualTo(version);
        assertThat(whatIf.getInteger("currentVersion")).isEqualTo(published);
        assertThat(whatIf.getInteger("changed")).isLessThanOrEqualTo(whatIf.getInteger("tickets"));
        whatIf.getJsonArray("items").forEach(item -> {
            JsonObject change = (JsonObject) item;
            assertThat(change.getJsonObject("simulatedLead").getString("name")).isEqualTo("青溪县综合行政执法局");
        });
    }

    @Test
    void aBadListIsRefusedWithAReportNamingLinesAndColumns() {
        String csv = String.join(
                "\n",
                String.join(",", ResponsibilityListFile.COLUMNS),
                "1,城乡建设,,,,,住建局,,依据,2026-01-01,",
                "2,城乡建设,,,,,不存在的局,,依据,2026-01-01,",
                "3,城乡建设,,,火星基地,,住建局,,依据,2026-01-01,",
                "4,城乡建设,,,,,城管局,,依据,2026-06-01,",
                "5,没有的分类,,,,,住建局,,依据,2026-01-01,",
                "6,城乡建设,,,,,住建局,,依据,2026-13-45,");
        HttpResponse<String> response = upload(
                adminToken(), "/api/v1/admin/responsibility-lists", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonObject report = json(response).getJsonObject("report");
        assertThat(report.getBoolean("valid")).isFalse();
        JsonArray errors = report.getJsonArray("errors");
        assertThat(errors.encode())
                .contains("不存在的局")
                .contains("火星基地")
                .contains("没有的分类")
                .contains("有效期重叠")
                .contains("生效日期格式");
        JsonObject unknownUnit = errors.stream()
                .map(e -> (JsonObject) e)
                .filter(e -> e.getString("message").contains("不存在的局"))
                .findFirst()
                .orElseThrow();
        assertThat(unknownUnit.getInteger("line")).isEqualTo(3);
        assertThat(unknownUnit.getString("column")).isEqualTo("主办单位");
        assertThat(report.getJsonArray("uncoveredCategories").getList()).contains("环境保护");
    }

    @Test
    void listsNeedAnAdmin() {
        HttpResponse<String> anonymous = get("/api/v1/admin/responsibility-lists");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
