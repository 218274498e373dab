package com.caseledger.platform.database;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * The embedded default, used when no {@code spring.datasource.url} is set.
 *
 * @param dataDir          where the embedded PostgreSQL keeps its data, kept across restarts
 * @param embeddedPostgres its port (0: a free one) and the connection pool's size
 */
@ConfigurationProperties("caseledger")
@Validated
public record EmbeddedPostgresSettings(@DefaultValue("./data") @NotNull Path dataDir,
                                       @DefaultValue @Valid Server embeddedPostgres) {

    public record Server(@DefaultValue("0") @Min(0) @Max(65535) int port,
                         @DefaultValue("48") @Min(1) @Max(190) int poolSize) {
    }
}
