package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.Taxonomy;
import cn.hotline12345.hub.classify.TaxonomyRepository;
import io.vertx.core.json.DecodeException;
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

/** {@code hub taxonomy}: imports, exports and lists versions of the request types and category tree. */
@Command(
        name = "taxonomy",
        mixinStandardHelpOptions = true,
        description = "The request types and category tree (分类体系) as versioned data in the database.",
        subcommands = {TaxonomyCommand.Import.class, TaxonomyCommand.Export.class, TaxonomyCommand.History.class})
public final class TaxonomyCommand extends ParentCommand {

    abstract static class TaxonomyStoreCommand extends DatabaseCommand {
        @Override
        String run(CliDatabase db) throws IOException {
            return run(db, new TaxonomyRepository(db.pool(), Clock.systemUTC()));
        }

        abstract String run(CliDatabase db, TaxonomyRepository taxonomies) throws IOException;
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Publishes a taxonomy file (JSON, as 'export' writes) as the next active version.")
    static final class Import extends TaxonomyStoreCommand {
        @Option(names = "--input", paramLabel = "FILE", required = true, description = "The taxonomy JSON.")
        Path input;

        @Option(names = "--note", description = "Why this version, for the history.")
        String note;

        private Taxonomy parsed;

        @Override
        void prepare() throws IOException {
            if (!Files.isRegularFile(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + input);
            }
            try {
                parsed = Taxonomy.fromJson(new JsonObject(Files.readString(input, StandardCharsets.UTF_8)), 0);
            } catch (DecodeException | IllegalArgumentException | MalformedInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), input + ": " + e.getMessage());
            }
        }

        @Override
        String run(CliDatabase db, TaxonomyRepository taxonomies) {
            int version = db.await(taxonomies.publish(parsed, "cli:" + System.getProperty("user.name"), note));
            return new JsonObject()
                    .put("version", version)
                    .put("types", parsed.types().size())
                    .put("categories", parsed.categories().size())
                    .encode();
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the taxonomy in force as JSON.")
    static final class Export extends TaxonomyStoreCommand {
        @Option(names = "--output", paramLabel = "FILE", description = "Where to write; standard output without it.")
        Path output;

        @Override
        String run(CliDatabase db, TaxonomyRepository taxonomies) throws IOException {
            String document = db.await(taxonomies.active()).toJson().encodePrettily();
            if (output == null) {
                return document;
            }
            Files.writeString(output, document, StandardCharsets.UTF_8);
            return new JsonObject().put("written", output.toString()).encode();
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every imported version, newest first.")
    static final class History extends TaxonomyStoreCommand {
        @Override
        String run(CliDatabase db, TaxonomyRepository taxonomies) {
            StringBuilder out = new StringBuilder();
            db.await(taxonomies.history()).forEach(v -> out.append(v.encode()).append('\n'));
            return out.length() == 0 ? "[]" : out.toString().stripTrailing();
        }
    }
}
