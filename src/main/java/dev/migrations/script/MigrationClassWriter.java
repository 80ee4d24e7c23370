package dev.migrations.script;

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
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes a migration class with JavaPoet: the revision annotation and the two method bodies. */
public final class MigrationClassWriter {

    /**
     * Generously under the JVM's 64 KB of bytecode per method: a createTable of a dozen columns
     * with constraints compiles to about 1 KB.
     */
    public static final int OPERATIONS_PER_METHOD = 40;

    private final String packageName;

    public MigrationClassWriter(String packageName) {
        this.packageName = packageName;
    }

    /**
     * @param upgrade   the body of {@code upgrade()}; empty for a hand-written revision
     * @param downgrade the body of {@code downgrade()}
     */
    public JavaFile render(RevisionMetadata revision, MethodBody upgrade, MethodBody downgrade) {
        TypeSpec type = TypeSpec.classBuilder(revision.className())
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(Migration.class)
                .addAnnotation(annotation(revision))
                .addJavadoc("$L\n", CommentText.javadoc(revision.message()))
                .addMethods(methods("upgrade", upgrade))
                .addMethods(methods("downgrade", downgrade))
                .build();
        return JavaFile.builder(packageName, type)
                .addStaticImport(Schema.class, "*")
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** Writes the class under {@code sourceRoot}; returns the file written. */
    public Path write(Path sourceRoot, RevisionMetadata revision, MethodBody upgrade, MethodBody downgrade) {
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

    /**
     * The method, and when the body has more operations than one method should hold, private
     * parts that it calls in order ({@code upgradePart1(op)}, ...).
     */
    private static List<MethodSpec> methods(String name, MethodBody body) {
        MethodSpec.Builder main = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassName.get(Operations.class), "op");
        if (body.statements().size() <= OPERATIONS_PER_METHOD) {
            return List.of(main.addCode(body.inline()).build());
        }
        main.addCode(body.notes())
                .addComment("$L operations in parts, in order: one method cannot hold them all",
                        body.statements().size());
        List<MethodSpec> parts = new ArrayList<>();
        for (int from = 0, part = 1; from < body.statements().size(); from += OPERATIONS_PER_METHOD, part++) {
            String partName = name + "Part" + part;
            main.addStatement("$L(op)", partName);
            MethodSpec.Builder method = MethodSpec.methodBuilder(partName)
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(ClassName.get(Operations.class), "op");
            body.statements().subList(from, Math.min(from + OPERATIONS_PER_METHOD, body.statements().size()))
                    .forEach(method::addCode);
            parts.add(method.build());
        }
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(main.build());
        methods.addAll(parts);
        return methods;
    }

    /** The body of a revision written by hand: a pointer to the vocabulary. */
    public static MethodBody emptyBody(String direction) {
        return MethodBody.of(CodeBlock.builder()
                .add("// Write the $L here, e.g. $L\n", direction, direction.equals("upgrade")
                        ? "op.addColumn(\"customer\", column(\"phone\", varchar(32)));"
                        : "op.dropColumn(\"customer\", \"phone\");")
                .build());
    }
}
