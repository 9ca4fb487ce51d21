package cn.hotline12345.hub.stats;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.web.CitizenTickets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** 政务公开's monthly statistics: public, counts and the 三率 only, a Chinese problem on the month field, cached. */
class PublicStatsIT {

    @Test
    void aBadMonthIsAProblemOnTheMonthField() {
        for (String month : new String[] {"2026-13", "11-2026", "2026-1", "abc", "1999-12", "2999-01"}) {
            HttpResponse<String> response = get("/api/v1/public/stats?month=" + month);
            assertThat(response.statusCode()).as(month).isEqualTo(400);
            JsonObject problem = json(response);
            assertThat(problem.getString("field")).isEqualTo("month");
            assertThat(problem.getString("detail")).contains("月份");
        }
    }

    @Test
    void thisMonthIsTheDefaultAndNeedsNoLogin() {
        HttpResponse<String> response = get("/api/v1/public/stats");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).getString("month"))
                .isEqualTo(YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    }

    @Test
    void aMonthCountsItsRequestsAndRatesWithoutPersonalData() {
        String phone = CitizenTickets.freshPhone();
        String no = CitizenTickets.published("桂花苑小区东门路灯坏了一个月，晚上很黑，联系人王五", phone, "已于次日更换路灯。");
        YearMonth month = CitizenTickets.quietMonth();
        CitizenTickets.moveToMonth(no, month);

        HttpResponse<String> response = get("/api/v1/public/stats?month=" + month);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject stats = json(response);
        assertThat(stats.getString("month")).isEqualTo(month.toString());
        assertThat(stats.getString("from")).isEqualTo(month.atDay(1).toString());
        assertThat(stats.getString("to")).isEqualTo(month.atEndOfMonth().toString());
        assertThat(stats.getLong("total")).isEqualTo(1);
        assertThat(stats.getLong("published")).isEqualTo(1);
        for (String volume : new String[] {"byType", "byCategory", "byDepartment"}) {
            JsonArray items = stats.getJsonArray(volume);
            assertThat(items).as(volume).hasSize(1);
            assertThat(items.getJsonObject(0).getLong("count")).isEqualTo(1);
            assertThat(items.getJsonObject(0).getString("label")).isNotBlank();
        }
        for (String rate : new String[] {"responseRate", "onTimeCloseRate", "satisfactionRate"}) {
            JsonObject figure = stats.getJsonObject(rate);
            assertThat(figure.getLong("numerator")).as(rate).isEqualTo(1);
            assertThat(figure.getLong("denominator")).as(rate).isEqualTo(1);
            assertThat(figure.getDouble("rate")).as(rate).isEqualTo(1.0);
        }
        assertThat(response.body()).doesNotContain(phone, "李四", "王五", "路灯", no);

        HttpResponse<String> again = get("/api/v1/public/stats?month=" + month);
        assertThat(json(again).getString("generatedAt")).isEqualTo(stats.getString("generatedAt"));
    }
}
