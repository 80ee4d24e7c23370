package dev.migrations.autogen.model.converted;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Formula;

/** Fields whose columns come from auto-applied converters, and one with no column at all. */
@Entity
public class Item {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Money price;

    private Boolean active;

    @Formula("upper(name)")
    private String upperName;
}
