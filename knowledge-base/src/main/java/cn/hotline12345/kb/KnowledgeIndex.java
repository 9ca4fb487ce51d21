package cn.hotline12345.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The in-memory search index over the servable Q&A entries and policy passages, rebuilt from the database at start and
 * updated entry by entry. Each way of asking an entry (standard question and 相似问法) is one document, the answer
 * another, so the closest phrasing decides. Fields: smartcn words, character bigrams and pinyin bigrams of the
 * canonical text (synonyms rewritten). BM25 finds candidates; they are re-ranked by how much of the question's
 * information (IDF-weighted bigrams, also matched by pinyin) the entry covers, and that coverage is the confidence.
 * Thread-safe; updates are blocking (call them off the event loop).
 */
public final class KnowledgeIndex implements AutoCloseable {

    /** Confidence from which an entry is served as the answer (tuned on the evaluation set, docs/knowledge-base.md). */
    public static final double ANSWER_THRESHOLD = 0.25;

    /** Confidence from which a document passage is served when no entry qualifies. */
    public static final double PASSAGE_THRESHOLD = 0.45;

    /** Confidence from which an entry is offered as an alternative (您是不是想问). */
    public static final double ALTERNATIVE_THRESHOLD = 0.12;

    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String WORDS = "w";
    private static final String GRAMS = "g";
    private static final String PINYIN = "p";
    private static final int CANDIDATES = 30;

    /**
     * The exponent of the share of the question found in an entry; the share of the entry's phrasing found in the
     * question gets the rest (a weighted geometric mean, so neither a long question nor a short generic phrasing wins
     * alone).
     */
    static final double QUERY_WEIGHT = 0.3;

    /** How much coverage counts in ranking, against the BM25 score relative to the best candidate's. */
    static final double RANK_COVERAGE = 0.3;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer;
    private final Analyzer words = new SmartChineseAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Indexed> entries = new ConcurrentHashMap<>();
    private final Map<Long, IndexedPassage> passages = new ConcurrentHashMap<>();
    private volatile Synonyms synonyms;
    private final Map<String, String> gramPinyin = new ConcurrentHashMap<>();
    private final Map<String, Double> idfCache = new ConcurrentHashMap<>();

    private record Indexed(KbEntry entry, List<GramSet> phrasingGrams, GramSet answerGrams) {}

    private record IndexedPassage(Passage passage, GramSet grams) {}

    private final GramSet.Dictionary dictionary = new GramSet.Dictionary();
    private final GramSet none = new GramSet(dictionary, List.of());

    public KnowledgeIndex(Synonyms synonyms) {
        this.synonyms = synonyms;
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(WORDS, words);
        perField.put(GRAMS, new WhitespaceAnalyzer());
        perField.put(PINYIN, new WhitespaceAnalyzer());
        this.analyzer = new PerFieldAnalyzerWrapper(new WhitespaceAnalyzer(), perField);
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dictionary in use. */
    public Synonyms synonyms() {
        return synonyms;
    }

    /** Replaces everything: the dictionary, the entries (only servable-status ones are kept) and the passages. */
    public synchronized void rebuild(Synonyms dictionary, Collection<KbEntry> all, Collection<Passage> parts) {
        this.synonyms = dictionary;
        try {
            writer.deleteAll();
            entries.clear();
            passages.clear();
            for (KbEntry entry : all) {
                add(entry);
            }
            for (Passage passage : parts) {
                add(passage);
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
            idfCache.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces one entry; an entry no longer published is removed. */
    public synchronized void put(KbEntry entry) {
        try {
            writer.deleteDocuments(new Term(KEY, "e" + entry.id()));
            entries.remove(entry.id());
            add(entry);
            searchers.maybeRefreshBlocking();
            idfCache.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes an entry. */
    public synchronized void remove(long entryId) {
        try {
            writer.deleteDocuments(new Term(KEY, "e" + entryId));
            entries.remove(entryId);
            searchers.maybeRefreshBlocking();
            idfCache.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the passages of one document (none removes them). */
    public synchronized void putPassages(long documentId, Collection<Passage> parts) {
        try {
            writer.deleteDocuments(new Term(KEY, "d" + documentId));
            passages.values().removeIf(p -> p.passage().documentId() == documentId);
            for (Passage passage : parts) {
                add(passage);
            }
            searchers.maybeRefreshBlocking();
            idfCache.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries are searchable. */
    public int size() {
        return entries.size();
    }

    /** The best answer to {@code question} on {@code day}, or a refusal with the closest alternatives. */
    public Answer ask(String question, LocalDate day) {
        String text = QueryText.canonical(question, synonyms);
        List<String> grams = QueryText.bigrams(text);
        if (grams.isEmpty()) {
            return refusal(List.of());
        }
        IndexSearcher searcher = null;
        try {
            searcher = searchers.acquire();
            Query query = query(text, grams);
            TopDocs top = searcher.search(query, CANDIDATES);
            Map<String, Double> idf = idf(searcher, grams);
            Set<String> queryPinyin =
                    new HashSet<>(List.of(QueryText.pinyinBigrams(text).split(" ")));
            Map<Long, Double> bm25 = new LinkedHashMap<>();
            Map<Long, Double> passageBm25 = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc);
                String key = doc.get(KEY);
                long id = Long.parseLong(key.substring(1));
                if (key.charAt(0) == 'e') {
                    double weight = "A".equals(doc.get(KIND)) ? 0.3 : 1.0;
                    bm25.merge(id, hit.score * weight, Math::max);
                } else {
                    passageBm25.merge(Long.parseLong(doc.get("pid")), (double) hit.score, Math::max);
                }
            }
            double best = bm25.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(1);
            List<Scored> ranked = new ArrayList<>();
            for (Map.Entry<Long, Double> candidate : bm25.entrySet()) {
                Indexed indexed = entries.get(candidate.getKey());
                if (indexed == null || !indexed.entry().servable(day)) {
                    continue;
                }
                double coverage = coverage(searcher, grams, idf, queryPinyin, indexed);
                double score = RANK_COVERAGE * coverage + (1 - RANK_COVERAGE) * candidate.getValue() / best;
                ranked.add(new Scored(indexed.entry(), coverage, score));
            }
            ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
            List<Answer.Alternative> alternatives = new ArrayList<>();
            for (int i = 1; i < ranked.size() && alternatives.size() < 3; i++) {
                Scored s = ranked.get(i);
                if (s.coverage() >= ALTERNATIVE_THRESHOLD) {
                    alternatives.add(
                            new Answer.Alternative(s.entry().id(), s.entry().question(), round(s.coverage())));
                }
            }
            if (!passages.isEmpty()) {
                BooleanQuery onlyPassages = new BooleanQuery.Builder()
                        .add(query, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(KIND, "P")), BooleanClause.Occur.FILTER)
                        .build();
                for (ScoreDoc hit : searcher.search(onlyPassages, 10).scoreDocs) {
                    Document doc = searcher.storedFields().document(hit.doc);
                    passageBm25.merge(Long.parseLong(doc.get("pid")), (double) hit.score, Math::max);
                }
            }
            Answer fromPassage = fromPassages(grams, idf, passageBm25, alternatives, ranked);
            if (fromPassage != null) {
                return fromPassage;
            }
            if (!ranked.isEmpty() && ranked.get(0).coverage() >= ANSWER_THRESHOLD) {
                Scored winner = ranked.get(0);
                KbEntry entry = winner.entry();
                return new Answer(
                        true,
                        entry.answer(),
                        round(winner.coverage()),
                        entry.id(),
                        entry.question(),
                        entry.source() == null ? null : entry.source().toJson(),
                        null,
                        alternatives);
            }
            if (!ranked.isEmpty() && ranked.get(0).coverage() >= ALTERNATIVE_THRESHOLD) {
                Scored first = ranked.get(0);
                alternatives.add(
                        0,
                        new Answer.Alternative(first.entry().id(), first.entry().question(), round(first.coverage())));
                if (alternatives.size() > 3) {
                    alternatives.remove(3);
                }
            }
            return refusal(alternatives);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searcher != null) {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private record Scored(KbEntry entry, double coverage, double score) {}

    private Answer fromPassages(
            List<String> grams,
            Map<String, Double> idf,
            Map<Long, Double> passageBm25,
            List<Answer.Alternative> alternatives,
            List<Scored> ranked) {
        IndexedPassage bestPassage = null;
        double bestCoverage = 0;
        for (Long id : passageBm25.keySet()) {
            IndexedPassage candidate = passages.get(id);
            if (candidate == null) {
                continue;
            }
            double coverage = weightedShare(grams, idf, candidate.grams(), none, Set.of());
            if (coverage > bestCoverage) {
                bestCoverage = coverage;
                bestPassage = candidate;
            }
        }
        double entryBest = ranked.isEmpty() ? 0 : ranked.get(0).coverage();
        if (bestPassage == null || bestCoverage < PASSAGE_THRESHOLD || bestCoverage <= entryBest) {
            return null;
        }
        Passage p = bestPassage.passage();
        return new Answer(
                true,
                p.text() + "（依据：" + p.citation() + "）",
                round(bestCoverage * 0.9),
                null,
                null,
                null,
                new io.vertx.core.json.JsonObject()
                        .put("documentId", p.documentId())
                        .put("passageId", p.id())
                        .put("label", p.label())
                        .put("citation", p.citation()),
                alternatives);
    }

    private static Answer refusal(List<Answer.Alternative> alternatives) {
        return new Answer(
                false,
                alternatives.isEmpty()
                        ? "抱歉，知识库中暂未找到与您问题相关的答复。您可以转人工客服，或提交诉求由相关部门答复。"
                        : "抱歉，暂未找到确切答复。您是不是想问以下问题？也可以转人工客服，或提交诉求由相关部门答复。",
                0,
                null,
                null,
                null,
                null,
                alternatives);
    }

    private double coverage(
            IndexSearcher searcher,
            List<String> grams,
            Map<String, Double> idf,
            Set<String> queryPinyin,
            Indexed indexed)
            throws IOException {
        Set<String> queryGrams = new HashSet<>(grams);
        double best = 0;
        for (GramSet phrasing : indexed.phrasingGrams()) {
            double fromQuery = weightedShare(grams, idf, phrasing, indexed.answerGrams(), queryPinyin);
            double total = 0;
            double found = 0;
            for (String gram : phrasing) {
                if (gram.startsWith("py:") || QueryText.functional(gram)) {
                    continue;
                }
                double weight = idf.computeIfAbsent(gram, g -> idfOf(searcher, g));
                total += weight;
                if (queryGrams.contains(gram)) {
                    found += weight;
                } else if (queryPinyin.contains(pinyinOf(gram))) {
                    found += 0.7 * weight;
                }
            }
            double fromPhrasing = total == 0 ? 0 : found / total;
            best = Math.max(best, Math.pow(fromQuery, QUERY_WEIGHT) * Math.pow(fromPhrasing, 1 - QUERY_WEIGHT));
        }
        return best;
    }

    private double idfOf(IndexSearcher searcher, String gram) {
        Double cached = idfCache.get(gram);
        if (cached != null) {
            return cached;
        }
        try {
            int docs = Math.max(1, searcher.getIndexReader().numDocs());
            int df = searcher.getIndexReader().docFreq(new Term(GRAMS, gram));
            double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
            idfCache.put(gram, idf);
            return idf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String pinyinOf(String gram) {
        String cached = gramPinyin.get(gram);
        if (cached == null) {
            if (gramPinyin.size() > 2_000_000) {
                gramPinyin.clear();
            }
            cached = QueryText.pinyinBigrams(gram);
            gramPinyin.put(gram, cached);
        }
        return cached;
    }

    /**
     * The IDF-weighted share of the question's bigrams found in a phrasing (full weight), else in the answer (half
     * weight), else by pinyin in the phrasing (a homophone typo, 0.7).
     */
    private double weightedShare(
            List<String> grams, Map<String, Double> idf, GramSet phrasing, GramSet answer, Set<String> pinyin) {
        double total = 0;
        double found = 0;
        Set<String> seen = new HashSet<>();
        for (String gram : grams) {
            if (!seen.add(gram) || QueryText.functional(gram)) {
                continue;
            }
            double weight = idf.getOrDefault(gram, 1.0);
            total += weight;
            if (phrasing.contains(gram)) {
                found += weight;
            } else if (answer.contains(gram)) {
                found += 0.5 * weight;
            } else if (!pinyin.isEmpty() && phrasing.contains("py:" + pinyinOf(gram))) {
                found += 0.7 * weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    private Query query(String text, List<String> grams) throws IOException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> terms = new HashSet<>();
        for (String word : analyze(words, text)) {
            if (word.length() > 1 && !QueryText.functional(word) && terms.add("w" + word) && terms.size() < 200) {
                builder.add(new BoostQuery(new TermQuery(new Term(WORDS, word)), 1.0f), BooleanClause.Occur.SHOULD);
            }
        }
        for (String gram : grams) {
            if (!QueryText.functional(gram) && terms.add("g" + gram) && terms.size() < 400) {
                builder.add(new BoostQuery(new TermQuery(new Term(GRAMS, gram)), 0.6f), BooleanClause.Occur.SHOULD);
            }
        }
        return builder.build();
    }

    private Map<String, Double> idf(IndexSearcher searcher, List<String> grams) {
        Map<String, Double> idf = new HashMap<>();
        for (String gram : grams) {
            idf.computeIfAbsent(gram, g -> idfOf(searcher, g));
        }
        return idf;
    }

    private void add(KbEntry entry) throws IOException {
        if (entry.status() != EntryStatus.PUBLISHED) {
            return;
        }
        List<GramSet> phrasingGrams = new ArrayList<>();
        List<String> phrasings = new ArrayList<>();
        phrasings.add(entry.question());
        phrasings.addAll(entry.similar());
        for (String phrasing : phrasings) {
            String text = QueryText.canonical(phrasing, synonyms);
            Set<String> grams = new HashSet<>(QueryText.bigrams(text));
            String pinyin = QueryText.pinyinBigrams(text);
            for (String gram : QueryText.bigrams(text)) {
                grams.add("py:" + pinyinOf(gram));
            }
            phrasingGrams.add(new GramSet(dictionary, grams));
            writer.addDocument(document("e" + entry.id(), "Q", text, pinyin, null));
        }
        String answer = QueryText.canonical(entry.answer(), synonyms);
        writer.addDocument(document("e" + entry.id(), "A", answer, "", null));
        entries.put(
                entry.id(),
                new Indexed(entry, List.copyOf(phrasingGrams), new GramSet(dictionary, QueryText.bigrams(answer))));
    }

    private void add(Passage passage) throws IOException {
        String text = QueryText.canonical(passage.text(), synonyms);
        writer.addDocument(document("d" + passage.documentId(), "P", text, "", passage.id()));
        passages.put(passage.id(), new IndexedPassage(passage, new GramSet(dictionary, QueryText.bigrams(text))));
    }

    private static Document document(String key, String kind, String text, String pinyin, Long passageId) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key, Field.Store.YES));
        doc.add(new StringField(KIND, kind, Field.Store.YES));
        if (passageId != null) {
            doc.add(new StringField("pid", String.valueOf(passageId), Field.Store.YES));
        }
        doc.add(new TextField(WORDS, text, Field.Store.NO));
        doc.add(new TextField(GRAMS, String.join(" ", QueryText.bigrams(text)), Field.Store.NO));
        if (!pinyin.isEmpty()) {
            doc.add(new TextField(PINYIN, pinyin, Field.Store.NO));
        }
        return doc;
    }

    private static List<String> analyze(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
