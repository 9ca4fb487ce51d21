package cn.hotline12345.kb;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chinese text as the knowledge base compares it: NFKC, traditional characters to simplified, lower case, without the
 * colloquial openings and endings citizens add (请问、我想问一下、你好、谢谢、吗、呢 …), with synonyms rewritten to their
 * canonical forms; plus its character bigrams and the pinyin of its characters (so a homophone typo such as 公基金 still
 * meets 公积金).
 */
public final class QueryText {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern COLLOQUIAL = Pattern.compile(
            "^(喂|嗯|哦|啊|哎)?(你好|您好|喂)?[，,。!！ ]*(请问一下|请问|我想问一下|我想问问|我想问|想问一下|问一下|我想咨询一下|我想咨询|想咨询一下|咨询一下|咨询个事|"
                    + "我想了解一下|了解一下|麻烦问一下|麻烦问下|麻烦帮我查一下|麻烦|打扰一下|你好请问|请教一下)?"
                    + "|(谢谢你|谢谢您|谢谢啊|谢谢了|谢谢|多谢|麻烦了|好吗|行吗|可以吗|是吧|对吧|呢|吗|啊|呀|吧|哦|嘛|啦)+$");

    private QueryText() {}

    /** Normalised text: NFKC, simplified, lower case, punctuation and colloquial openings and endings removed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String simplified = HanLP.convertToSimplifiedChinese(nfkc);
        String spaced = PUNCTUATION.matcher(simplified).replaceAll(" ").strip();
        String previous;
        String current = spaced;
        do {
            previous = current;
            current = COLLOQUIAL.matcher(current).replaceAll("").strip();
        } while (!current.equals(previous) && !current.isEmpty());
        return current.isEmpty() ? spaced : current;
    }

    /** Normalised text with synonyms rewritten to their canonical forms. */
    public static String canonical(String text, Synonyms synonyms) {
        return synonyms.canonical(normalise(text));
    }

    /** The character bigrams of each run of non-space characters (a lone character stands for itself). */
    public static List<String> bigrams(String text) {
        List<String> grams = new ArrayList<>();
        for (String run : text.split(" ")) {
            if (run.length() == 1) {
                grams.add(run);
            }
            for (int i = 0; i + 1 < run.length(); i++) {
                grams.add(run.substring(i, i + 2));
            }
        }
        return grams;
    }

    private static final String FUNCTION_CHARACTERS = "怎么什哪里去要可以需如何吗呢的了是在有能会我你他她们这那个些还就都也和与及或把被给让到从对为啊呀吧该得多少几办理";

    /**
     * Whether a bigram carries no topic: both its characters are question or function words (怎么, 哪里, 要去, 可以 …),
     * so it says how something is asked, not what.
     */
    public static boolean functional(String gram) {
        for (int i = 0; i < gram.length(); i++) {
            if (FUNCTION_CHARACTERS.indexOf(gram.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Pinyin syllable bigrams, e.g. 公积金 → gong_ji ji_jin; non-Chinese characters stay as they are. */
    public static String pinyinBigrams(String text) {
        StringBuilder out = new StringBuilder();
        for (String run : text.split(" ")) {
            if (run.isEmpty()) {
                continue;
            }
            List<Pinyin> syllables = HanLP.convertToPinyinList(run);
            List<String> plain = new ArrayList<>(syllables.size());
            for (int i = 0; i < syllables.size(); i++) {
                Pinyin p = syllables.get(i);
                plain.add(p == Pinyin.none5 ? String.valueOf(run.charAt(i)) : p.getPinyinWithoutTone());
            }
            for (int i = 0; i + 1 < plain.size(); i++) {
                out.append(plain.get(i)).append('_').append(plain.get(i + 1)).append(' ');
            }
        }
        return out.toString().strip();
    }
}
