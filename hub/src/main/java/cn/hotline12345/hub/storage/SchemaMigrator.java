package cn.hotline12345.hub.storage;

import io.vertx.mysqlclient.MySQLConnectOptions;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the versioned schema in {@code db/migration} with Flyway over JDBC; called before the event loops start. */
public final class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

    private SchemaMigrator() {}

    /** Brings the database named in the URI up to the newest schema version, creating the database if needed. */
    public static void migrate(String mysqlUri) {
        MySQLConnectOptions options = MySQLConnectOptions.fromUri(mysqlUri);
        String database = options.getDatabase();
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("The MySQL URI must name a database, e.g. mysql://user:pass@host/hub");
        }
        String url = String.format(
                Locale.ROOT, "jdbc:mariadb://%s:%d/?connectTimeout=10000", options.getHost(), options.getPort());
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(url, options.getUser(), options.getPassword())
                .schemas(database)
                .defaultSchema(database)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .connectRetries(10)
                .connectRetriesInterval(3)
                .load()
                .migrate();
        log.info(
                "Schema of {} at version {} ({} migrations applied now)",
                database,
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }
}
