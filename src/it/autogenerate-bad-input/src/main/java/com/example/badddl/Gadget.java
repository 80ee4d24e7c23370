package com.example.badddl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Gadget {
    @Id
    Long id;

    /** A column type PostgreSQL does not have: Hibernate writes it, the database refuses it. */
    @Column(columnDefinition = "no_such_type(12)")
    String shape;
}
