package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A composite key by @EmbeddedId (a text before a uuid and an integer) next to columns of every size. */
@Entity
@Table(name = "stock_level")
public class StockLevel {

    @EmbeddedId
    private Key id;

    @Column(length = 2000)
    private String remark;

    private int quantity;

    private Instant countedAt;

    private byte[] photo;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "warehouse_code", length = 12)
        private String warehouseCode;

        @Column(name = "batch")
        private UUID batch;

        @Column(name = "bin")
        private int bin;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(warehouseCode, key.warehouseCode)
                    && Objects.equals(batch, key.batch) && bin == key.bin;
        }

        @Override
        public int hashCode() {
            return Objects.hash(warehouseCode, batch, bin);
        }
    }
}
