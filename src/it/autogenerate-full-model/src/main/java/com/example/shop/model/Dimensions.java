package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** Package size in centimetres. */
@Embeddable
public class Dimensions {

    @Column(name = "width_cm", precision = 6, scale = 1)
    private BigDecimal width;

    @Column(name = "height_cm", precision = 6, scale = 1)
    private BigDecimal height;

    @Column(name = "depth_cm", precision = 6, scale = 1)
    private BigDecimal depth;
}
