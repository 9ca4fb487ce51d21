package cn.hotline12345.hub.intake;

import cn.hotline12345.channels.InboundMessage;
import cn.hotline12345.channels.PhoneNumbers;
import cn.hotline12345.hub.http.ApiException;
import cn.hotline12345.hub.http.JsonInput;
import cn.hotline12345.hub.http.Times;
import cn.hotline12345.hub.ticket.NewTicket;
import cn.hotline12345.hub.ticket.StoredTicket;
import cn.hotline12345.hub.ticket.TicketRepository;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code POST /api/v1/requests} (unified intake) and {@code GET /api/v1/requests/{ticketNo}} (citizen progress). */
public final class IntakeRoutes {

    private static final Pattern TICKET_NO = Pattern.compile("[0-9]{8,20}");
    private static final String NOT_FOUND = "未找到该工单，请核对工单号和登记的联系电话";

    private final IntakeService intake;
    private final TicketRepository tickets;
    private final Clock clock;

    public IntakeRoutes(IntakeService intake, TicketRepository tickets, Clock clock) {
        this.intake = intake;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** Adds the routes to the {@code /api/v1} router, which already parses bodies. */
    public void mount(Router api) {
        api.post("/requests").consumes("application/json").handler(this::submit);
        api.get("/requests/:ticketNo").handler(this::progress);
    }

    private void submit(RoutingContext ctx) {
        String key = IntakeRequests.idempotencyKey(ctx.request().getHeader("Idempotency-Key"));
        InboundMessage message = IntakeRequests.parse(JsonInput.of(ctx), clock.instant());
        intake.submit(new NewTicket(message, key, "channel:" + message.channel().id(), null))
                .onSuccess(outcome -> {
                    StoredTicket ticket = outcome.ticket();
                    ctx.response()
                            .setStatusCode(outcome.created() ? 201 : 200)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                            .putHeader(HttpHeaders.LOCATION, "/api/v1/requests/" + ticket.ticketNo())
                            .end(new JsonObject()
                                    .put("ticketNo", ticket.ticketNo())
                                    .put("status", ticket.status().name())
                                    .put("statusName", ticket.status().displayName())
                                    .put("channel", ticket.channel())
                                    .put("createdAt", Times.iso(ticket.createdAt()))
                                    .put("duplicate", !outcome.created())
                                    .encode());
                })
                .onFailure(ctx::fail);
    }

    private void progress(RoutingContext ctx) {
        String ticketNo = ctx.pathParam("ticketNo");
        Optional<String> phone = PhoneNumbers.normalise(ctx.request().getParam("phone"));
        if (!TICKET_NO.matcher(ticketNo).matches() || phone.isEmpty()) {
            ctx.fail(ApiException.notFound(NOT_FOUND));
            return;
        }
        tickets.findProgress(ticketNo, phone.get())
                .onSuccess(found -> found.ifPresentOrElse(
                        progress -> ctx.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                                .end(progress.toJson().encode()),
                        () -> ctx.fail(ApiException.notFound(NOT_FOUND))))
                .onFailure(ctx::fail);
    }
}
