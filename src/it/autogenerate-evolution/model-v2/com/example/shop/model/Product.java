package com.example.shop.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.Comment;

/**
 * v2: index on name added, price numeric(10,2) to (12,2), stock integer to bigint, a check on
 * price, a many-to-one to category (new column and foreign key), a collection table of image
 * urls, a column comment.
 */
@Entity
@Table(name = "product", indexes = @Index(name = "ix_product_name", columnList = "name"))
@Check(name = "ck_product_price_positive", constraints = "price > 0")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 10)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    @Comment("Stock keeping unit, printed on the label")
    private String sku;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(precision = 12, scale = 2, nullable = false)
    private BigDecimal price;

    @Column(nullable = false)
    private long stock;

    @ManyToOne
    @JoinColumn(name = "category_id")
    private Category category;

    @ElementCollection
    @CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "url", nullable = false, length = 500)
    private List<String> imageUrls;
}
