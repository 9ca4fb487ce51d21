package cn.hotline12345.hub.storage;

import cn.hotline12345.hub.HubConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB and Redis servers one hub process uses: external ones by URI, or embedded ones it starts and stops
 * itself.
 */
public final class Datastores implements AutoCloseable {

    /** File under the data directory naming the servers in use, for operators and benchmarks (mode 600). */
    public static final String ENDPOINTS_FILE = "endpoints.json";

    private static final Logger log = LoggerFactory.getLogger(Datastores.class);

    private final String mysqlUri;
    private final String redisUri;
    private final List<AutoCloseable> children;

    private static final java.util.Set<Path> OPEN_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Path ownedDir;

    private Datastores(String mysqlUri, String redisUri, List<AutoCloseable> children) {
        this.mysqlUri = mysqlUri;
        this.redisUri = redisUri;
        this.children = children;
    }

    /**
     * Connects to the configured servers, starting embedded ones for whatever has no URI. Fails if another live hub
     * already runs embedded servers on the same data directory. Blocks.
     */
    public static Datastores open(HubConfig config) {
        runningHub(config.dataDir()).ifPresent(pid -> {
            throw new IllegalStateException("The data directory "
                    + config.dataDir().toAbsolutePath() + " is in use by the running hub with pid " + pid);
        });
        List<AutoCloseable> started = new ArrayList<>();
        try {
            Files.createDirectories(config.dataDir());
            String mysql = config.mysqlUri().orElseGet(() -> {
                EmbeddedMariaDb db = EmbeddedMariaDb.start(config.dataDir(), config.cacheDir());
                started.add(db);
                return db.uri();
            });
            String redis = config.redisUri().orElseGet(() -> {
                EmbeddedRedis server = EmbeddedRedis.start(config.dataDir());
                started.add(server);
                return server.uri();
            });
            Datastores stores = new Datastores(mysql, redis, started);
            stores.writeEndpoints(config.dataDir());
            if (stores.embedded()) {
                stores.ownedDir = config.dataDir().toAbsolutePath().normalize();
                OPEN_HERE.add(stores.ownedDir);
            }
            return stores;
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * For command-line tools: the servers of the hub running on the data directory if there is one (in another process
     * or in this one), otherwise the
     * configured ones, starting embedded servers when no URI is given. Blocks.
     */
    public static Datastores openShared(HubConfig config) {
        if (config.mysqlUri().isEmpty() || config.redisUri().isEmpty()) {
            boolean openHere =
                    OPEN_HERE.contains(config.dataDir().toAbsolutePath().normalize());
            if (openHere || runningHub(config.dataDir()).isPresent()) {
                JsonObject endpoints = readEndpoints(config.dataDir());
                return new Datastores(
                        config.mysqlUri().orElse(endpoints.getString("mysqlUri")),
                        config.redisUri().orElse(endpoints.getString("redisUri")),
                        new ArrayList<>());
            }
        }
        return open(config);
    }

    /** The pid of a live hub that wrote the endpoints of {@code dataDir}, other than this process. */
    static Optional<Long> runningHub(Path dataDir) {
        Path file = dataDir.resolve(ENDPOINTS_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject endpoints = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            if (!endpoints.getBoolean("embedded", false)) {
                return Optional.empty();
            }
            long pid = endpoints.getLong("pid", -1L);
            if (pid == ProcessHandle.current().pid()) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("java")).orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads the endpoints a hub running on {@code dataDir} wrote. */
    public static JsonObject readEndpoints(Path dataDir) {
        try {
            return new JsonObject(Files.readString(dataDir.resolve(ENDPOINTS_FILE), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("No running hub found on " + dataDir, e);
        }
    }

    public String mysqlUri() {
        return mysqlUri;
    }

    public String redisUri() {
        return redisUri;
    }

    /** Whether this process started the servers itself. */
    public boolean embedded() {
        return !children.isEmpty();
    }

    /** Stops the embedded servers, Redis first; external servers are left alone. */
    @Override
    public void close() {
        if (ownedDir != null) {
            OPEN_HERE.remove(ownedDir);
            ownedDir = null;
        }
        List<AutoCloseable> reversed = new ArrayList<>(children);
        Collections.reverse(reversed);
        closeAll(reversed);
        children.clear();
    }

    private void writeEndpoints(Path dataDir) throws IOException {
        Path file = dataDir.resolve(ENDPOINTS_FILE);
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        JsonObject endpoints = new JsonObject()
                .put("mysqlUri", mysqlUri)
                .put("redisUri", redisUri)
                .put("pid", ProcessHandle.current().pid())
                .put("embedded", embedded());
        Files.writeString(file, endpoints.encodePrettily(), StandardCharsets.UTF_8);
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not stop {}", closeable.getClass().getSimpleName(), e);
            }
        }
    }
}
