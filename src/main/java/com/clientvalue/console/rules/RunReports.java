package com.clientvalue.console.rules;

import com.clientvalue.governance.impact.ImpactReport;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RulePublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The reports of draft runs as the JSON that MariaDB keeps, written and read with the service's
 * serde (the reports are the API's own records), so a result read back is the result that was found.
 */
@Singleton
class RunReports {
    private static final Argument<List<RuleProblem>> PROBLEMS = Argument.listOf(RuleProblem.class);
    private final JsonMapper json;

    RunReports(JsonMapper json) {
        this.json = json;
    }

    String write(Object report) {
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validation report of a finished validation run. */
    Optional<RulePublisher.ValidationReport> validation(DraftRun run) {
        return run.kind() == DraftRun.Kind.VALIDATION && run.status() == DraftRun.Status.DONE
                ? Optional.of(read(run.report(), Argument.of(RulePublisher.ValidationReport.class))) : Optional.empty();
    }

    /** The impact report of a finished impact run. */
    Optional<ImpactReport> impact(DraftRun run) {
        return run.kind() == DraftRun.Kind.IMPACT && run.status() == DraftRun.Status.DONE
                ? Optional.of(read(run.report(), Argument.of(ImpactReport.class))) : Optional.empty();
    }

    /** The problems that kept the draft from compiling, for a REJECTED run; empty otherwise. */
    List<RuleProblem> rejected(DraftRun run) {
        return run.status() == DraftRun.Status.REJECTED ? read(run.report(), PROBLEMS) : List.of();
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
