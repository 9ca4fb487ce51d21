package cn.hotline12345.hub.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document is well formed and describes the endpoints other work relies on. */
class OpenApiDocumentTest {

    @Test
    void everyOperationHasAnIdResponsesAndResolvableReferences() throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("src/main/resources/openapi.yaml").toFile());
        assertThat(document.get("openapi").asText()).startsWith("3.");

        List<String> operationIds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                assertThat(operation.getValue().has("operationId"))
                        .as(path.getKey())
                        .isTrue();
                assertThat(operation.getValue().has("responses"))
                        .as(path.getKey())
                        .isTrue();
                operationIds.add(operation.getValue().get("operationId").asText());
            });
        }
        assertThat(operationIds)
                .doesNotHaveDuplicates()
                .contains(
                        "submitRequest",
                        "getProgress",
                        "getDeadline",
                        "getTaxonomy",
                        "login",
                        "createUser",
                        "triageQueue",
                        "reclassify",
                        "retrain",
                        "ready");
        assertReferencesResolve(document, document);
    }

    private static void assertReferencesResolve(JsonNode root, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                assertThat(root.at(ref.asText().substring(1)).isMissingNode())
                        .as(ref.asText())
                        .isFalse();
            }
            node.elements().forEachRemaining(child -> assertReferencesResolve(root, child));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> assertReferencesResolve(root, child));
        }
    }
}
