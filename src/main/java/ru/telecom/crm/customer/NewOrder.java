package ru.telecom.crm.customer;

import java.math.BigDecimal;

/** An order made for a client here, not found in LegacyDB. */
public record NewOrder(long clientId, String code, String name, BigDecimal price) {
}
