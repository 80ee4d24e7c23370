package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Joined subclass with the default primary-key join column, and a @Lob byte[]. */
@Entity
@Table(name = "bank_transfer_payment")
public class BankTransferPayment extends Payment {

    @Column(nullable = false, length = 34)
    private String iban;

    @Lob
    @Column(name = "receipt_scan")
    private byte[] receiptScan;
}
