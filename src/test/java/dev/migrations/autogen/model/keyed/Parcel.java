package dev.migrations.autogen.model.keyed;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A key by @EmbeddedId: a text declared before a uuid and an integer. */
@Entity
public class Parcel {

    @EmbeddedId
    private Key id;

    private String contents;

    private double weight;

    @Embeddable
    public static class Key implements Serializable {
        private String depot;
        private UUID batch;
        private int slot;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(depot, key.depot) && Objects.equals(batch, key.batch)
                    && slot == key.slot;
        }

        @Override
        public int hashCode() {
            return Objects.hash(depot, batch, slot);
        }
    }
}
