package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the responsibility list (责任清单): which unit leads (主办) and which help (协办) for a category, optionally
 * narrowed by subcategory, keywords, area and request type, with the duty's legal basis (三定/权责清单) and dates.
 *
 * @param rowNo the row's 序号, unique in its list
 * @param category the first-level category
 * @param subcategory the second-level category, or null for the whole category
 * @param keywords words of which one must occur in the request's text; empty for none
 * @param areaCode the area the row covers (with everything inside it), or null for everywhere
 * @param requestType the request type it covers, or null for any
 * @param leadDepartmentId the lead unit (主办)
 * @param coDepartmentIds the co-units (协办)
 * @param basis the duty's basis, e.g. a 三定 article or a 权责清单 item
 * @param effectiveFrom first day in force, or null
 * @param effectiveTo last day in force, or null
 */
public record ResponsibilityRow(
        int rowNo,
        String category,
        String subcategory,
        List<String> keywords,
        String areaCode,
        String requestType,
        long leadDepartmentId,
        List<Long> coDepartmentIds,
        String basis,
        LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    /** Whether the row is in force on {@code day}. */
    public boolean inForce(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** Whether the two rows are in force on a common day. */
    public boolean overlapsInTime(ResponsibilityRow other) {
        LocalDate start = max(effectiveFrom, other.effectiveFrom);
        LocalDate end = min(effectiveTo, other.effectiveTo);
        return start == null || end == null || !start.isAfter(end);
    }

    /** As JSON, with departments and area named from {@code directory}. */
    public JsonObject toJson(Directory directory) {
        JsonArray co = new JsonArray();
        coDepartmentIds.forEach(id ->
                co.add(directory.department(id).map(Department::reference).orElse(new JsonObject().put("id", id))));
        return new JsonObject()
                .put("rowNo", rowNo)
                .put("category", category)
                .put("subcategory", subcategory)
                .put("keywords", new JsonArray(keywords))
                .put("area", directory.area(areaCode).map(Area::reference).orElse(null))
                .put("requestType", requestType)
                .put(
                        "lead",
                        directory
                                .department(leadDepartmentId)
                                .map(Department::reference)
                                .orElse(new JsonObject().put("id", leadDepartmentId)))
                .put("coUnits", co)
                .put("basis", basis)
                .put("effectiveFrom", effectiveFrom == null ? null : effectiveFrom.toString())
                .put("effectiveTo", effectiveTo == null ? null : effectiveTo.toString());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }
}
