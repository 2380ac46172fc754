-- What clients say they need (the wish list): imported from the CRM or posted through the API. A need is
-- open from the day it was stated until the day it was closed (met or dropped), so that the facts of any
-- past date see the needs that were open then.
CREATE TABLE client_need (
    client_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    need_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    stated_on DATE NOT NULL,
    category  VARCHAR(64) NOT NULL,
    text      VARCHAR(1000) NOT NULL,
    closed_on DATE NULL,
    outcome   VARCHAR(16) NULL,
    PRIMARY KEY (client_id, need_id),
    KEY client_need_by_date (client_id, stated_on),
    CONSTRAINT client_need_client FOREIGN KEY (client_id) REFERENCES client (client_id),
    CONSTRAINT client_need_closed CHECK ((closed_on IS NULL AND outcome IS NULL)
        OR (closed_on IS NOT NULL AND outcome IN ('MET', 'DROPPED') AND closed_on >= stated_on))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
