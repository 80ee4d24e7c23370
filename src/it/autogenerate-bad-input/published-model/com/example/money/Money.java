package com.example.money;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** In a library of its own, which the published model depends on optionally: not in the model's jar. */
@Embeddable
public class Money {
    private BigDecimal amount;
    private String currency;
}
