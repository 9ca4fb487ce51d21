package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.sla.CalendarRepository;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hub calendar}: imports a year's legal holidays and 调休 workdays; running hubs reload within 30 s. */
@Command(
        name = "calendar",
        mixinStandardHelpOptions = true,
        description = "The legal working-day calendar: holidays and 调休 make-up workdays per year.",
        subcommands = {CalendarCommand.Import.class, CalendarCommand.ListYears.class})
public final class CalendarCommand extends ParentCommand {

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Imports one year ({\"year\", \"holidays\": [{name, from, to}], \"workdays\": [{name, date}]}),"
                            + " replacing that year.")
    static final class Import extends DatabaseCommand {
        @Option(names = "--input", paramLabel = "FILE", required = true, description = "The year's JSON document.")
        Path input;

        private JsonObject document;

        @Override
        void prepare() throws IOException {
            if (!Files.isRegularFile(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + input);
            }
            try {
                document = new JsonObject(Files.readString(input, StandardCharsets.UTF_8));
            } catch (DecodeException | MalformedInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), input + ": not a UTF-8 JSON object");
            }
        }

        @Override
        String run(CliDatabase db) {
            int year = db.await(new CalendarRepository(db.pool(), Clock.systemUTC())
                    .importYear(document, "cli:" + System.getProperty("user.name")));
            return new JsonObject().put("imported", year).encode();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The years imported into the database.")
    static final class ListYears extends DatabaseCommand {
        @Override
        String run(CliDatabase db) {
            JsonArray years = new JsonArray();
            db.await(new CalendarRepository(db.pool(), Clock.systemUTC()).years())
                    .forEach(doc -> years.add(doc.getInteger("year")));
            return new JsonObject().put("imported", years).encode();
        }
    }
}
