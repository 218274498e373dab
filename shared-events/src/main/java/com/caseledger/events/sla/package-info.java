/**
 * The working-time arithmetic of SLA targets: which time counts towards a target, and when a target falls due.
 * <p>
 * It lives in {@code shared-events} because both sides need the same answers: the command side decides breaches
 * with it and the query side shows due instants with it. It sits under {@code com.caseledger.events} like
 * everything else in this module, so a package name alone tells which module owns it. It also holds the events that
 * define calendars and policies ({@link com.caseledger.events.sla.SlaDefinitionEvent}), which carry its calendar as
 * their value type, and their one fold, {@link com.caseledger.events.sla.SlaDefinitions}. Value types, events and pure
 * functions only.
 */
package com.caseledger.events.sla;
