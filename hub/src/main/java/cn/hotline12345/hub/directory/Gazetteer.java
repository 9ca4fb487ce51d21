package cn.hotline12345.hub.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the area a free-text address lies in (地名匹配), from the areas' names and aliases (residential compounds,
 * roads, landmarks). The most specific area wins: a community over a street over the district; among equals, one whose
 * street is also named in the text, then the longest name found, then the earliest in the text.
 */
public final class Gazetteer {

    private record Term(String text, Area area) {}

    /**
     * A resolved area.
     *
     * @param area the area
     * @param matched the name or alias found in the address
     */
    public record Match(Area area, String matched) {}

    private final List<Term> terms;
    private final Map<String, Area> areasByCode;

    Gazetteer(List<Area> areas, Map<String, Area> areasByCode) {
        this.areasByCode = areasByCode;
        List<Term> all = new ArrayList<>();
        for (Area area : areas) {
            all.add(new Term(area.name(), area));
            for (String alias : area.aliases()) {
                if (alias.length() >= 2) {
                    all.add(new Term(alias, area));
                }
            }
        }
        all.sort(Comparator.comparingInt((Term t) -> t.text().length()).reversed());
        this.terms = List.copyOf(all);
    }

    /** The area {@code address} lies in, if any name or alias occurs in it. */
    public Optional<Match> resolve(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.strip();
        List<Term> found = new ArrayList<>();
        for (Term term : terms) {
            if (text.contains(term.text())) {
                found.add(term);
            }
        }
        return found.stream()
                .max(Comparator.comparingInt((Term t) -> t.area().level().ordinal())
                        .thenComparing(t -> parentNamed(t.area(), found) ? 1 : 0)
                        .thenComparingInt(t -> t.text().length())
                        .thenComparingInt(t -> -text.indexOf(t.text())))
                .map(t -> new Match(t.area(), t.text()));
    }

    private boolean parentNamed(Area area, List<Term> found) {
        Area parent = area.parentCode() == null ? null : areasByCode.get(area.parentCode());
        return parent != null && found.stream().anyMatch(t -> t.area().code().equals(parent.code()));
    }
}
