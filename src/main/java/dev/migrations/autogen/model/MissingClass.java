package dev.migrations.autogen.model;

import dev.migrations.engine.MigrationException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a class that the entities use but the project's class path lacks into one line that
 * names the entity and the field, instead of the {@link NoClassDefFoundError} Hibernate's
 * metadata build runs into. It happens when a published model's entities declare fields of a
 * type that lives in one of its optional (or provided) dependencies, which the project did
 * not add: the entity classes load, their fields do not.
 */
final class MissingClass {

    private MissingClass() {
    }

    /** The one-line error for an entity class that cannot be loaded at all (its superclass is missing, say). */
    static MigrationException unloadable(String entityName, Throwable failure) {
        String missing = nameIn(failure).orElse(failure.toString());
        return new MigrationException("The entity " + entityName + " cannot be loaded: it needs " + missing
                + ", which is not on the project's class path; add the dependency that provides it (an optional"
                + " dependency of the library that has the entities is not added for you).", failure);
    }

    /** The binary name of the class the failure (or one of its causes) says is missing. */
    static Optional<String> nameIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException) {
                if (cause.getMessage() != null) {
                    return Optional.of(cause.getMessage().trim().replace('/', '.'));
                }
            } else if (cause instanceof TypeNotPresentException notPresent) {
                return Optional.of(notPresent.typeName());
            }
        }
        return Optional.empty();
    }

    /**
     * The one-line error for {@code missing}: the first of {@code entityClassNames} whose own
     * members (or an inherited class's) cannot be resolved for it, and the member whose type
     * names it when the class file tells.
     */
    static MigrationException explain(String missing, List<String> entityClassNames, ClassLoader loader,
                                      Throwable failure) {
        String action = ", which is not on the project's class path; add the dependency that provides it"
                + " (an optional dependency of the library that has the entities is not added for you).";
        for (String entityName : entityClassNames) {
            Optional<String> user = userIn(entityName, missing, loader);
            if (user.isPresent()) {
                return new MigrationException("The entity " + entityName + user.get() + " uses " + missing + action,
                        failure);
            }
        }
        return new MigrationException("The entity model uses " + missing + action, failure);
    }

    /** " (field x)" and the like when {@code entityName} is the entity that needs the class. */
    private static Optional<String> userIn(String entityName, String missing, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(entityName, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        for (Class<?> declaring = type; declaring != null && declaring != Object.class;
             declaring = declaring.getSuperclass()) {
            String owner = declaring == type ? "" : " of " + declaring.getName();
            Optional<String> member;
            try {
                member = genericUser(declaring, missing);
            } catch (NoClassDefFoundError e) {
                // the raw type of some member is missing: reflection fails for all of them at once
                if (!missing.equals(nameIn(e).orElse(null))) {
                    return Optional.empty();
                }
                member = ClassFileMembers.usersOf(declaring, missing).stream().findFirst();
                if (member.isEmpty()) {
                    return Optional.of(owner.isEmpty() ? "" : " (through " + declaring.getName() + ")");
                }
            }
            if (member.isPresent()) {
                return Optional.of(" (" + member.get() + owner + ")");
            }
        }
        return Optional.empty();
    }

    /** The member whose generic type, such as {@code List<Money>}, names the missing class. */
    private static Optional<String> genericUser(Class<?> declaring, String missing) {
        for (Field field : declaring.getDeclaredFields()) {
            if (fails(field::getGenericType, missing)) {
                return Optional.of("field " + field.getName());
            }
        }
        for (Method method : declaring.getDeclaredMethods()) {
            if (fails(method::getGenericReturnType, missing)) {
                return Optional.of("method " + method.getName());
            }
        }
        return Optional.empty();
    }

    private static boolean fails(Supplier<Type> resolve, String missing) {
        try {
            resolve.get();
            return false;
        } catch (TypeNotPresentException | LinkageError e) {
            return missing.equals(nameIn(e).orElse(null));
        }
    }
}
