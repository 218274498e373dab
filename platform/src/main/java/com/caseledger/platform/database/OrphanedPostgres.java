package com.caseledger.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL of a node that crashed. pg_ctl starts the server as a process of its own, so it outlives a node
 * killed with kill -9, and its {@code postmaster.pid} keeps the next node's server from starting on the folder.
 * Only called with the folder's {@link LedgerFolderLock} held: no live node uses that server, and it is stopped as
 * at a clean shutdown before this node starts its own.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** A server whose clients are gone stops in the time of one shutdown checkpoint. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedPostgres() {
    }

    /**
     * Stops the server that {@code postmaster.pid} names if it is alive and is a postgres on this very folder. A pid
     * of a process that is gone is left to PostgreSQL, which removes it. A pid that now belongs to a process that is
     * no postgres at all (the number was reused after a reboot) is removed here, since PostgreSQL would refuse to
     * start beside it; a postgres whose folder cannot be told is left alone for a person to decide.
     */
    static void stopIfRunning(Path postgresData) throws IOException, InterruptedException {
        Path pidFile = postgresData.resolve("postmaster.pid");
        Optional<ProcessHandle> named = postmaster(pidFile);
        if (named.isPresent() && !isPostgres(named.get())) {
            log.warn("{} names pid {}, which is no PostgreSQL now: removing the stale file", pidFile, named.get().pid());
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> orphan = named.filter(server -> serves(server, postgresData));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle server = orphan.get();
        log.warn("PostgreSQL (pid {}) is still running on {}, left by a node that ended without stopping it: "
                + "stopping it before starting this node's own", server.pid(), postgresData);
        // SIGTERM, PostgreSQL's smart shutdown: its clients died with their node, so it writes a shutdown checkpoint
        // and exits, removing postmaster.pid
        server.destroy();
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (server.isAlive() && Files.exists(pidFile)) {
            // a person decides past the bound, not SIGKILL: that would cut a shutdown checkpoint short and leave the
            // server's backends on its shared memory
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + server.pid() + ") left running on " + postgresData
                        + " by an earlier node did not stop within " + STOP_WAIT.toSeconds()
                        + " s: stop it, then start this node again");
            }
            Thread.sleep(100);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
        String firstLine;
        try {
            firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return firstLine.matches("\\d+") ? ProcessHandle.of(Long.parseLong(firstLine)) : Optional.empty();
    }

    /** Whether the process is a postgres started with {@code -D} on this folder, as pg_ctl starts it. */
    private static boolean serves(ProcessHandle process, Path postgresData) {
        boolean postgres = isPostgres(process);
        List<String> arguments = process.info().arguments().map(Arrays::asList).orElse(List.of());
        int option = arguments.indexOf("-D");
        return postgres && option >= 0 && option + 1 < arguments.size()
                && sameFolder(Path.of(arguments.get(option + 1)), postgresData);
    }

    /** A process whose program cannot be told counts as a postgres: only a known other program is stale. */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(true);
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
