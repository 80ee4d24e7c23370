package com.example.shop.model;

/** Stored by position (EnumType.ORDINAL). */
public enum PaymentChannel {
    WEB, MOBILE, PHONE
}
