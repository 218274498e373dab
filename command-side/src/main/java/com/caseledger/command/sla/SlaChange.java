package com.caseledger.command.sla;

/**
 * What a definition command did: the version of the definition it leaves, whether that definition is new (it was
 * not in force before) and whether anything was recorded (a definition sent again unchanged records nothing).
 */
public record SlaChange(String definitionId, long version, boolean created, boolean recorded) {
}
