package com.caseledger.query.config;

import com.caseledger.platform.database.SchemaMigrations;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The projections live in their own schema with their own Flyway history: they can be dropped and
 * rebuilt from the event store without touching it. The processors' tokens live beside them.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionStorage {

    public static final String SCHEMA = "projections";

    @Bean(initMethod = "migrate")
    public Flyway projectionsFlyway(DataSource dataSource) {
        return SchemaMigrations.forSchema(dataSource, SCHEMA, "classpath:db/projections");
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC token store as its Spring Boot setup makes it, with this node's own id
     * ({@code caseledger.query.node-id}), so that nodes sharing the database tell their segment claims apart.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                                 ObjectProvider<TokenStoreProperties> tokenStoreProperties,
                                 QuerySettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getIfAvailable(TokenStoreProperties::new).getClaimTimeout())
                .nodeId(settings.nodeId())
                .build();
    }
}
