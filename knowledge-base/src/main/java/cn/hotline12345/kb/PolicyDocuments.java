package cn.hotline12345.kb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Policy documents as passages: the text of a plain-text or .docx document split into its articles (第X条), each
 * article with its chapter (第X章) in the label, long articles further into their clauses (（一）（二）…), and documents
 * without articles into paragraphs. Each passage can be cited: 《title》（docNo）第X条.
 */
public final class PolicyDocuments {

    /**
     * A passage before it is stored.
     *
     * @param label where it is, e.g. 第三章 第十二条
     * @param text its text
     */
    public record Part(String label, String text) {}

    private static final Pattern CHAPTER = Pattern.compile("^第[一二三四五六七八九十百零〇0-9]+章\\s*.*$");
    private static final Pattern ARTICLE = Pattern.compile("^(第[一二三四五六七八九十百零〇0-9]+条)\\s*(.*)$");
    private static final Pattern CLAUSE = Pattern.compile("(（[一二三四五六七八九十]+）)");
    private static final int LONG_ARTICLE = 400;

    private PolicyDocuments() {}

    /** Splits a document's text into passages. */
    public static List<Part> split(String text) {
        List<Part> parts = new ArrayList<>();
        String chapter = null;
        String article = null;
        StringBuilder body = new StringBuilder();
        List<String> paragraphs = new ArrayList<>();
        for (String raw : text.replace("\r", "").split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (CHAPTER.matcher(line).matches()) {
                flush(parts, chapter, article, body);
                article = null;
                chapter = line.split("\\s+")[0];
                continue;
            }
            Matcher m = ARTICLE.matcher(line);
            if (m.matches()) {
                flush(parts, chapter, article, body);
                article = m.group(1);
                body.append(m.group(2));
                continue;
            }
            if (article != null) {
                body.append(line);
            } else {
                paragraphs.add(line);
            }
        }
        flush(parts, chapter, article, body);
        if (parts.isEmpty()) {
            for (int i = 0; i < paragraphs.size(); i++) {
                if (paragraphs.get(i).length() >= 10) {
                    parts.add(new Part("第" + (i + 1) + "段", paragraphs.get(i)));
                }
            }
        }
        return parts;
    }

    private static void flush(List<Part> parts, String chapter, String article, StringBuilder body) {
        if (article == null || body.isEmpty()) {
            body.setLength(0);
            return;
        }
        String label = chapter == null ? article : chapter + " " + article;
        String text = body.toString();
        body.setLength(0);
        Matcher clauses = CLAUSE.matcher(text);
        if (text.length() <= LONG_ARTICLE || !clauses.find()) {
            parts.add(new Part(label, text));
            return;
        }
        String lead = text.substring(0, clauses.start());
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        clauses.reset();
        while (clauses.find()) {
            starts.add(clauses.start());
            names.add(clauses.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            parts.add(new Part(label + names.get(i), lead + text.substring(starts.get(i), end)));
        }
    }

    /** The citation of a passage: 《title》（docNo）label. */
    public static String citation(String title, String docNo, String label) {
        String t = title.startsWith("《") ? title : "《" + title + "》";
        return t + (docNo == null || docNo.isBlank() ? "" : "（" + docNo + "）") + label;
    }

    /** The text of a .docx file, one line per paragraph; external entities and DTDs are not processed. */
    public static String docxText(byte[] docx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("word/document.xml")) {
                    return paragraphs(zip);
                }
            }
            throw new IllegalArgumentException("不是有效的 .docx 文件（缺少 word/document.xml）");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String paragraphs(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml, "UTF-8");
            boolean inText = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && reader.getLocalName().equals("t")) {
                    inText = true;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (reader.getLocalName().equals("t")) {
                        inText = false;
                    } else if (reader.getLocalName().equals("p")) {
                        text.append('\n');
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && inText) {
                    text.append(reader.getText());
                }
            }
            return text.toString();
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("无法读取 .docx 文件内容", e);
        }
    }
}
