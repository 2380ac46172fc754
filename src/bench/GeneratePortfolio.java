import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic portfolio for load tests and benchmarks, the same for a given seed and size:
 * clients.csv, orders.csv (order lines), surveys.csv and complaints.csv in the import formats.
 *
 * <pre>
 * java src/bench/GeneratePortfolio.java --clients 1000000 --lines-per-client 10 --seed 42 --out target/portfolio
 * </pre>
 *
 * Realistic shape: order counts per client are heavy-tailed (a few clients buy often, most
 * rarely; about 10% never ordered), amounts are log-normal, dates spread over the two years up to
 * --as-of with some clients gone silent, so that every lifecycle state and ABC class occurs;
 * potential is unrated for 8% of the clients; 10% answered a survey; 5% complained.
 */
public final class GeneratePortfolio {
    private static final String[] COUNTRIES = {"United Kingdom", "United Kingdom", "United Kingdom", "United Kingdom", "Germany",
            "France", "Italy", "Spain", "Netherlands", "Belgium", "Norway", "Switzerland"};
    private static final String[] SECTORS = {"Retail", "Wholesale", "Hospitality", "Manufacturing", "Services", ""};
    private static final String[] CATEGORIES = {"DELIVERY", "INVOICE", "QUALITY", "SERVICE"};

    public static void main(String[] args) throws IOException {
        int clients = 100_000;
        int linesPerClient = 10;
        long seed = 42;
        Path out = Path.of("target/portfolio");
        LocalDate asOf = LocalDate.of(2011, 12, 10);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--lines-per-client" -> linesPerClient = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--as-of" -> asOf = LocalDate.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--clients N --lines-per-client N --seed N --out DIR --as-of YYYY-MM-DD)");
            }
        }
        Files.createDirectories(out);
        Random random = new Random(seed);
        long lines = 0;
        long orders = 0;
        try (BufferedWriter c = Files.newBufferedWriter(out.resolve("clients.csv"));
             BufferedWriter o = Files.newBufferedWriter(out.resolve("orders.csv"));
             BufferedWriter s = Files.newBufferedWriter(out.resolve("surveys.csv"));
             BufferedWriter k = Files.newBufferedWriter(out.resolve("complaints.csv"))) {
            c.write("client_id,name,country,sector,employees,potential\n");
            o.write("client_id,order_id,order_date,amount,margin\n");
            s.write("client_id,survey_date,expectation,experience\n");
            k.write("client_id,complaint_date,category,severity\n");
            for (int i = 0; i < clients; i++) {
                String id = String.format(Locale.ROOT, "S%08d", i);
                c.write(id + ",Client " + i + "," + COUNTRIES[random.nextInt(COUNTRIES.length)] + ","
                        + SECTORS[random.nextInt(SECTORS.length)] + "," + (1 + (int) Math.exp(random.nextGaussian() * 1.5 + 3)) + ","
                        + (random.nextInt(100) < 8 ? "" : String.valueOf(random.nextInt(101))) + "\n");
                // heavy-tailed activity: the expected number of lines per client is about linesPerClient
                int clientLines = random.nextInt(10) == 0 ? 0 : (int) Math.round(linesPerClient / 0.9 * -Math.log(1 - random.nextDouble()));
                int silentDays = random.nextInt(10) < 7 ? 0 : random.nextInt(700);
                int written = 0;
                while (written < clientLines) {
                    int orderLines = Math.min(clientLines - written, 1 + random.nextInt(5));
                    LocalDate date = asOf.minusDays(silentDays + random.nextInt(Math.max(1, 730 - silentDays)));
                    String orderId = id + "-" + (++orders);
                    for (int l = 0; l < orderLines; l++) {
                        double amount = Math.exp(random.nextGaussian() + 3.5);
                        if (random.nextInt(100) < 2) {
                            amount = -amount / 2; // a credit note line
                        }
                        o.write(id + "," + orderId + "," + date + "," + String.format(Locale.ROOT, "%.2f", amount) + ","
                                + String.format(Locale.ROOT, "%.2f", amount * (0.15 + random.nextDouble() * 0.3)) + "\n");
                    }
                    written += orderLines;
                }
                lines += written;
                if (random.nextInt(10) == 0) {
                    s.write(id + "," + asOf.minusDays(random.nextInt(300)) + "," + (1 + random.nextInt(5)) + "," + (1 + random.nextInt(5)) + "\n");
                }
                if (random.nextInt(20) == 0) {
                    k.write(id + "," + asOf.minusDays(random.nextInt(200)) + "," + CATEGORIES[random.nextInt(CATEGORIES.length)] + ","
                            + (1 + random.nextInt(5)) + "\n");
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d clients, %d orders, %d order lines in %s (seed %d)%n", clients, orders, lines, out, seed);
    }
}
