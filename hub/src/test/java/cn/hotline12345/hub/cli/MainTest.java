package cn.hotline12345.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hotline12345.hub.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("--help").out()).contains("serve");
        assertThat(run("serve", "--help").out()).contains("--port").contains("--data-dir");
    }

    @Test
    void badFlagsAreClearErrors() {
        Run unknown = run("serve", "--prot", "80");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option").contains("'--prot'");

        Run notANumber = run("serve", "--port", "eighty");
        assertThat(notANumber.status()).isEqualTo(2);
        assertThat(notANumber.err()).contains("--port");

        Run outOfRange = run("serve", "--port", "70000");
        assertThat(outOfRange.status()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("between 0 and 65535");
    }
}
