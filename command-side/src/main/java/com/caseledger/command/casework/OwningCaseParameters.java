package com.caseledger.command.casework;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregate;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;

/**
 * Gives a handler parameter of type {@link OwningCase} the case whose command is being handled: the root of the
 * aggregate in scope. Axon finds it through {@code META-INF/services}, in the application and in test fixtures alike.
 */
public class OwningCaseParameters implements ParameterResolverFactory {

    @Override
    public ParameterResolver<OwningCase> createInstance(Executable executable, Parameter[] parameters, int index) {
        return OwningCase.class.equals(parameters[index].getType()) ? new OwningCaseResolver() : null;
    }

    private static final class OwningCaseResolver implements ParameterResolver<OwningCase> {

        @Override
        public OwningCase resolveParameterValue(Message<?> message) {
            if (Scope.getCurrentScope() instanceof AnnotatedAggregate<?> aggregate
                    && aggregate.getAggregateRoot() instanceof OwningCase owningCase) {
                return owningCase;
            }
            throw new IllegalStateException("A part of a case handles commands only within its case");
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    }
}
