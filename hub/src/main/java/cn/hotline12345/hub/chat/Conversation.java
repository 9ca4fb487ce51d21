package cn.hotline12345.hub.chat;

import cn.hotline12345.channels.ChannelId;
import cn.hotline12345.channels.Identity;
import cn.hotline12345.hub.http.Times;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * One live chat as kept in Redis.
 *
 * @param id a random id
 * @param channel the channel the citizen chats from (mini-program, web)
 * @param citizenKey who the citizen is on that channel: an openid or a browser's visitor id
 * @param identities the citizen's verified identities, carried onto a ticket made from the chat
 * @param state where the chat stands
 * @param agent the username of the agent who took it, or null
 * @param agentName that agent's display name, or null
 * @param ticketNo the ticket made from it, or null
 * @param misses bot answers in a row that found nothing
 * @param startedAt when it began
 * @param waitingSince when it joined the queue, or null
 */
public record Conversation(
        String id,
        ChannelId channel,
        String citizenKey,
        List<Identity> identities,
        ChatState state,
        String agent,
        String agentName,
        String ticketNo,
        int misses,
        Instant startedAt,
        Instant waitingSince) {

    /** As stored in Redis. */
    JsonObject toStored() {
        return new JsonObject()
                .put("id", id)
                .put("channel", channel.id())
                .put("citizenKey", citizenKey)
                .put(
                        "identities",
                        new JsonArray(identities.stream().map(Identity::toJson).toList()))
                .put("state", state.name())
                .put("agent", agent)
                .put("agentName", agentName)
                .put("ticketNo", ticketNo)
                .put("misses", misses)
                .put("startedAt", startedAt.toString())
                .put("waitingSince", waitingSince == null ? null : waitingSince.toString());
    }

    /** The conversation {@link #toStored()} wrote. */
    static Conversation fromStored(JsonObject json) {
        return new Conversation(
                json.getString("id"),
                ChannelId.of(json.getString("channel")).orElse(ChannelId.WEB),
                json.getString("citizenKey"),
                json.getJsonArray("identities", new JsonArray()).stream()
                        .map(JsonObject.class::cast)
                        .map(Identity::fromJson)
                        .toList(),
                ChatState.valueOf(json.getString("state")),
                json.getString("agent"),
                json.getString("agentName"),
                json.getString("ticketNo"),
                json.getInteger("misses", 0),
                Instant.parse(json.getString("startedAt")),
                json.getString("waitingSince") == null ? null : Instant.parse(json.getString("waitingSince")));
    }

    /** This conversation in another state. */
    Conversation with(ChatState next) {
        return new Conversation(
                id, channel, citizenKey, identities, next, agent, agentName, ticketNo, misses, startedAt, waitingSince);
    }

    /** This conversation queued at {@code at}. */
    Conversation waiting(Instant at) {
        return new Conversation(
                id, channel, citizenKey, identities, ChatState.WAITING, agent, agentName, ticketNo, 0, startedAt, at);
    }

    /** This conversation taken by an agent. */
    Conversation takenBy(String username, String displayName) {
        return new Conversation(
                id,
                channel,
                citizenKey,
                identities,
                ChatState.AGENT,
                username,
                displayName,
                ticketNo,
                misses,
                startedAt,
                waitingSince);
    }

    /** This conversation with {@code count} unanswered bot turns. */
    Conversation missed(int count) {
        return new Conversation(
                id, channel, citizenKey, identities, state, agent, agentName, ticketNo, count, startedAt, waitingSince);
    }

    /** This conversation with the ticket made from it. */
    Conversation withTicket(String number) {
        return new Conversation(
                id, channel, citizenKey, identities, state, agent, agentName, number, misses, startedAt, waitingSince);
    }

    /** As the API shows it. */
    public JsonObject toJson() {
        return new JsonObject()
                .put("id", id)
                .put("channel", channel.id())
                .put("channelName", channel.displayName())
                .put("state", state.name())
                .put("stateName", state.displayName())
                .put("agent", agent)
                .put("agentName", agentName)
                .put("ticketNo", ticketNo)
                .put("startedAt", Times.iso(startedAt))
                .put("waitingSince", waitingSince == null ? null : Times.iso(waitingSince));
    }
}
