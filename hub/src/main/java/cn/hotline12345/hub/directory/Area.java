package cn.hotline12345.hub.directory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An administrative area (区县, 街道/乡镇, 社区/村).
 *
 * @param code the area code, e.g. 330999001001
 * @param name its name
 * @param level its level
 * @param parentCode the area it lies in, or null for the district
 * @param aliases other names and places inside it (residential compounds, roads, landmarks) the gazetteer looks for
 */
public record Area(String code, String name, AreaLevel level, String parentCode, List<String> aliases) {

    /** As JSON for the API. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("code", code)
                .put("name", name)
                .put("level", level.name())
                .put("levelName", level.displayName())
                .put("parentCode", parentCode)
                .put("aliases", new JsonArray(aliases));
    }

    /** A reference for events and explanations. */
    public JsonObject reference() {
        return new JsonObject().put("code", code).put("name", name).put("level", level.name());
    }
}
