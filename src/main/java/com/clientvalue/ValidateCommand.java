package com.clientvalue;

import com.clientvalue.decision.InvariantCheck;
import com.clientvalue.decision.ScenarioCheck;
import com.clientvalue.decision.TableCoverageCheck;
import com.clientvalue.portfolio.BudgetWeights;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.RuleBase;
import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RuleSetCheck;
import com.clientvalue.rules.RuleSetInvalid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar client-decisions.jar validate [rules-folder]}: the checks a publication runs
 * (compile, headers, vocabulary, test scenarios, invariants over generated inputs), with no server
 * and no database. Exit code 0 when valid, 1 with problems, 2 on a usage error.
 */
final class ValidateCommand {
    private ValidateCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 2) {
            err.println("usage: java -jar client-decisions.jar validate [rules-folder]   (default ./rules)");
            return 2;
        }
        Path folder = Path.of(args.length == 2 ? args[1] : "rules").toAbsolutePath().normalize();
        List<RuleProblem> problems = new ArrayList<>();
        RuleBase candidate = null;
        try {
            candidate = ActiveRuleBase.compileFolder(folder);
            for (RuleSetCheck check : List.of(new TableCoverageCheck(), new ScenarioCheck(), new InvariantCheck(),
                    new BudgetWeights())) {
                problems.addAll(check.check(candidate, candidate.sources()));
            }
        } catch (RuleSetInvalid invalid) {
            problems.addAll(invalid.problems());
        }
        if (problems.isEmpty()) {
            out.println("OK " + folder + ": version " + candidate.version() + ", " + candidate.rules().size() + " rules in "
                    + candidate.files().size() + " files; scenarios and invariants pass");
            return 0;
        }
        out.println(problems.size() + " problem(s) in " + folder + ":");
        problems.forEach(problem -> out.println("  " + problem));
        return 1;
    }
}
