package dev.migrations.engine.source;

import java.util.Arrays;
import java.util.List;

/**
 * Fields of the tab-separated files this package writes (the index shipped in a jar, the compile
 * cache): one record a line, so a field escapes the tabs and line breaks a message may hold,
 * and a list is its items joined by commas.
 */
final class TabFields {

    private TabFields() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static List<String> items(String list) {
        return list.isEmpty() ? List.of() : Arrays.asList(list.split(",", -1));
    }
}
