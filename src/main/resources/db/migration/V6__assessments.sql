-- Risk / opportunity assessments of a client by a team, on five dimensions, each rated 1-5. History kept.
CREATE TABLE assessment (
    id                        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    client_id                 VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    assessed_on               DATE NOT NULL,
    assessors                 VARCHAR(1100) NOT NULL,
    competition_risk          TINYINT NOT NULL,
    competition_opportunity   TINYINT NOT NULL,
    service_level_risk        TINYINT NOT NULL,
    service_level_opportunity TINYINT NOT NULL,
    knowledge_risk            TINYINT NOT NULL,
    knowledge_opportunity     TINYINT NOT NULL,
    product_risk              TINYINT NOT NULL,
    product_opportunity       TINYINT NOT NULL,
    people_risk               TINYINT NOT NULL,
    people_opportunity        TINYINT NOT NULL,
    notes                     VARCHAR(2000) NULL,
    recorded_at               TIMESTAMP(6) NOT NULL,
    INDEX assessment_by_client (client_id, assessed_on),
    CONSTRAINT assessment_client FOREIGN KEY (client_id) REFERENCES client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
