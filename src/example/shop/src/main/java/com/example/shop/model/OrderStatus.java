package com.example.shop.model;

public enum OrderStatus {
    NEW, PAID, SHIPPED, CANCELLED
}
