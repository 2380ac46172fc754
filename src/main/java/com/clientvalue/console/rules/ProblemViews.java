package com.clientvalue.console.rules;

import com.clientvalue.rules.RuleProblem;
import com.clientvalue.rules.RulesRejected;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Sorts problems by what found them and links each to its cell in the draft's grid. */
final class ProblemViews {
    static final List<String> CATEGORIES = List.of("cells", "coverage", "scenarios", "invariants", "other");

    private ProblemViews() {
    }

    static List<Pages.ProblemView> of(long draftId, List<RuleProblem> problems) {
        return problems.stream().map(p -> new Pages.ProblemView(p, category(p), link(draftId, p))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<RuleProblem> of(RulesRejected refused) {
        Object problems = refused.getParameters().get("problems");
        return problems instanceof List<?> list ? (List<RuleProblem>) list : List.of();
    }

    static String category(RuleProblem problem) {
        String message = problem.message().toLowerCase(Locale.ROOT);
        if (message.contains("no row covers") || message.contains("both apply") || message.startsWith("overlap")
                || message.contains("no generated client")) {
            return "coverage";
        }
        if (problem.file().startsWith("tests/")) {
            return "scenarios";
        }
        if (problem.file().startsWith("invariants/") || message.contains("invariant")) {
            return "invariants";
        }
        if (RuleGrid.editable(problem.file()) || problem.file().endsWith(".drl")) {
            return "cells";
        }
        return "other";
    }

    static String link(long draftId, RuleProblem problem) {
        if (!RuleGrid.editable(problem.file()) && !problem.file().endsWith(".drl")) {
            return null;
        }
        StringBuilder link = new StringBuilder("/console/rules/drafts/").append(draftId).append("/tables/").append(problem.file());
        if (problem.file().endsWith(".drl")) {
            // a DRL file is shown as its numbered lines: the link opens the line
            return problem.row() == null ? link.toString() : link.append("#L").append(problem.row()).toString();
        }
        String sep = "?";
        if (problem.row() != null) {
            link.append(sep).append("row=").append(problem.row());
            sep = "&";
        }
        if (problem.column() != null) {
            link.append(sep).append("col=").append(URLEncoder.encode(problem.column(), StandardCharsets.UTF_8));
        }
        return link.toString();
    }
}
