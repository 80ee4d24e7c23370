package com.example.shop.model;

public enum UserRole {
    ADMIN, STAFF, CUSTOMER
}
