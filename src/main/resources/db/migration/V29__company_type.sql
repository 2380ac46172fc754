-- The client's company type (its B2B segment: WHOLESALER, RETAILER, ...), a risk factor the tables may use
ALTER TABLE client ADD COLUMN company_type VARCHAR(50) NULL AFTER sector;
