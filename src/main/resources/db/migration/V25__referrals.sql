-- Who brought whom: a client referred by another (word of mouth), recorded by import or API. A client is
-- referred once; the referrer's thank-you and recognition, and the referred client's source, follow from it.
CREATE TABLE referral (
    client_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    referred_by VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    referred_on DATE NOT NULL,
    note        VARCHAR(1000) NULL,
    PRIMARY KEY (client_id),
    KEY referral_by_referrer (referred_by, referred_on),
    CONSTRAINT referral_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    CONSTRAINT referral_referrer FOREIGN KEY (referred_by) REFERENCES client (client_id),
    CONSTRAINT referral_not_self CHECK (client_id <> referred_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
