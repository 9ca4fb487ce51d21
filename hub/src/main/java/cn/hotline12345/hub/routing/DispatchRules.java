package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.sla.SlaPolicies;
import java.util.List;

/**
 * Everything dispatch decides by, as one consistent snapshot: the department directory and areas, the published
 * responsibility list, and the SLA policies.
 *
 * @param directory departments and areas
 * @param list the published responsibility list
 * @param policies the SLA policies
 */
public record DispatchRules(Directory directory, ResponsibilityList list, SlaPolicies policies) {

    /** Rules with nothing loaded yet. */
    public static DispatchRules empty() {
        return new DispatchRules(Directory.empty(), ResponsibilityList.none(), new SlaPolicies(List.of()));
    }
}
