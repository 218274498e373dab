package com.caseledger.platform.database;

import java.nio.file.Path;

/** A node found its data folder locked by another live node; it must not start on that folder's PostgreSQL. */
public class LedgerFolderInUseException extends IllegalStateException {

    private final transient Path folder;

    LedgerFolderInUseException(Path folder, Path lockFile) {
        super("The data folder " + folder + " is in use by another CaseLedger node (it holds " + lockFile + ")");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
