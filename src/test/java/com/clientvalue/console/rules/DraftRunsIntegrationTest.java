package com.clientvalue.console.rules;

import com.clientvalue.HttpIntegrationTest;
import com.clientvalue.decision.Cluster;
import com.clientvalue.decision.ExperienceSegment;
import com.clientvalue.decision.Lifecycle;
import com.clientvalue.decision.OutcomeSummary;
import com.clientvalue.governance.impact.ImpactPreview;
import com.clientvalue.governance.impact.ImpactReport;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RulePublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A draft's background runs against the real MariaDB and rules: one run per piece of work however
 * often and wherever it is started, runs left by a stopped instance shown as interrupted, reports
 * kept as JSON and read back unchanged, progress of an impact preview chunk by chunk.
 */
@MicronautTest(transactional = false)
class DraftRunsIntegrationTest extends HttpIntegrationTest {
    static final String TABLE = "clusters/potential-level.csv";
    @Inject
    Drafts drafts;
    @Inject
    DraftRunner runner;
    @Inject
    DraftRuns runs;
    @Inject
    DraftCandidates candidates;
    @Inject
    RunReports reports;
    @Inject
    RulePublisher publisher;
    @Inject
    ImpactPreview impact;
    @Inject
    ActiveRuleBase active;

    @Test
    void startingTheSameValidationTwiceWhileItRunsStartsOneRunOnly() throws Exception {
        Draft draft = draft("runs-twice");
        // two starts at the same moment, as two tabs or two instances would send them
        ExecutorService two = Executors.newFixedThreadPool(2);
        Callable<Long> start = () -> runner.validate(draft, "runs-twice");
        List<Future<Long>> started = two.invokeAll(List.of(start, start));
        two.shutdown();
        long first = started.get(0).get();
        assertEquals(first, started.get(1).get(), "both starts lead to the same run");
        assertEquals(first, runner.validate(draft, "runs-twice"), "a third start while it runs joins it too");
        assertEquals(1, db.count("SELECT COUNT(*) FROM console_draft_run WHERE draft_id = " + draft.id()));

        // while it runs, this instance keeps its heartbeat fresh, so no one takes it for interrupted
        db.execute("UPDATE console_draft_run SET heartbeat_at = NOW(6) - INTERVAL 1 MINUTE WHERE id = " + first);
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (db.count("SELECT COUNT(*) FROM console_draft_run WHERE id = " + first + " AND heartbeat_at > NOW(6) - INTERVAL 10 SECOND") == 0
                && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM console_draft_run WHERE id = " + first
                + " AND heartbeat_at > NOW(6) - INTERVAL 10 SECOND"), "the heartbeat was beaten again");

        DraftRun done = awaitEnd(first);
        assertEquals(DraftRun.Status.DONE, done.status());
        assertEquals(done.steps().size(), done.stepsDone(), "every step ran: " + done.steps());
        assertEquals(publisher.validationSteps(), done.steps());
        assertTrue(done.steps().containsAll(List.of("compile", "scenarios", "coverage", "invariants")), done.steps().toString());
        // once finished, the same work may be asked for again: a new run
        long again = runner.validate(draft, "runs-twice");
        assertNotEquals(first, again);
        awaitEnd(again);
    }

    @Test
    void workRunningOnAnotherLiveInstanceIsJoinedNotStartedAgain() {
        Draft draft = draft("runs-elsewhere");
        String state = DraftCandidates.state(candidates.sources(draft));
        db.execute("INSERT INTO console_draft_run (draft_id, kind, draft_state, status, running_key, started_by, started_at, "
                + "instance, heartbeat_at, steps, steps_done) VALUES (" + draft.id() + ", 'VALIDATION', '" + state + "', 'RUNNING', '"
                + draft.id() + "/VALIDATION/" + state + "', 'runs-elsewhere', NOW(6), 'console-other-live', NOW(6), "
                + "'compile,scenarios', 1)");
        long elsewhere = db.count("SELECT MAX(id) FROM console_draft_run WHERE draft_id = " + draft.id());

        assertEquals(elsewhere, runner.validate(draft, "runs-elsewhere"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM console_draft_run WHERE draft_id = " + draft.id()));
        DraftRun seen = runner.latest(draft, DraftRun.Kind.VALIDATION).orElseThrow();
        assertEquals(DraftRun.Status.RUNNING, seen.status(), "its instance is alive: it is not interrupted");
        assertEquals(List.of("done", "current"), List.of(seen.stepState(0), seen.stepState(1)));

        // the draft changed meanwhile: that is other work, which starts here
        drafts.saveFile(draft.id(), "runs-elsewhere", TABLE, edited(draft));
        Draft changed = drafts.find(draft.id(), "runs-elsewhere").orElseThrow();
        long mine = runner.validate(changed, "runs-elsewhere");
        assertNotEquals(elsewhere, mine);
        assertTrue(runner.current(changed, runs.find(mine).orElseThrow()));
        assertFalse(runner.current(changed, runs.find(elsewhere).orElseThrow()), "the other run is for an older state of the draft");
        awaitEnd(mine);
    }

    @Test
    void aRunLeftRunningByAStoppedInstanceShowsAsInterruptedAndMayStartAgain() {
        Draft draft = draft("runs-orphan");
        String state = DraftCandidates.state(candidates.sources(draft));
        // the instance that ran it stopped beating its heartbeat a minute ago
        db.execute("INSERT INTO console_draft_run (draft_id, kind, draft_state, as_of, status, running_key, started_by, started_at, "
                + "instance, heartbeat_at, steps, steps_done, done, total) VALUES (" + draft.id() + ", 'IMPACT', '" + state
                + "', '2011-12-10', 'RUNNING', '" + draft.id() + "/IMPACT/" + state + "/2011-12-10', 'runs-orphan', "
                + "NOW(6) - INTERVAL 2 MINUTE, 'console-dead', NOW(6) - INTERVAL 1 MINUTE, 'compile,evaluate', 1, 1000, 5000)");
        long orphan = db.count("SELECT MAX(id) FROM console_draft_run WHERE draft_id = " + draft.id());

        DraftRun seen = runner.latest(draft, DraftRun.Kind.IMPACT).orElseThrow();
        assertEquals(orphan, seen.id());
        assertEquals(DraftRun.Status.INTERRUPTED, seen.status());
        assertEquals(1000, seen.done(), "the progress it had made is kept");
        assertEquals("skipped", seen.stepState(1));
        assertEquals(0, db.count("SELECT COUNT(*) FROM console_draft_run WHERE running_key IS NOT NULL AND id = " + orphan));

        long again = runner.impact(draft, LocalDate.of(2011, 12, 10), "runs-orphan", "en");
        assertNotEquals(orphan, again, "the same work starts again once its run is known to be interrupted");
        assertEquals(DraftRun.Status.DONE, awaitEnd(again).status());
    }

    @Test
    void aRunStillBeatenByItsInstanceIsNotInterrupted() {
        Draft draft = draft("runs-alive");
        db.execute("INSERT INTO console_draft_run (draft_id, kind, draft_state, status, running_key, started_by, started_at, "
                + "instance, heartbeat_at, steps) VALUES (" + draft.id() + ", 'VALIDATION', REPEAT('a', 64), 'RUNNING', 'alive-"
                + draft.id() + "', 'runs-alive', NOW(6) - INTERVAL 10 MINUTE, 'console-busy', NOW(6) - INTERVAL "
                + (DraftRuns.ORPHANED_AFTER.toSeconds() - 10) + " SECOND, 'compile')");
        assertEquals(DraftRun.Status.RUNNING, runner.latest(draft, DraftRun.Kind.VALIDATION).orElseThrow().status(),
                "a long run is fine as long as its heartbeat is recent");
        db.execute("DELETE FROM console_draft_run WHERE draft_id = " + draft.id());
    }

    @Test
    void aValidationReportIsStoredAsJsonAndReadBackAsTheValidationFoundIt() {
        Draft draft = draft("runs-json");
        drafts.saveFile(draft.id(), "runs-json", TABLE, new String(candidates.file(draft, TABLE).orElseThrow().content(),
                StandardCharsets.UTF_8).replace("POT-HIGH,A potential rated 60 or more is high,60", "POT-HIGH,A potential rated 60 or more is high,sixty")
                .getBytes(StandardCharsets.UTF_8));
        Draft broken = drafts.find(draft.id(), "runs-json").orElseThrow();
        RulePublisher.ValidationReport direct = publisher.validate(candidates.sources(broken));
        assertFalse(direct.valid());

        DraftRun run = awaitEnd(runner.validate(broken, "runs-json"));
        RulePublisher.ValidationReport stored = reports.validation(run).orElseThrow();
        assertEquals(direct, stored);
        assertTrue(stored.problems().stream().anyMatch(p -> p.row() != null && p.row() == 10 && p.message().contains("'sixty'")),
                stored.problems().toString());
        assertEquals(0, run.stepsDone(), "a draft that does not compile runs no check after the compilation");

        // every field, nulls included
        RulePublisher.ValidationReport full = new RulePublisher.ValidationReport(false, null, 0, List.of(
                new RuleProblem("clusters/potential-level.csv", "Potential level", 10, "C (Potential at least)", "'x' is \"odd\""),
                new RuleProblem("rules.drl", null, null, null, "line\nbreak, ünïcode")));
        assertEquals(full, reports.validation(stored(draft, DraftRun.Kind.VALIDATION, reports.write(full))).orElseThrow());
    }

    @Test
    void anImpactReportIsStoredAsJsonAndReadBackWhole() {
        Draft draft = draft("runs-impact-json");
        ImpactReport report = new ImpactReport(LocalDate.of(2011, 12, 10), "a".repeat(64), "b".repeat(64), 4,
                new ImpactReport.Changes(2, 2, 1, 1, 2, 1),
                List.of(new ImpactReport.Cell("KEY", "MAINTAIN", 1), new ImpactReport.Cell("NONE", "MARGINAL", 3)),
                List.of(new ImpactReport.Cell("ACTIVE", "LOYAL", 4)),
                List.of(new ImpactReport.Cell("NONE", "NONE", 3), new ImpactReport.Cell("SATISFIED", "DEVOTED", 1)),
                List.of(new ImpactReport.Cell("GRANTED", "REFUSED", 1), new ImpactReport.Cell("NONE", "GRANTED", 3)),
                List.of(new ImpactReport.AffectedClient("P65A",
                        new OutcomeSummary(Cluster.KEY, Lifecycle.ACTIVE, ExperienceSegment.SATISFIED, List.of("A", "B"), true),
                        new OutcomeSummary(null, null, null, List.of(), null))),
                1234);
        assertEquals(report, reports.impact(stored(draft, DraftRun.Kind.IMPACT, reports.write(report))).orElseThrow());

        // and a real one: what the background run kept is what the preview finds
        DraftRun run = awaitEnd(runner.impact(draft, LocalDate.of(2011, 12, 10), "runs-impact-json", "en"));
        ImpactReport kept = reports.impact(run).orElseThrow();
        ImpactReport direct = impact.preview(publisher.compiled(candidates.sources(draft)), LocalDate.of(2011, 12, 10),
                DraftRunner.SAMPLE);
        assertEquals(withoutTime(direct), withoutTime(kept));
        assertEquals(kept.clients(), run.done());
        assertEquals(run.total(), run.done());
    }

    @Test
    void anImpactPreviewTellsItsProgressChunkByChunk() {
        db.clear();
        StringBuilder clients = new StringBuilder("client_id,name,country,potential\n");
        for (int i = 0; i < 2_500; i++) {
            clients.append(String.format("C%05d,Client %d,Italy,%d%n", i, i, i % 100));
        }
        api().importCsv("clients", clients.toString());
        List<Long> told = Collections.synchronizedList(new ArrayList<>());
        ImpactReport report = impact.preview(active.current(), LocalDate.of(2011, 12, 10), 5, told::add);
        assertEquals(List.of(1_000L, 2_000L, 2_500L), told);
        assertEquals(2_500, report.clients());
        db.clear();
    }

    private DraftRun stored(Draft draft, DraftRun.Kind kind, String json) {
        DraftRuns.Started started = runs.start(draft.id(), kind, "c".repeat(64), kind == DraftRun.Kind.IMPACT ? LocalDate.of(2011, 12, 10)
                : null, "json", "console-test", List.of("compile"), 0);
        runs.finish(started.id(), DraftRun.Status.DONE, 1, 0, json, null);
        assertEquals(json, db.text("SELECT report FROM console_draft_run WHERE id = " + started.id()));
        return runs.find(started.id()).orElseThrow();
    }

    private static ImpactReport withoutTime(ImpactReport r) {
        return new ImpactReport(r.asOf(), r.activeVersion(), r.candidateVersion(), r.clients(), r.changed(), r.clusterMatrix(),
                r.lifecycleMatrix(), r.experienceMatrix(), r.entitlementMatrix(), r.sample(), 0);
    }

    private Draft draft(String owner) {
        long id = drafts.create(owner, "runs", active.current().version());
        return drafts.find(id, owner).orElseThrow();
    }

    private byte[] edited(Draft draft) {
        return (new String(candidates.file(draft, TABLE).orElseThrow().content(), StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private DraftRun awaitEnd(long id) {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            DraftRun run = runs.find(id).orElseThrow();
            if (!run.running()) {
                return run;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("run " + id + " did not end within 2 minutes");
    }
}
