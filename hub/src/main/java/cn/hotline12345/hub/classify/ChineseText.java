package cn.hotline12345.hub.classify;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Chinese text pipeline shared by training and classification: normalisation (full-width to half-width,
 * traditional to simplified, case, whitespace), masking of phone and ID numbers, and segmentation (HanLP).
 */
public final class ChineseText {

    /** Only the start of very long texts (hotline transcripts) is used for features. */
    public static final int MAX_CHARS = 2_000;

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9x](?![0-9])");
    private static final Pattern PHONE =
            Pattern.compile("(?<![0-9])(1[3-9][0-9](\\*{4}|[0-9]{4})[0-9]{4}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Segment SEGMENTER = HanLP.newSegment()
            .enableNameRecognize(false)
            .enableTranslatedNameRecognize(false)
            .enableJapaneseNameRecognize(false)
            .enablePlaceRecognize(false)
            .enableOrganizationRecognize(false)
            .enablePartOfSpeechTagging(false)
            .enableNumberQuantifierRecognize(false)
            .enableCustomDictionary(true);

    private ChineseText() {}

    /** Normalises text for classification; the result is never null. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String halfWidth = Normalizer.normalize(cut, Normalizer.Form.NFKC);
        String simplified = HanLP.convertToSimplifiedChinese(halfWidth).toLowerCase(Locale.ROOT);
        String masked = ID_NUMBER.matcher(simplified).replaceAll(" 〈身份证号〉 ");
        masked = PHONE.matcher(masked).replaceAll(" 〈电话〉 ");
        masked = NUMBER.matcher(masked).replaceAll("0");
        return SPACES.matcher(masked).replaceAll(" ").strip();
    }

    /** The words of a normalised text, without punctuation and whitespace. */
    public static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        for (Term term : SEGMENTER.seg(normalised)) {
            String word = term.word.strip();
            if (!word.isEmpty() && hasLetterOrDigit(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static boolean hasLetterOrDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '〈') {
                return true;
            }
        }
        return false;
    }
}
