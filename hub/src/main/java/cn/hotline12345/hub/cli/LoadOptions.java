package cn.hotline12345.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --clients}, {@code --requests} and {@code --warmup} of the load benchmarks. */
final class LoadOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "64", description = "Concurrent callers (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--requests",
            defaultValue = "20000",
            description = "Measured operations (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--warmup",
            defaultValue = "5000",
            description = "Operations issued first and not measured (default ${DEFAULT-VALUE}).")
    int warmup;

    /** Rejects counts that make no run. */
    void check() {
        if (clients < 1 || requests < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--clients and --requests must be at least 1, --warmup at least 0");
        }
    }
}
