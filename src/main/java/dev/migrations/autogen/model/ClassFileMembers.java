package dev.migrations.autogen.model;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a class file's fields and methods with their declared types, for naming the member
 * whose type cannot be loaded: reflection cannot say, as {@link Class#getDeclaredFields()}
 * fails for all of them at once.
 */
final class ClassFileMembers {

    private ClassFileMembers() {
    }

    /**
     * "field x" or "method getX" for each member of {@code type} whose declared type (its
     * descriptor, or its generic signature, as in {@code List<Money>}) names {@code className};
     * empty when the class file cannot be read.
     */
    static List<String> usersOf(Class<?> type, String className) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return usersOf(new DataInputStream(in), "L" + className.replace('.', '/') + ";",
                    "L" + className.replace('.', '/') + "<");
        } catch (IOException | RuntimeException e) {
            // a class file this reader does not understand: the error names the entity only
            return List.of();
        }
    }

    /**
     * Whether the class file of {@code className} carries {@code @Entity}: its constant pool
     * holds the annotation's descriptor. For a class that cannot be loaded to ask.
     */
    static boolean declaresEntity(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return false;
            }
            DataInputStream data = new DataInputStream(in);
            data.skipBytes(8); // magic, minor and major version
            return Arrays.asList(constantPoolTexts(data)).contains("Ljakarta/persistence/Entity;");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> usersOf(DataInputStream in, String plain, String generic) throws IOException {
        in.skipBytes(8); // magic, minor and major version
        String[] utf8 = constantPoolTexts(in);
        in.skipBytes(6); // access flags, this class, super class
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        List<String> users = new ArrayList<>();
        for (String kind : List.of("field", "method")) {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.skipBytes(2); // access flags
                String name = utf8[in.readUnsignedShort()];
                StringBuilder types = new StringBuilder(utf8[in.readUnsignedShort()]);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if ("Signature".equals(attribute)) {
                        types.append(' ').append(utf8[in.readUnsignedShort()]);
                        in.skipBytes(length - 2);
                    } else {
                        in.skipBytes(length);
                    }
                }
                if (types.indexOf(plain) >= 0 || types.indexOf(generic) >= 0) {
                    users.add(kind + " " + name);
                }
            }
        }
        return users;
    }

    /** The constant pool's UTF-8 entries by index; other entries are skipped. */
    private static String[] constantPoolTexts(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] texts = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
