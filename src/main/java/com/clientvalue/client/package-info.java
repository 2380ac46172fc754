/**
 * Client facts: clients, order lines, surveys, complaints, assessments and loss reasons as stored
 * in MariaDB; their all-or-nothing CSV imports; and the facts of a client as of a date
 * ({@link com.clientvalue.client.ClientFacts}, derived figures such as the ABC class and the
 * order rhythm), which every decision reads and never changes.
 */
package com.clientvalue.client;
