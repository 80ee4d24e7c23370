package dev.migrations.script;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * The code of a generated {@code upgrade()} or {@code downgrade()}: notes for the reviewer,
 * then one block per operation. Kept apart so that the writer can spread a long body over
 * several methods: a JVM method holds at most 64 KB of bytecode, which the first revision of
 * a few hundred entities exceeds.
 *
 * @param notes      comments that head the method
 * @param statements one block per operation, in order
 */
public record MethodBody(CodeBlock notes, List<CodeBlock> statements) {

    public MethodBody {
        statements = List.copyOf(statements);
    }

    /** A body written as one block, such as the hint of a hand-written revision. */
    public static MethodBody of(CodeBlock code) {
        return new MethodBody(code, List.of());
    }

    /** Everything as one block, as a short body is written. */
    public CodeBlock inline() {
        CodeBlock.Builder all = CodeBlock.builder().add(notes);
        statements.forEach(all::add);
        return all.build();
    }

    @Override
    public String toString() {
        return inline().toString();
    }
}
