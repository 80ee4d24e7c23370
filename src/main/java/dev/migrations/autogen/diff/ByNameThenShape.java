package dev.migrations.autogen.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Pairs the objects of one kind (unique constraints, indexes, foreign keys...) on two sides of
 * a diff: first by name; then, among the rest, by shape, so that the same constraint under
 * another name (written by hand, or named by another tool) is not dropped and re-created.
 * What is left on the old side is dropped, what is left on the new side is created. A pair
 * with the same name but another shape is both.
 */
record ByNameThenShape<T>(List<T> dropped, List<T> created) {

    static <T> ByNameThenShape<T> match(List<T> before, List<T> after, Function<T, String> name,
                                        Function<T, Object> shape) {
        List<T> oldLeft = new ArrayList<>(before);
        List<T> newLeft = new ArrayList<>(after);
        List<T> dropped = new ArrayList<>();
        List<T> created = new ArrayList<>();
        for (T wanted : after) {
            String wantedName = name.apply(wanted);
            if (wantedName == null) {
                continue;
            }
            for (T existing : oldLeft) {
                if (wantedName.equals(name.apply(existing))) {
                    oldLeft.remove(existing);
                    newLeft.remove(wanted);
                    if (!shape.apply(existing).equals(shape.apply(wanted))) {
                        dropped.add(existing);
                        created.add(wanted);
                    }
                    break;
                }
            }
        }
        for (T wanted : List.copyOf(newLeft)) {
            for (T existing : oldLeft) {
                if (shape.apply(existing).equals(shape.apply(wanted))) {
                    oldLeft.remove(existing);
                    newLeft.remove(wanted);
                    break;
                }
            }
        }
        dropped.addAll(oldLeft);
        created.addAll(newLeft);
        return new ByNameThenShape<>(dropped, created);
    }
}
