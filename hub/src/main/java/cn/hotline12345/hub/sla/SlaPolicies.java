package cn.hotline12345.hub.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The SLA policies in force; picks the most specific one for a request. */
public record SlaPolicies(List<SlaPolicy> policies) {

    /**
     * The policy for a request: the most specific covering one (area, then category, then urgency, then type); empty
     * only if not even a catch-all policy exists.
     */
    public Optional<SlaPolicy> forRequest(String type, String urgency, String category, List<String> areaChain) {
        return policies.stream()
                .filter(p -> p.covers(type, urgency, category, areaChain))
                .max(Comparator.comparingInt(SlaPolicy::specificity).thenComparingLong(p -> -p.id()));
    }
}
