package dev.migrations.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers read from the sources' imports: maven → autogen → script (writing revision files) →
 * engine → lint (rules over operations) → api, the command line on the engine alone, nothing
 * pointing back up. A runtime without Maven, Hibernate or JavaPoet
 * depends on this: the engine must not reach a class only autogenerate or Maven brings.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/migrations");

    /** What each top-level package may import of the others (its own is always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "api", Set.of(),
            "lint", Set.of("api"),
            "engine", Set.of("lint", "api"),
            "cli", Set.of("engine", "api"),
            "script", Set.of("engine", "api"),
            "autogen", Set.of("script", "engine", "lint", "api"),
            "maven", Set.of("autogen", "script", "engine", "lint", "api"));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.migrations\\.([a-z]+)\\b",
            Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String top = SOURCES.relativize(file).getName(0).toString();
                packages.add(top);
                Set<String> allowed = ALLOWED.get(top);
                if (allowed == null) {
                    continue;
                }
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String imported = imports.group(1);
                    if (!imported.equals(top) && !allowed.contains(imported)) {
                        wrong.add(SOURCES.relativize(file) + " imports dev.migrations." + imported);
                    }
                }
            }
        }
        assertThat(packages).as("top-level packages, each placed in a layer here").isEqualTo(ALLOWED.keySet()
                .stream().collect(TreeSet::new, Set::add, Set::addAll));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theEngineRootHoldsThePublicApiOnly() throws IOException {
        List<String> hidden = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve("engine"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (!Pattern.compile("^public (?:final |abstract |sealed )*(?:class|interface|record|enum) " + name
                        + "\\b", Pattern.MULTILINE).matcher(Files.readString(file)).find()) {
                    hidden.add(name);
                }
            }
        }
        assertThat(hidden).as("classes in dev.migrations.engine that are not public API").isEmpty();
    }
}
