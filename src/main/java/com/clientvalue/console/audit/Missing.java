package com.clientvalue.console.audit;

/** Something an audit page was asked for and that is not there: the message key that says what, and the id asked for. */
public record Missing(String messageKey, String id) {
}
