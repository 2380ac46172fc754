package com.clientvalue.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the analysts' files into a {@link RuleBase}, or reports every problem found, each located
 * by file, table and row (never only by a line of generated DRL).
 */
final class RuleSetCompiler {
    private static final String RESOURCE_ROOT = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final int KEPT = 4;
    /** The last few rule bases compiled, by version; in access order, so the least recently used goes first. */
    private static final Map<String, RuleBase> RECENT = new LinkedHashMap<>(8, 0.75f, true);

    private RuleSetCompiler() {
    }

    /**
     * What the files compile to. A compilation depends on the files alone, and their version is a hash
     * of them: the last few rule bases are kept by version, so that the same files are compiled once
     * however many callers ask (a draft validated, previewed, then published; a shadow's candidate; a
     * stored version activated again; every application context of a JVM starting on the same folder).
     * Rule bases are immutable values, safe to share. Files that do not compile are not kept.
     */
    static RuleBase compile(List<RuleSource> sources) {
        String version = version(sources);
        synchronized (RECENT) {
            RuleBase known = RECENT.get(version);
            if (known != null) {
                return known;
            }
        }
        RuleBase compiled = build(sources); // outside the lock: a compilation takes seconds
        synchronized (RECENT) {
            RECENT.put(version, compiled);
            while (RECENT.size() > KEPT) {
                RECENT.remove(RECENT.keySet().iterator().next());
            }
        }
        return compiled;
    }

    private static RuleBase build(List<RuleSource> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        if (sources.isEmpty()) {
            throw new RuleSetInvalid(List.of(new RuleProblem("(rules folder)", null, null, null,
                    "no rule files (.csv, .xlsx, .drl) found")));
        }
        Vocabulary vocabulary = Vocabulary.read(sources, problems);
        Map<String, TranslatedSource> byResourcePath = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            if (!source.isCompiled()) {
                continue;
            }
            TranslatedSource translated = translate(source, problems);
            if (translated != null) {
                byResourcePath.put(resourcePath(source), translated);
            }
        }
        byResourcePath.values().forEach(translated -> checkActionCodes(translated, vocabulary, problems));
        if (!problems.isEmpty()) {
            throw new RuleSetInvalid(problems);
        }
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId("com.clientvalue.rules", "rule-set", "1." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        byResourcePath.forEach((path, translated) -> files.write(RESOURCE_ROOT + path, translated.drl()));
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message message : errors) {
            // Drools adds this after a syntax error it has already reported
            if (errors.size() == 1 || !message.getText().contains("Parser returned a null Package")) {
                RuleProblem problem = locate(message, byResourcePath);
                if (!problems.contains(problem)) { // a column's code fails once per row: one cause, one problem
                    problems.add(problem);
                }
            }
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetInvalid(problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        // the container keeps its module; the repository would otherwise keep every build forever
        kie.getRepository().removeKieModule(releaseId);
        try {
            return describe(sources, byResourcePath, vocabulary, container);
        } catch (RuleSetInvalid invalid) {
            container.dispose();
            throw invalid;
        }
    }

    private static TranslatedSource translate(RuleSource source, List<RuleProblem> problems) {
        if (source.kind() == RuleSource.Kind.DRL) {
            return TranslatedSource.ofDrl(source);
        }
        try {
            SpreadsheetGrid grid = SpreadsheetGrid.read(source);
            DecisionTableCheck.Result check = DecisionTableCheck.check(source.path(), grid);
            problems.addAll(check.problems());
            if (!check.problems().isEmpty()) {
                return null;
            }
            List<RuleProblem> cells = CellCheck.check(DecisionTable.of(source.path(), grid, check.tables()));
            if (!cells.isEmpty()) {
                problems.addAll(cells); // Drools would report them as errors in code it generated
                return null;
            }
            // a sheet is compiled as the CSV it shows, so that a CSV saved as .xlsx keeps its meaning
            byte[] csv = source.kind() == RuleSource.Kind.XLSX_TABLE
                    ? grid.toCsv().getBytes(StandardCharsets.UTF_8) : source.content();
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(csv), InputType.CSV);
            return TranslatedSource.ofTable(source, drl, grid, check.tables());
        } catch (Exception e) {
            // Drools reports a bad layout by throwing (DecisionTableParseException and others)
            problems.add(new RuleProblem(source.path(), null, null, null,
                    "the decision table cannot be read: " + rootMessage(e)));
            return null;
        }
    }

    private static RuleProblem locate(Message message, Map<String, TranslatedSource> byResourcePath) {
        String path = message.getPath() == null ? null : message.getPath().replaceFirst("^" + RESOURCE_ROOT, "");
        TranslatedSource source = path == null ? null : byResourcePath.get(path);
        String text = message.getText() == null ? "error" : message.getText().replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new RuleProblem(message.getPath() == null ? "(rules folder)" : message.getPath(), null, null, null,
                    CompilerMessage.explain(text));
        }
        return source.locate(message.getLine(), text);
    }

    private static final java.util.regex.Pattern ACTION_CODE =
            java.util.regex.Pattern.compile("new\\s+ActionProposal\\s*\\(\\s*\"([^\"]*)\"");

    /** Every action a rule proposes must be in vocabulary/actions.csv, so that decisions can describe it. */
    private static void checkActionCodes(TranslatedSource translated, Vocabulary vocabulary, List<RuleProblem> problems) {
        String[] lines = translated.drl().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher matcher = ACTION_CODE.matcher(lines[i]);
            while (matcher.find()) {
                if (vocabulary.action(matcher.group(1)).isEmpty()) {
                    problems.add(translated.locate(i + 1, "unknown action code " + matcher.group(1)
                            + ": add it to " + Vocabulary.ACTIONS + " or correct the code"));
                }
            }
        }
    }

    private static RuleBase describe(List<RuleSource> sources, Map<String, TranslatedSource> byResourcePath,
                                     Vocabulary vocabulary, KieContainer container) {
        Map<String, TranslatedSource> byPackageAndName = new LinkedHashMap<>();
        for (TranslatedSource translated : byResourcePath.values()) {
            for (String ruleName : translated.ruleNameToRow().keySet()) {
                byPackageAndName.put(RuleBase.qualifiedName(translated.packageName(), ruleName), translated);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleDescriptor> byQualifiedName = new LinkedHashMap<>();
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        Map<String, ReasonTemplate> reasons = new LinkedHashMap<>();
        for (KiePackage kiePackage : container.getKieBase().getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String qualified = RuleBase.qualifiedName(rule.getPackageName(), rule.getName());
                TranslatedSource source = byPackageAndName.get(qualified);
                if (source == null) {
                    continue; // not an analyst's rule (none expected, but never guess a location)
                }
                int row = source.ruleNameToRow().get(rule.getName());
                Object id = rule.getMetaData().get("ruleId");
                if (id == null || id.toString().isBlank()) {
                    problems.add(new RuleProblem(source.source().path(), source.tableAt(row), row, null,
                            "rule '" + rule.getName() + "' has no rule id: add @ruleId(\"...\") (DRL) or a METADATA ruleId column (tables)"));
                    continue;
                }
                RuleDescriptor descriptor = new RuleDescriptor(id.toString(), rule.getName(), source.source().path(),
                        source.tableAt(row), row);
                RuleDescriptor clash = byId.putIfAbsent(descriptor.ruleId(), descriptor);
                if (clash != null) {
                    problems.add(new RuleProblem(descriptor.file(), descriptor.table(), descriptor.row(), null,
                            "rule id '" + descriptor.ruleId() + "' is already used by " + clash.file() + " row " + clash.row()
                                    + ": rule ids must be unique"));
                }
                byQualifiedName.put(qualified, descriptor);
                ReasonTemplate reason = reason(rule.getMetaData());
                if (reason != null) {
                    reasons.put(descriptor.ruleId(), reason);
                }
                if (descriptor.table() == null) { // a DRL rule: a table's cells were checked where they are
                    for (String wrong : ReasonTemplate.placeholderProblems(rule.getName())) {
                        problems.add(new RuleProblem(descriptor.file(), null, descriptor.row(), null,
                                "the name of rule " + descriptor.ruleId() + ": " + wrong));
                    }
                    for (String sentence : reason == null ? List.<String>of() : java.util.Arrays.asList(reason.english(), reason.italian())) {
                        for (String wrong : sentence == null ? List.<String>of() : ReasonTemplate.problems(sentence)) {
                            problems.add(new RuleProblem(descriptor.file(), null, descriptor.row(), null,
                                    "the reason of rule " + descriptor.ruleId() + ": " + wrong));
                        }
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalid(problems);
        }
        List<RuleDescriptor> rules = byQualifiedName.values().stream()
                .sorted(java.util.Comparator.comparing(RuleDescriptor::file).thenComparingInt(RuleDescriptor::row))
                .toList();
        List<RuleFileSummary> files = sources.stream()
                .map(s -> new RuleFileSummary(s.path(), sha256(s.content()),
                        (int) rules.stream().filter(r -> r.file().equals(s.path())).count()))
                .toList();
        String drl = byResourcePath.values().stream().map(TranslatedSource::drl).collect(java.util.stream.Collectors.joining("\n"));
        return new RuleBase(versionOf(files), Instant.now(), files, rules, byQualifiedName, vocabulary, sources, drl, container, reasons);
    }

    // the reason columns of a table row (or @reason, @reason_it, @technical of a DRL rule); null when it has none
    private static ReasonTemplate reason(Map<String, Object> metadata) {
        String english = text(metadata.get("reason"));
        String italian = text(metadata.get("reason_it"));
        boolean technical = "yes".equalsIgnoreCase(text(metadata.get("technical")));
        return english == null && italian == null && !technical ? null : new ReasonTemplate(english, italian, technical);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? null : text;
    }

    /** The version these files compile to, known without compiling them. */
    static String version(List<RuleSource> sources) {
        return versionOf(sources.stream().map(s -> new RuleFileSummary(s.path(), sha256(s.content()), 0)).toList());
    }

    /** The version: a hash over every file's path and content hash, so any edit gives a new one. */
    static String versionOf(List<RuleFileSummary> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach(f -> manifest.append(f.path()).append('\0').append(f.sha256()).append('\n'));
        return sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resourcePath(RuleSource source) {
        return "rules/" + source.path() + (source.kind() == RuleSource.Kind.DRL ? "" : ".drl");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
