package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A composite key by @IdClass whose columns differ in size (a bigint, a date, a short text), and a mix of column types. */
@Entity
@Table(name = "price_history")
@IdClass(PriceHistory.Key.class)
public class PriceHistory {

    @Id
    @Column(name = "region", length = 8)
    private String region;

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Id
    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(length = 500)
    private String note;

    @Column(precision = 12, scale = 4, nullable = false)
    private BigDecimal amount;

    private boolean promotional;

    private short priority;

    private double weight;

    public static class Key implements Serializable {
        private String region;
        private Long productId;
        private LocalDate validFrom;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(region, key.region)
                    && Objects.equals(productId, key.productId) && Objects.equals(validFrom, key.validFrom);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, productId, validFrom);
        }
    }
}
