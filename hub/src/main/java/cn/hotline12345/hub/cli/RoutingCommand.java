package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.TaxonomyRepository;
import cn.hotline12345.hub.directory.Area;
import cn.hotline12345.hub.directory.Directory;
import cn.hotline12345.hub.directory.DirectoryFiles;
import cn.hotline12345.hub.directory.DirectoryRepository;
import cn.hotline12345.hub.routing.ResponsibilityList;
import cn.hotline12345.hub.routing.ResponsibilityListFile;
import cn.hotline12345.hub.routing.ResponsibilityListRepository;
import cn.hotline12345.hub.routing.ResponsibilityRouter;
import cn.hotline12345.hub.routing.RoutingQuery;
import cn.hotline12345.hub.routing.SampleCounty;
import cn.hotline12345.hub.sla.WorkingCalendar;
import cn.hotline12345.hub.spreadsheet.Sheet;
import cn.hotline12345.hub.spreadsheet.Spreadsheets;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hub routing}: the responsibility list (责任清单) and the department directory — import and export as .xlsx or
 * CSV, publish a version, explain a routing decision. Running hubs pick up changes within 5 seconds.
 */
@Command(
        name = "routing",
        mixinStandardHelpOptions = true,
        description = "The responsibility list (责任清单) and the department directory.",
        subcommands = {
            RoutingCommand.Import.class,
            RoutingCommand.Export.class,
            RoutingCommand.Publish.class,
            RoutingCommand.Versions.class,
            RoutingCommand.Explain.class,
            RoutingCommand.ImportDirectory.class,
            RoutingCommand.ExportDirectory.class
        })
public final class RoutingCommand extends ParentCommand {

    private static final String ACTOR = "cli:" + System.getProperty("user.name");

    private static Directory directory(CliDatabase db) {
        DirectoryRepository directories = new DirectoryRepository(db.pool(), Clock.systemUTC());
        if (!"false".equalsIgnoreCase(System.getenv().getOrDefault("HUB_SAMPLE_COUNTY", "true"))) {
            db.await(SampleCounty.read()
                    .storeIfEmpty(
                            directories,
                            new ResponsibilityListRepository(db.pool(), Clock.systemUTC()),
                            new TaxonomyRepository(db.pool(), Clock.systemUTC())));
        }
        return db.await(directories.load());
    }

    private static byte[] read(CommandLine cli, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cli, "No such file: " + file);
        }
        return Files.readAllBytes(file);
    }

    private static void write(Path file, Sheet sheet, String title) throws IOException {
        boolean csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
        Files.write(file, csv ? Spreadsheets.toCsv(sheet) : Spreadsheets.toXlsx(sheet, title));
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Imports a list from .xlsx or CSV as a new draft version (or publishes it), after validation.")
    static final class Import extends DatabaseCommand {
        @Option(names = "--input", paramLabel = "FILE", required = true, description = ".xlsx or .csv file.")
        Path input;

        @Option(names = "--name", description = "A title for the version (default: the file name).")
        String name;

        @Option(names = "--publish", description = "Publish the version at once if it validates.")
        boolean publish;

        @Override
        String run(CliDatabase db) throws IOException {
            byte[] bytes = read(spec.commandLine(), input);
            Directory directory = directory(db);
            ResponsibilityListFile.Parsed parsed = ResponsibilityListFile.read(
                    Spreadsheets.read(bytes),
                    directory,
                    db.await(new TaxonomyRepository(db.pool(), Clock.systemUTC()).active()));
            if (!parsed.valid()) {
                spec.commandLine().getErr().println(parsed.report().encodePrettily());
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "The list has errors and was not imported (report above).");
            }
            ResponsibilityListRepository lists = new ResponsibilityListRepository(db.pool(), Clock.systemUTC());
            int version = db.await(lists.createDraft(
                    name == null ? input.getFileName().toString() : name,
                    input.getFileName().toString(),
                    parsed.rows(),
                    parsed.report(),
                    ACTOR));
            if (publish) {
                db.await(lists.publish(version, ACTOR));
            }
            return new JsonObject()
                    .put("version", version)
                    .put("status", publish ? "PUBLISHED" : "DRAFT")
                    .put("report", parsed.report())
                    .encode();
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Writes a version (default: the published one) as .xlsx or .csv, by the file's extension.")
    static final class Export extends DatabaseCommand {
        @Option(names = "--output", paramLabel = "FILE", required = true, description = ".xlsx or .csv file.")
        Path output;

        @Option(names = "--version", description = "The version to export.")
        Integer version;

        @Override
        String run(CliDatabase db) throws IOException {
            Directory directory = directory(db);
            ResponsibilityListRepository lists = new ResponsibilityListRepository(db.pool(), Clock.systemUTC());
            ResponsibilityList list = version == null
                    ? db.await(lists.published())
                    : db.await(lists.find(version))
                            .orElseThrow(() -> new IllegalArgumentException("No version " + version));
            write(output, ResponsibilityListFile.toSheet(list, directory), "责任清单");
            return new JsonObject()
                    .put("version", list.version())
                    .put("rows", list.rows().size())
                    .put("output", output.toString())
                    .encode();
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Puts a version in force.")
    static final class Publish extends DatabaseCommand {
        @Option(names = "--version", required = true, description = "The version to publish.")
        int version;

        @Override
        String run(CliDatabase db) {
            db.await(new ResponsibilityListRepository(db.pool(), Clock.systemUTC()).publish(version, ACTOR));
            return new JsonObject()
                    .put("version", version)
                    .put("status", "PUBLISHED")
                    .encode();
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "Every version, newest first.")
    static final class Versions extends DatabaseCommand {
        @Override
        String run(CliDatabase db) {
            directory(db);
            return new JsonObject()
                    .put("items", db.await(new ResponsibilityListRepository(db.pool(), Clock.systemUTC()).versions()))
                    .encode();
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Routes a request and explains why.")
    static final class Explain extends DatabaseCommand {
        @Option(names = "--category", required = true, description = "First-level category, e.g. 城乡建设.")
        String category;

        @Option(names = "--subcategory", description = "Second-level category.")
        String subcategory;

        @Option(names = "--type", description = "Request type, e.g. 投诉.")
        String type;

        @Option(names = "--area", description = "Area name or code, or an address.")
        String area;

        @Option(names = "--text", defaultValue = "", description = "The request's text.")
        String text;

        @Override
        String run(CliDatabase db) {
            Directory directory = directory(db);
            String code = area == null
                    ? directory.resolveAddress(text).map(m -> m.area().code()).orElse(null)
                    : directory
                            .areaNamed(area)
                            .or(() -> directory.resolveAddress(area).map(m -> m.area()))
                            .map(Area::code)
                            .orElseThrow(() -> new IllegalArgumentException("Unknown area: " + area));
            ResponsibilityList list =
                    db.await(new ResponsibilityListRepository(db.pool(), Clock.systemUTC()).published());
            return ResponsibilityRouter.route(
                            list,
                            new RoutingQuery(category, subcategory, type, code, text),
                            directory,
                            LocalDate.now(WorkingCalendar.ZONE))
                    .toJson(directory)
                    .encode();
        }
    }

    @Command(
            name = "import-directory",
            mixinStandardHelpOptions = true,
            description = "Adds or updates departments and/or areas by code from .xlsx or CSV files.")
    static final class ImportDirectory extends DatabaseCommand {
        @Option(names = "--departments", paramLabel = "FILE", description = "Departments file.")
        Path departments;

        @Option(names = "--areas", paramLabel = "FILE", description = "Areas file.")
        Path areas;

        @Override
        void prepare() {
            if (departments == null && areas == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give --departments and/or --areas");
            }
        }

        @Override
        String run(CliDatabase db) throws IOException {
            DirectoryRepository repository = new DirectoryRepository(db.pool(), Clock.systemUTC());
            JsonObject saved = new JsonObject();
            if (areas != null) {
                List<Area> rows = DirectoryFiles.areas(Spreadsheets.read(read(spec.commandLine(), areas)));
                saved.put("areas", db.await(repository.saveAreas(rows, ACTOR)));
            }
            if (departments != null) {
                List<DirectoryFiles.DepartmentRow> rows =
                        DirectoryFiles.departments(Spreadsheets.read(read(spec.commandLine(), departments)));
                saved.put("departments", db.await(repository.saveDepartments(rows, true, ACTOR)));
            }
            return saved.encode();
        }
    }

    @Command(
            name = "export-directory",
            mixinStandardHelpOptions = true,
            description = "Writes departments and/or areas as .xlsx or .csv, by the files' extensions.")
    static final class ExportDirectory extends DatabaseCommand {
        @Option(names = "--departments", paramLabel = "FILE", description = "Departments file to write.")
        Path departments;

        @Option(names = "--areas", paramLabel = "FILE", description = "Areas file to write.")
        Path areas;

        @Override
        String run(CliDatabase db) throws IOException {
            Directory directory = directory(db);
            if (departments != null) {
                write(departments, DirectoryFiles.departmentSheet(directory), "单位目录");
            }
            if (areas != null) {
                write(areas, DirectoryFiles.areaSheet(directory), "行政区划");
            }
            return new JsonObject()
                    .put("departments", directory.departments().size())
                    .put("areas", directory.areas().size())
                    .encode();
        }
    }
}
