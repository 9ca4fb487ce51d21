package cn.hotline12345.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What the knowledge base answers to a question.
 *
 * @param answered whether it is confident enough to answer
 * @param answer the answer text, or a Chinese sentence saying it does not know
 * @param confidence 0–1
 * @param entryId the entry answered from, or null
 * @param question the entry's standard question, or null
 * @param source the policy cited, or null
 * @param passage the document passage answered from (when no curated entry matched), or null
 * @param alternatives other entries the citizen may have meant (您是不是想问)
 */
public record Answer(
        boolean answered,
        String answer,
        double confidence,
        Long entryId,
        String question,
        JsonObject source,
        JsonObject passage,
        List<Alternative> alternatives) {

    /**
     * Another entry that came close.
     *
     * @param entryId the entry
     * @param question its standard question
     * @param confidence 0–1
     */
    public record Alternative(long entryId, String question, double confidence) {}

    /** The JSON of {@code GET /api/v1/kb/answer} and {@code kb ask}. */
    public JsonObject toJson() {
        JsonArray others = new JsonArray();
        alternatives.forEach(a -> others.add(new JsonObject()
                .put("entryId", a.entryId())
                .put("question", a.question())
                .put("confidence", a.confidence())));
        return new JsonObject()
                .put("answered", answered)
                .put("answer", answer)
                .put("confidence", confidence)
                .put("entryId", entryId)
                .put("question", question)
                .put("source", source)
                .put("passage", passage)
                .put("alternatives", others);
    }
}
