package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/**
 * v2: unique email added, index on city dropped, name widened 50 to 200, last_name nullable,
 * fax dropped, tier not null (it has a default), phone and loyalty_points (not null, default 0)
 * added, table comment added.
 */
@Entity
@Table(name = "customer", uniqueConstraints = @UniqueConstraint(name = "uk_customer_email", columnNames = "email"))
@Comment("People who buy things")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String email;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "last_name", length = 80)
    private String lastName;

    @Column(nullable = false, length = 20)
    @ColumnDefault("'standard'")
    private String tier;

    @Column(length = 80)
    private String city;

    @Column(length = 40)
    private String phone;

    @Column(name = "loyalty_points", columnDefinition = "integer default 0 not null")
    private int loyaltyPoints;
}
