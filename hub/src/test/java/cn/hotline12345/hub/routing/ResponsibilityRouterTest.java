package cn.hotline12345.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.AreaLevel;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.DepartmentKind;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsibilityRouterTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    private static final Directory DIRECTORY = new Directory(
            List.of(unit(1, "住建局"), unit(2, "城关街道办事处"), unit(3, "自来水公司"), unit(4, "鼓楼社区居委会"), unit(5, "城管局")),
            List.of(
                    new Area("330999", "青溪县", AreaLevel.DISTRICT, null, List.of()),
                    new Area("330999001000", "城关街道", AreaLevel.STREET, "330999", List.of("解放路")),
                    new Area("330999001001", "鼓楼社区", AreaLevel.COMMUNITY, "330999001000", List.of("阳光花园")),
                    new Area("330999002000", "溪东街道", AreaLevel.STREET, "330999", List.of())));

    private static Department unit(long id, String name) {
        return new Department(id, "D" + id, name, DepartmentKind.FUNCTIONAL, null, null, null, List.of(), true);
    }

    private static ResponsibilityRow row(
            int no, String sub, List<String> keywords, String area, String type, long lead, LocalDate to) {
        return new ResponsibilityRow(no, "城乡建设", sub, keywords, area, type, lead, List.of(), "", null, to);
    }

    private static final ResponsibilityList LIST = new ResponsibilityList(
            1,
            7,
            "test",
            ResponsibilityList.Status.PUBLISHED,
            List.of(
                    row(1, null, List.of(), null, null, 1, null),
                    row(2, "供水排水", List.of(), null, null, 1, null),
                    row(3, "供水排水", List.of("停水", "水压"), null, null, 3, null),
                    row(4, null, List.of(), "330999001000", null, 2, null),
                    row(5, null, List.of(), "330999001001", null, 4, null),
                    row(6, null, List.of(), "330999001001", "投诉", 5, null),
                    row(7, "物业管理", List.of(), "330999001000", null, 2, LocalDate.of(2026, 1, 31))),
            new JsonObject(),
            "test",
            null,
            null);

    private static ResponsibilityRouter.Decision route(String sub, String type, String area, String text) {
        return ResponsibilityRouter.route(LIST, new RoutingQuery("城乡建设", sub, type, area, text), DIRECTORY, DAY);
    }

    private static int chosen(ResponsibilityRouter.Decision decision) {
        return decision.chosen().orElseThrow().row().rowNo();
    }

    @Test
    void keywordsBeatSubcategoryWhichBeatsCategory() {
        assertThat(chosen(route("供水排水", null, null, "家里停水了"))).isEqualTo(3);
        assertThat(chosen(route("供水排水", null, null, "水管漏了"))).isEqualTo(2);
        assertThat(chosen(route(null, null, null, "水管漏了"))).isEqualTo(1);
    }

    @Test
    void aRequestWithoutSubcategoryReachesSubcategoryRowsOnlyThroughKeywords() {
        assertThat(chosen(route(null, null, null, "小区水压太低"))).isEqualTo(3);
        ResponsibilityRouter.Candidate subOnly = route(null, null, null, "漏水").candidates().stream()
                .filter(c -> c.row().rowNo() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(subOnly.matches()).isFalse();
        assertThat(subOnly.reason()).contains("二级分类");
    }

    @Test
    void communityBeatsStreetBeatsEverywhere() {
        assertThat(chosen(route(null, null, "330999001001", "路面坑洼"))).isEqualTo(5);
        assertThat(chosen(route(null, null, "330999001000", "路面坑洼"))).isEqualTo(4);
        assertThat(chosen(route(null, null, "330999002000", "路面坑洼"))).isEqualTo(1);
        assertThat(chosen(route(null, null, null, "路面坑洼"))).isEqualTo(1);
    }

    @Test
    void aRowForTheRequestTypeBeatsOneForAnyType() {
        assertThat(chosen(route(null, "投诉", "330999001001", "路面坑洼"))).isEqualTo(6);
        assertThat(chosen(route(null, "咨询", "330999001001", "路面坑洼"))).isEqualTo(5);
    }

    @Test
    void rowsOutOfForceAreSkippedWithAReason() {
        ResponsibilityRouter.Decision decision = route("物业管理", null, "330999001001", "物业");
        assertThat(chosen(decision)).isEqualTo(5);
        assertThat(decision.candidates().stream()
                        .filter(c -> c.row().rowNo() == 7)
                        .findFirst()
                        .orElseThrow()
                        .reason())
                .contains("有效期");
    }

    @Test
    void theDecisionIsDeterministicAndExplained() {
        JsonObject json = route("供水排水", null, "330999001001", "停水").toJson(DIRECTORY);
        assertThat(json.getInteger("listVersion")).isEqualTo(7);
        assertThat(json.getJsonObject("lead").getString("name")).isEqualTo("自来水公司");
        assertThat(json.getString("explanation")).contains("第3条").contains("停水");
        assertThat(route("供水排水", null, "330999001001", "停水").toJson(DIRECTORY)).isEqualTo(json);
        ResponsibilityRouter.Decision none =
                ResponsibilityRouter.route(LIST, new RoutingQuery("环境保护", null, null, null, "噪声"), DIRECTORY, DAY);
        assertThat(none.routed()).isFalse();
        assertThat(none.toJson(DIRECTORY).getString("explanation")).contains("待派单");
    }
}
