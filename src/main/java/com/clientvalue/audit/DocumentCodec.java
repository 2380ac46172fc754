package com.clientvalue.audit;

import com.github.luben.zstd.Zstd;

import java.nio.charset.StandardCharsets;

/** The decision documents as stored: the exact UTF-8 bytes answered, zstd-compressed (level 3). */
public final class DocumentCodec {
    private static final int LEVEL = 3;

    private DocumentCodec() {
    }

    public static byte[] compress(String document) {
        return Zstd.compress(document.getBytes(StandardCharsets.UTF_8), LEVEL);
    }

    public static String decompress(byte[] body) {
        return new String(decompressBytes(body), StandardCharsets.UTF_8);
    }

    /** The stored UTF-8 bytes themselves (what a record hash covers), not decoded. */
    static byte[] decompressBytes(byte[] body) {
        long size = Zstd.getFrameContentSize(body);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not a zstd frame with its content size");
        }
        return Zstd.decompress(body, (int) size);
    }
}
