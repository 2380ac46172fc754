package com.clientvalue.common;

import java.net.URI;

/** Stable problem types: clients may switch on them, so a type never changes once published. */
public final class Problems {
    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }
}
