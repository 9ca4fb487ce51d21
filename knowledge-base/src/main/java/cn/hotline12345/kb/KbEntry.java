package cn.hotline12345.kb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * A policy Q&A entry (政策问答).
 *
 * @param id database id
 * @param question the standard question (标准问)
 * @param similar other ways people ask it (相似问法)
 * @param answer the answer
 * @param category the category, e.g. 劳动和社会保障/社会保险
 * @param department the owning department
 * @param source the policy its facts come from, or null
 * @param documentId the policy document in the knowledge base it is linked to, or null
 * @param validFrom first day it may be served, or null
 * @param validTo last day it may be served, or null
 * @param status its status
 * @param version its version, counting every change
 */
public record KbEntry(
        long id,
        String question,
        List<String> similar,
        String answer,
        String category,
        String department,
        Source source,
        Long documentId,
        LocalDate validFrom,
        LocalDate validTo,
        EntryStatus status,
        int version) {

    /** This entry with another id (e.g. once stored). */
    public KbEntry withId(long newId) {
        return new KbEntry(
                newId,
                question,
                similar,
                answer,
                category,
                department,
                source,
                documentId,
                validFrom,
                validTo,
                status,
                version);
    }

    /** Whether it may be served on {@code day}. */
    public boolean servable(LocalDate day) {
        return status == EntryStatus.PUBLISHED
                && (validFrom == null || !day.isBefore(validFrom))
                && (validTo == null || !day.isAfter(validTo));
    }

    /** As JSON for the API and the JSONL export. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("question", question)
                .put("similar", new JsonArray(similar))
                .put("answer", answer)
                .put("category", category)
                .put("department", department)
                .put("source", source == null ? null : source.toJson())
                .put("documentId", documentId)
                .put("validFrom", validFrom == null ? null : validFrom.toString())
                .put("validTo", validTo == null ? null : validTo.toString())
                .put("status", status.name())
                .put("statusName", status.displayName())
                .put("version", version);
    }
}
