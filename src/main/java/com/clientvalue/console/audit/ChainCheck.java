package com.clientvalue.console.audit;

import com.clientvalue.audit.AuditVerification;
import io.micronaut.core.annotation.Nullable;

/** The verify page: the verification once asked for (else null), and problemKey naming a broken link's cause in words. */
public record ChainCheck(@Nullable AuditVerification.Verification result, @Nullable String problemKey) {
}
