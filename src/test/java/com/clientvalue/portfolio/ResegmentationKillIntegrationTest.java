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
 * test's MariaDB, killed and started again.
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
        try {
            awaitHealthy(firstPort, first);
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
        }
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
        assertEquals(CLIENTS, db.count("SELECT COUNT(DISTINCT client_id) FROM decision_audit WHERE job_id = " + jobId),
                "no client decided twice");
        assertEquals(true, api.get("/api/audit/verify").get("intact"));
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
