package com.example.badmapping;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

@Entity
public class Author {
    @Id
    Long id;

    /** mappedBy names a property Book does not have: Hibernate refuses the mapping. */
    @OneToMany(mappedBy = "writer")
    List<Book> books;
}
