package com.caseledger.command.casework;

/** What a client learns after a command: the case's event sequence number after it. */
public record CaseCommandResult(String caseId, long version) implements CaseVersion {
}
