package it.binding;

/** Something for the jar to hold. */
public record Account(long id, String email) {
}
