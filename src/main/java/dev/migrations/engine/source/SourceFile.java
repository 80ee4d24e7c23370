package dev.migrations.engine.source;

import java.nio.file.Path;

/**
 * A migration source file.
 *
 * @param path      absolute path of the .java file
 * @param className fully qualified class name implied by the package and file name
 * @param checksum  SHA-256 of the normalized source, stored when the revision is applied
 */
public record SourceFile(Path path, String className, String checksum) {

    public String simpleName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
