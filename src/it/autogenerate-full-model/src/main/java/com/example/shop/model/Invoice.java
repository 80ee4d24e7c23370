package com.example.shop.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * UUID id, one-to-one (unique foreign key), two-column named unique constraint, @Lob byte[],
 * mapped-superclass columns, and the JPA 3.2 spellings of a table check and of table and column
 * comments (Hibernate 7 deprecates its own @Check and @Comment for these).
 */
@Entity
@Table(name = "invoice",
        uniqueConstraints = @UniqueConstraint(name = "uk_invoice_series_number", columnNames = {"series", "number"}),
        check = @CheckConstraint(name = "ck_invoice_number_positive", constraint = "number > 0"),
        comment = "Invoices, one per order")
public class Invoice extends Auditable {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @OneToOne(optional = false)
    @JoinColumn(name = "order_id", nullable = false, unique = true)
    private Order order;

    @Column(nullable = false, length = 10, comment = "Numbering series, such as the year")
    private String series;

    @Column(nullable = false)
    private int number;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "due_at")
    private LocalDateTime dueAt;

    @Column(name = "tax_rate", precision = 5, scale = 2)
    private BigDecimal taxRate;

    @Column(name = "amount_cents", columnDefinition = "bigint default 0")
    private Long amountCents;

    @Lob
    private byte[] pdf;
}
