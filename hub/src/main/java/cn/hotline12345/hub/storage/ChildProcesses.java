package cn.hotline12345.hub.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds and stops a database server left running by an earlier hub process that was killed. */
final class ChildProcesses {

    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);

    private ChildProcesses() {}

    /**
     * Stops the process named in {@code pidFile} if it is still alive and its executable name contains {@code
     * executableName}; a stale pid file is removed either way.
     */
    static void stopLeftover(Path pidFile, String executableName) {
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.contains(executableName))
                        .orElse(false))
                .ifPresent(process -> {
                    log.warn("Stopping {} (pid {}) left over by an earlier run", executableName, process.pid());
                    stop(process, Duration.ofSeconds(60));
                });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            log.warn("Could not remove stale pid file {}", pidFile, e);
        }
    }

    private static void stop(ProcessHandle process, Duration grace) {
        process.destroy();
        Instant giveUp = Instant.now().plus(grace);
        while (process.isAlive() && Instant.now().isBefore(giveUp)) {
            sleep(100);
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            while (process.isAlive()) {
                sleep(50);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
