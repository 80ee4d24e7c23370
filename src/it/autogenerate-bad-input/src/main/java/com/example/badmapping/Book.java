package com.example.badmapping;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Book {
    @Id
    Long id;

    @ManyToOne
    Author author;
}
