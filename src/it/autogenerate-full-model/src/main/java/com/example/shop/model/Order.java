package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.Comment;

/** Table named with the reserved word order, sequence id, STRING enum, columnDefinition with a default, embedded with default names. */
@Entity
@Table(name = "`order`", indexes = @Index(name = "ix_order_placed_at", columnList = "placed_at"))
@Comment("An order placed by a customer")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_seq")
    @SequenceGenerator(name = "order_seq", sequenceName = "order_seq", allocationSize = 20)
    private Long id;

    @Column(name = "order_number", nullable = false, unique = true, length = 30)
    private String orderNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @OneToMany(mappedBy = "order")
    private List<OrderLine> lines;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "placed_at", nullable = false)
    private LocalDateTime placedAt;

    @Column(precision = 12, scale = 2, nullable = false)
    private BigDecimal total;

    @Column(columnDefinition = "varchar(3) default 'EUR'", nullable = false)
    private String currency;

    @Column(length = 500)
    @Comment("Free text from the customer")
    private String note;

    @Embedded
    private Address shipTo;

    @Version
    private Long version;
}
