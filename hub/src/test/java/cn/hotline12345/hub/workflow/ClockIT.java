package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.count;
import static cn.hotline12345.hub.TestHub.execute;
import static cn.hotline12345.hub.TestHub.getAs;
import static cn.hotline12345.hub.TestHub.json;
import static cn.hotline12345.hub.TestHub.tokenFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Hub;
import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deadline clocks fire once, with two hubs sharing one MariaDB and one Redis. */
class ClockIT {

    @Test
    void clocksFireExactlyOnceAcrossTwoHubs() {
        Hub first = TestHub.get();
        try (Hub second = Hub.start(TestHub.config(TestHub.dataDir("second"))
                .withServers(Optional.of(first.mysqlUri()), Optional.of(first.redisUri())))) {
            List<String> tickets = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tickets.add(Tickets.dispatched("鼓楼小学门口的路灯坏了" + i + "个，晚上一片漆黑，孩子放学很危险", "鼓楼小学", "城乡建设")
                        .getString("ticketNo"));
            }
            String in =
                    String.join(",", tickets.stream().map(t -> "'" + t + "'").toList());
            assertThat(execute("UPDATE ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                            + " SET c.fire_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND"
                            + " WHERE c.fired_at IS NULL AND t.ticket_no IN (" + in + ")"))
                    .isEmpty();
            long until = System.currentTimeMillis() + 30_000;
            while (count("SELECT COUNT(*) FROM ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                            + " WHERE c.fired_at IS NULL AND t.ticket_no IN (" + in + ")")
                    > 0) {
                assertThat(System.currentTimeMillis())
                        .as("clocks fired in time")
                        .isLessThan(until);
                Tickets.sleep(200);
            }
            for (String no : tickets) {
                assertThat(events(no, "URGE")).as("催办 of %s", no).isEqualTo(2);
                assertThat(events(no, "SUPERVISE")).as("督办 of %s", no).isEqualTo(2);
                assertThat(events(no, "DISPATCH")).as("派单 of %s", no).isEqualTo(1);
                assertThat(count("SELECT overdue FROM ticket WHERE ticket_no = ?", no))
                        .isEqualTo(1);
            }
            assertThat(count("SELECT COUNT(DISTINCT fired_by) FROM ticket_clock c JOIN ticket t ON t.id = c.ticket_id"
                            + " WHERE t.ticket_no IN (" + in + ")"))
                    .isBetween(1L, 2L);
            String supervisor = tokenFor("SUPERVISOR", null);
            String overdue =
                    json(getAs(supervisor, "/api/v1/tickets/overdue?limit=200")).encode();
            assertThat(overdue).contains(tickets.get(0));
            JsonObject detail = Tickets.detail(tickets.get(0));
            assertThat(detail.getBoolean("overdue")).isTrue();
            assertThat(detail.getJsonArray("events").encode()).contains("系统自动督办");
        }
    }

    private static long events(String ticketNo, String action) {
        return count(
                "SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                        + " WHERE t.ticket_no = ? AND e.action = ? AND e.actor = IF(? = 'DISPATCH', 'system:router',"
                        + " 'system:clock')",
                ticketNo,
                action,
                action);
    }
}
