package dev.migrations.maven;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The values of a list-valued parameter, however it was written: Maven's list form
 * ({@code <entityPackages><entityPackage>a</entityPackage>...}), one comma-separated string in the
 * pom, or a comma-separated {@code -D} value (which Maven itself splits at the commas, keeping
 * the blanks around them).
 */
final class ListParameter {

    private ListParameter() {
    }

    /** Every entry of every element, split at commas and stripped; blank ones dropped. */
    static List<String> values(List<String> configured) {
        if (configured == null) {
            return List.of();
        }
        return configured.stream().filter(Objects::nonNull).flatMap(element -> Arrays.stream(element.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
