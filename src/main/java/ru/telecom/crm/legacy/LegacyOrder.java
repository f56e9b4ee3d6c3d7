package ru.telecom.crm.legacy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A row of LegacyDB's {@code orders}. */
public record LegacyOrder(String orderNo, long custId, String title, BigDecimal amount, LocalDate created) {
}
