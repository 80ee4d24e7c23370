package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;

// The shop's Customer after an edit (try-it.sh and the example-try-it test copy it over the
// shop's own): a phone number, looked up by an index, and no birth date kept any more.
@Entity
@Table(name = "customer", uniqueConstraints = @UniqueConstraint(name = "uq_customer_email", columnNames = "email"),
        indexes = @Index(name = "ix_customer_phone", columnList = "phone"))
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 32)
    private String phone;

    @Embedded
    private Address address;

    @OneToMany(mappedBy = "customer")
    private List<Order> orders = new ArrayList<>();
}
