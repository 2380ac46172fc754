package com.clientvalue.console.audit;

/** One named value of a decision document, with its label in the page's language. */
public record Field(String name, String label, String value) {
}
