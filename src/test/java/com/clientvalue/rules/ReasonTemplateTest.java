package com.clientvalue.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filling a sentence's placeholders reads them as placeholders() names them, whatever else the sentence holds. */
class ReasonTemplateTest {
    private static final Map<String, String> VALUES = Map.of("potential", "90", "abcClass", "A");

    @Test
    void eachPlaceholderIsReplacedAndTheRestKeptAsWritten() {
        assertEquals("Potential 90 and class A: a key client, 90 again",
                fill("Potential {potential} and class { abcClass }: a key client, {potential} again"));
        assertEquals("No placeholder at all", fill("No placeholder at all"));
        assertEquals("90", fill("{potential}"));
    }

    @Test
    void aBraceAloneStaysAsWrittenAndTheInnerPairIsThePlaceholder() {
        // sentences like these are refused when the rules are compiled; filling them must still not fail
        assertEquals("a {90 b", fill("a {{potential} b"));
        assertEquals("a 90} b", fill("a {potential}} b"));
        assertEquals("open { never closed", fill("open { never closed"));
        assertEquals(List.of("potential"), ReasonTemplate.placeholders("a {{potential} b"));
    }

    private static String fill(String sentence) {
        return ReasonTemplate.fill(sentence, name -> VALUES.getOrDefault(name, "?"));
    }
}
