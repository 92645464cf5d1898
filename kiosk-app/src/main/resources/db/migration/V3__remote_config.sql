-- Remote configuration overrides from the centre (an allow-listed set of keys), applied at
-- the next start on top of the configuration file; one row per key, with the version they came with.
CREATE TABLE remote_config (
    config_key  TEXT    PRIMARY KEY,
    value       TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    fetched_at  INTEGER NOT NULL
);
