package cn.hotline12345.channels;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's request as every channel hands it to the hub: already parsed, trimmed and NFC-normalised.
 *
 * @param channel where it came from
 * @param externalId the provider's own id of the message (WeChat MsgId, web form id, call id), or null
 * @param title a short subject, or null
 * @param content what the citizen said or wrote
 * @param citizenName the name the citizen gave, or null
 * @param citizenPhone the phone number the citizen gave, or null
 * @param address a free-text address, or null
 * @param area an administrative area code or name, or null
 * @param publicConsent whether the citizen agreed to publish the request and its reply (政务公开)
 * @param receivedAt when the hub received it
 * @param identities who sent it, as the provider identifies them (openid, caller number …), verified or not
 */
public record InboundMessage(
        ChannelId channel,
        String externalId,
        String title,
        String content,
        String citizenName,
        String citizenPhone,
        String address,
        String area,
        boolean publicConsent,
        Instant receivedAt,
        List<Identity> identities) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(receivedAt, "receivedAt");
        externalId = clean(externalId);
        title = clean(title);
        content = clean(content);
        citizenName = clean(citizenName);
        citizenPhone = clean(citizenPhone);
        address = clean(address);
        area = clean(area);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** A message without sender identities. */
    public InboundMessage(
            ChannelId channel,
            String externalId,
            String title,
            String content,
            String citizenName,
            String citizenPhone,
            String address,
            String area,
            boolean publicConsent,
            Instant receivedAt) {
        this(
                channel,
                externalId,
                title,
                content,
                citizenName,
                citizenPhone,
                address,
                area,
                publicConsent,
                receivedAt,
                List.of());
    }

    /** This message sent by {@code sender}. */
    public InboundMessage withIdentities(List<Identity> sender) {
        return new InboundMessage(
                channel,
                externalId,
                title,
                content,
                citizenName,
                citizenPhone,
                address,
                area,
                publicConsent,
                receivedAt,
                sender);
    }

    /** The verified identity of {@code kind}, if the sender has one. */
    public Optional<String> verified(Identity.Kind kind) {
        return identities.stream()
                .filter(i -> i.kind() == kind && i.verified())
                .map(Identity::value)
                .findFirst();
    }

    /** Trims and NFC-normalises text; blank becomes null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        return normalised.isEmpty() ? null : normalised;
    }

    /** This message as JSON, for the event bus and logs. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("channel", channel.id())
                .put("externalId", externalId)
                .put("title", title)
                .put("content", content)
                .put("citizen", new JsonObject().put("name", citizenName).put("phone", citizenPhone))
                .put("address", address)
                .put("area", area)
                .put("publicConsent", publicConsent)
                .put("receivedAt", receivedAt.toString())
                .put(
                        "identities",
                        new JsonArray(identities.stream().map(Identity::toJson).toList()));
    }

    /** The message written by {@link #toJson()}. */
    public static InboundMessage fromJson(JsonObject json) {
        JsonObject citizen = json.getJsonObject("citizen", new JsonObject());
        return new InboundMessage(
                ChannelId.of(json.getString("channel"))
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown channel " + json.getString("channel"))),
                json.getString("externalId"),
                json.getString("title"),
                json.getString("content"),
                citizen.getString("name"),
                citizen.getString("phone"),
                json.getString("address"),
                json.getString("area"),
                json.getBoolean("publicConsent", false),
                Instant.parse(json.getString("receivedAt")),
                json.getJsonArray("identities", new JsonArray()).stream()
                        .map(JsonObject.class::cast)
                        .map(Identity::fromJson)
                        .toList());
    }
}
