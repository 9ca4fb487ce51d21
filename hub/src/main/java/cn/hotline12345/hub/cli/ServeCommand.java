package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.Hub;
import cn.hotline12345.hub.HubConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub serve}: runs the hub until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description =
                "Runs the hub. Without HUB_MYSQL_URI / HUB_REDIS_URI it starts an embedded MariaDB and Redis with their data under the data directory.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    Integer port;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "HTTP port (env HUB_HTTP_PORT, default 8080; 0 picks a free port).")
    void setPort(int value) {
        if (value < 0 || value > 65535) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--port must be between 0 and 65535, got " + value);
        }
        port = value;
    }

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the embedded servers (env HUB_DATA_DIR, default ./data).")
    Path dataDir;

    @Override
    public Integer call() throws InterruptedException {
        HubConfig config = config(spec, port, dataDir);
        Hub hub = Hub.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            hub.close();
                            stopped.countDown();
                        },
                        "hub-shutdown"));
        stopped.await();
        return 0;
    }

    /** The environment's configuration with the command-line flags applied. */
    static HubConfig config(CommandSpec spec, Integer port, Path dataDir) {
        HubConfig config;
        try {
            config = HubConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (port != null) {
            config = config.withHttpPort(port);
        }
        if (dataDir != null) {
            config = config.withDataDir(dataDir);
        }
        return config;
    }
}
