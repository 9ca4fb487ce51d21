package cn.hotline12345.hub.classify;

import io.vertx.core.json.JsonObject;

/**
 * The type and category models the intake uses, and the confidence under which a ticket goes to the 待分类 (triage)
 * queue. Thread-safe.
 *
 * @param type the request-type model (咨询、求助、投诉 …)
 * @param category the first-level category model
 * @param triageBelow category confidence under which a ticket needs an agent's classification
 */
public record Classifiers(TextClassifier type, TextClassifier category, double triageBelow) {

    /** The shipped default models. */
    public static Classifiers shipped(double triageBelow) {
        return new Classifiers(
                ShippedModels.load(ShippedModels.Target.TYPE),
                ShippedModels.load(ShippedModels.Target.CATEGORY),
                triageBelow);
    }

    /** Classifies a request's title and content. */
    public TicketClassification classify(String title, String content) {
        String text = title == null || content.startsWith(title) ? content : title + "。" + content;
        Classification byType = type.classify(text);
        Classification byCategory = category.classify(text);
        return new TicketClassification(
                byType.label(),
                byType.confidence(),
                byCategory.label(),
                byCategory.confidence(),
                byCategory.modelVersion() + "+" + byType.modelVersion(),
                byCategory.confidence() < triageBelow);
    }

    /**
     * The decision stored with a ticket.
     *
     * @param type request type
     * @param typeConfidence its probability
     * @param category first-level category
     * @param categoryConfidence its probability
     * @param version the versions of both models
     * @param triage whether an agent must confirm the classification (待分类)
     */
    public record TicketClassification(
            String type,
            double typeConfidence,
            String category,
            double categoryConfidence,
            String version,
            boolean triage) {

        /** As JSON, for event payloads. */
        public JsonObject toJson() {
            return new JsonObject()
                    .put("type", type)
                    .put("typeConfidence", Math.round(typeConfidence * 10_000.0) / 10_000.0)
                    .put("category", category)
                    .put("categoryConfidence", Math.round(categoryConfidence * 10_000.0) / 10_000.0)
                    .put("version", version)
                    .put("triage", triage);
        }
    }
}
