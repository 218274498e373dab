package com.caseledger.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One home per capability: after-sales requests, follow-up calls, surveys and SLA definitions decide in their own
 * packages and import neither each other nor the case (which composes them); what they all use lives in
 * {@code casework}.
 */
class CapabilityPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/caseledger/command");
    private static final List<String> CAPABILITIES = List.of("refunds", "followups", "surveys", "sla");

    @ParameterizedTest
    @ValueSource(strings = {"refunds", "followups", "surveys", "sla"})
    void a_capability_imports_no_other_capability_and_not_the_case(String capability) {
        List<String> imports = importsOf(capability);

        assertThat(imports).isNotEmpty();
        assertThat(imports).noneMatch(line -> line.contains("com.caseledger.command.cases"));
        CAPABILITIES.stream().filter(other -> !other.equals(capability)).forEach(other ->
                assertThat(imports).noneMatch(line -> line.contains("com.caseledger.command." + other + ".")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"casework", "metadata"})
    void what_every_capability_uses_imports_none_of_them(String shared) {
        assertThat(importsOf(shared)).noneMatch(line -> line.contains("com.caseledger.command.cases")
                || CAPABILITIES.stream().anyMatch(capability -> line.contains("com.caseledger.command." + capability + ".")));
    }

    private static List<String> importsOf(String packageName) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(packageName))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(CapabilityPackagesTest::lines)
                    .filter(line -> line.startsWith("import "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
