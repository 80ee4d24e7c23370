package dev.migrations.autogen.model.keyed;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/** A key of three columns of three sizes by @IdClass, and a collection table keyed by it. */
@Entity
@IdClass(Shipment.Key.class)
public class Shipment {

    @Id
    @Column(length = 10)
    private String carrier;

    @Id
    private long trackingNumber;

    @Id
    private LocalDate shippedOn;

    private String note;

    private short parcels;

    @ElementCollection
    private Set<String> labels;

    public static class Key implements Serializable {
        private String carrier;
        private long trackingNumber;
        private LocalDate shippedOn;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(carrier, key.carrier)
                    && trackingNumber == key.trackingNumber && Objects.equals(shippedOn, key.shippedOn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(carrier, trackingNumber, shippedOn);
        }
    }
}
