-- What started a resegmentation job: a person's request, the configured schedule, or imports that changed facts.
ALTER TABLE resegmentation_job ADD COLUMN started_by VARCHAR(16) NOT NULL DEFAULT 'REQUEST' AFTER status;
