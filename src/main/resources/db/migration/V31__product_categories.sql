-- The product category of an order line (optional in the order import): the customer pyramid by category
-- and the categories each cluster buys; a code in capitals (KITCHENWARE, CANDLES)
ALTER TABLE order_line ADD COLUMN product_category VARCHAR(64) NULL;
