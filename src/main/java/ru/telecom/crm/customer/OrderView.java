package ru.telecom.crm.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order as other modules and the API see it. */
public record OrderView(long id, String code, String name, BigDecimal price, LocalDate createdOn, long clientId) {
}
