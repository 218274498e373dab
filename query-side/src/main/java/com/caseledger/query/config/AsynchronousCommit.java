package com.caseledger.query.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projection batches commit without waiting for their write-ahead log to reach the disk. A crash can lose only
 * the last batches together with the tokens that record them, so those events are processed again: the views
 * stay consistent and complete, and the events themselves were stored durably when their commands were answered.
 */
class AsynchronousCommit implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String APPLIED = AsynchronousCommit.class.getName();

    private final JdbcTemplate jdbc;

    AsynchronousCommit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.root().getOrComputeResource(APPLIED, key -> {
            jdbc.execute("set local synchronous_commit = off");
            return Boolean.TRUE;
        });
        return interceptorChain.proceed();
    }
}
