package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

/** Single-table subclass: its columns are nullable in the shared table. */
@Entity
@DiscriminatorValue("PHYSICAL")
public class PhysicalProduct extends Product {

    @Column(name = "weight_grams")
    private Integer weightGrams;

    @Embedded
    private Dimensions dimensions;
}
