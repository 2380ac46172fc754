package com.clientvalue;

import com.clientvalue.governance.invariant.InvariantCheck;
import com.clientvalue.governance.invariant.TableCoverageCheck;
import com.clientvalue.governance.scenario.ScenarioCheck;
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
            // no database here: the folder's own invariants file is the guard (the service checks against its stored ones)
            InvariantCheck invariants = new InvariantCheck();
            for (RuleSetCheck check : List.<RuleSetCheck>of(new TableCoverageCheck(), new ScenarioCheck(), invariants::check,
                    new BudgetWeights(), new com.clientvalue.portfolio.InitiativeWeights())) {
                problems.addAll(check.check(candidate, candidate.sources()));
            }
        } catch (RuleSetInvalid invalid) {
            problems.addAll(invalid.problems());
        }
        if (problems.isEmpty()) {
            out.println("OK " + folder + ": version " + ActiveRuleBase.serviceVersion(candidate.sources()) + ", "
                    + candidate.rules().size() + " rules in " + candidate.files().size() + " files; scenarios and the folder's invariants pass (the service checks against "
                    + "its stored invariants)");
            return 0;
        }
        out.println(problems.size() + " problem(s) in " + folder + ":");
        problems.forEach(problem -> out.println("  " + problem));
        return 1;
    }
}
