package com.clientvalue.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a route method (or a whole controller): a query parameter the route does not declare with
 * {@code @QueryValue} is refused with 400 problem+json {@code /problems/unknown-parameter} naming it
 * and the accepted ones, instead of being ignored: a misspelled filter ({@code clientID=}) would
 * otherwise silently widen a search. Checked by {@link UnknownParameterFilter}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RefuseUnknownParameters {
}
