package dev.migrations.autogen.model.converted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of another schema, named on the mapping. */
@Entity
@Table(schema = "Billing")
public class Invoice {
    @Id
    private Long id;
}
