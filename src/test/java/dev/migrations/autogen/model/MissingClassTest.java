package dev.migrations.autogen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrations.engine.MigrationException;
import dev.migrations.it.HibernateExport;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published model whose entities use a class from a dependency the project lacks: the model
 * is compiled with it, then the class is taken away, as when an optional dependency of the
 * entities' library was not added.
 */
class MissingClassTest {

    private static final String MONEY = """
            package com.example.money;
            @jakarta.persistence.Embeddable
            public class Money {
                public java.math.BigDecimal amount;
                public String currency;
            }
            """;

    @TempDir
    Path work;

    @Test
    void aFieldWhoseTypeIsMissingIsNamedWithItsEntity() throws IOException {
        MigrationException error = buildWithoutMoney(gadget("String name; com.example.money.Money price;"));
        assertThat(error).hasMessage("The entity com.example.published.Gadget (field price) uses com.example.money.Money,"
                + " which is not on the project's class path; add the dependency that provides it (an optional"
                + " dependency of the library that has the entities is not added for you).");
        assertThat(error.getMessage()).doesNotContain("\n");
    }

    @Test
    void aCollectionOfTheMissingTypeIsNamedToo() throws IOException {
        MigrationException error = buildWithoutMoney(
                gadget("@jakarta.persistence.ElementCollection java.util.List<com.example.money.Money> prices;"));
        assertThat(error).hasMessageStartingWith("The entity com.example.published.Gadget (field prices) uses"
                + " com.example.money.Money, which is not on the project's class path");
    }

    @Test
    void aMissingTypeInAMappedSuperclassNamesBoth() throws IOException {
        MigrationException error = buildWithoutMoney("""
                package com.example.published;
                @jakarta.persistence.MappedSuperclass
                public abstract class Priced {
                    com.example.money.Money price;
                }
                """, """
                package com.example.published;
                @jakarta.persistence.Entity
                public class Gadget extends Priced {
                    @jakarta.persistence.Id Long id;
                }
                """);
        assertThat(error).hasMessageStartingWith("The entity com.example.published.Gadget"
                + " (field price of com.example.published.Priced) uses com.example.money.Money,");
    }

    @Test
    void anEntityWhoseSuperclassIsMissingIsNotLeftOutOfTheModel() throws IOException {
        // left out, the entity's table would be proposed for a drop; a class of the package
        // that is no entity and cannot load either (PriceFormat) is no error by itself
        MigrationException error = buildWithoutMoney("""
                package com.example.published;
                @jakarta.persistence.Entity
                public class Gadget extends com.example.money.Money {
                    @jakarta.persistence.Id Long id;
                }
                """, """
                package com.example.published;
                public class PriceFormat extends com.example.money.Money {
                }
                """);
        assertThat(error).hasMessage("The entity com.example.published.Gadget cannot be loaded: it needs"
                + " com.example.money.Money, which is not on the project's class path; add the dependency that"
                + " provides it (an optional dependency of the library that has the entities is not added for you).");
    }

    @Test
    void aClassOfThePackagesThatIsNoEntityMayLackItsDependencies() throws IOException {
        MigrationException error = buildWithoutMoney(gadget("String name;"), """
                package com.example.published;
                public class PriceFormat extends com.example.money.Money {
                }
                """);
        assertThat(error).isNull();
    }

    /** The source of entity Gadget with an id and {@code fields}. */
    private static String gadget(String fields) {
        return "package com.example.published;\n@jakarta.persistence.Entity\npublic class Gadget {\n"
                + "    @jakarta.persistence.Id Long id;\n    " + fields + "\n}\n";
    }

    /** Compiles the model with Money, removes Money's class, and builds the model. */
    private MigrationException buildWithoutMoney(String... modelSources) throws IOException {
        Path sources = work.resolve("src");
        write(sources, "com/example/money/Money.java", MONEY);
        for (int i = 0; i < modelSources.length; i++) {
            String name = modelSources[i].replaceAll("(?s).*public (abstract )?class (\\w+).*", "$2");
            write(sources, "com/example/published/" + name + ".java", modelSources[i]);
        }
        Path classes = HibernateExport.compile(sources.toFile(), work.resolve("classes").toFile()).toPath();
        Files.delete(classes.resolve("com/example/money/Money.class"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            EntityModelSource source = new EntityModelSource(List.of(classes), List.of("com.example.published"), null, Map.of());
            return catchThrowableOfType(MigrationException.class, () -> HibernateModel.build(source, loader, 16, 0));
        }
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
