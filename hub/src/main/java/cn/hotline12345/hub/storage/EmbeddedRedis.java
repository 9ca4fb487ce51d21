package cn.hotline12345.hub.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server run as a child process (embedded-redis), persisting to an append-only file under {@code
 * <data-dir>/redis}. A server left running by a killed hub is stopped before a new one starts.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts the server on a free loopback port; blocks until it accepts connections. */
    public static EmbeddedRedis start(Path dataDir) {
        try {
            Path home = Files.createDirectories(dataDir.resolve("redis")).toRealPath();
            Path pidFile = home.resolve("redis.pid");
            ChildProcesses.stopLeftover(pidFile, "redis-server");
            for (int attempt = 1; ; attempt++) {
                int port = FreePorts.pick();
                RedisServer server = RedisServer.newRedisServer()
                        .port(port)
                        .bind("127.0.0.1")
                        .setting("dir " + home)
                        .setting("pidfile " + pidFile)
                        .setting("appendonly yes")
                        .setting("appendfsync everysec")
                        .setting("save 60 1000")
                        .setting("protected-mode yes")
                        .setting("daemonize no")
                        .onShutdownForceStop(false)
                        .build();
                try {
                    server.start();
                } catch (IOException | RuntimeException e) {
                    if (attempt >= 3) {
                        throw e;
                    }
                    log.info("The embedded Redis could not use port {}; trying another", port);
                    continue;
                }
                log.info("Embedded Redis listening on 127.0.0.1:{} with data in {}", port, home);
                return new EmbeddedRedis(server, port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded Redis did not start", e);
        }
    }

    /** A {@code redis://} URI for the Vert.x Redis client. */
    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            log.warn("The embedded Redis did not stop cleanly", e);
        }
    }
}
