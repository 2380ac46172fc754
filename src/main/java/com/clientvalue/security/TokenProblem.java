package com.clientvalue.security;

import com.clientvalue.common.Problems;
import org.zalando.problem.AbstractThrowableProblem;
import org.zalando.problem.Status;

import java.util.Map;

/** A token request that cannot be done: the name is taken, or no token has it. */
final class TokenProblem extends AbstractThrowableProblem {
    TokenProblem(int status, String slug, String detail, String name) {
        super(Problems.type(slug), status == 409 ? "Token exists" : "Token not found", status == 409 ? Status.CONFLICT : Status.NOT_FOUND,
                detail, null, null, Map.of("name", name));
    }
}
