package com.caseledger.command.casework;

/** An answer that names the case version a command left the case at; it is also the answer's ETag. */
public interface CaseVersion {

    long version();
}
