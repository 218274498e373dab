package com.caseledger.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Adds each module's defaults ({@code META-INF/caseledger-defaults/*.yml}) with the lowest precedence,
 * so every way of running CaseLedger (one side, the other, or both) starts from the same settings and
 * anything in application properties, the environment or the command line overrides them.
 */
public class CaseLedgerDefaults implements EnvironmentPostProcessor {

    private static final String LOCATION = "classpath*:META-INF/caseledger-defaults/*.yml";
    private static final String UPDATE_CHECK_DISABLED = "axon.update-check.disabled";
    private static final String AXON_UPDATE_CHECKER_SWITCH = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            for (Resource resource : resources) {
                for (PropertySource<?> source : loader.load("caseledger-defaults:" + resource.getFilename(), resource)) {
                    environment.getPropertySources().addLast(source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read CaseLedger's default settings", e);
        }
        switchOffUpdateCheckUnlessAskedFor(environment);
    }

    /**
     * Axon's update checker calls out to the internet and writes under the user's home; it stays off unless
     * {@code axon.update-check.disabled=false}. Axon reads its own system property before the Spring setting.
     */
    private static void switchOffUpdateCheckUnlessAskedFor(ConfigurableEnvironment environment) {
        boolean disabled = environment.getProperty(UPDATE_CHECK_DISABLED, Boolean.class, true);
        if (disabled && System.getProperty(AXON_UPDATE_CHECKER_SWITCH) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_SWITCH, "true");
        }
    }
}
