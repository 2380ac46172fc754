package com.clientvalue.client;

import com.clientvalue.common.StandardProblems;
import com.clientvalue.audit.AdminLog;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import com.clientvalue.security.Roles;
import io.micronaut.security.annotation.Secured;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.InputStream;

@Secured(Roles.CRM)
@StandardProblems
@Controller("/api/imports")
@Tag(name = "Imports")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportController {
    private final ClientImport clientImport;
    private final OrderImport orderImport;
    private final FeedbackImport feedbackImport;
    private final ClientNeeds needs;
    private final Referrals referrals;
    private final PaymentImport payments;
    private final AdminLog log;
    private final io.micronaut.context.event.ApplicationEventPublisher<FactsImported> events;

    ImportController(ClientImport clientImport, OrderImport orderImport, FeedbackImport feedbackImport, ClientNeeds needs,
                     Referrals referrals, PaymentImport payments, AdminLog log,
                     io.micronaut.context.event.ApplicationEventPublisher<FactsImported> events) {
        this.payments = payments;
        this.events = events;
        this.referrals = referrals;
        this.needs = needs;
        this.clientImport = clientImport;
        this.orderImport = orderImport;
        this.feedbackImport = feedbackImport;
        this.log = log;
    }

    @Transactional
    @Post(value = "/clients", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Upsert clients from CSV",
            description = "Header client_id,name,country and optionally sector,company_type (the B2B segment, e.g. wholesaler: stored as a code in "
                    + "capitals, WHOLESALER, a space or - becoming _),employees,potential (0-100, empty = unknown),loss_reason. "
                    + "Upsert by client_id; optional columns left out of the header keep their stored values. "
                    + "All or nothing: a bad line gives 400 problem+json naming line and column, and nothing is written.")
    ImportResult clients(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "CLIENTS", clientImport.run(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/orders", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import order lines from CSV",
            description = "Header client_id,order_id,order_date,amount and optionally margin,product_category (a code: "
                    + "kitchen ware becomes KITCHEN_WARE); one row per order line, several rows per order_id; "
                    + "negative amounts are credit notes. An order_id in the file replaces all stored lines of that order, "
                    + "so re-importing a file changes nothing. All or nothing, like the client import; the problem names the "
                    + "first faulty line of the file.")
    ImportResult orders(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "ORDERS", orderImport.run(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/surveys", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import satisfaction surveys from CSV",
            description = "Header client_id,survey_date,expectation,experience and optionally comment; scores 1-5. One survey per "
                    + "client and date: re-importing replaces it. All or nothing, like the other imports.")
    ImportResult surveys(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "SURVEYS", feedbackImport.surveys(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/complaints", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import complaints from CSV",
            description = "Header client_id,complaint_date,category and optionally severity (1-5). One complaint per client, "
                    + "date and category: re-importing replaces it. All or nothing, like the other imports.")
    ImportResult complaints(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "COMPLAINTS", feedbackImport.complaints(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/needs", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import the needs clients stated (the wish list) from CSV",
            description = "Header client_id,need_id,stated_on,category,text and optionally closed_on,outcome (MET or DROPPED, "
                    + "both or neither). One need per client and need_id: re-importing replaces it, so a file of closings closes "
                    + "them. All or nothing, like the other imports.")
    ImportResult needs(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "NEEDS", needs.importCsv(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/referrals", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import referrals (who brought whom) from CSV",
            description = "Header client_id,referred_by,referred_on and optionally note: client_id is the client that was "
                    + "referred, referred_by the client who referred it (both must exist). One referral per referred client: "
                    + "re-importing replaces it. All or nothing, like the other imports.")
    ImportResult referrals(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "REFERRALS", referrals.importCsv(orEmpty(csv)));
    }

    @Transactional
    @Post(value = "/payments", consumes = {"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import invoices and their payments from CSV (optional)",
            description = "Header client_id,invoice_id,amount,due_on and optionally paid_on (empty while unpaid); amount more "
                    + "than 0. One line per client and invoice: re-importing replaces it, so a later file with the paid dates "
                    + "completes an earlier one. All or nothing, like the other imports. The facts of a date: overdueAmount, "
                    + "maxDaysLate12m.")
    ImportResult payments(@Nullable @Body InputStream csv, Authentication caller) {
        return logged(caller, "PAYMENTS", payments.run(orEmpty(csv)));
    }

    // the import and its admin-log line commit together (the controller methods are transactional)
    private ImportResult logged(Authentication caller, String kind, ImportResult result) {
        log.record(caller.getName(), "IMPORT_" + kind, null, result.rows() + " rows read, " + result.clients() + " clients touched"
                + (result.orders() == null ? "" : ", " + result.orders() + " orders written"));
        // heard once the import has committed (a resegmentation may follow it, resegmentation.after-import)
        events.publishEvent(new FactsImported(kind, result.rows()));
        return result;
    }

    // an empty body is an empty file: the import explains what header it expected
    private static InputStream orEmpty(InputStream csv) {
        return csv != null ? csv : InputStream.nullInputStream();
    }
}
