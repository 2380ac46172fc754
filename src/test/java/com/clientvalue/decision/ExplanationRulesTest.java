package com.clientvalue.decision;

import com.clientvalue.RealRulesFolder;
import com.clientvalue.rules.ActiveRuleBase;
import com.clientvalue.rules.ReasonTemplate;
import com.clientvalue.rules.RuleBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the service writes the analysts' sentences: a NAME that quotes figures, and figures as each language writes them. */
class ExplanationRulesTest {

    @Test
    void aRowWithoutAReasonMayQuoteFiguresInItsName() throws IOException {
        Path rules = RealRulesFolder.copy();
        Path table = rules.resolve("clusters/cluster-classification.csv");
        String row = Files.readAllLines(table).stream().filter(line -> line.startsWith("CLU-MARGINAL,")).findFirst().orElseThrow();
        Files.writeString(table, Files.readString(table).replace(row,
                "CLU-MARGINAL,Potential {potential} and revenue class {abcClass}: a marginal client,LOW,LOW,MARGINAL,,"));
        RuleBase ruleBase = ActiveRuleBase.compileFolder(rules);

        Evaluation evaluation = new DecisionEvaluator().evaluate(TestFacts.client().build(), null, null, ruleBase);
        for (String language : List.of("en", "it")) {
            ExplanationLine cluster = Explanations.of(evaluation.firedRules(), TestFacts.client().build(), evaluation.outcome(), null,
                    ruleBase, language).lines().get(0);
            assertEquals("CLU-MARGINAL", cluster.reasonCode());
            assertEquals("Potential 50 and revenue class B: a marginal client", cluster.text(), "the NAME, in every language");
            assertEquals(List.of("potential", "abcClass"), List.copyOf(cluster.quoted().keySet()));
        }
    }

    @Test
    void figuresAreWrittenAsEachLanguageWritesThem() {
        ExplanationWords english = ExplanationWords.of("en");
        ExplanationWords italian = ExplanationWords.of("it");

        assertEquals("12,345.60", english.shown("revenue12m", new BigDecimal("12345.6")), "money: two decimals, grouped");
        assertEquals("12.345,60", italian.shown("revenue12m", new BigDecimal("12345.6")));
        assertEquals("2.01", english.shown("silenceRatio", new BigDecimal("2.010")));
        assertEquals("2,01", italian.shown("silenceRatio", new BigDecimal("2.010")));
        assertEquals("1,200", english.shown("employees", 1200));
        assertEquals("1.200", italian.shown("employees", 1200));
        assertEquals("HARDWARE, SOFTWARE", italian.shown("productCategories12m", List.of("HARDWARE", "SOFTWARE")));
        assertEquals("sì", italian.shown("paid", true));
        assertEquals("not known", english.shown("potential", null));
        assertEquals("non noto", italian.shown("potential", null));
        assertEquals("revenue class", english.label("abcClass"));
        assertEquals("classe di fatturato", italian.label("abcClass"));
    }

    @Test
    void everyNameAReasonMayQuoteHasALabelInEachLanguage() {
        for (String language : Explanations.LANGUAGES) {
            ResourceBundle words = ResourceBundle.getBundle("i18n/explanations", java.util.Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            List<String> unlabelled = ReasonTemplate.quotableNames().stream().filter(name -> !words.containsKey("label." + name)).toList();
            assertEquals(List.of(), unlabelled, language);
            assertTrue(words.getLocale().getLanguage().isEmpty() == "en".equals(language), "the " + language + " words are its own");
        }
    }
}
