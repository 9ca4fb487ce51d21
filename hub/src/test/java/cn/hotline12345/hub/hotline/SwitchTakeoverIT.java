package cn.hotline12345.hub.hotline;

import static cn.hotline12345.hub.TestHub.SWITCH;
import static cn.hotline12345.hub.hotline.HotlineIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Hub;
import cn.hotline12345.hub.HubConfig;
import cn.hotline12345.hub.TestHub;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two more hubs sharing one Redis key space: only one of them talks to the switch, and the other takes over. */
class SwitchTakeoverIT {

    private static HubConfig config(String name, String prefix) {
        Hub shared = TestHub.get();
        return TestHub.config(TestHub.dataDir(name), prefix)
                .withServers(Optional.of(shared.mysqlUri()), Optional.of(shared.redisUri()));
    }

    @Test
    void onlyTheLeaseHolderConnectsAndAnotherHubTakesOverWhenItStops() throws Exception {
        String prefix = "it:" + UUID.randomUUID() + ":";
        TestHub.get();
        awaitTrue("the shared hub is connected", () -> SWITCH.connected() == 1);
        Hub holder = Hub.start(config("cti-holder", prefix));
        Hub standby;
        try {
            awaitTrue("the first of the pair connects", () -> SWITCH.connected() == 2);
            standby = Hub.start(config("cti-standby", prefix));
            Thread.sleep(2 * 1500);
            assertThat(SWITCH.connected())
                    .as("the standby hub stays off the switch")
                    .isEqualTo(2);
        } finally {
            holder.close();
        }
        try (Hub taking = standby) {
            int accepted = SWITCH.accepted();
            awaitTrue("the standby hub takes over", () -> SWITCH.accepted() > accepted && SWITCH.connected() == 2);
        }
        awaitTrue("only the shared hub is left", () -> SWITCH.connected() == 1);
    }
}
