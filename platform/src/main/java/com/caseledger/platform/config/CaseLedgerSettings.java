package com.caseledger.platform.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;

/**
 * CaseLedger's own settings ({@code caseledger.*}) are typed records, one per capability, each with its defaults and
 * its limits, bound and validated when a node starts: a wrong value stops the start with the setting named.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan("com.caseledger")
public class CaseLedgerSettings {
}
