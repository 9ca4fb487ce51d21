package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.kb.KbRepository;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.kb.Answer;
import cn.hotline12345.kb.EntryFiles;
import cn.hotline12345.kb.EntryStatus;
import cn.hotline12345.kb.KnowledgeIndex;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hub kb}: import policy Q&A entries and ask the knowledge base, on the configured database. */
@Command(
        name = "kb",
        mixinStandardHelpOptions = true,
        description = "The policy Q&A knowledge base (政策问答库).",
        subcommands = {KbCommand.Import.class, KbCommand.Ask.class})
public final class KbCommand extends ParentCommand {

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Imports JSON Lines entries (question, answer, optional similar, category, source) as"
                    + " published; running hubs search them within seconds.")
    static final class Import extends DatabaseCommand {
        @Option(names = "--input", paramLabel = "FILE", required = true, description = "JSON Lines file.")
        Path input;

        @Option(names = "--replace", description = "Retire every existing entry first.")
        boolean replace;

        private EntryFiles.Read read;

        @Override
        void prepare() throws IOException {
            if (!Files.isRegularFile(input)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No such file: " + input);
            }
            read = EntryFiles.read(Files.readString(input, StandardCharsets.UTF_8), EntryStatus.PUBLISHED);
            if (!read.errors().isEmpty()) {
                read.errors().stream().limit(20).forEach(spec.commandLine().getErr()::println);
                throw new CommandLine.ParameterException(
                        spec.commandLine(), read.errors().size() + " bad lines in " + input + "; nothing imported");
            }
        }

        @Override
        String run(CliDatabase db) {
            int count = db.await(new KbRepository(db.pool(), Clock.systemUTC())
                    .importAll(
                            read.entries().stream().map(EntryFiles.Line::entry).toList(),
                            "cli:" + System.getProperty("user.name"),
                            replace));
            return new JsonObject()
                    .put("imported", count)
                    .put("errors", new JsonArray())
                    .encode();
        }
    }

    @Command(
            name = "ask",
            mixinStandardHelpOptions = true,
            description = "Answers a question from the knowledge base; prints the same JSON as GET /api/v1/kb/answer.")
    static final class Ask extends DatabaseCommand {
        @Option(names = "--question", required = true, description = "The question, as a citizen would ask it.")
        String question;

        @Override
        String run(CliDatabase db) throws IOException {
            KbRepository repository = new KbRepository(db.pool(), Clock.systemUTC());
            try (KnowledgeIndex index = new KnowledgeIndex(db.await(repository.synonyms()))) {
                index.rebuild(index.synonyms(), db.await(repository.all()), db.await(repository.passages(null)));
                Answer answer = index.ask(question, LocalDate.now(WorkingCalendar.ZONE));
                return answer.toJson().put("queryId", null).encode();
            }
        }
    }
}
