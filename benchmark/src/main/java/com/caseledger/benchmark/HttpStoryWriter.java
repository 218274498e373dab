package com.caseledger.benchmark;

import com.caseledger.events.AgentReplied;
import com.caseledger.events.CaseAssigned;
import com.caseledger.events.CaseAwaitingCustomer;
import com.caseledger.events.CaseClosed;
import com.caseledger.events.CaseEvent;
import com.caseledger.events.CaseOpened;
import com.caseledger.events.CaseReopened;
import com.caseledger.events.CaseResolved;
import com.caseledger.events.CustomerMessageReceived;
import com.caseledger.events.FollowUpCompleted;
import com.caseledger.events.FollowUpMissed;
import com.caseledger.events.InternalNoteAdded;
import com.caseledger.events.RefundApproved;
import com.caseledger.events.RefundFailed;
import com.caseledger.events.RefundIssued;
import com.caseledger.events.RefundRequested;
import com.caseledger.events.SurveyAnswered;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replays a generated story through the HTTP API, as a helpdesk import would: one command per event the
 * client decides, with the event's time as {@code occurredAt}. Events the command side derives itself (a case
 * resumed or reopened by a customer message, an automatic approval or follow-up call) are not sent.
 */
final class HttpStoryWriter {

    private final Http http;

    HttpStoryWriter(Http http) {
        this.http = http;
    }

    /** Answers the number of commands sent. */
    int write(CaseStory story) {
        String caseId = null;
        Map<String, String> refundIds = new HashMap<>();
        int commands = 0;
        for (CaseEvent event : story.events()) {
            String at = event.occurredAt().toString();
            if (event instanceof CaseOpened opened) {
                Map<String, Object> body = body("occurredAt", at, "type", opened.type(), "channel", opened.channel(),
                        "category", opened.category(), "priority", opened.priority(), "customerId", opened.customerId(),
                        "subject", opened.subject(), "description", opened.description());
                if (opened.orderId() != null) {
                    body.put("orderId", opened.orderId());
                    body.put("orderAmount", opened.orderAmount());
                }
                caseId = http.post("/api/cases", body).get("caseId").asText();
            } else if (event instanceof CaseAssigned assigned) {
                send(caseId, "assign", body("occurredAt", at, "agentId", assigned.agentId(), "team", assigned.team()));
            } else if (event instanceof InternalNoteAdded note) {
                send(caseId, "notes", body("occurredAt", at, "agentId", note.agentId(), "body", note.body()));
            } else if (event instanceof AgentReplied reply) {
                send(caseId, "replies", body("occurredAt", at, "agentId", reply.agentId(), "body", reply.body()));
            } else if (event instanceof CaseAwaitingCustomer awaiting) {
                send(caseId, "await-customer", body("occurredAt", at, "reason", awaiting.reason()));
            } else if (event instanceof CustomerMessageReceived message) {
                send(caseId, "customer-messages", body("occurredAt", at, "body", message.body()));
            } else if (event instanceof CaseReopened reopened && !reopened.byCustomer()) {
                send(caseId, "reopen", body("occurredAt", at, "reason", reopened.reason()));
            } else if (event instanceof CaseResolved resolved) {
                send(caseId, "resolve", body("occurredAt", at, "resolutionCode", resolved.resolutionCode()));
            } else if (event instanceof CaseClosed) {
                send(caseId, "close", body("occurredAt", at));
            } else if (event instanceof RefundRequested requested) {
                JsonNode answer = http.post("/api/cases/" + caseId + "/refunds", body("occurredAt", at,
                        "kind", requested.kind(), "amount", requested.amount(), "reason", requested.reason()));
                refundIds.put(requested.refundId(), answer.get("refundId").asText());
            } else if (event instanceof RefundApproved approved && !approved.automatic()) {
                send(caseId, "refunds/" + refundIds.get(approved.refundId()) + "/approve",
                        body("occurredAt", at, "approverId", approved.approverId()));
            } else if (event instanceof RefundIssued issued) {
                send(caseId, "refunds/" + refundIds.get(issued.refundId()) + "/issue",
                        body("occurredAt", at, "paymentReference", issued.reference()));
            } else if (event instanceof RefundFailed failed) {
                send(caseId, "refunds/" + refundIds.get(failed.refundId()) + "/fail",
                        body("occurredAt", at, "reason", failed.reason()));
            } else if (event instanceof FollowUpCompleted completed) {
                send(caseId, "follow-ups/" + completed.followUpId() + "/complete", body("occurredAt", at,
                        "reached", true, "satisfaction", completed.satisfaction(), "notes", completed.notes()));
            } else if (event instanceof FollowUpMissed missed) {
                send(caseId, "follow-ups/" + missed.followUpId() + "/miss", body("occurredAt", at, "reason", missed.reason()));
            } else if (event instanceof SurveyAnswered answered) {
                send(caseId, "surveys", body("occurredAt", at, "csat", answered.csat(), "nps", answered.nps(),
                        "servqual", answered.servqual()));
            } else {
                continue;
            }
            commands++;
        }
        return commands;
    }

    private void send(String caseId, String action, Map<String, Object> body) {
        http.post("/api/cases/" + caseId + "/" + action, body);
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }
}
