package dev.migrations.autogen.model.keyed;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.Set;

@Entity
public class Category {

    @Id
    private Integer id;

    private String title;

    @ManyToMany(mappedBy = "categories")
    private Set<Product> products;
}
