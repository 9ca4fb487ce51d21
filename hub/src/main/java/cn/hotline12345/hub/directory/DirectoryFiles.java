package cn.hotline12345.hub.directory;

import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory's file forms (CSV or .xlsx): departments with columns {@code code,name,kind,parent_code,contact_name,
 * contact_phone,aliases} and areas with {@code code,name,level,parent_code,aliases}; aliases are separated by
 * {@code |}. Also the sample county (青溪县) the hub ships.
 */
public final class DirectoryFiles {

    /** A department row as written in a file; the parent is named by code. */
    public record DepartmentRow(
            String code,
            String name,
            DepartmentKind kind,
            String parentCode,
            String contactName,
            String contactPhone,
            List<String> aliases) {}

    /** The department columns, in order. */
    public static final List<String> DEPARTMENT_COLUMNS =
            List.of("code", "name", "kind", "parent_code", "contact_name", "contact_phone", "aliases");

    /** The area columns, in order. */
    public static final List<String> AREA_COLUMNS = List.of("code", "name", "level", "parent_code", "aliases");

    private static final String SAMPLE = "routing/sample-county/";

    private DirectoryFiles() {}

    /** Parses departments; parents must come before their children. Chinese messages on bad rows. */
    public static List<DepartmentRow> departments(Sheet sheet) {
        requireColumns(sheet, DEPARTMENT_COLUMNS.subList(0, 3));
        List<DepartmentRow> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Sheet.Row row : sheet.rows()) {
            String code = sheet.cell(row, "code");
            String name = sheet.cell(row, "name");
            String where = "第" + row.line() + "行";
            if (code.isEmpty() || code.length() > 32 || name.isEmpty() || name.length() > 100) {
                throw new IllegalArgumentException(where + "：单位编码和名称不能为空，编码不超过32字符、名称不超过100字符");
            }
            DepartmentKind kind = DepartmentKind.of(sheet.cell(row, "kind"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + "：单位类型应为 职能部门、街道乡镇 或 公共服务企业（FUNCTIONAL/TOWNSHIP/ENTERPRISE）"));
            String parent = sheet.cell(row, "parent_code");
            if (!parent.isEmpty() && !codes.contains(parent)) {
                throw new IllegalArgumentException(where + "：上级单位编码 " + parent + " 未在此前的行中出现");
            }
            if (!codes.add(code)) {
                throw new IllegalArgumentException(where + "：单位编码 " + code + " 重复");
            }
            rows.add(new DepartmentRow(
                    code,
                    name,
                    kind,
                    parent.isEmpty() ? null : parent,
                    emptyToNull(sheet.cell(row, "contact_name")),
                    emptyToNull(sheet.cell(row, "contact_phone")),
                    split(sheet.cell(row, "aliases"))));
        }
        return rows;
    }

    /** Parses areas; parents must come before their children. */
    public static List<Area> areas(Sheet sheet) {
        requireColumns(sheet, AREA_COLUMNS.subList(0, 3));
        List<Area> areas = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Sheet.Row row : sheet.rows()) {
            String code = sheet.cell(row, "code");
            String name = sheet.cell(row, "name");
            String where = "第" + row.line() + "行";
            if (!code.matches("[0-9]{6,12}") || name.isEmpty() || name.length() > 50) {
                throw new IllegalArgumentException(where + "：区划代码应为6至12位数字，名称不能为空且不超过50字符");
            }
            AreaLevel level = AreaLevel.of(sheet.cell(row, "level"))
                    .orElseThrow(() ->
                            new IllegalArgumentException(where + "：层级应为 DISTRICT、STREET 或 COMMUNITY（区县/街道乡镇/社区村）"));
            String parent = sheet.cell(row, "parent_code");
            if (level != AreaLevel.DISTRICT && !codes.contains(parent)) {
                throw new IllegalArgumentException(where + "：上级区划 " + parent + " 未在此前的行中出现");
            }
            if (!codes.add(code)) {
                throw new IllegalArgumentException(where + "：区划代码 " + code + " 重复");
            }
            areas.add(new Area(code, name, level, parent.isEmpty() ? null : parent, split(sheet.cell(row, "aliases"))));
        }
        return areas;
    }

    /** The shipped sample county's departments. */
    public static List<DepartmentRow> sampleDepartments() {
        return departments(Spreadsheets.readCsv(resource(SAMPLE + "departments.csv")));
    }

    /** The shipped sample county's areas. */
    public static List<Area> sampleAreas() {
        return areas(Spreadsheets.readCsv(resource(SAMPLE + "areas.csv")));
    }

    /** The shipped sample county's responsibility list, as a file. */
    public static byte[] sampleResponsibilityList() {
        return resource(SAMPLE + "responsibility-list.csv");
    }

    /** The directory's departments as a sheet in the import format. */
    public static Sheet departmentSheet(Directory directory) {
        List<List<String>> rows = new ArrayList<>();
        for (Department d : directory.departments()) {
            String parent = d.parentId() == null
                    ? ""
                    : directory.department(d.parentId()).map(Department::code).orElse("");
            rows.add(List.of(
                    d.code(),
                    d.name(),
                    d.kind().name(),
                    parent,
                    nullToEmpty(d.contactName()),
                    nullToEmpty(d.contactPhone()),
                    String.join("|", d.aliases())));
        }
        return Sheet.of(DEPARTMENT_COLUMNS, rows);
    }

    /** The directory's areas as a sheet in the import format. */
    public static Sheet areaSheet(Directory directory) {
        List<List<String>> rows = new ArrayList<>();
        for (Area a : directory.areas()) {
            rows.add(List.of(
                    a.code(), a.name(), a.level().name(), nullToEmpty(a.parentCode()), String.join("|", a.aliases())));
        }
        return Sheet.of(AREA_COLUMNS, rows);
    }

    /** Splits a {@code |}-separated cell (also accepting 、 and full-width ｜). */
    public static List<String> split(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|｜、]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    private static void requireColumns(Sheet sheet, List<String> required) {
        List<String> missing =
                required.stream().filter(c -> !sheet.columns().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("表头缺少列：" + String.join("、", missing));
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = DirectoryFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
