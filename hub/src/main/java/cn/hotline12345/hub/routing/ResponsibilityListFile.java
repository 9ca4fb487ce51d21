package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.classify.Taxonomy;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Department;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.directory.DirectoryFiles;
import cn.hotline12345.hub.spreadsheet.Sheet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The responsibility list as departments keep it in Excel, with columns 序号, 一级分类, 二级分类, 关键词, 区域, 诉求类型,
 * 主办单位, 协办单位, 职责依据, 生效日期, 失效日期 (keywords and co-units separated by {@code |}; units and areas by name,
 * short name or code). Reading checks every row and reports errors (unknown units, areas, categories or types; bad
 * dates; rows overlapping another) and warnings (categories no unit covers everywhere).
 */
public final class ResponsibilityListFile {

    /** The columns, in order. */
    public static final List<String> COLUMNS =
            List.of("序号", "一级分类", "二级分类", "关键词", "区域", "诉求类型", "主办单位", "协办单位", "职责依据", "生效日期", "失效日期");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private ResponsibilityListFile() {}

    /**
     * The rows read and the report.
     *
     * @param rows the rows that could be read
     * @param report {@code valid}, {@code rows}, {@code errors} and {@code warnings} (each with {@code line},
     *     {@code column} and a Chinese {@code message}) and {@code uncoveredCategories}
     */
    public record Parsed(List<ResponsibilityRow> rows, JsonObject report) {

        /** Whether the list has no errors and may be stored. */
        public boolean valid() {
            return report.getBoolean("valid");
        }
    }

    /** Reads and checks a sheet against the directory and the taxonomy. */
    public static Parsed read(Sheet sheet, Directory directory, Taxonomy taxonomy) {
        JsonArray errors = new JsonArray();
        JsonArray warnings = new JsonArray();
        List<String> missing = COLUMNS.stream()
                .filter(c -> List.of("一级分类", "主办单位").contains(c))
                .filter(c -> !sheet.columns().containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            errors.add(issue(1, String.join("、", missing), "表头缺少必需的列：" + String.join("、", missing)));
            return new Parsed(List.of(), report(List.of(), errors, warnings, new JsonArray()));
        }
        List<ResponsibilityRow> rows = new ArrayList<>();
        Map<Integer, Integer> lineOfRow = new HashMap<>();
        Set<Integer> numbers = new HashSet<>();
        int next = 1;
        for (Sheet.Row line : sheet.rows()) {
            int errorsBefore = errors.size();
            int rowNo = next;
            String number = sheet.cell(line, "序号");
            if (!number.isEmpty()) {
                try {
                    rowNo = (int) Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    errors.add(issue(line.line(), "序号", "序号应为正整数：" + number));
                }
            }
            if (rowNo <= 0 || !numbers.add(rowNo)) {
                errors.add(issue(line.line(), "序号", "序号 " + rowNo + " 重复或无效"));
            }
            next = Math.max(next, rowNo) + 1;
            String category = sheet.cell(line, "一级分类");
            String subcategory = emptyToNull(sheet.cell(line, "二级分类"));
            if (category.isEmpty()) {
                errors.add(issue(line.line(), "一级分类", "一级分类不能为空"));
            } else if (!taxonomy.hasCategory(category)) {
                errors.add(issue(line.line(), "一级分类", "分类体系中没有一级分类“" + category + "”"));
            } else if (subcategory != null && !childrenOf(taxonomy, category).contains(subcategory)) {
                errors.add(issue(line.line(), "二级分类", "一级分类“" + category + "”下没有二级分类“" + subcategory + "”"));
            }
            List<String> keywords = DirectoryFiles.split(sheet.cell(line, "关键词"));
            String areaText = sheet.cell(line, "区域");
            String areaCode = null;
            if (!areaText.isEmpty()) {
                areaCode = directory.areaNamed(areaText).map(Area::code).orElse(null);
                if (areaCode == null) {
                    errors.add(issue(line.line(), "区域", "未知区域“" + areaText + "”（应为区划名称或代码）"));
                }
            }
            String type = emptyToNull(sheet.cell(line, "诉求类型"));
            if (type != null && !taxonomy.types().contains(type)) {
                errors.add(issue(line.line(), "诉求类型", "未知诉求类型“" + type + "”，应为：" + String.join("、", taxonomy.types())));
            }
            String leadName = sheet.cell(line, "主办单位");
            Department lead = directory.departmentNamed(leadName).orElse(null);
            if (leadName.isEmpty()) {
                errors.add(issue(line.line(), "主办单位", "主办单位不能为空"));
            } else if (lead == null) {
                errors.add(issue(line.line(), "主办单位", "单位目录中没有“" + leadName + "”"));
            } else if (!lead.active()) {
                errors.add(issue(line.line(), "主办单位", "“" + leadName + "”已停用"));
            }
            List<Long> co = new ArrayList<>();
            for (String name : DirectoryFiles.split(sheet.cell(line, "协办单位"))) {
                Department unit = directory.departmentNamed(name).orElse(null);
                if (unit == null) {
                    errors.add(issue(line.line(), "协办单位", "单位目录中没有“" + name + "”"));
                } else if (lead != null && unit.id() == lead.id()) {
                    errors.add(issue(line.line(), "协办单位", "“" + name + "”已是主办单位，不能同时为协办单位"));
                } else if (!co.contains(unit.id())) {
                    co.add(unit.id());
                }
            }
            LocalDate from = date(sheet.cell(line, "生效日期"), line.line(), "生效日期", errors);
            LocalDate to = date(sheet.cell(line, "失效日期"), line.line(), "失效日期", errors);
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(issue(line.line(), "失效日期", "失效日期早于生效日期"));
            }
            String basis = sheet.cell(line, "职责依据");
            if (basis.length() > 500) {
                errors.add(issue(line.line(), "职责依据", "职责依据不能超过500字"));
            }
            if (errors.size() == errorsBefore) {
                ResponsibilityRow row = new ResponsibilityRow(
                        rowNo, category, subcategory, keywords, areaCode, type, lead.id(), co, basis, from, to);
                checkOverlap(row, rows, lineOfRow, line.line(), errors);
                rows.add(row);
                lineOfRow.put(rowNo, line.line());
            }
        }
        if (sheet.rows().isEmpty()) {
            errors.add(issue(1, "", "文件中没有任何条目"));
        }
        JsonArray uncovered = new JsonArray();
        for (Taxonomy.Category category : taxonomy.categories()) {
            boolean fallback = rows.stream()
                    .anyMatch(r -> r.category().equals(category.name())
                            && r.subcategory() == null
                            && r.keywords().isEmpty()
                            && r.areaCode() == null
                            && r.requestType() == null
                            && r.effectiveTo() == null);
            if (!fallback) {
                uncovered.add(category.name());
                warnings.add(issue(0, "一级分类", "一级分类“" + category.name() + "”没有全域兜底的主办单位，不符合其他条目的该类诉求将进入待派单队列"));
            }
        }
        return new Parsed(List.copyOf(rows), report(rows, errors, warnings, uncovered));
    }

    /** The list as a sheet in the import format. */
    public static Sheet toSheet(ResponsibilityList list, Directory directory) {
        List<List<String>> cells = new ArrayList<>();
        for (ResponsibilityRow row : list.rows()) {
            List<String> co = row.coDepartmentIds().stream()
                    .map(id -> directory.department(id).map(Department::name).orElse(String.valueOf(id)))
                    .toList();
            cells.add(List.of(
                    String.valueOf(row.rowNo()),
                    row.category(),
                    nullToEmpty(row.subcategory()),
                    String.join("|", row.keywords()),
                    directory.area(row.areaCode()).map(Area::name).orElse(nullToEmpty(row.areaCode())),
                    nullToEmpty(row.requestType()),
                    directory
                            .department(row.leadDepartmentId())
                            .map(Department::name)
                            .orElse(String.valueOf(row.leadDepartmentId())),
                    String.join("|", co),
                    row.basis(),
                    row.effectiveFrom() == null ? "" : row.effectiveFrom().toString(),
                    row.effectiveTo() == null ? "" : row.effectiveTo().toString()));
        }
        return Sheet.of(COLUMNS, cells);
    }

    private static void checkOverlap(
            ResponsibilityRow row,
            List<ResponsibilityRow> earlier,
            Map<Integer, Integer> lineOfRow,
            int line,
            JsonArray errors) {
        Set<String> keywords = new TreeSet<>(row.keywords());
        for (ResponsibilityRow other : earlier) {
            if (other.category().equals(row.category())
                    && equal(other.subcategory(), row.subcategory())
                    && equal(other.areaCode(), row.areaCode())
                    && equal(other.requestType(), row.requestType())
                    && new TreeSet<>(other.keywords()).equals(keywords)
                    && other.overlapsInTime(row)) {
                errors.add(issue(
                        line,
                        "序号",
                        "与第" + lineOfRow.get(other.rowNo()) + "行（序号" + other.rowNo()
                                + "）的分类、关键词、区域和诉求类型相同且有效期重叠，无法确定主办单位"));
                return;
            }
        }
    }

    private static JsonObject report(
            List<ResponsibilityRow> rows, JsonArray errors, JsonArray warnings, JsonArray uncovered) {
        return new JsonObject()
                .put("valid", errors.isEmpty())
                .put("rows", rows.size())
                .put("errors", errors)
                .put("warnings", warnings)
                .put("uncoveredCategories", uncovered);
    }

    private static Set<String> childrenOf(Taxonomy taxonomy, String category) {
        return taxonomy.categories().stream()
                .filter(c -> c.name().equals(category))
                .flatMap(c -> c.children().stream())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    private static LocalDate date(String text, int line, String column, JsonArray errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("[0-9]{5}(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays((long) Double.parseDouble(text));
            }
            String normalised = text.replace('/', '-').replace('.', '-');
            return LocalDate.parse(normalised, DateTimeFormatter.ofPattern("yyyy-M-d"));
        } catch (DateTimeParseException | NumberFormatException e) {
            errors.add(issue(line, column, column + "格式应为 YYYY-MM-DD：" + text));
            return null;
        }
    }

    private static JsonObject issue(int line, String column, String message) {
        return new JsonObject().put("line", line).put("column", column).put("message", message);
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
