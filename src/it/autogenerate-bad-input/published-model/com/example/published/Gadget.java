package com.example.published;

import com.example.money.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An entity of a published model (a jar the project depends on) whose field type lives in another library. */
@Entity
public class Gadget {
    @Id
    private Long id;
    private String name;
    private Money price;
}
