package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("DIGITAL")
public class DigitalProduct extends Product {

    @Column(name = "download_url", length = 500)
    private String downloadUrl;

    private Long fileSizeBytes;
}
