package dev.migrations.autogen.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import dev.migrations.api.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes a migration class with JavaPoet: the revision annotation and the two method bodies. */
public final class MigrationClassWriter {

    private final String packageName;

    public MigrationClassWriter(String packageName) {
        this.packageName = packageName;
    }

    /**
     * @param upgrade   the body of {@code upgrade()}; empty for a hand-written revision
     * @param downgrade the body of {@code downgrade()}
     */
    public JavaFile render(RevisionMetadata revision, CodeBlock upgrade, CodeBlock downgrade) {
        TypeSpec type = TypeSpec.classBuilder(revision.className())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Migration.class)
                .addAnnotation(annotation(revision))
                .addJavadoc("$L\n", revision.message().replace("*/", "*&#47;"))
                .addMethod(method("upgrade", upgrade))
                .addMethod(method("downgrade", downgrade))
                .build();
        return JavaFile.builder(packageName, type)
                .addStaticImport(Schema.class, "*")
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** Writes the class under {@code sourceRoot}; returns the file written. */
    public Path write(Path sourceRoot, RevisionMetadata revision, CodeBlock upgrade, CodeBlock downgrade) {
        JavaFile file = render(revision, upgrade, downgrade);
        try {
            return file.writeToPath(sourceRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the migration into " + sourceRoot, e);
        }
    }

    private static AnnotationSpec annotation(RevisionMetadata revision) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(Revision.class)
                .addMember("id", "$S", revision.id());
        strings(annotation, "parents", revision.parents());
        annotation.addMember("message", "$S", revision.message())
                .addMember("created", "$S", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(revision.created()));
        strings(annotation, "branchLabels", revision.branchLabels());
        strings(annotation, "dependsOn", revision.dependsOn());
        return annotation.build();
    }

    private static void strings(AnnotationSpec.Builder annotation, String member, List<String> values) {
        if (values.size() == 1) {
            annotation.addMember(member, "$S", values.get(0));
        } else if (values.size() > 1) {
            annotation.addMember(member, "{$L}",
                    CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", "));
        }
    }

    private static MethodSpec method(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassName.get(Operations.class), "op")
                .addCode(body)
                .build();
    }

    /** The body of a revision written by hand: a pointer to the vocabulary. */
    public static CodeBlock emptyBody(String direction) {
        return CodeBlock.builder()
                .add("// Write the $L here, e.g. $L\n", direction, direction.equals("upgrade")
                        ? "op.addColumn(\"customer\", column(\"phone\", varchar(32)));"
                        : "op.dropColumn(\"customer\", \"phone\");")
                .build();
    }
}
