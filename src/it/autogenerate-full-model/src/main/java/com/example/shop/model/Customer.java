package com.example.shop.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/** Identity id, named index and unique constraint, two overridden embeddeds, an ordered element collection. */
@Entity
@Table(name = "customer",
        indexes = {
            @Index(name = "ix_customer_last_name", columnList = "last_name"),
            @Index(name = "ix_customer_full_name", columnList = "last_name, first_name")
        },
        uniqueConstraints = @UniqueConstraint(name = "uk_customer_email", columnNames = "email"))
@Comment("People who buy things")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 320)
    private String email;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(nullable = false)
    private boolean active;

    @Comment("Marketing consent; null until asked")
    private Boolean newsletter;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "loyalty_points", nullable = false)
    @ColumnDefault("0")
    private int loyaltyPoints;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 120)),
        @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80)),
        @AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code", length = 20)),
        @AttributeOverride(name = "country", column = @Column(name = "billing_country", length = 2))
    })
    private Address billingAddress;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "shipping_street", length = 200))
    @AttributeOverride(name = "city", column = @Column(name = "shipping_city"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "shipping_postal_code", length = 20))
    @AttributeOverride(name = "country", column = @Column(name = "shipping_country", length = 2))
    private Address shippingAddress;

    @ElementCollection
    @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    @Column(name = "phone", nullable = false, length = 40)
    private List<String> phoneNumbers;

    @OneToMany(mappedBy = "customer")
    private List<Order> orders;

    @Version
    private int version;
}
