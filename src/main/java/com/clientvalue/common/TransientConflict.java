package com.clientvalue.common;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * A write that lost a conflict with another transaction and was rolled back whole: an InnoDB
 * deadlock (1213, which is also how a Galera node reports a lost certification), or a lock wait
 * timeout (1205). Writing it again is safe and usually succeeds; it is not the caller's error.
 */
public final class TransientConflict {
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private TransientConflict() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
