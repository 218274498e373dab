package com.caseledger.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * One node per data folder. The node holds an operating-system lock on {@code caseledger.lock} in the folder for its
 * whole life, so a second node on the folder stops at once; and the operating system drops the lock when the node's
 * process ends, however it ends (kill -9 too), so a PostgreSQL still running on a folder that can be locked belongs
 * to no live node.
 */
public final class LedgerFolderLock implements AutoCloseable {

    private static final String FILE_NAME = "caseledger.lock";

    /**
     * The folders locked in this JVM: a JVM's own lock does not keep out a second context of the same JVM, and closing
     * the second context's channel would drop the first one's lock.
     */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;

    private LedgerFolderLock(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /** Locks the folder, creating it if need be, or fails naming the folder when a live node holds it. */
    public static LedgerFolderLock acquire(Path dataDir) throws IOException {
        Path folder = Files.createDirectories(dataDir).toRealPath();
        if (!LOCKED_HERE.add(folder)) {
            throw inUse(folder);
        }
        try {
            return new LedgerFolderLock(folder, lockedChannel(folder));
        } catch (IOException | RuntimeException e) {
            LOCKED_HERE.remove(folder);
            throw e;
        }
    }

    private static FileChannel lockedChannel(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), CREATE, WRITE);
        boolean locked = false;
        try {
            locked = channel.tryLock() != null;
        } finally {
            if (!locked) {
                channel.close();
            }
        }
        if (!locked) {
            throw inUse(folder);
        }
        return channel;
    }

    private static LedgerFolderInUseException inUse(Path folder) {
        return new LedgerFolderInUseException(folder, folder.resolve(FILE_NAME));
    }

    public Path folder() {
        return folder;
    }

    /** Releases the folder; the lock file stays, as deleting it would let two nodes lock two different files. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            LOCKED_HERE.remove(folder);
        }
    }
}
