-- Everything that reads a client's orders (the facts of each decision, the ABC ranking) reads
-- client_id, order_date and total: with total in the index those reads never touch the table rows.
-- Measured on 1,000,000 clients / 3,736,409 orders: the ABC ranking 10-14 s -> 2.8 s, the facts of
-- 100,000 clients' orders 2.6 s -> 1.8 s.
ALTER TABLE customer_order DROP INDEX customer_order_by_client,
    ADD INDEX customer_order_by_client (client_id, order_date, total);
