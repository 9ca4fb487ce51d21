package cn.hotline12345.kb;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact, immutable set of bigrams: sorted ids into one shared dictionary, so 100,000 entries' phrasings fit in
 * tens of megabytes instead of gigabytes of hash sets.
 */
final class GramSet implements Iterable<String> {

    /** The dictionary of every bigram seen, shared by all sets. */
    static final class Dictionary {
        private final Map<String, Integer> ids = new ConcurrentHashMap<>();
        private volatile String[] texts = new String[1024];
        private int size;

        synchronized int id(String gram) {
            Integer known = ids.get(gram);
            if (known != null) {
                return known;
            }
            if (size == texts.length) {
                texts = Arrays.copyOf(texts, size * 2);
            }
            texts[size] = gram;
            ids.put(gram, size);
            return size++;
        }

        int find(String gram) {
            Integer id = ids.get(gram);
            return id == null ? -1 : id;
        }

        String text(int id) {
            return texts[id];
        }
    }

    private final Dictionary dictionary;
    private final int[] ids;

    GramSet(Dictionary dictionary, Collection<String> grams) {
        this.dictionary = dictionary;
        this.ids = grams.stream().mapToInt(dictionary::id).distinct().sorted().toArray();
    }

    boolean contains(String gram) {
        int id = dictionary.find(gram);
        return id >= 0 && Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ids.length;
            }

            @Override
            public String next() {
                if (next >= ids.length) {
                    throw new NoSuchElementException();
                }
                return dictionary.text(ids[next++]);
            }
        };
    }
}
