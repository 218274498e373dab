package com.caseledger.command.customers;

import com.caseledger.events.CustomerErased;
import com.caseledger.platform.personaldata.CustomerKeyStore;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The record of a customer's erasures, one stream per customer ({@code customer/<customerId>}, which no case id
 * takes). An erasure destroys the customer's keys and records {@link CustomerErased} in the same transaction, so
 * neither happens without the other. Erasing again is harmless: it destroys the keys made since (none if the customer
 * wrote nothing since) and is recorded too.
 */
@Aggregate
public class CustomerErasures {

    private static final String PREFIX = "customer/";

    @AggregateIdentifier
    private String id;

    protected CustomerErasures() {
        // for Axon: rebuilt from its events, or made by the first erasure
    }

    static String idOf(String customerId) {
        return PREFIX + customerId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ErasureResult handle(EraseCustomer command, CustomerKeyStore keys, Clock clock) {
        Instant now = clock.instant();
        int destroyed = keys.destroyKeysOf(command.customerId());
        apply(new CustomerErased(command.customerId(), destroyed, now));
        return new ErasureResult(command.customerId(), destroyed, now);
    }

    @EventSourcingHandler
    void on(CustomerErased event) {
        id = idOf(event.customerId());
    }
}
