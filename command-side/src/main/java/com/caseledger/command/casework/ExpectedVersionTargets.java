package com.caseledger.command.casework;

import com.caseledger.command.metadata.RequestMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * The case a command targets (its {@code @TargetAggregateIdentifier}) and the version the client based it on (an
 * {@code If-Match} header, carried as command metadata). With a version, Axon loads the case under its lock and
 * refuses the command with a {@link org.axonframework.modelling.command.ConflictingAggregateVersionException} if the
 * case has moved on: nothing is applied.
 */
public class ExpectedVersionTargets implements CommandTargetResolver {

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String caseId = identifiers.resolveTarget(command).getIdentifier();
        Object expected = command.getMetaData().get(RequestMetadata.EXPECTED_VERSION);
        Long version = expected instanceof Number number ? number.longValue() : null;
        return new VersionedAggregateIdentifier(caseId, version);
    }
}
