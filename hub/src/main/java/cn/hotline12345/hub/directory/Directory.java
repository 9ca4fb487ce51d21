package cn.hotline12345.hub.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent snapshot of the department directory and the administrative areas, with lookups by id, code, name
 * and alias, and the gazetteer. Immutable; the hub swaps in a new snapshot when the directory changes.
 */
public final class Directory {

    private final List<Department> departments;
    private final Map<Long, Department> departmentsById = new HashMap<>();
    private final Map<String, Department> departmentsByName = new HashMap<>();
    private final List<Area> areas;
    private final Map<String, Area> areasByCode = new LinkedHashMap<>();
    private final Map<String, Area> areasByName = new HashMap<>();
    private final Gazetteer gazetteer;

    public Directory(List<Department> departments, List<Area> areas) {
        this.departments = List.copyOf(departments);
        this.areas = List.copyOf(areas);
        for (Department d : departments) {
            departmentsById.put(d.id(), d);
        }
        for (Department d : departments) {
            d.aliases().forEach(alias -> departmentsByName.putIfAbsent(alias, d));
        }
        for (Department d : departments) {
            departmentsByName.put(d.code(), d);
            departmentsByName.put(d.name(), d);
        }
        for (Area a : areas) {
            areasByCode.put(a.code(), a);
            areasByName.putIfAbsent(a.name(), a);
        }
        this.gazetteer = new Gazetteer(this.areas, Collections.unmodifiableMap(areasByCode));
    }

    /** An empty directory. */
    public static Directory empty() {
        return new Directory(List.of(), List.of());
    }

    /** Every department, in directory order. */
    public List<Department> departments() {
        return departments;
    }

    /** Every area, parents before children. */
    public List<Area> areas() {
        return areas;
    }

    /** The department with this id. */
    public Optional<Department> department(long id) {
        return Optional.ofNullable(departmentsById.get(id));
    }

    /** The department with this full name, code or alias. */
    public Optional<Department> departmentNamed(String nameCodeOrAlias) {
        return nameCodeOrAlias == null
                ? Optional.empty()
                : Optional.ofNullable(departmentsByName.get(nameCodeOrAlias.strip()));
    }

    /** The area with this code. */
    public Optional<Area> area(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(areasByCode.get(code));
    }

    /** The area with this code or name. */
    public Optional<Area> areaNamed(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String key = codeOrName.strip();
        return Optional.ofNullable(areasByCode.getOrDefault(key, areasByName.get(key)));
    }

    /** The area and every area containing it, most specific first; empty for an unknown code. */
    public List<Area> chain(String areaCode) {
        List<Area> chain = new ArrayList<>();
        Area current = areaCode == null ? null : areasByCode.get(areaCode);
        while (current != null && chain.size() < 10) {
            chain.add(current);
            current = current.parentCode() == null ? null : areasByCode.get(current.parentCode());
        }
        return chain;
    }

    /** The area a free-text address lies in. */
    public Optional<Gazetteer.Match> resolveAddress(String address) {
        return gazetteer.resolve(address);
    }
}
