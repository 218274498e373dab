package com.caseledger.command.cases;

import com.caseledger.command.casework.ExpectedVersionTargets;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How cases are loaded: from a cache of recently used cases (one node, or nodes that route a case's commands
 * to one node), else from their latest snapshot plus the events after it. A snapshot is taken every
 * {@code caseledger.cases.snapshot-after} events, so long cases load as fast as short ones.
 */
@Configuration(proxyBeanMethods = false)
public class CaseRepositorySettings {

    @Bean
    public Cache caseCache(CaseSettings settings) {
        return settings.cache() ? new RecentCases(settings.cacheSize()) : NoCache.INSTANCE;
    }

    /**
     * Snapshots of another format of the case are skipped: the case is then loaded from its events. The type is the
     * aggregate type the store records with each snapshot (the class's simple name), not the payload's class.
     */
    @Bean
    public SnapshotFilter caseSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(SupportCase.class.getSimpleName())
                .revision(SupportCase.SNAPSHOT_REVISION).build();
    }

    /** Commands find their case by its identifier, and the version an {@code If-Match} requires by their metadata. */
    @Bean
    public CommandTargetResolver caseCommandTargets() {
        return new ExpectedVersionTargets();
    }

    @Bean
    public SnapshotTriggerDefinition caseSnapshotTrigger(Snapshotter snapshotter,
                                                         CaseSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshotAfter());
    }
}
