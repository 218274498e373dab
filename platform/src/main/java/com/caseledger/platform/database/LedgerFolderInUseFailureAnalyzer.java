package com.caseledger.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in the start-up failure report, not deep in a stack trace, which folder is taken and what to do. */
class LedgerFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<LedgerFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LedgerFolderInUseException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop the node that uses " + cause.folder() + " first, or start this one with its own "
                        + "caseledger.data-dir.", cause);
    }
}
