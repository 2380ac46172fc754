-- Orders may carry their margin (optional column of the order import): line by line, and summed per order.
ALTER TABLE order_line ADD COLUMN margin DECIMAL(18, 4) NULL;
ALTER TABLE customer_order ADD COLUMN margin DECIMAL(18, 4) NULL;
