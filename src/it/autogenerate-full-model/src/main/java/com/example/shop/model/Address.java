package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded with its default column names or with overrides. */
@Embeddable
public class Address {

    @Column(length = 120)
    private String street;

    @Column(length = 80)
    private String city;

    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Column(length = 2)
    private String country;
}
