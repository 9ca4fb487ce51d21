package cn.hotline12345.hub.kb;

import cn.hotline12345.kb.KnowledgeIndex;
import cn.hotline12345.kb.Synonyms;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This hub's search index of the knowledge base: rebuilt from MySQL at start, then kept current by following the change
 * log ({@code kb_change}) every second, so a change made on any hub is searchable on every hub within seconds. Index
 * updates run on a worker thread, one at a time.
 */
public final class KbIndexHolder {

    private static final Logger log = LoggerFactory.getLogger(KbIndexHolder.class);

    private final Vertx vertx;
    private final KbRepository repository;
    private final KnowledgeIndex index = new KnowledgeIndex(Synonyms.shipped());
    private long lastChange;
    private boolean following;

    public KbIndexHolder(Vertx vertx, KbRepository repository) {
        this.vertx = vertx;
        this.repository = repository;
    }

    /** The index to ask. */
    public KnowledgeIndex index() {
        return index;
    }

    /** Builds the index from the database, then follows the change log every {@code periodMillis}. */
    public Future<Void> follow(long periodMillis) {
        return repository
                .lastChange()
                .compose(last -> rebuild().onSuccess(done -> lastChange = last))
                .onSuccess(done -> {
                    log.info("Knowledge-base index built: {} entries", index.size());
                    vertx.setPeriodic(periodMillis, id -> {
                        if (!following) {
                            following = true;
                            catchUp()
                                    .onFailure(failure -> log.warn("Could not follow knowledge-base changes", failure))
                                    .onComplete(done2 -> following = false);
                        }
                    });
                });
    }

    private Future<Void> rebuild() {
        return repository.synonyms().compose(synonyms -> repository.all().compose(entries -> repository
                .passages(null)
                .compose(passages -> vertx.executeBlocking(() -> {
                    index.rebuild(synonyms, entries, passages);
                    return null;
                }))));
    }

    private Future<Void> catchUp() {
        return repository.changesAfter(lastChange).compose(changes -> {
            if (changes.isEmpty()) {
                return Future.succeededFuture();
            }
            long newest = changes.get(changes.size() - 1).getLong("id");
            boolean rebuild = changes.stream().anyMatch(c -> KbRepository.REBUILD.equals(c.getString("kind")));
            Future<Void> applied = rebuild ? rebuild() : apply(changes);
            return applied.onSuccess(done -> lastChange = newest);
        });
    }

    private Future<Void> apply(List<Row> changes) {
        Future<Void> chain = Future.succeededFuture();
        for (Row change : changes) {
            long ref = change.getLong("ref_id");
            if (KbRepository.ENTRY.equals(change.getString("kind"))) {
                chain = chain.compose(done -> repository
                        .find(ref)
                        .compose(found -> vertx.executeBlocking(() -> {
                            found.ifPresentOrElse(index::put, () -> index.remove(ref));
                            return null;
                        })));
            } else {
                chain = chain.compose(done -> repository
                        .passages(ref)
                        .compose(parts -> vertx.executeBlocking(() -> {
                            index.putPassages(ref, parts);
                            return null;
                        })));
            }
        }
        return chain;
    }
}
