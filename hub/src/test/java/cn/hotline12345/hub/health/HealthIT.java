package cn.hotline12345.hub.health;

import static cn.hotline12345.hub.TestHub.get;
import static cn.hotline12345.hub.TestHub.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void liveAndReadyWhenMariaDbAndRedisAnswer() {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).getJsonObject("checks").getString("mysql")).isEqualTo("UP");
        assertThat(json(ready).getJsonObject("checks").getString("redis")).isEqualTo("UP");
    }

    @Test
    void servesTheOpenApiDocument() {
        HttpResponse<String> document = get("/openapi.yaml");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("openapi: 3").contains("/api/v1/requests");
    }
}
