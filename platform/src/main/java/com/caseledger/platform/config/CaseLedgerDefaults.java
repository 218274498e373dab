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
    }
}
