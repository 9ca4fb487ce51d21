package cn.hotline12345.hub;

import cn.hotline12345.hub.cli.BenchCommand;
import cn.hotline12345.hub.cli.CalendarCommand;
import cn.hotline12345.hub.cli.ClassifyCommand;
import cn.hotline12345.hub.cli.EvaluateCommand;
import cn.hotline12345.hub.cli.KbCommand;
import cn.hotline12345.hub.cli.ModelCommand;
import cn.hotline12345.hub.cli.ParentCommand;
import cn.hotline12345.hub.cli.RoutingCommand;
import cn.hotline12345.hub.cli.ServeCommand;
import cn.hotline12345.hub.cli.TaxonomyCommand;
import cn.hotline12345.hub.cli.TrainCommand;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** Entry point of {@code hub.jar}: {@code serve}, {@code bench} and the other commands. */
@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "12345 citizen interaction hub: intake, tickets and the HTTP API.",
        subcommands = {
            ServeCommand.class,
            TrainCommand.class,
            ClassifyCommand.class,
            EvaluateCommand.class,
            ModelCommand.class,
            TaxonomyCommand.class,
            CalendarCommand.class,
            RoutingCommand.class,
            KbCommand.class,
            BenchCommand.class,
            HelpCommand.class
        })
public final class Main extends ParentCommand {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        configureLogging(args);
        int status = commandLine().execute(args);
        if (status != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(status);
        }
    }

    /** The command line with every command, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println("Error: " + failure.getMessage());
                    commandLine.getErr().flush();
                    return 1;
                });
    }

    private static void configureLogging(String[] args) {
        boolean serving = args.length > 0 && "serve".equals(args[0]);
        String format = System.getenv().getOrDefault("HUB_LOG_FORMAT", serving ? "json" : "text");
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty(
                    "logback.configurationFile",
                    "json".equals(format.toLowerCase(Locale.ROOT)) ? "logback-json.xml" : "logback.xml");
        }
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    }

    /** The version printed by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"hub " + (version == null ? "development build" : version)};
        }
    }
}
