package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.bench.ClassifyBenchmark;
import cn.hotline12345.hub.bench.IntakeBenchmark;
import cn.hotline12345.hub.bench.KbBenchmark;
import cn.hotline12345.hub.bench.WeChatBenchmark;
import cn.hotline12345.hub.storage.Datastores;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hub bench}: rerunnable performance measurements; figures go to {@code docs/benchmarks.md}. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. See deploy/bench/ for scripts that run them end to end.",
        subcommands = {
            BenchCommand.Intake.class,
            BenchCommand.Ceiling.class,
            BenchCommand.Classify.class,
            BenchCommand.Kb.class,
            BenchCommand.WeChat.class
        })
public final class BenchCommand extends ParentCommand {

    /** Passive-reply times of the official account server of a running hub. */
    @Command(
            name = "wechat",
            mixinStandardHelpOptions = true,
            description = "Pushes signed WeChat text messages to a running hub and times the passive replies.")
    static final class WeChat implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Hub base URL.")
        String url;

        @Option(names = "--token", required = true, description = "The hub's HUB_WECHAT_TOKEN.")
        String token;

        @CommandLine.Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            load.check();
            JsonObject result = WeChatBenchmark.overHttp(url, token, load.clients, load.requests, load.warmup);
            spec.commandLine().getOut().println(result.encode());
            return result.getInteger("failures") == 0 ? 0 : 1;
        }
    }

    /** Load on {@code POST /api/v1/requests} of a running hub. */
    @Command(name = "intake", mixinStandardHelpOptions = true, description = "Posts requests to a running hub.")
    static final class Intake implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Hub base URL.")
        String url;

        @CommandLine.Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            load.check();
            JsonObject result = IntakeBenchmark.overHttp(url, load.clients, load.requests, load.warmup);
            spec.commandLine().getOut().println(result.encode());
            return result.getInteger("failures") == 0 ? 0 : 1;
        }
    }

    /** The same transactions issued straight to MariaDB. */
    @Command(
            name = "ceiling",
            mixinStandardHelpOptions = true,
            description = "Issues the intake's transactions straight to the database of a hub (or a URI).")
    static final class Ceiling implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", description = "Data directory of a running embedded hub.")
        Path dataDir;

        @Option(names = "--mysql-uri", description = "mysql://user:pass@host:port/db instead of --data-dir.")
        String mysqlUri;

        @CommandLine.Mixin
        LoadOptions load;

        @Option(
                names = "--pool-size",
                defaultValue = "32",
                description = "Connections, as the hub's HUB_DB_POOL_SIZE (default ${DEFAULT-VALUE}).")
        int poolSize;

        @Override
        public Integer call() {
            load.check();
            if ((dataDir == null) == (mysqlUri == null)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "Give exactly one of --data-dir and --mysql-uri");
            }
            String uri = mysqlUri != null
                    ? mysqlUri
                    : Datastores.readEndpoints(dataDir).getString("mysqlUri");
            JsonObject result = IntakeBenchmark.direct(uri, load.clients, load.requests, load.warmup, poolSize);
            spec.commandLine().getOut().println(result.encode());
            return result.getInteger("failures") == 0 ? 0 : 1;
        }
    }

    /** Classification speed and model load time. */
    @Command(
            name = "classify",
            mixinStandardHelpOptions = true,
            description = "Model load time and classifications per second on one thread (held-out corpus texts).")
    static final class Classify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        ModelOptions model;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() {
            JsonObject result = ClassifyBenchmark.run(() -> model.load(spec), model.target, Math.max(1, seconds));
            spec.commandLine().getOut().println(result.encode());
            return 0;
        }
    }

    /** Knowledge-base answering speed and memory at a given number of entries. */
    @Command(
            name = "kb",
            mixinStandardHelpOptions = true,
            description = "Answers per second, p50/p99 latency and index memory at N entries, on one thread.")
    static final class Kb implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--entries",
                defaultValue = "5000",
                description = "Entries in the index (default ${DEFAULT-VALUE}).")
        int entries;

        @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() {
            spec.commandLine()
                    .getOut()
                    .println(KbBenchmark.run(Math.max(230, entries), Math.max(1, seconds))
                            .encode());
            return 0;
        }
    }
}
