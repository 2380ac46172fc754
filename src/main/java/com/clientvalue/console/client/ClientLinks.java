package com.clientvalue.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The address of a client's page; client ids are the CRM's and may hold any character. */
public final class ClientLinks {
    private ClientLinks() {
    }

    public static String of(String clientId) {
        return "/console/clients/" + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String of(String clientId, LocalDate asOf) {
        return of(clientId) + "?asOf=" + asOf;
    }
}
