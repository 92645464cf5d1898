-- The cached service catalogue. index_json is the centre's catalogue index (groups and item
-- summaries) exactly as last synced; catalog_item holds each item's full guide. A sync replaces
-- both in one transaction, so the cache is always one consistent catalogue version.
CREATE TABLE catalog_meta (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     TEXT NOT NULL,
    synced_at   TEXT NOT NULL,
    index_json  TEXT NOT NULL
);

CREATE TABLE catalog_item (
    code        TEXT PRIMARY KEY,
    revision    TEXT NOT NULL,
    detail_json TEXT NOT NULL
);
