package cn.hotline12345.hub.routing;

import cn.hotline12345.hub.directory.DirectoryRepository;
import cn.hotline12345.hub.sla.SlaPolicyRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch rules in force on this hub. Checks MySQL every few seconds and reloads when the directory, the
 * published responsibility list or the SLA policies changed, so a change on one instance reaches every instance.
 */
public final class DispatchRulesHolder {

    private static final Logger log = LoggerFactory.getLogger(DispatchRulesHolder.class);

    private final DirectoryRepository directories;
    private final ResponsibilityListRepository lists;
    private final SlaPolicyRepository policies;
    private volatile DispatchRules current = DispatchRules.empty();
    private volatile String loadedStamp = "";

    public DispatchRulesHolder(
            DirectoryRepository directories, ResponsibilityListRepository lists, SlaPolicyRepository policies) {
        this.directories = directories;
        this.lists = lists;
        this.policies = policies;
    }

    /** The rules to dispatch by now. */
    public DispatchRules current() {
        return current;
    }

    /** Loads the rules now, then checks for changes every {@code periodMillis}. */
    public Future<Void> follow(Vertx vertx, long periodMillis) {
        return refresh()
                .onSuccess(done -> vertx.setPeriodic(periodMillis, id -> refresh()
                        .onFailure(failure -> log.warn("Could not reload the dispatch rules", failure))));
    }

    /** Reloads if anything changed since the last load. */
    public Future<Void> refresh() {
        return stamp().compose(stamp -> stamp.equals(loadedStamp) ? Future.succeededFuture() : reload(stamp));
    }

    private Future<String> stamp() {
        return directories.stamp().compose(d -> lists.publishedVersion()
                .compose(v -> policies.stamp().map(p -> d + "|" + v + "|" + p)));
    }

    private Future<Void> reload(String stamp) {
        return directories
                .load()
                .compose(directory -> lists.published()
                        .compose(list -> policies.load().map(sla -> new DispatchRules(directory, list, sla))))
                .map(rules -> {
                    current = rules;
                    loadedStamp = stamp;
                    log.info(
                            "Dispatch rules loaded: {} departments, {} areas, responsibility list v{} ({} rows), {} SLA"
                                    + " policies",
                            rules.directory().departments().size(),
                            rules.directory().areas().size(),
                            rules.list().version(),
                            rules.list().rows().size(),
                            rules.policies().policies().size());
                    return null;
                });
    }
}
