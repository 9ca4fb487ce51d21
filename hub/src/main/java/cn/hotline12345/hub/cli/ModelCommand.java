package cn.hotline12345.hub.cli;

import cn.hotline12345.hub.classify.ModelRegistry;
import cn.hotline12345.hub.classify.ShippedModels;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hub model}: the trained models in the database; running hubs pick up an activation within seconds. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Lists, activates and restores classifier models stored in the database.",
        subcommands = {
            ModelCommand.ListModels.class,
            ModelCommand.Activate.class,
            ModelCommand.Restore.class,
            ModelCommand.Report.class
        })
public final class ModelCommand extends ParentCommand {

    abstract static class RegistryCommand extends DatabaseCommand {
        @Override
        String run(CliDatabase db) {
            return run(db, new ModelRegistry(db.pool(), Clock.systemUTC()));
        }

        abstract String run(CliDatabase db, ModelRegistry registry);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every stored model with its macro-F1.")
    static final class ListModels extends RegistryCommand {
        @Override
        String run(CliDatabase db, ModelRegistry registry) {
            StringBuilder out = new StringBuilder();
            db.await(registry.list())
                    .forEach(model -> out.append(model.encode()).append('\n'));
            return out.toString().stripTrailing();
        }
    }

    @Command(
            name = "activate",
            mixinStandardHelpOptions = true,
            description = "Makes a stored model the active one of its target.")
    static final class Activate extends RegistryCommand {
        @Parameters(paramLabel = "VERSION", description = "A version from 'model list'.")
        String version;

        @Override
        String run(CliDatabase db, ModelRegistry registry) {
            String target = db.await(registry.activate(version));
            return new JsonObject().put("target", target).put("active", version).encode();
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = "Re-activates the model that was active before.")
    static final class Restore extends RegistryCommand {
        @Option(names = "--target", required = true, description = "category or type.")
        ShippedModels.Target target;

        @Override
        String run(CliDatabase db, ModelRegistry registry) {
            String version = db.await(registry.restorePrevious(target.field()));
            return new JsonObject()
                    .put("target", target.field())
                    .put("active", version)
                    .encode();
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = "The evaluation report stored with a model.")
    static final class Report extends RegistryCommand {
        @Parameters(paramLabel = "VERSION", description = "A version from 'model list'.")
        String version;

        @Override
        String run(CliDatabase db, ModelRegistry registry) {
            return db.await(registry.evaluation(version)).encodePrettily();
        }
    }
}
