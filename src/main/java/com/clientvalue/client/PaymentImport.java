package com.clientvalue.client;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * Imports invoices and their payments (an optional import): one line per client and invoice, an upsert,
 * so a later file with the paid dates completes the earlier one. All or nothing. The facts of a date
 * see what was overdue and unpaid then ({@code overdueAmount}) and how late the client paid over 12
 * months ({@code maxDaysLate12m}).
 */
@Singleton
public class PaymentImport {
    private final JdbcOperations jdbc;
    private final PortfolioRevision revision;

    PaymentImport(JdbcOperations jdbc, PortfolioRevision revision) {
        this.jdbc = jdbc;
        this.revision = revision;
    }

    /** Header client_id,invoice_id,amount,due_on and optionally paid_on (empty while unpaid). */
    @Transactional
    public ImportResult run(InputStream csv) {
        ImportResult result = KeyedImport.run(jdbc, csv, List.of("client_id", "invoice_id", "amount", "due_on"), List.of("paid_on"),
                "INSERT INTO payment (client_id, invoice_id, amount, due_on, paid_on) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE amount = VALUES(amount), due_on = VALUES(due_on), paid_on = VALUES(paid_on)",
                (statement, row) -> {
                    String clientId = row.required("client_id", 64);
                    String invoiceId = row.required("invoice_id", 64);
                    BigDecimal amount = row.amount("amount");
                    if (amount.signum() <= 0) {
                        throw row.reject("amount", "an invoice's amount is more than 0 (a credit note is not a payment to track)");
                    }
                    LocalDate due = row.date("due_on");
                    String paidText = row.optional("paid_on", 10);
                    LocalDate paid = paidText == null ? null : row.date("paid_on");
                    statement.setString(1, clientId);
                    statement.setString(2, invoiceId);
                    statement.setBigDecimal(3, amount);
                    statement.setDate(4, Date.valueOf(due));
                    if (paid == null) {
                        statement.setNull(5, Types.DATE);
                    } else {
                        statement.setDate(5, Date.valueOf(paid));
                    }
                    return "client " + clientId + ", invoice " + invoiceId;
                });
        revision.bump();
        return result;
    }
}
