package com.clientvalue.portfolio;

import com.clientvalue.Api;
import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.TestBearer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resegmentation job whose service process is killed (SIGKILL) mid-way is finished after a
 * restart, and every client is decided exactly once: the service runs as a separate JVM on the
 * test's MariaDB, killed and started again. Meanwhile CRM calls decide clients one by one on the
 * killed process: every decision it answered is in the audit, and no block is left half written.
 */
@MicronautTest(transactional = false)
class ResegmentationKillIntegrationTest extends HttpIntegrationTest {
    private static final int CLIENTS = 10_000;

    @Test
    void aKilledJobIsFinishedAfterTheRestartDecidingEveryClientOnce() throws Exception {
        db.clear();
        Api api = api();
        StringBuilder clients = new StringBuilder("client_id,name,country,potential\n");
        StringBuilder orders = new StringBuilder("client_id,order_id,order_date,amount\n");
        for (int i = 0; i < CLIENTS; i++) {
            clients.append("K").append(i).append(",Client ").append(i).append(",Italy,").append(i % 100).append('\n');
            orders.append("K").append(i).append(",KO").append(i).append(",2011-0").append(1 + i % 9).append("-15,").append(10 + i % 1000).append('\n');
        }
        api.importCsv("clients", clients.toString());
        api.importCsv("orders", orders.toString());
        String url = db.jdbcUrl();

        int firstPort = freePort();
        Process first = launch(url, firstPort, "first");
        long jobId;
        java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService crm = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            awaitHealthy(firstPort, first);
            for (int caller = 0; caller < 4; caller++) {
                int c = caller;
                crm.submit(() -> {
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        String id = decide(firstPort, "K" + (c * 1000 + i % 1000));
                        if (id == null) {
                            return; // the process is gone
                        }
                        acknowledged.add(id);
                    }
                });
            }
            HttpURLConnection start = (HttpURLConnection) URI.create("http://127.0.0.1:" + firstPort
                    + "/api/portfolio/resegmentations?asOf=2011-12-10").toURL().openConnection();
            start.setRequestMethod("POST");
            start.setRequestProperty("Authorization", "Bearer " + TestBearer.TOKEN);
            assertEquals(202, start.getResponseCode());
            jobId = db.count("SELECT MAX(id) FROM resegmentation_job");
            long deadline = System.currentTimeMillis() + 60_000;
            while (db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + jobId) < 500 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            first.destroyForcibly().waitFor();
            crm.shutdownNow();
        }
        assertTrue(acknowledged.size() > 0, "decisions were answered before the kill");
        assertEquals(acknowledged.size(), db.count("SELECT COUNT(*) FROM decision_audit WHERE decision_id IN ('"
                + String.join("','", acknowledged) + "')"), "every decision answered is in the audit");
        assertEquals(db.count("SELECT COUNT(*) FROM decision_audit"), db.count("SELECT COALESCE(SUM(decisions), 0) FROM audit_block"),
                "every block is whole: as many decisions stored as its header holds");
        long atKill = db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + jobId);
        assertTrue(atKill >= 500 && atKill < CLIENTS, "killed with " + atKill + " of " + CLIENTS + " decided");
        assertEquals("RUNNING", db.text("SELECT status FROM resegmentation_job WHERE id = " + jobId));

        Process second = launch(url, freePort(), "second");
        try {
            long deadline = System.currentTimeMillis() + 150_000;
            while (!"DONE".equals(db.text("SELECT status FROM resegmentation_job WHERE id = " + jobId))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
            }
        } finally {
            second.destroy();
            second.waitFor();
        }
        assertEquals("DONE", db.text("SELECT status FROM resegmentation_job WHERE id = " + jobId));
        assertEquals(CLIENTS, db.count("SELECT COUNT(*) FROM decision_audit WHERE job_id = " + jobId));
        assertTrue(db.count("SELECT COUNT(DISTINCT segment_id) FROM audit_block") >= 2, "both processes wrote to segments");
        assertEquals(CLIENTS, db.count("SELECT COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = " + jobId),
                "no client decided twice");
        assertEquals(true, api.get("/api/audit/verify").get("intact"));
    }

    /** A CRM call on the other process: the decision's id once answered, null once the process is gone. */
    private static String decide(int port, String client) {
        try {
            HttpURLConnection call = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/decisions").toURL().openConnection();
            call.setRequestMethod("POST");
            call.setDoOutput(true);
            call.setRequestProperty("Authorization", "Bearer " + TestBearer.TOKEN);
            call.setRequestProperty("Content-Type", "application/json");
            call.getOutputStream().write(("{\"clientId\":\"" + client + "\",\"asOf\":\"2011-12-10\"}").getBytes());
            if (call.getResponseCode() != 200) {
                return null;
            }
            String body = new String(call.getInputStream().readAllBytes());
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"decisionId\":\"([^\"]+)\"").matcher(body);
            return id.find() ? id.group(1) : null;
        } catch (IOException gone) {
            return null;
        }
    }

    /** The service in a JVM of its own, on the test's classpath and MariaDB. */
    private static Process launch(String url, int port, String name) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dmicronaut.environments=test", "-Dmicronaut.server.port=" + port, "-Ddatasources.default.url=" + url,
                "-Ddatasources.default.username=root", "-Ddatasources.default.password=", "-Drules.watch=false",
                "com.clientvalue.Application"))
                .redirectErrorStream(true)
                .redirectOutput(new File("target/resegmentation-kill-" + name + ".log"))
                .start();
    }

    private static void awaitHealthy(int port, Process process) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                HttpURLConnection health = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL().openConnection();
                if (health.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start (see target/resegmentation-kill-*.log)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
