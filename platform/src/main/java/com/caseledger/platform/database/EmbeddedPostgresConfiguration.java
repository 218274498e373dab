package com.caseledger.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: with no {@code spring.datasource.url}, CaseLedger runs its own PostgreSQL
 * whose data lives under {@code caseledger.data-dir} (default {@code ./data}) and survives restarts. One node
 * runs on a folder at a time ({@link LedgerFolderLock}), and a server that a crashed node left running on it is
 * stopped before this node starts its own ({@link OrphanedPostgres}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}' == ''")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public LedgerFolderLock ledgerFolderLock(EmbeddedPostgresSettings settings) throws IOException {
        return LedgerFolderLock.acquire(settings.dataDir());
    }

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(LedgerFolderLock ledgerFolder, EmbeddedPostgresSettings settings)
            throws IOException, InterruptedException {
        Path postgresData = ledgerFolder.folder().resolve("postgres");
        OrphanedPostgres.stopIfRunning(postgresData);
        log.info("Starting embedded PostgreSQL with its data in {}", postgresData);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                // Spring stops the server once the ledger's users of it are closed, then releases the folder; the
                // library's own shutdown hook would stop it at once, under the event processors' last work
                .setRegisterShutdownHook(false)
                // after a crash of PostgreSQL itself, it replays its write-ahead log before it accepts connections
                .setPGStartupWait(Duration.ofSeconds(60))
                // an answered command is on disk: the embedded server's defaults (no fsync, no synchronous
                // commit) suit throwaway test databases, not a store whose history must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                // reports sort a period's cases in memory rather than on disk
                .setServerConfig("work_mem", "32MB");
        if (settings.embeddedPostgres().port() > 0) {
            builder.setPort(settings.embeddedPostgres().port());
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    public DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("caseledger-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(settings.embeddedPostgres().poolSize());
        return new HikariDataSource(config);
    }
}
