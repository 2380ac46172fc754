package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditChain;
import io.micronaut.core.annotation.Nullable;

/** The verify page: the verification once asked for (else null), and problemKey naming a broken link's cause in words. */
public record ChainCheck(@Nullable AuditChain.Verification result, @Nullable String problemKey) {
}
