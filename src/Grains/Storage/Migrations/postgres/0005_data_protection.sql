-- ASP.NET Core Data Protection keys, shared by every web node so a login cookie or bearer
-- token issued by one node is accepted by all of them.
CREATE TABLE data_protection_keys (
    name        text    PRIMARY KEY,
    xml         text    NOT NULL,
    created_at  bigint  NOT NULL
);
