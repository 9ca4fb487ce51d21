package cn.hotline12345.hub.account;

import io.vertx.core.json.JsonObject;

/**
 * A signed-in staff member as the session carries it.
 *
 * @param id database id
 * @param username login name
 * @param displayName name shown to colleagues
 * @param role what they do
 * @param departmentId their department for department roles, or null
 * @param canUnmask whether they may see a masked citizen's name and phone, with a reason that is audited
 */
public record StaffUser(long id, String username, String displayName, Role role, Long departmentId, boolean canUnmask) {

    /** As JSON for sessions and API answers. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("username", username)
                .put("displayName", displayName)
                .put("role", role.name())
                .put("roleName", role.displayName())
                .put("departmentId", departmentId)
                .put("canUnmask", canUnmask);
    }

    /** The user written by {@link #toJson()}. */
    public static StaffUser fromJson(JsonObject json) {
        return new StaffUser(
                json.getLong("id"),
                json.getString("username"),
                json.getString("displayName"),
                Role.valueOf(json.getString("role")),
                json.getLong("departmentId"),
                json.getBoolean("canUnmask", false));
    }

    /** The actor string written into events and the audit log, e.g. {@code user:agent07}. */
    public String actor() {
        return "user:" + username;
    }
}
