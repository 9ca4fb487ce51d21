package cn.hotline12345.hub.directory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A unit that handles tickets (承办单位).
 *
 * @param id database id
 * @param code short stable code, e.g. ZJJ
 * @param name full name, e.g. 青溪县住房和城乡建设局
 * @param kind 职能部门, 街道乡镇 or 公共服务企业
 * @param parentId the unit it belongs to, or null
 * @param contactName the duty contact
 * @param contactPhone the duty contact's phone
 * @param aliases short names people write, e.g. 住建局
 * @param active whether tickets may be sent to it
 */
public record Department(
        long id,
        String code,
        String name,
        DepartmentKind kind,
        Long parentId,
        String contactName,
        String contactPhone,
        List<String> aliases,
        boolean active) {

    /** As JSON for the API. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("code", code)
                .put("name", name)
                .put("kind", kind.name())
                .put("kindName", kind.displayName())
                .put("parentId", parentId)
                .put("contactName", contactName)
                .put("contactPhone", contactPhone)
                .put("aliases", new JsonArray(aliases))
                .put("active", active);
    }

    /** A reference for events and explanations: id, code and name. */
    public JsonObject reference() {
        return new JsonObject().put("id", id).put("code", code).put("name", name);
    }
}
