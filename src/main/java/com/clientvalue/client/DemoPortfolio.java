package com.clientvalue.client;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * On the first start with an empty database, loads the bundled demo portfolio through the same
 * imports the API offers: the real Online Retail sample (CC BY 4.0), then illustrative potential
 * scores that the source does not have; its order lines are imported with an illustrative margin
 * (the source has none), a rate per client derived from a hash of its id (see demo/README.md).
 */
@Singleton
class DemoPortfolio {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPortfolio.class);
    private final DemoConfig config;
    private final JdbcOperations jdbc;
    private final ClientImport clients;
    private final OrderImport orders;
    private final ClientNeeds needs;
    private final Referrals referrals;
    private final PaymentImport payments;
    private static final String[] PRODUCT_CATEGORIES = {"HOME_DECOR", "KITCHENWARE", "GIFT_WRAP", "CANDLES", "STATIONERY"};
    private static final String[] NEED_CATEGORIES = {"PACKAGING", "DELIVERY", "INVOICING", "PRODUCT_RANGE", "TRAINING"};

    DemoPortfolio(DemoConfig config, JdbcOperations jdbc, ClientImport clients, OrderImport orders, ClientNeeds needs,
                  Referrals referrals, PaymentImport payments) {
        this.payments = payments;
        this.needs = needs;
        this.referrals = referrals;
        this.config = config;
        this.jdbc = jdbc;
        this.clients = clients;
        this.orders = orders;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled() || !isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ImportResult imported = load("demo/online-retail/clients.csv", clients::run);
        load("demo/illustrative-potential.csv", clients::run);
        ImportResult lines = load("demo/online-retail/orders.csv", in -> orders.run(withIllustrativeMargins(in)));
        load("demo/online-retail/orders.csv", in -> payments.run(csv(illustrativePayments(in))));
        List<String> ids = clientIds();
        needs.importCsv(csv(illustrativeNeeds(ids)));
        referrals.importCsv(csv(illustrativeReferrals(ids)));
        LOG.info("Demo portfolio loaded: {} clients, {} orders ({} lines) in {} ms; switch off with DEMO_ENABLED=false",
                imported.clients(), lines.orders(), lines.rows(), (System.nanoTime() - started) / 1_000_000);
    }

    @Connectable
    boolean isEmpty() {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM client", statement -> {
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    /**
     * The order lines with a margin column appended: ILLUSTRATIVE, not from the source. Each client gets
     * a margin rate of 4% to 40% from a hash of its id (about one in six below 10%, so that thin
     * margins show); a line's margin is its amount at that rate, 2 decimals (a credit note's is negative).
     * Each line also gets an ILLUSTRATIVE product category (the source has descriptions, not categories):
     * see {@link #illustrativeCategory}.
     */
    static InputStream withIllustrativeMargins(InputStream orders) {
        String text = new String(readAll(orders), java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4);
        boolean header = true;
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (header) {
                out.append(line).append(",margin,product_category\n");
                header = false;
                continue;
            }
            String clientId = line.substring(0, line.indexOf(','));
            java.math.BigDecimal amount = new java.math.BigDecimal(line.substring(line.lastIndexOf(',') + 1));
            out.append(line).append(',').append(amount.multiply(illustrativeMarginRate(clientId))
                    .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).append(',')
                    .append(illustrativeCategory(clientId, line)).append('\n');
        }
        return new java.io.ByteArrayInputStream(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * ILLUSTRATIVE needs, not from the source: about one client in nine states one (a category and a
     * date in the last weeks of the sample, which ends on 2011-12-09), and one in three of those needs was
     * met a week later.
     */
    static String illustrativeNeeds(List<String> clientIds) {
        StringBuilder out = new StringBuilder("client_id,need_id,stated_on,category,text,closed_on,outcome\n");
        for (String id : clientIds) {
            int h = Math.floorMod(id.hashCode() * 17 + 3, 1000);
            if (h % 9 != 0) {
                continue;
            }
            java.time.LocalDate stated = java.time.LocalDate.of(2011, 11, 1).plusDays(h % 38);
            String category = NEED_CATEGORIES[h % NEED_CATEGORIES.length];
            // (h / 9): h itself is a multiple of 9 here, so h % 3 would always be 0
            boolean met = (h / 9) % 3 == 0 && stated.plusDays(7).isBefore(java.time.LocalDate.of(2011, 12, 10));
            out.append(id).append(",DEMO-").append(id).append(',').append(stated).append(',').append(category)
                    .append(",Illustrative need (").append(category.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(")")
                    .append(',').append(met ? stated.plusDays(7).toString() : "").append(',').append(met ? "MET" : "").append('\n');
        }
        return out.toString();
    }

    /** ILLUSTRATIVE referrals, not from the source: about one client in twelve was brought by the client before it in id order. */
    static String illustrativeReferrals(List<String> clientIds) {
        StringBuilder out = new StringBuilder("client_id,referred_by,referred_on,note\n");
        for (int i = 1; i < clientIds.size(); i++) {
            String id = clientIds.get(i);
            int h = Math.floorMod(id.hashCode() * 13 + 5, 1000);
            if (h % 12 != 0) {
                continue;
            }
            out.append(id).append(',').append(clientIds.get(i - 1)).append(',')
                    .append(java.time.LocalDate.of(2011, 1, 15).plusDays(h % 320)).append(",illustrative\n");
        }
        return out.toString();
    }

    @Connectable
    List<String> clientIds() {
        return jdbc.prepareStatement("SELECT client_id FROM client ORDER BY client_id", statement -> {
            List<String> ids = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }

    private static InputStream csv(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * ILLUSTRATIVE: each client has a main category from a hash of its id, and about one line in three
     * (by a hash of the line) is of another category, so that some clients buy one category and most several.
     */
    static String illustrativeCategory(String clientId, String line) {
        int main = Math.floorMod(clientId.hashCode() * 7 + 1, PRODUCT_CATEGORIES.length);
        int h = Math.floorMod(line.hashCode() * 11 + 3, 300);
        return PRODUCT_CATEGORIES[h < 200 ? main : (main + 1 + h % (PRODUCT_CATEGORIES.length - 1)) % PRODUCT_CATEGORIES.length];
    }

    /**
     * ILLUSTRATIVE payments, not from the source: one invoice per order of positive total, due 30 days after
     * the order; by a hash of the order id seven in ten are paid on time, two in ten 10 to 59 days late, and
     * one in ten is still unpaid when due after 2011-10-31 (paid 45 days late otherwise).
     */
    static String illustrativePayments(InputStream orderLines) {
        String text = new String(readAll(orderLines), java.nio.charset.StandardCharsets.UTF_8);
        java.util.Map<String, String[]> orders = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.math.BigDecimal> totals = new java.util.HashMap<>();
        boolean header = true;
        for (String line : text.split("\r?\n")) {
            if (header || line.isEmpty()) {
                header = false;
                continue;
            }
            String[] cells = line.split(",");
            orders.putIfAbsent(cells[1], cells);
            totals.merge(cells[1], new java.math.BigDecimal(cells[3]), java.math.BigDecimal::add);
        }
        StringBuilder out = new StringBuilder("client_id,invoice_id,amount,due_on,paid_on\n");
        java.time.LocalDate lateCutoff = java.time.LocalDate.of(2011, 10, 31);
        for (var order : orders.entrySet()) {
            java.math.BigDecimal total = totals.get(order.getKey());
            if (total.signum() <= 0) {
                continue;
            }
            java.time.LocalDate due = java.time.LocalDate.parse(order.getValue()[2]).plusDays(30);
            int h = Math.floorMod(order.getKey().hashCode() * 19 + 11, 1000);
            String paid = h % 10 < 7 ? due.minusDays(h % 20).toString()
                    : h % 10 < 9 ? due.plusDays(10 + h % 50).toString()
                    : due.isAfter(lateCutoff) ? "" : due.plusDays(45).toString();
            out.append(order.getValue()[0]).append(",INV-").append(order.getKey()).append(',').append(total.toPlainString())
                    .append(',').append(due).append(',').append(paid).append('\n');
        }
        return out.toString();
    }

    /** 0.04 to 0.40 in steps of 0.01, fixed per client id. */
    static java.math.BigDecimal illustrativeMarginRate(String clientId) {
        int spread = Math.floorMod(clientId.hashCode() * 31 + 7, 37);
        return java.math.BigDecimal.valueOf(4 + spread, 2);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportResult load(String resource, java.util.function.Function<InputStream, ImportResult> importer) {
        try (InputStream in = DemoPortfolio.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the build: " + resource);
            }
            return importer.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
