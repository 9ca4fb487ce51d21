package cn.hotline12345.hub.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that works on the hub's database and prints one result; bad arguments found there are usage errors. */
abstract class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory of the embedded servers (env HUB_DATA_DIR, default ./data).")
    Path dataDir;

    @Override
    public Integer call() throws IOException {
        prepare();
        try (CliDatabase db = CliDatabase.open(dataDir)) {
            spec.commandLine().getOut().println(run(db));
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Checks the arguments before the database is opened. */
    void prepare() throws IOException {}

    /** Does the work; returns what to print. */
    abstract String run(CliDatabase db) throws IOException;
}
