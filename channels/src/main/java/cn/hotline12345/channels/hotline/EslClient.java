package cn.hotline12345.channels.hotline;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of FreeSWITCH's event socket in inbound mode: connects, answers {@code auth/request} with the password,
 * subscribes to plain events and hands each one to a {@link EslListener}. After a refused connect, a refused password
 * or a lost connection it tries again, waiting 1 s (by default) doubled per failure up to a maximum, with jitter, until
 * {@link #close()}.
 */
public final class EslClient {

    private static final Logger log = LoggerFactory.getLogger(EslClient.class);

    private final EslSettings settings;
    private final EslListener listener;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Channel channel;
    private volatile ScheduledFuture<?> retry;
    private int failures;

    public EslClient(EslSettings settings, EslListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("esl-" + settings.host(), true), NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new EslFrameDecoder(), new Session());
                    }
                });
    }

    /** Starts connecting; returns at once. Calling it again does nothing. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        group.execute(this::connect);
    }

    /** Whether the switch accepted the password and subscription and the connection is open. */
    public boolean connected() {
        return listening;
    }

    /** Stops retrying, closes the connection and releases the I/O thread. */
    public Future<Void> close() {
        closed = true;
        Promise<Void> done = Promise.promise();
        ScheduledFuture<?> pending = retry;
        if (pending != null) {
            pending.cancel(false);
        }
        Channel open = channel;
        if (open != null) {
            open.close();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete());
        return done.future();
    }

    private void connect() {
        if (closed) {
            return;
        }
        bootstrap.connect(settings.host(), settings.port()).addListener(future -> {
            if (!future.isSuccess()) {
                retryLater(future.cause());
            }
        });
    }

    private void retryLater(Throwable cause) {
        listening = false;
        channel = null;
        if (closed) {
            listener.onDisconnected(cause, -1);
            return;
        }
        long delay = nextDelayMillis();
        log.warn(
                "Switch event socket {}:{} unavailable ({}); retrying in {} ms",
                settings.host(),
                settings.port(),
                cause.getMessage(),
                delay);
        listener.onDisconnected(cause, delay);
        try {
            retry = group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejected) {
            log.debug("Not retrying: the client is shutting down");
        }
    }

    private long nextDelayMillis() {
        long delay = backoffMillis(
                settings.initialBackoff().toMillis(),
                settings.maxBackoff().toMillis(),
                failures,
                ThreadLocalRandom.current().nextDouble());
        failures++;
        return delay;
    }

    /**
     * The wait before retry number {@code failures + 1}: {@code initial} doubled per earlier failure, capped at {@code
     * max}, then spread over its upper half by {@code random} (0 to 1) so that hubs do not retry in step.
     */
    static long backoffMillis(long initial, long max, int failures, double random) {
        long doubled = initial << Math.min(failures, 20);
        long capped = Math.min(max, Math.max(initial, doubled));
        return capped / 2 + Math.round(random * (capped - capped / 2));
    }

    private static void send(ChannelHandlerContext ctx, String command) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(command + "\n\n", StandardCharsets.UTF_8));
    }

    private enum State {
        AWAIT_AUTH_REQUEST,
        AWAIT_AUTH_REPLY,
        AWAIT_SUBSCRIBE_REPLY,
        LISTENING
    }

    private final class Session extends SimpleChannelInboundHandler<Object> {

        private State state = State.AWAIT_AUTH_REQUEST;
        private Throwable failure;
        private ScheduledFuture<?> authTimeout;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            if (closed) {
                ctx.close();
                return;
            }
            authTimeout = ctx.executor()
                    .schedule(
                            () -> {
                                if (state != State.LISTENING) {
                                    fail(
                                            ctx,
                                            new EslAuthenticationException(
                                                    "no authentication within " + settings.connectTimeout()));
                                }
                            },
                            settings.connectTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (message instanceof EslFrameDecoder.Malformed malformed) {
                log.warn("Skipped a malformed frame from the switch: {}", malformed.reason());
                return;
            }
            EslFrame frame = (EslFrame) message;
            switch (frame.contentType()) {
                case "auth/request" -> {
                    state = State.AWAIT_AUTH_REPLY;
                    send(ctx, "auth " + settings.password());
                }
                case "command/reply" -> reply(ctx, frame.header("Reply-Text").orElse(""));
                case "text/event-plain" -> event(frame);
                case "text/disconnect-notice" -> {
                    log.info("Switch sent a disconnect notice: {}", frame.body().strip());
                    if (failure == null) {
                        failure = new IllegalStateException("the switch disconnected");
                    }
                    ctx.close();
                }
                default -> log.debug("Ignored a {} frame from the switch", frame.contentType());
            }
        }

        private void reply(ChannelHandlerContext ctx, String text) {
            boolean ok = text.startsWith("+OK");
            switch (state) {
                case AWAIT_AUTH_REPLY -> {
                    if (!ok) {
                        fail(ctx, new EslAuthenticationException("the switch refused the password: " + text));
                        return;
                    }
                    state = State.AWAIT_SUBSCRIBE_REPLY;
                    send(ctx, "event plain " + String.join(" ", settings.events()));
                }
                case AWAIT_SUBSCRIBE_REPLY -> {
                    if (!ok) {
                        fail(ctx, new EslAuthenticationException("the switch refused the subscription: " + text));
                        return;
                    }
                    state = State.LISTENING;
                    authTimeout.cancel(false);
                    failures = 0;
                    listening = true;
                    log.info(
                            "Listening to switch events {} on {}:{}",
                            settings.events(),
                            settings.host(),
                            settings.port());
                    listener.onConnected();
                }
                default -> log.debug("Ignored a command reply: {}", text);
            }
        }

        private void event(EslFrame frame) {
            if (state != State.LISTENING) {
                log.warn("Ignored an event received before the subscription was confirmed");
                return;
            }
            EslEvent event;
            try {
                event = EslEvent.parse(frame.body());
            } catch (IllegalArgumentException e) {
                log.warn("Skipped an unreadable event from the switch: {}", e.getMessage());
                return;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.error(
                        "The listener failed on {} {}",
                        event.name(),
                        event.uniqueId().orElse("?"),
                        e);
            }
        }

        private void fail(ChannelHandlerContext ctx, Throwable cause) {
            failure = cause;
            log.error("Switch event socket {}:{}: {}", settings.host(), settings.port(), cause.getMessage());
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (authTimeout != null) {
                authTimeout.cancel(false);
            }
            retryLater(failure != null ? failure : new IllegalStateException("the switch closed the connection"));
        }
    }
}
