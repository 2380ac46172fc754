-- The assessment team of a client (DOMAIN.md section 4): one person per role, replaced as a whole
CREATE TABLE client_team_member (
    client_id   VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    role        VARCHAR(32) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    assigned_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (client_id, role),
    CONSTRAINT client_team_member_client FOREIGN KEY (client_id) REFERENCES client (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who assessed in which role: one role per line, aligned with assessors ('' = no role known). Assessments
-- recorded before stay NULL: their assessors have no known role.
ALTER TABLE assessment ADD COLUMN assessor_roles VARCHAR(1100) NULL AFTER assessors;
