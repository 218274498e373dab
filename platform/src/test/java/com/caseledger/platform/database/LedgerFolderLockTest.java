package com.caseledger.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerFolderLockTest {

    @TempDir
    Path dataDir;

    @Test
    void a_second_node_on_a_locked_folder_is_refused_with_the_folder_named() throws Exception {
        try (LedgerFolderLock first = LedgerFolderLock.acquire(dataDir)) {
            assertThatThrownBy(() -> LedgerFolderLock.acquire(dataDir))
                    .isInstanceOf(LedgerFolderInUseException.class)
                    .hasMessageContaining("in use by another CaseLedger node")
                    .hasMessageContaining(first.folder().toString());
        }
    }

    @Test
    void a_released_folder_can_be_locked_again() throws Exception {
        LedgerFolderLock.acquire(dataDir.resolve("ledger")).close();

        try (LedgerFolderLock again = LedgerFolderLock.acquire(dataDir.resolve("ledger"))) {
            assertThat(again.folder()).isEqualTo(dataDir.resolve("ledger").toRealPath());
        }
    }
}
