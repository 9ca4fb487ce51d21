package cn.hotline12345.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Main;
import cn.hotline12345.hub.TestHub;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hub routing …} against the shared test hub's database, while the hub runs. */
class RoutingCommandIT {

    private static JsonObject run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        assertThat(status).as(err.toString()).isZero();
        return new JsonObject(out.toString().strip());
    }

    @Test
    void exportsImportsAndExplainsTheListFromTheCommandLine() {
        String dataDir = TestHub.get().config().dataDir().toString();
        Path xlsx = TestHub.dataDir("cli").resolve("list.xlsx");
        JsonObject exported = run("routing", "export", "--data-dir", dataDir, "--output", xlsx.toString());
        assertThat(exported.getInteger("rows")).isGreaterThan(100);

        JsonObject imported =
                run("routing", "import", "--data-dir", dataDir, "--input", xlsx.toString(), "--name", "命令行导入");
        assertThat(imported.getString("status")).isEqualTo("DRAFT");
        assertThat(imported.getJsonObject("report").getBoolean("valid")).isTrue();
        assertThat(imported.getInteger("version")).isGreaterThan(exported.getInteger("version"));

        JsonObject explained = run(
                "routing",
                "explain",
                "--data-dir",
                dataDir,
                "--category",
                "城乡建设",
                "--area",
                "竹坑村",
                "--text",
                "家里停水两天了");
        assertThat(explained.getJsonObject("lead").getString("name")).isEqualTo("青溪县自来水有限公司");

        Path departments = xlsx.resolveSibling("departments.csv");
        JsonObject directory =
                run("routing", "export-directory", "--data-dir", dataDir, "--departments", departments.toString());
        assertThat(directory.getInteger("departments")).isGreaterThan(50);
        JsonObject again =
                run("routing", "import-directory", "--data-dir", dataDir, "--departments", departments.toString());
        assertThat(again.getInteger("departments")).isEqualTo(directory.getInteger("departments"));
    }
}
