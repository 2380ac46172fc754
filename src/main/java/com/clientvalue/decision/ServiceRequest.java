package com.clientvalue.decision;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * Input fact: a request for a service, as the rules see it.
 *
 * @param category               STANDARD or EXCEPTION, from vocabulary/services.csv
 * @param discountPercent        discount off the price list asked for; 0 when none
 * @param freeServicesGranted12m unpaid services granted to the client within 365 days up to asOf
 */
@Serdeable
public record ServiceRequest(String service, String category, boolean paid, BigDecimal discountPercent,
                             int freeServicesGranted12m) {
}
