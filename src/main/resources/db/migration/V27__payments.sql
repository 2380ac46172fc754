-- Invoices and when they were paid (an optional import): how reliable a counterparty is, as of any date.
CREATE TABLE payment (
    client_id  VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    invoice_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    amount     DECIMAL(18, 4) NOT NULL,
    due_on     DATE NOT NULL,
    paid_on    DATE NULL,
    PRIMARY KEY (client_id, invoice_id),
    KEY payment_by_due (client_id, due_on),
    CONSTRAINT payment_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    CONSTRAINT payment_amount CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
