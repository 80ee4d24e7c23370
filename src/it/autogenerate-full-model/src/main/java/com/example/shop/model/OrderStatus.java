package com.example.shop.model;

/** Stored by name (EnumType.STRING). */
public enum OrderStatus {
    NEW, PAID, SHIPPED, DELIVERED, CANCELLED
}
