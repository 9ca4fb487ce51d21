package cn.hotline12345.hub.workflow;

import static cn.hotline12345.hub.TestHub.tokenFor;

import cn.hotline12345.hub.TestHub;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test helpers: signed-in staff of each role (one per role and department), and department ids by code. */
final class Staff {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Staff() {}

    static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> tokenFor(r, null));
    }

    static String token(String role, long department) {
        return TOKENS.computeIfAbsent(role + "@" + department, r -> tokenFor(role, department));
    }

    static long department(String code) {
        return TestHub.departmentId(code);
    }
}
