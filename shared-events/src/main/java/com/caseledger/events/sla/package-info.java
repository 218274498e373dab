/**
 * The working-time arithmetic of SLA targets: which time counts towards a target, and when a target falls due.
 * <p>
 * It lives in {@code shared-events} because both sides need the same answers: the command side decides breaches
 * with it and the query side shows due instants with it. It sits under {@code com.caseledger.events} like
 * everything else in this module, so a package name alone tells which module owns it, and the calendar it
 * defines is the value type that calendar-change events will carry. Value types and pure functions only.
 */
package com.caseledger.events.sla;
