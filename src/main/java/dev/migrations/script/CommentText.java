package dev.migrations.script;

/**
 * Text from outside the writer (a message, a table or column name, an entity's name) made safe
 * to write into a comment of the generated source. javac decodes a backslash, a {@code u} and
 * four hex digits into the character they name before it reads comments, so a name or message
 * holding the escape of a slash or a line break could end the comment early and have the rest
 * compiled as code; so could a literal line break in a line comment.
 */
public final class CommentText {

    private CommentText() {
    }

    /** For a {@code //} comment: one line, with no backslash left that could start an escape. */
    public static String line(String text) {
        return text.replace("\\", "\\\\").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** For Javadoc: rendered as written, the comment's end and backslashes as HTML entities. */
    public static String javadoc(String text) {
        return text.replace("\\", "&#92;").replace("*/", "*&#47;");
    }
}
