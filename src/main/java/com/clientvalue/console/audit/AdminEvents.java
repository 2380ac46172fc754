package com.clientvalue.console.audit;

import com.clientvalue.audit.AdminLog;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A page of events; older is the beforeId of the next page back, null on the last one. */
public record AdminEvents(List<AdminLog.AdminEvent> events, @Nullable Long beforeId, @Nullable Long older) {
}
