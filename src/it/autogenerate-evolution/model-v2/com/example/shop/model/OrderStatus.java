package com.example.shop.model;

/** v2: a new constant, so Hibernate's check constraint on order.status changes. */
public enum OrderStatus {
    NEW, PAID, SHIPPED, REFUNDED
}
